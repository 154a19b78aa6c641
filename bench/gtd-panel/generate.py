"""Writes a GTD-layout file of N synthetic incidents (10% with two or three perpetrators), a case file with its groups as
actors, and the names table for the pandas peer. usage: generate.py N OUTDIR [SEED]"""
import pathlib
import random
import sys

from gtd_layout import row, writer

n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
out.mkdir(parents=True, exist_ok=True)
groups = [f"Synthetic Group {k:03d}" for k in range(300)]
countries = ["Afghanistan", "Pakistan", "Iraq", "Syria", "Somalia", "Nigeria", "Yemen", "Mali"]

with (out / "actors.yaml").open("w", encoding="utf-8") as f:
    f.write("case: gtd-bench-actors\ntitle: Actors for the generated GTD file\nactors:\n")
    for k, g in enumerate(groups):
        f.write(f"  - id: g{k:03d}\n    name: {g}\n    kind: armed-group\n")
with (out / "names.csv").open("w", encoding="utf-8") as f:
    f.write("name,actor_id\n" + "".join(f"{g},g{k:03d}\n" for k, g in enumerate(groups)))

with (out / "gtd.csv").open("w", newline="", encoding="utf-8") as f:
    w = writer(f)
    for i in range(n):
        year = rng.randint(1970, 2019)
        month = 0 if rng.random() < 0.02 else rng.randint(1, 12)
        day = 0 if month == 0 or rng.random() < 0.05 else rng.randint(1, 28)
        k = 1 if rng.random() >= 0.10 else (2 if rng.random() < 0.8 else 3)
        names = ["Unknown"] if k == 1 and rng.random() < 0.4 else rng.sample(groups, k)
        names += [""] * (3 - len(names))
        unc = [("1" if rng.random() < 0.15 else "0") if nm else "" for nm in names]
        nkill = "" if rng.random() < 0.08 else str(rng.choice([0, 0, 1, 1, 2, 3, 5, 8, 13, 40]))
        w.writerow(row(eventid=f"{year}{month:02d}{day:02d}{i:06d}", iyear=year, imonth=month, iday=day,
                       gname=names[0], gname2=names[1], gname3=names[2], guncertain1=unc[0], guncertain2=unc[1], guncertain3=unc[2],
                       claimed=rng.choice(["0", "1", "-9"]), nkill=nkill, country_txt=rng.choice(countries),
                       city=f"City {rng.randint(1, 500)}", summary=f"Synthetic incident {i}, \"not\" from the GTD, with a comma."))
