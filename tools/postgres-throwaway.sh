#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks: `start DIR PORT` creates one in DIR, listening on
# 127.0.0.1:PORT only (and a socket in DIR), and prints the connection string; `stop DIR` stops it and removes DIR.
# `standby DIR PORT PRIMARY_PORT` makes a hot standby of the cluster on 127.0.0.1:PRIMARY_PORT (pg_basebackup -R:
# streaming replication, read-only queries allowed) in DIR, listening on PORT, and prints its connection string; it is
# stopped and removed with `stop DIR` like any other.
# Uses Debian's PostgreSQL (any version under /usr/lib/postgresql, or initdb on PATH). PostgreSQL refuses to run as
# root, so under root the cluster belongs to the 'postgres' user that Debian's package creates.
set -euo pipefail
usage="usage: postgres-throwaway.sh start DIR PORT | standby DIR PORT PRIMARY_PORT | stop DIR"
command=${1:?$usage}
dir=${2:?$usage}

bin=$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")")
if [ ! -x "$bin/initdb" ]; then
  echo "postgres-throwaway: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    port=${3:?usage: postgres-throwaway.sh start DIR PORT}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability settings stay at their defaults: the tests check what a real server does, not a tuned-down one.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  standby)
    port=${3:?$usage}
    primary_port=${4:?$usage}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # The primary's defaults allow it: wal_level=replica, max_wal_senders=10, and initdb --auth=trust lets local
    # replication connections in. -R writes primary_conninfo and standby.signal, so the copy starts as a hot standby;
    # -X stream copies the WAL written meanwhile.
    as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/data" -R -X stream >"$dir/basebackup.log" 2>&1 \
      || { cat "$dir/basebackup.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c hot_standby=on" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
