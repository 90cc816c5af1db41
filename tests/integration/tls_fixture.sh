#!/usr/bin/env bash
# A throwaway PostgreSQL cluster with TLS on, for test_tls (Linux, and the Windows build under Wine,
# which cannot run openssl or pg_ctl itself):
#   tls_fixture.sh start DIR   -> DIR/url: the cluster (ssl=on, certificate for 127.0.0.1/localhost)
#                                 DIR/学校 证书/根 证书.crt: the root that signed it (a path with spaces
#                                 and Chinese characters), DIR/学校 证书/other.crt: a root that did not
#   tls_fixture.sh stop DIR    -> stops the cluster and removes DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:?start|stop}
dir=$(realpath -m "${2:?directory}")
case "$cmd" in
start)
  command -v openssl >/dev/null || { echo "tls_fixture: openssl is not installed" >&2; exit 1; }
  rm -rf "$dir"
  certs="$dir/学校 证书"
  mkdir -p "$certs"
  cd "$certs"
  quiet() { "$@" >/dev/null 2>&1 || { echo "tls_fixture: $* failed" >&2; "$@" >&2; exit 1; }; }
  quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out "根 证书.crt" -days 2 -subj "/CN=Tucai Test Root"
  quiet openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1"
  echo "subjectAltName=IP:127.0.0.1,DNS:localhost" > ext.cnf
  quiet openssl x509 -req -in server.csr -CA "根 证书.crt" -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile ext.cnf
  # A self-signed root for the same name that did not sign the server's certificate.
  quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt -days 2 -subj "/CN=127.0.0.1"
  bash "$here/pg_fixture.sh" start "$dir/cluster" >/dev/null
  data="$dir/cluster/data"
  install -m 600 server.crt server.key "$data/"
  [ "$(id -u)" = 0 ] && chown postgres "$data/server.crt" "$data/server.key"
  url=$(cat "$dir/cluster/url")
  # Switch TLS on through the server itself (psql over loopback, TLS not yet required).
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  PGSSLMODE=disable "$bindir/psql" -q -X -v ON_ERROR_STOP=1 "$url" \
    -c "ALTER SYSTEM SET ssl = on" -c "SELECT pg_reload_conf()" >/dev/null
  for _ in $(seq 1 50); do
    [ "$(PGSSLMODE=require "$bindir/psql" -X -At "$url" -c 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()' 2>/dev/null)" = t ] && break
    sleep 0.1
  done
  echo "$url" > "$dir/url"
  echo "tls_fixture: PostgreSQL with TLS on $url ($dir)"
  ;;
stop)
  [ -d "$dir/cluster" ] && bash "$here/pg_fixture.sh" stop "$dir/cluster" || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
