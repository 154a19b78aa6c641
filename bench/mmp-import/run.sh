#!/usr/bin/env bash
# Generates N MMP-format observations (default 1,000,000) and imports them into a fresh SQLite store,
# under /usr/bin/time -v for peak memory. Results are written up in README.md beside this script.
# BENCH_TSV=FILE also appends one row for bench/run-all (benchmark, Wedge s, peer, peer s, Wedge MB, peer MB, goal, met).
set -euo pipefail
cd "$(dirname "$0")"
N="${1:-1000000}"
MODE="${2:-import-store-stream}"
WORK="${WORK:-${TMPDIR:-/tmp}/wedge-bench-mmp}"
dotnet build -c Release -v q --nologo . >/dev/null
BIN=bin/Release/net10.0/MmpImportBench
[ -f "$WORK/n$N/relationships.csv" ] || "$BIN" generate "$N" "$WORK/n$N"
ls -l "$WORK/n$N"
/usr/bin/time -v "$BIN" "$MODE" "$WORK/n$N" "$WORK/bench.db" 2> "$WORK/time.txt" | tee "$WORK/out.txt"
grep -E "Maximum resident|Elapsed|Percent of CPU|User time" "$WORK/time.txt"
if [ -n "${BENCH_TSV:-}" ]; then
  /usr/bin/python3 - "$N" "$WORK/out.txt" "$WORK/time.txt" >> "$BENCH_TSV" <<'PY'
import re, sys
n, out, timing = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
seconds, rate = re.search(r"total .*?([\d.]+) s = ([\d,]+) observations/s", out).groups()
rate = int(rate.replace(",", ""))
kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
print(f"mmp-import {int(n):,} obs ({rate:,}/s)\t{seconds}\t-\t\t{kb / 1024:.0f}\t\t>= 100,000 obs/s\t{'met' if rate >= 100_000 else 'missed'}")
PY
fi
