"""Generates a UCDP GED-layout file (49 columns, releases 20.1 on) of N made-up events and the actors its groups are
matched onto. Seeded: the same N gives the same file.
usage: /usr/bin/python3 generate.py N OUTDIR   -> OUTDIR/ged.csv, OUTDIR/actors.yaml

Mix (roughly GED's own): 70% state-based, 15% non-state, 15% one-sided; 200 groups, each side carrying its UCDP id
(matched by external id); non-state events between 300 dyads; date_prec 1-5 at 60/15/10/10/5%; 5% of events unclear (event_clarity 2)."""
import datetime
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layouts import UCDP_GED, writer  # noqa: E402

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261204)
GROUPS = [(f"g{i:03d}", f"Armed Group {i:03d}", 1000 + i) for i in range(200)]
GOVERNMENTS = [(f"Government of Country {i}", 100 + i) for i in range(30)]
EPOCH = datetime.date(1989, 1, 1)
# Non-state conflict recurs between the same few hundred dyads, as in GED.
DYADS = [tuple(rng.sample(GROUPS, 2)) for _ in range(300)]

with open(os.path.join(out, "actors.yaml"), "w", encoding="utf-8") as f:
    f.write("case: ged-bench-actors\ntitle: Actors for the generated UCDP GED file\nactors:\n")
    for gid, name, ucdp in GROUPS:
        f.write(f"  - id: {gid}\n    name: {name}\n    kind: armed-group\n    external-ids:\n      ucdp: \"{ucdp}\"\n")

prec_weights = [60, 15, 10, 10, 5]
f, w = writer(os.path.join(out, "ged.csv"), UCDP_GED)
for k in range(n):
    event_id = 100000 + k
    start = EPOCH + datetime.timedelta(days=rng.randrange(36 * 365))
    prec = rng.choices([1, 2, 3, 4, 5], prec_weights)[0]
    span = {1: 0, 2: rng.randint(1, 5), 3: rng.randint(5, 7), 4: rng.randint(8, 30), 5: rng.randint(31, 365)}[prec]
    end = start + datetime.timedelta(days=span)
    kind = rng.choices([1, 2, 3], [70, 15, 15])[0]
    country = rng.randrange(30)
    if kind == 1:
        (a, a_id), g = GOVERNMENTS[country], rng.choice(GROUPS)
        b, b_id = g[1], g[2]
    elif kind == 2:
        g1, g2 = rng.choice(DYADS)
        (a, a_id), (b, b_id) = (g1[1], g1[2]), (g2[1], g2[2])
    else:
        g = rng.choice(GROUPS)
        (a, a_id), (b, b_id) = (g[1], g[2]), ("Civilians", 1)
    deaths = [rng.randint(0, 8) for _ in range(4)]
    best = sum(deaths)
    w.writerow({
        "id": event_id, "relid": f"C{country}-{start.year}-{kind}-{k}", "year": start.year, "active_year": "true",
        "code_status": "Clear", "type_of_violence": kind, "conflict_dset_id": 400 + country, "conflict_new_id": 400 + country,
        "conflict_name": f"{a} - {b}", "dyad_dset_id": 700 + k % 900, "dyad_new_id": 700 + k % 900, "dyad_name": f"{a} - {b}",
        "side_a_dset_id": a_id, "side_a_new_id": a_id, "side_a": a, "side_b_dset_id": b_id, "side_b_new_id": b_id, "side_b": b,
        "number_of_sources": rng.randint(1, 4),
        "source_article": f"Agency wire {start.isoformat()} \"Fighting reported near town {k % 977}, several killed\";"
                          f"Local radio {start.isoformat()} \"Clashes continue, residents flee\"",
        "source_office": "Agency wire;Local radio", "source_date": f"{start.isoformat()};{start.isoformat()}",
        "source_headline": "Fighting reported near town; Clashes continue", "source_original": "residents; officials",
        "where_prec": rng.randint(1, 7), "where_coordinates": f"Town {k % 977}", "where_description": "near the market",
        "adm_1": f"Province {k % 40}", "adm_2": f"District {k % 300}", "latitude": f"{rng.uniform(-30, 40):.4f}",
        "longitude": f"{rng.uniform(-20, 80):.4f}", "geom_wkt": "POINT (10.5 20.5)", "priogrid_gid": 100000 + k % 50000,
        "country": f"Country {country}", "country_id": 600 + country, "region": "Africa",
        "event_clarity": 2 if rng.random() < 0.05 else 1, "date_prec": prec,
        "date_start": f"{start.isoformat()} 00:00:00.000", "date_end": f"{end.isoformat()} 00:00:00.000",
        "deaths_a": deaths[0], "deaths_b": deaths[1], "deaths_civilians": deaths[2], "deaths_unknown": deaths[3],
        "best": best, "high": best + rng.randint(0, 5), "low": max(0, best - rng.randint(0, 3)),
        "gwnoa": 600 + country if kind == 1 else "", "gwnob": "",
    })
f.close()
