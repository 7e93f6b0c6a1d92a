#!/usr/bin/env bash
# Throughput and peak memory of `dateline timex` and `dateline extract` (whole process): the
# TempEval-3 training corpus replicated to TARGET_MB (default 50) as small files, as news comes.
# For each command: -j 1 (one core; MB/s by CPU time, user + system, which waiting for a core on
# a shared machine does not inflate) and -j 2 (MB/s by wall time: what the second core adds);
# then peak RSS on a tenth of the corpus against the whole, to show memory is flat in its size.
# Best of ROUNDS runs (default 3). Prints figures; not a test.
# Usage: bench/throughput.sh [build-dir] [target-MB] [timex|extract|both] [rounds]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
target_mb=${2:-50}
which=${3:-both}
rounds=${4:-3}
dateline="$build/tools/dateline"
corpus="$here/../shared/corpora/tempeval3-train/docs"
[ -x "$dateline" ] || { echo "throughput: no $dateline (build first)" >&2; exit 1; }
[ -d "$corpus" ] || { echo "throughput: no corpus at $corpus (../shared beside the checkout)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$here/bench/replicate_corpus.sh"

small_mb=$(( target_mb / 10 > 0 ? target_mb / 10 : 1 ))

# best CMD JOBS DIR: "wall-s cpu-s peak-KB", the best wall and best CPU of ROUNDS runs and the
# highest peak.
best() {
  local cmd=$1 jobs=$2 dir=$3 wall="" cpu="" peak=0 s u y kb c
  local extra=()
  [ "$cmd" = extract ] && extra=(--dct 2013-01-01)
  for ((r = 0; r < rounds; r++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$dateline" "$cmd" -j "$jobs" "${extra[@]}" "$dir" > /dev/null
    read -r s u y kb < "$work/time"
    c=$(awk -v u="$u" -v y="$y" 'BEGIN { print u + y }')
    if [ -z "$wall" ] || awk "BEGIN { exit !($s < $wall) }"; then wall=$s; fi
    if [ -z "$cpu" ] || awk "BEGIN { exit !($c < $cpu) }"; then cpu=$c; fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$wall $cpu $peak"
}

report() {  # cmd small-dir big-dir
  local cmd=$1 bytes small_bytes files w1 c1 k1 w2 c2 k2 ws cs ks
  bytes=$(cat "$3"/*.txt | wc -c)
  files=$(find "$3" -name '*.txt' | wc -l)
  small_bytes=$(cat "$2"/*.txt | wc -c)
  read -r w1 c1 k1 <<< "$(best "$cmd" 1 "$3")"
  read -r w2 c2 k2 <<< "$(best "$cmd" 2 "$3")"
  read -r ws cs ks <<< "$(best "$cmd" 1 "$2")"
  awk -v cmd="$cmd" -v b="$bytes" -v sb="$small_bytes" -v w1="$w1" -v c1="$c1" -v k1="$k1" \
      -v w2="$w2" -v c2="$c2" -v k2="$k2" -v ks="$ks" -v files="$files" 'BEGIN {
    if (c1 < 0.01) c1 = 0.01; if (w1 < 0.01) w1 = 0.01; if (w2 < 0.01) w2 = 0.01  # hundredths
    printf "dateline %s on %.1f MB (%d files):\n", cmd, b / 1e6, files
    printf "  -j 1  %7.1f MB/s by CPU (%.2f s user+sys; wall %.2f s, %.1f MB/s)   peak RSS %6.1f MB\n",
           b / 1e6 / c1, c1, w1, b / 1e6 / w1, k1 / 1024
    printf "  -j 2  %7.1f MB/s by wall (%.2f s; CPU %.2f s)   peak RSS %6.1f MB\n", b / 1e6 / w2, w2, c2, k2 / 1024
    printf "  peak RSS -j 1: %.1f MB on %.1f MB of text, %.1f MB on %.1f MB\n", ks / 1024, sb / 1e6, k1 / 1024, b / 1e6 }'
}

echo "($(nproc) cores here, load average $(cut -d' ' -f1-3 /proc/loadavg); best of $rounds runs)"
if [ "$which" = timex ] || [ "$which" = both ]; then
  replicate_corpus "$corpus" "$work/timex-small" "$small_mb" > /dev/null
  replicate_corpus "$corpus" "$work/timex-big" "$target_mb" > /dev/null
  report timex "$work/timex-small" "$work/timex-big"
  rm -rf "$work/timex-small" "$work/timex-big"
fi
if [ "$which" = extract ] || [ "$which" = both ]; then
  replicate_corpus "$corpus" "$work/extract-small" "$small_mb" txt > /dev/null
  replicate_corpus "$corpus" "$work/extract-big" "$target_mb" txt > /dev/null
  report extract "$work/extract-small" "$work/extract-big"
fi
