#!/usr/bin/env bash
# Times `wedge actors` and `wedge dyad al-Qaeda Taliban` on four records: the built-in case, the real MMP import
# (../shared/data/mmp), and 200k and 1M generated MMP observations (bench/mmp-import's generator).
# usage: run.sh [SIZES...]   (default: 200000 1000000). WEDGE=/path/to/wedge uses a built CLI instead of building
# this checkout's (how the "before" figures were taken from an older commit). Results are written up in README.md.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
WORK="${TMPDIR:-/tmp}/wedge-bench-store"
MMP_WORK="${TMPDIR:-/tmp}/wedge-bench-mmp"
SIZES=("${@:-200000 1000000}")
[ $# -eq 0 ] && SIZES=(200000 1000000)
mkdir -p "$WORK"
if [ -z "${WEDGE:-}" ]; then
  dotnet build -c Release -v q --nologo "$ROOT/src/Wedge.Cli" >/dev/null
  WEDGE="$ROOT/src/Wedge.Cli/bin/Release/net10.0/wedge"
fi
dotnet build -c Release -v q --nologo "$ROOT/bench/mmp-import" >/dev/null
GEN="$ROOT/bench/mmp-import/bin/Release/net10.0/MmpImportBench"

# Wall seconds of one run of the command (output discarded).
wall() { /usr/bin/time -f %e -o "$WORK/t" "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }; cat "$WORK/t"; }

# First read (may build the checkpoint), then the median of three more.
measure() {
  local name=$1 db=$2; shift 2
  local first runs
  first=$(wall "$WEDGE" "$@" --db "$db")
  runs=$(for i in 1 2 3; do wall "$WEDGE" "$@" --db "$db"; done | sort -n | sed -n 2p)
  printf '%-10s %-28s first %6ss  then %6ss\n' "$name" "$*" "$first" "$runs"
}

read_both() {
  measure "$1" "$2" actors
  measure "$1" "$2" dyad al-Qaeda Taliban
}

rm -f "$WORK"/*.db
"$WEDGE" actors --db "$WORK/builtin.db" >/dev/null
read_both built-in "$WORK/builtin.db"

SHARED="${SHARED_MMP:-$ROOT/../shared/data/mmp}"
if [ -f "$SHARED/Militant-Group-Key.csv" ]; then
  "$WEDGE" import mmp --db "$WORK/mmp.db" --key "$SHARED/Militant-Group-Key.csv" --relationships "$SHARED/Militant-Group-Relationships.csv" >/dev/null
  read_both mmp "$WORK/mmp.db"
else
  echo "mmp: skipped ($SHARED absent)"
fi

for n in "${SIZES[@]}"; do
  [ -f "$MMP_WORK/n$n/relationships.csv" ] || "$GEN" generate "$n" "$MMP_WORK/n$n"
  db="$WORK/n$n.db"
  t=$(wall "$WEDGE" import mmp --db "$db" --key "$MMP_WORK/n$n/key.csv" --relationships "$MMP_WORK/n$n/relationships.csv")
  printf '%-10s import %ss, %s bytes\n' "n$n" "$t" "$(stat -c %s "$db")"
  # BENCH_TSV=FILE: the whole command's import rate as a row for bench/run-all (goal of issue 16: 100,000 observations/s).
  [ -z "${BENCH_TSV:-}" ] || awk -v n="$n" -v t="$t" 'BEGIN { r = n / t; printf "wedge import mmp, n%d (%d obs/s)\t%s\t-\t\t\t\t>= 100,000 obs/s\t%s\n", n, r, t, (r >= 100000) ? "met" : "missed" }' >> "$BENCH_TSV"
  read_both "n$n" "$db"
done
