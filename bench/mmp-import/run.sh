#!/usr/bin/env bash
# Generates N MMP-format observations (default 1,000,000) and imports them into a fresh SQLite store,
# under /usr/bin/time -v for peak memory. Results are written up in README.md beside this script.
set -euo pipefail
cd "$(dirname "$0")"
N="${1:-1000000}"
MODE="${2:-import}"
WORK="${TMPDIR:-/tmp}/wedge-bench-mmp"
dotnet build -c Release -v q --nologo . >/dev/null
BIN=bin/Release/net10.0/MmpImportBench
[ -f "$WORK/n$N/relationships.csv" ] || "$BIN" generate "$N" "$WORK/n$N"
ls -l "$WORK/n$N"
/usr/bin/time -v "$BIN" "$MODE" "$WORK/n$N" "$WORK/bench.db" 2> "$WORK/time.txt"
grep -E "Maximum resident|Elapsed|Percent of CPU" "$WORK/time.txt"
