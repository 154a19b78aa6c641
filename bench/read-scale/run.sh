#!/usr/bin/env bash
# Reads at the scale of real records (issues 10 and 11): times `wedge actors`, `wedge dyad`, `wedge assess --runs 0` and
# `wedge network` (the summary) at 2018-09-11 on the built-in case, the real MMP import (when ../shared/data/mmp is
# present) and 20k, 200k and 1M generated MMP observations (bench/mmp-import's generator), and prints one table with the
# load average. usage: run.sh [SIZES...]   (default: 20000 200000 1000000)
# Databases and inputs are kept under $WORK (default /tmp/scale) and reused; delete them to regenerate. WEDGE=/path/to/wedge
# times another build. The first read of a database builds its checkpoint and is reported apart ("first").
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
WORK="${WORK:-/tmp/scale}"
SIZES=("$@")
[ $# -eq 0 ] && SIZES=(20000 200000 1000000)
mkdir -p "$WORK/gen"
if [ -z "${WEDGE:-}" ]; then
  # Compiled ReadyToRun, as `dotnet pack` builds the installed tool (docs/startup.md): a plain build's start-up is JIT's.
  case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -v q --nologo "$ROOT/src/Wedge.Cli" -o "$WORK/bin/wedge" >/dev/null
  WEDGE="$WORK/bin/wedge/wedge"
fi
dotnet build -c Release -v q --nologo "$ROOT/bench/mmp-import" -o "$WORK/bin/gen" >/dev/null
GEN="$WORK/bin/gen/MmpImportBench"
AT=2018-09-11

# Wall seconds of one run (output discarded; a failure stops the script).
wall() { /usr/bin/time -f %e -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { echo "FAILED: $*" >&2; cat "$WORK/err" >&2; exit 1; }; cat "$WORK/t"; }
# The median of three runs.
median() { for i in 1 2 3; do wall "$@"; done | sort -n | sed -n 2p; }

row() {
  local name=$1 db=$2 first actors dyad assess network
  first=$(wall "$WEDGE" actors --db "$db")
  actors=$(median "$WEDGE" actors --db "$db")
  dyad=$(median "$WEDGE" dyad Taliban al-Qaeda --at $AT --db "$db")
  assess=$(median "$WEDGE" assess Taliban al-Qaeda --at $AT --runs 0 --db "$db")
  network=$(median "$WEDGE" network --at $AT --db "$db")
  printf '| %-9s | %6s | %6s | %6s | %6s | %7s | %s |\n' "$name" "$first" "$actors" "$dyad" "$assess" "$network" "$(cut -d' ' -f1-3 /proc/loadavg)"
  # BENCH_TSV=FILE: rows for bench/run-all, with the goals issues 10, 11 and 16 set (actors on the built-in case <= 0.25 s,
  # dyad < 1 s and assess < 2 s on 1M).
  if [ -n "${BENCH_TSV:-}" ]; then
    tsv "wedge actors, $name" "$actors" "$([ "$name" = built-in ] && echo 0.25)"
    tsv "wedge dyad, $name" "$dyad" "$([ "$name" = n1000000 ] && echo 1)"
    tsv "wedge assess, $name" "$assess" "$([ "$name" = n1000000 ] && echo 2)"
    tsv "wedge network, $name" "$network" ""
  fi
}
tsv() {
  local goal="(no goal set)" met=-
  if [ -n "$3" ]; then goal="<= $3 s"; met=$(awk -v s="$2" -v g="$3" 'BEGIN { print (s <= g) ? "met" : "missed" }'); fi
  printf '%s (median of 3)\t%s\t-\t\t\t\t%s\t%s\n' "$1" "$2" "$goal" "$met" >> "$BENCH_TSV"
}

echo "wedge: $WEDGE · $(date -u +%FT%TZ) · $(nproc) cores · wall seconds, median of 3 (first: the first read, which may build the checkpoint)"
echo "| record    | first  | actors | dyad   | assess | network | load average |"
echo "|---|---|---|---|---|---|---|"
[ -f "$WORK/builtin.db" ] || "$WEDGE" init --db "$WORK/builtin.db" >/dev/null 2>&1
row built-in "$WORK/builtin.db"

SHARED="${SHARED_MMP:-$ROOT/../shared/data/mmp}"
if [ -f "$SHARED/Militant-Group-Key.csv" ]; then
  [ -f "$WORK/mmp.db" ] || "$WEDGE" import mmp --db "$WORK/mmp.db" --key "$SHARED/Militant-Group-Key.csv" --relationships "$SHARED/Militant-Group-Relationships.csv" >/dev/null 2>&1
  row "MMP real" "$WORK/mmp.db"
else
  echo "| MMP real  | skipped: $SHARED absent |"
fi

for n in "${SIZES[@]}"; do
  [ -f "$WORK/gen/n$n/relationships.csv" ] || nice "$GEN" generate "$n" "$WORK/gen/n$n" >/dev/null
  db="$WORK/n$n.db"
  [ -f "$db" ] || nice "$WEDGE" import mmp --db "$db" --key "$WORK/gen/n$n/key.csv" --relationships "$WORK/gen/n$n/relationships.csv" >/dev/null 2>&1
  row "n$n" "$db"
done
