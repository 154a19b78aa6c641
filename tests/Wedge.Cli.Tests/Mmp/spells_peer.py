"""An independent implementation of Wedge's default spell rule, for MMP data only (one source, no recorded
ends, no group ends), written from docs/import-mmp.md and run by hand under /usr/bin/python3 to produce the
expected spell counts checked into MmpCommandsTests. It reads the shared CSVs directly, not Wedge's output.

Usage: /usr/bin/python3 spells_peer.py ../shared/data/mmp
"""
import csv, collections, html, io, re, sys, calendar

root = sys.argv[1]
text = open(f"{root}/Militant-Group-Relationships.csv", "rb").read().decode("utf-8-sig")
rows = list(csv.DictReader(io.StringIO(text)))

def clean(s):
    return html.unescape(s).replace("\\'", "'").replace('\\"', '"').replace("\xa0", " ").strip()

def parse(d):
    d = d.strip()
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", d)
    if m:
        y, mo, da = map(int, m.groups())
    else:
        mo, da, y = map(int, d.split("/"))
        y += 1900 if y >= 30 else 2000
    prec = 0 if mo == 0 else (1 if da == 0 else 2)
    return (y, mo or 1, da or 1, prec)  # earliest day, then precision (coarser first)

KIND = {"all": "alliance", "aff": "affiliation", "riv": "rivalry", "spl": "split", "mer": "merger"}
ENDED_BY = {"alliance": {"split", "rivalry"}, "affiliation": {"split", "rivalry"}, "rivalry": {"alliance", "affiliation", "merger"}}

# Merge exact duplicates (all columns but unique_id, after undoing MMP's escapes); keep the lowest unique_id.
first = {}
for r in rows:
    key = (r["type"], r["group1_id"].strip(), r["group2_id"].strip(), r["date"].strip(), clean(r["description"]))
    if key not in first or int(r["unique_id"]) < int(first[key]["unique_id"]):
        first[key] = r
obs = [(parse(r["date"]), KIND[r["type"]], r["group1_id"].strip(), r["group2_id"].strip(), "mmp-" + r["unique_id"]) for r in first.values()]
data_end = max(o[0] for o in obs)

pairs = collections.defaultdict(list)
for o in obs:
    pairs[tuple(sorted((o[2], o[3])))].append(o)

spells = []
for pair, items in pairs.items():
    items.sort(key=lambda o: (o[0], 0 if o[1] in ENDED_BY else 1, o[4]))
    open_ = {}
    for date, kind, _, _, oid in items:
        started = None
        if kind in ENDED_BY and kind not in open_:
            open_[kind] = started = (date, oid)
        for k in list(open_):
            if open_[k] is not started and kind in ENDED_BY[k]:
                spells.append((k, "ended"))
                del open_[k]
    for k in open_:
        spells.append((k, "censored"))

print("distinct observations", len(obs), "data end", data_end[:3])
print("spells", len(spells), collections.Counter(k for k, _ in spells), collections.Counter(e for _, e in spells))
