#!/usr/bin/env bash
# Throughput of `dateline timex`: the TempEval-3 training corpus, and the corpus replicated
# to at least TARGET_MB (default 50). Prints MB/s (whole process) and peak memory.
# Usage: bench/timex_throughput.sh [build-dir] [target-MB]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
target_mb=${2:-50}
dateline="$build/tools/dateline"
corpus="$here/../shared/corpora/tempeval3-train/docs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$here/bench/replicate_corpus.sh"
copies=$(replicate_corpus "$corpus" "$work/big" "$target_mb")

run() {  # name dir
  local bytes
  bytes=$(cat "$2"/*.txt | wc -c)
  # Best of 3 runs, by wall clock; CPU time (user + system) is printed too, since wall time on
  # a shared machine includes waiting for a core.
  local best="" cpu="" peak=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$dateline" timex "$2" > /dev/null
    read -r secs user sys kb < "$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; peak=$kb; fi
    local c
    c=$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')
    if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
  done
  awk -v n="$1" -v b="$bytes" -v s="$best" -v c="$cpu" -v kb="$peak" \
    'BEGIN { if (s < 0.001) s = 0.001; if (c < 0.01) c = 0.01;  # /usr/bin/time counts CPU in hundredths
             printf "%-28s %8.1f MB  %7.3f s  %8.1f MB/s  (CPU %6.3f s, %6.1f MB/s)  peak RSS %6.1f MB\n",
                    n, b/1e6, s, b/1e6/s, c, b/1e6/c, kb/1024 }'
}
echo "dateline timex throughput ($(nproc) cores here; single-threaded)"
run "TempEval-3 train (256 docs)" "$corpus"
run "replicated x$copies" "$work/big"
