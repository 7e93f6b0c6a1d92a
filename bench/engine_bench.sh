#!/usr/bin/env bash
# The engine's benchmark (prints figures, never fails on them; not run by ctest):
#  1. `dateline ingest` of a generated corpus of short articles (bench/engine/generate_articles.py):
#     articles/s (wall and CPU), store size, peak memory (/usr/bin/time -v);
#  2. the store alone (bench/engine/store_bench.cpp, claims built in the program): ingest of
#     ARTICLES x 10 claims, then `upcoming`, `timeline` and `facts` latency in process;
#  3. the same queries through the CLI on that store (process start and open included).
# Needs a build with the bench programs: cmake -S . -B build -DDATELINE_BENCH=ON && cmake --build build
# Usage: bench/engine_bench.sh [build-dir] [articles, default 100000]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
articles=${2:-100000}
dateline="$build/tools/dateline"
store_bench="$build/bench/store_bench"
for program in "$dateline" "$store_bench"; do
  [ -x "$program" ] || { echo "engine_bench: no $program (cmake -DDATELINE_BENCH=ON, then build)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

peak() { awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$1"; }
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }
size() { du -cb "$1"* | awk 'END {printf "%.0f MB", $1 / 1048576}'; }

echo "== generating $articles articles"
python3 "$here/bench/engine/generate_articles.py" "$work/articles" "$articles"
du -sh "$work/articles" | awk '{print "corpus: " $1}'

echo "== dateline ingest (extraction + store; -j 2)"
/usr/bin/time -v -o "$work/ingest.time" "$dateline" ingest -j 2 --db "$work/articles.db" "$work/articles"
w=$(wall "$work/ingest.time"); c=$(cpu "$work/ingest.time")
awk -v n="$articles" -v w="$w" -v c="$c" 'BEGIN {printf "ingest: %d articles in %.1f s wall (%.0f articles/s), %.1f s CPU (%.0f articles per CPU-second)\n", n, w, n / w, c, n / c}'
echo "store size: $(size "$work/articles.db"), peak memory: $(peak "$work/ingest.time")"
echo "== the same articles again (idempotent: nothing new)"
/usr/bin/time -v -o "$work/again.time" "$dateline" ingest -j 2 --db "$work/articles.db" "$work/articles" | head -1
echo "again: $(wall "$work/again.time") s wall"

echo "== store alone: $articles articles x 10 claims, then queries in process"
/usr/bin/time -v -o "$work/store.time" "$store_bench" "$work/claims.db" "$articles" 10 | tee "$work/store.out"
echo "store size: $(size "$work/claims.db"), peak memory: $(peak "$work/store.time")"

echo "== queries through the CLI on that store (median of 5, process start included)"
cli() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start=$(date +%s%N)
    "$dateline" "$@" > /dev/null
    times+=($(( ($(date +%s%N) - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk 'NR == 3 {printf "%.1f ms", $1 / 1000}'
}
topic=$(sed -n 's/^sample: topic=\([^ ]*\) entity=\(.*\)$/\1/p' "$work/store.out")
entity=$(sed -n 's/^sample: topic=\([^ ]*\) entity=\(.*\)$/\2/p' "$work/store.out")
echo "upcoming --as-of 2024-06-01 --within 30d: $(cli upcoming --db "$work/claims.db" --as-of 2024-06-01 --within 30d)"
echo "upcoming --as-of 2024-06-01 --within 1y: $(cli upcoming --db "$work/claims.db" --as-of 2024-06-01 --within 1y)"
echo "timeline --topic '$topic': $(cli timeline --db "$work/claims.db" --topic "$topic")"
echo "timeline --entity '$entity': $(cli timeline --db "$work/claims.db" --entity "$entity")"
echo "facts --entity China --contradictions: $(cli facts --db "$work/claims.db" --entity China --contradictions)"
