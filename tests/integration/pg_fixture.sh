#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster on a free loopback port for the tests.
#   pg_fixture.sh start DIR   -> writes DIR/url (postgresql://postgres:PASS@127.0.0.1:PORT/postgres)
#   pg_fixture.sh stop DIR
#   pg_fixture.sh kill DIR      -> kill -9 of the postmaster: a crash (the soak test of `tucai simulate`)
#   pg_fixture.sh crash DIR     -> stops the server at once, as a crash would (pg_ctl -m immediate)
#   pg_fixture.sh restart DIR   -> starts the stopped or crashed cluster again on its port (crash recovery)
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "$bindir" ]; then
  echo "pg_fixture: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
  if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  pass=tucai-test
  echo "$pass" > "$dir/pw"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pw"
  as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth-host=scram-sha-256 --auth-local=trust \
        --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  # PG_FIXTURE_OPTIONS adds server options (kept for restart), e.g. "-c synchronous_commit=on" for a
  # cluster that is killed: with asynchronous commit a crash may lose commits already acknowledged.
  echo "${PG_FIXTURE_OPTIONS:-}" > "$dir/options"
  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${PG_FIXTURE_OPTIONS:-}" start >/dev/null
  echo "postgresql://postgres:$pass@127.0.0.1:$port/postgres" > "$dir/url"
  echo "pg_fixture: PostgreSQL running on 127.0.0.1:$port ($dir)"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
  ;;
kill)
  pid=$(head -n1 "$dir/data/postmaster.pid")
  kill -9 "$pid"
  echo "pg_fixture: postmaster $pid killed"
  ;;
crash)
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  ;;
restart)
  port=$(sed -E 's/.*:([0-9]+)\/.*/\1/' "$dir/url")
  # The killed server's backends leave when they notice; until then the new one refuses to start.
  for i in $(seq 1 40); do
    if as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 $(cat "$dir/options" 2>/dev/null)" start >/dev/null 2>&1; then
      echo "pg_fixture: PostgreSQL running again on 127.0.0.1:$port ($dir)"
      exit 0
    fi
    sleep 0.25
  done
  echo "pg_fixture: could not restart the cluster in $dir" >&2
  tail -n 20 "$dir/server.log" >&2
  exit 1
  ;;
*) echo "usage: $0 start|stop|kill|crash|restart DIR" >&2; exit 2 ;;
esac
