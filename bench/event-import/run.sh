#!/bin/sh
# UCDP GED import rate: `wedge import ucdp` on a generated GED-layout file, reported as events (rows) read per second.
# usage: bench/event-import/run.sh [EVENTS]   (default 300000)
# Needs the .NET SDK and /usr/bin/python3. BENCH_TSV=FILE appends one row for bench/run-all. Do not run it while the test suite runs (2 shared cores).
set -eu
N=${1:-300000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

dotnet build "$ROOT/src/Wedge.Cli" -c Release -o "$WORK/bin" >/dev/null
/usr/bin/python3 "$HERE/generate.py" "$N" "$WORK"
echo "file: $N events, $(du -h "$WORK/ged.csv" | cut -f1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
WEDGE="dotnet $WORK/bin/wedge.dll"
export WEDGE_AUTHOR=bench
$WEDGE init --empty --db "$WORK/w.db" >/dev/null
$WEDGE import case "$WORK/actors.yaml" --db "$WORK/w.db" >/dev/null   # the groups as actors: set-up, not timed

now() { date +%s.%N; }
t0=$(now)
/usr/bin/time -f "%M" -o "$WORK/rss" $WEDGE import ucdp "$WORK/ged.csv" --db "$WORK/w.db" --json >"$WORK/import.json"
t1=$(now)

/usr/bin/python3 - "$WORK" "$t0" "$t1" <<'PY'
import json, sys
work, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
r = json.load(open(f"{work}/import.json"))
rss = int(open(f"{work}/rss").read().split()[-1]) // 1024
s = t1 - t0
print(f"import ucdp: {s:.2f} s for {r['rowsRead']:,} rows ({r['rowsRead'] / s:,.0f} events/s read); "
      f"{r['eventsImported']:,} non-state events imported ({r['eventsImported'] / s:,.0f}/s), "
      f"{r['pairYears']:,} pair-years, {r['claims']:,} claims, {r['changes']:,} changes; peak RSS {rss} MB")
print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")
import os
if os.environ.get("BENCH_TSV"):  # one row for bench/run-all: no peer imports UCDP into Wedge, so a rate
    with open(os.environ["BENCH_TSV"], "a") as tsv:
        print(f"import ucdp {r['rowsRead']:,} events ({r['rowsRead'] / s:,.0f}/s)\t{s:.2f}\t-\t\t{rss}\t\t(no goal set)\t-", file=tsv)
PY
