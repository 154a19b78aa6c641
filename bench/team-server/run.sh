#!/usr/bin/env bash
# The team server under load (issue 19), on a throwaway PostgreSQL cluster:
#  1. imports the N-observation MMP-format file of bench/mmp-import into SQLite and into PostgreSQL with `wedge import
#     mmp`, and reports observations/s for each;
#  2. serves the built-in case from PostgreSQL (`wedge serve --store`, Release build) with accounts on, and runs
#     ANALYSTS simulated analysts (Wedge.Bench.TeamServer) for SECONDS: reads, analyses and writes mixed; reports
#     throughput, p50/p99, errors, refused stale writes, and the server's resident memory at the start and the end.
# usage: run.sh [ANALYSTS] [SECONDS] [N]   (default: 50 analysts, 600 s, 1,000,000 observations; N=0 skips the import)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
ANALYSTS="${1:-50}"
SECONDS_="${2:-600}"
N="${3:-1000000}"
WORK="${WORK:-/tmp/wedge-bench-team}"
PORT="${PORT:-5198}"
PGPORT="${PGPORT:-55442}"
rm -rf "$WORK" && mkdir -p "$WORK"
"$ROOT/tools/postgres-throwaway.sh" stop "$WORK/pg" 2>/dev/null || true
CS=$("$ROOT/tools/postgres-throwaway.sh" start "$WORK/pg" "$PGPORT")
trap '"$ROOT/tools/postgres-throwaway.sh" stop "$WORK/pg"; kill ${SERVER:-0} 2>/dev/null || true' EXIT
psql() { command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt "$@"; }
dotnet build -c Release -v q --nologo "$ROOT/src/Wedge.Cli" -o "$WORK/bin" >/dev/null
dotnet build -c Release -v q --nologo Wedge.Bench.TeamServer -o "$WORK/load" >/dev/null
WEDGE="$WORK/bin/wedge"
echo "team server benchmark · $(date -u +%FT%TZ) · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$N" != 0 ]; then
  dotnet build -c Release -v q --nologo "$ROOT/bench/mmp-import" >/dev/null
  DATA="${TMPDIR:-/tmp}/wedge-bench-mmp/n$N"
  [ -f "$DATA/relationships.csv" ] || "$ROOT/bench/mmp-import/bin/Release/net10.0/MmpImportBench" generate "$N" "$DATA" >/dev/null
  import() {
    local db=$1 start end
    "$WEDGE" init --empty --db "$db" >/dev/null
    start=$(date +%s.%N)
    "$WEDGE" import mmp --db "$db" --key "$DATA/key.csv" --relationships "$DATA/relationships.csv" >/dev/null
    end=$(date +%s.%N)
    echo "$N / ($end - $start)" | bc -l | xargs printf "%.0f"
  }
  psql -c "CREATE DATABASE import_bench"
  sqlite_rate=$(import "$WORK/import.db")
  pg_rate=$(import "${CS/Database=postgres/Database=import_bench}")
  echo "## MMP-format import of $N observations"
  echo "SQLite      $sqlite_rate observations/s"
  echo "PostgreSQL  $pg_rate observations/s"
fi

psql -c "CREATE DATABASE team"
STORE="${CS/Database=postgres/Database=team}"
"$WEDGE" init --db "$STORE" >/dev/null
echo "a long admin passphrase" | "$WEDGE" users add bench-admin --role admin --password-stdin --db "$STORE" >/dev/null
"$WEDGE" serve --store "$STORE" --bind 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
rss() { grep VmRSS "/proc/$SERVER/status" | awk '{print $2/1024 " MB"}'; }
# A short warm-up (the first projection, JIT) before memory is read.
"$WORK/load/Wedge.Bench.TeamServer" "http://127.0.0.1:$PORT" bench-admin "a long admin passphrase" 5 10 >/dev/null || true
echo "## $ANALYSTS analysts for $SECONDS_ s against wedge serve on PostgreSQL"
echo "server memory at the start: $(rss)"
# The server's resident memory each minute of the run: whether it levels off, not only where it ends.
( for _ in $(seq 1 $((SECONDS_ / 60))); do sleep 60; echo "$(rss)"; done ) >"$WORK/memory.log" 2>/dev/null &
SAMPLER=$!
"$WORK/load/Wedge.Bench.TeamServer" "http://127.0.0.1:$PORT" bench-admin "a long admin passphrase" "$ANALYSTS" "$SECONDS_" || status=$?
kill "$SAMPLER" 2>/dev/null || true
echo "server memory each minute: $(paste -sd' ' "$WORK/memory.log" | sed 's/ MB/ MB,/g; s/,$//')"
echo "server memory at the end:   $(rss) (peak $(grep VmHWM "/proc/$SERVER/status" | awk '{print $2/1024 " MB"}'))"
echo "journal entries: $(psql -d team -c 'SELECT count(*) FROM journal'); chain: $("$WEDGE" verify --store "$STORE" --json | grep -o '"intact": [a-z]*')"
exit "${status:-0}"
