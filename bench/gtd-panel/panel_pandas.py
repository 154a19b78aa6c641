"""The joint-attack dyad-year panel from a GTD-layout file, computed with pandas, independently of Wedge.

usage: /usr/bin/python3 panel_pandas.py GTD.csv NAMES.csv OUT.csv
NAMES.csv maps GTD group names to actor ids (name,actor_id); names not in it are left out, as Wedge leaves out unmatched names.
Rule (docs/import-events.md): an incident's perpetrators are gname, gname2, gname3 other than 'Unknown'; every pair of
distinct actors among them is a joint attack of that pair in iyear; fatalities are nkill summed where known.
"""
import sys

import pandas as pd

gtd, names, out = sys.argv[1:4]
cols = ["eventid", "iyear", "gname", "gname2", "gname3", "nkill"]
df = pd.read_csv(gtd, usecols=cols, dtype={"eventid": "int64", "iyear": "int64", "gname": str, "gname2": str, "gname3": str, "nkill": "float64"},
                 keep_default_na=False, na_values={"nkill": [""]}, encoding="utf-8")
ids = pd.read_csv(names, dtype=str, keep_default_na=False).set_index("name")["actor_id"]

long = df.melt(id_vars=["eventid", "iyear", "nkill"], value_vars=["gname", "gname2", "gname3"], value_name="name")
long = long[(long["name"].str.strip() != "") & (long["name"].str.strip().str.lower() != "unknown")]
long["actor"] = long["name"].str.strip().map(ids)
long = long.dropna(subset=["actor"]).drop_duplicates(subset=["eventid", "actor"])[["eventid", "iyear", "nkill", "actor"]]

pairs = long.merge(long[["eventid", "actor"]], on="eventid", suffixes=("_a", "_b"))
pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
pairs["unknown"] = pairs["nkill"].isna().astype("int64")
panel = (pairs.groupby(["iyear", "actor_a", "actor_b"])
         .agg(joint_attacks=("eventid", "nunique"),
              joint_attack_fatalities=("nkill", "sum"),
              joint_attacks_fatalities_unknown=("unknown", "sum"))
         .reset_index()
         .rename(columns={"iyear": "year", "actor_a": "a", "actor_b": "b"}))
panel["joint_attack_fatalities"] = panel["joint_attack_fatalities"].astype("int64")
panel.sort_values(["year", "a", "b"]).to_csv(out, index=False, lineterminator="\n")
