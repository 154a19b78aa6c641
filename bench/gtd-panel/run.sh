#!/bin/sh
# GTD joint-attack dyad-year panel: Wedge (import gtd + export panel) against pandas on one generated file, side by side.
# usage: bench/gtd-panel/run.sh [INCIDENTS]   (default 200000; 10% with two or three perpetrators)
# Needs the .NET SDK and Debian's python3-pandas (/usr/bin/python3). Prints both times, the ratio, and checks the
# joint-attack columns of the two panels are equal. Do not run it while the test suite runs (2 shared cores).
set -eu
N=${1:-200000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# As the installed tool runs: `dotnet pack` (the README's install) compiles it ReadyToRun (docs/startup.md).
# WEDGE_BENCH_JIT=1 times a plain Release build instead (every method JIT-compiled at first call).
if [ "${WEDGE_BENCH_JIT:-0}" = 1 ]; then
  dotnet build "$ROOT/src/Wedge.Cli" -c Release -o "$WORK/bin" >/dev/null
else
  dotnet publish "$ROOT/src/Wedge.Cli" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$WORK/bin" >/dev/null
fi
/usr/bin/python3 "$HERE/generate.py" "$N" "$WORK"
echo "file: $N incidents, $(du -h "$WORK/gtd.csv" | cut -f1)"
WEDGE="dotnet $WORK/bin/wedge.dll"
export WEDGE_AUTHOR=bench
$WEDGE init --empty --db "$WORK/w.db" >/dev/null
$WEDGE import case "$WORK/actors.yaml" --db "$WORK/w.db" >/dev/null   # the groups as actors: set-up, not timed

now() { date +%s.%N; }
t0=$(now)
$WEDGE import gtd "$WORK/gtd.csv" --db "$WORK/w.db" --json >"$WORK/import.json"
$WEDGE export panel --from 1970 --to 2019 --out "$WORK/panel.csv" --db "$WORK/w.db" >/dev/null
t1=$(now)
/usr/bin/python3 "$HERE/panel_pandas.py" "$WORK/gtd.csv" "$WORK/names.csv" "$WORK/panel.pandas.csv"
t2=$(now)

/usr/bin/python3 - "$WORK" "$t0" "$t1" "$t2" <<'PY'
import sys, pandas as pd
work, t0, t1, t2 = sys.argv[1], *map(float, sys.argv[2:])
cols = ["year", "a", "b", "joint_attacks", "joint_attack_fatalities", "joint_attacks_fatalities_unknown"]
ours = pd.read_csv(f"{work}/panel.csv", dtype={"a": str, "b": str})
ours = ours[ours["joint_attacks"] > 0][cols].reset_index(drop=True)
peer = pd.read_csv(f"{work}/panel.pandas.csv", dtype={"a": str, "b": str})[cols]
same = ours.equals(peer)
wedge, pandas = t1 - t0, t2 - t1
print(f"wedge  (import gtd + export panel): {wedge:6.2f} s")
print(f"pandas (read_csv + pairs + groupby): {pandas:6.2f} s")
print(f"ratio wedge/pandas: {wedge / pandas:.2f} (goal <= 0.33)")
print(f"joint-attack rows: wedge {len(ours)}, pandas {len(peer)}; equal: {same}")
import os
if os.environ.get("BENCH_TSV"):  # one row for bench/run-all
    with open(os.environ["BENCH_TSV"], "a") as tsv:
        print(f"gtd-panel {len(ours)} joint rows{'' if same else ' (PANELS DIFFER)'}\t{wedge:.2f}\tpandas\t{pandas:.2f}\t\t\t<= 0.33x pandas\t{'met' if same and wedge <= 0.33 * pandas else 'missed'}", file=tsv)
sys.exit(0 if same else 1)
PY
