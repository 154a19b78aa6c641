#!/usr/bin/env bash
# `wedge serve` under load (issue 17): loads the Mapping Militants data over the built-in case into a fresh database,
# starts the server (Release build), and drives two reads with wrk for DURATION seconds each: the network summary and a
# dyad at a date. Prints wrk's requests/s and latency percentiles, the error count and the server's peak memory (VmHWM).
# usage: run.sh [CONNECTIONS] [DURATION]   (default: 10 connections, 60 s)
# Needs ../shared/data/mmp (the MMP CSVs) and wrk (apt-get install wrk; installed here when missing and run as root).
# Debian's wrk drives as fast as the connections allow (it has no fixed-rate -R): the connection count is chosen so the
# rate lands near what a team would send; the report gives the rate reached.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
CONNECTIONS="${1:-10}"
DURATION="${2:-60}"
MMP="${MMP:-$ROOT/../shared/data/mmp}"
WORK="${WORK:-/tmp/wedge-bench-web}"
PORT="${PORT:-5197}"
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y wrk >/dev/null; }
[ -f "$MMP/Militant-Group-Key.csv" ] || { echo "no MMP data at $MMP" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"
dotnet build -c Release -v q --nologo "$ROOT/src/Wedge.Cli" -o "$WORK/bin" >/dev/null
WEDGE="$WORK/bin/wedge"
DB="$WORK/mmp.db"
"$WEDGE" init --db "$DB" >/dev/null 2>&1
"$WEDGE" import mmp --db "$DB" --key "$MMP/Militant-Group-Key.csv" --relationships "$MMP/Militant-Group-Relationships.csv" >/dev/null

"$WEDGE" serve --db "$DB" --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://localhost:$PORT/health" >/dev/null && break; sleep 0.2; done

drive() {
  local name=$1 path=$2
  curl -sf "http://localhost:$PORT$path" >/dev/null   # first read: the projection and snapshot for that slice
  echo "## $name: GET $path ($CONNECTIONS connections, ${DURATION} s, load $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://localhost:$PORT$path" > "$WORK/wrk.txt"
  grep -E "Latency|Req/Sec|requests in|Requests/sec|50%|75%|90%|99%|Non-2xx|Socket errors" "$WORK/wrk.txt"
  # BENCH_TSV=FILE: one row for bench/run-all (the issue 17 goal: p99 < 20 ms at 1,000 requests/s, no errors).
  if [ -n "${BENCH_TSV:-}" ]; then
    /usr/bin/python3 - "$name" "$WORK/wrk.txt" "$(awk '/VmHWM/ { print int($2 / 1024) }' /proc/$SERVER/status)" >> "$BENCH_TSV" <<'PY'
import re, sys
name, text, mb = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = bool(re.search(r"Non-2xx|Socket errors", text))
met = p99 < 20 and rate >= 1000 and not errors
print(f"wedge serve, {name} ({rate:,.0f} req/s, p99 {p99:.1f} ms{', ERRORS' if errors else ''})\t{p99 / 1000:.4f}\t-\t\t{mb}\t\tp99 < 20 ms at >= 1,000 req/s\t{'met' if met else 'missed'}")
PY
  fi
}

echo "wedge serve on MMP over the built-in case · $(date -u +%FT%TZ) · $(nproc) cores"
drive "network summary" "/api/network?at=2018-09-11"
drive "dyad at a date" "/api/dyads/Taliban/al-Qaeda?at=2018-09-11"
echo "server peak memory: $(grep VmHWM /proc/$SERVER/status | tr -s ' ')"
