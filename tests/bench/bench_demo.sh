#!/usr/bin/env bash
# Benchmark: demo school creation rate on SQLite and PostgreSQL.
#   bash tests/bench/bench_demo.sh [STUDENTS=100000] [RUNS=3]
# Check reports are skipped by default (TUCAI_BENCH_DEMO_ARGS= to include them): this measures the
# database side; the photo production itself is a fixed ~10 s for any N (227 distinct photos).
# Uses build/app/tucai and a throwaway PostgreSQL cluster (tests/integration/pg_fixture.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100000}
runs=${2:-3}
tucai=${TUCAI_CLI:-$root/build/app/tucai}
tmp=$(mktemp -d /tmp/tucai-bench-XXXX)
chmod 755 "$tmp"
trap 'bash "$root/tests/integration/pg_fixture.sh" stop "$tmp/pg" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
bash "$root/tests/integration/pg_fixture.sh" start "$tmp/pg" >/dev/null
pg=$(cat "$tmp/pg/url")
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for engine in sqlite postgres; do
  times=()
  for r in $(seq "$runs"); do
    if [ $engine = sqlite ]; then db="$tmp/demo$r.sqlite"; else
      psql "$pg" -qc "DROP DATABASE IF EXISTS bench$r" -qc "CREATE DATABASE bench$r" >/dev/null
      db="${pg%/postgres}/bench$r"; fi
    start=$(date +%s.%N)
    (cd "$root" && "$tucai" demo create --db "$db" --students "$n" --quiet ${TUCAI_BENCH_DEMO_ARGS---no-checks} >/dev/null)
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')")
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  awk -v e="$engine" -v n="$n" -v t="${times[*]}" -v m="$med" 'BEGIN {printf "%-9s %d students: runs %s s; median %.2f s = %.0f students/s\n", e, n, t, m, n / m}'
done
