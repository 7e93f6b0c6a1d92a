#!/usr/bin/env bash
# dateline and chrono-node side by side, on the same machine and the same text: the TempEval-3
# training corpus and that corpus replicated to at least TARGET_MB (default 50). The two run
# alternately ROUNDS times (default 3) so that both see the same machine load; the best wall
# time of each is kept. Prints MB/s, the ratio, peak memory, and both systems' scorer figures.
# Usage: bench/compare.sh [build-dir] [target-MB] [rounds]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
target_mb=${2:-50}
rounds=${3:-3}
dateline="$build/tools/dateline"
corpus="$here/../shared/corpora/tempeval3-train/docs"
gold="$here/../shared/corpora/tempeval3-train/gold.jsonl"
scorer="$here/../shared/tools/timex_score.py"
[ -x "$dateline" ] || { echo "compare: no $dateline (build first: cmake --build build)" >&2; exit 1; }
[ -d "$corpus" ] || { echo "compare: no corpus at $corpus (../shared beside the checkout)" >&2; exit 1; }
bash "$here/bench/peers/install-chrono.sh"
chrono=(node "$here/bench/peers/chrono_timex.js")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$here/bench/replicate_corpus.sh"
copies=$(replicate_corpus "$corpus" "$work/big" "$target_mb")

# measure NAME DIR OUT CMD...: one run; appends "wall-seconds peak-KB" to $work/NAME.times.
measure() {
  local name=$1 dir=$2 out=$3
  shift 3
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" "$dir" > "$out"
  cat "$work/time" >> "$work/$name.times"
}

# best NAME: "best-wall-seconds peak-KB-of-that-run".
best() { sort -n "$work/$1.times" | head -n 1; }

row() {  # label bytes dateline-name chrono-name
  local d c
  read -r d_s d_kb <<< "$(best "$3")"
  read -r c_s c_kb <<< "$(best "$4")"
  awk -v l="$1" -v b="$2" -v ds="$d_s" -v dk="$d_kb" -v cs="$c_s" -v ck="$c_kb" 'BEGIN {
    if (ds < 0.01) ds = 0.01; if (cs < 0.01) cs = 0.01;  # /usr/bin/time counts hundredths
    printf "%-30s %7.1f MB | dateline %7.1f MB/s %7.1f MB peak | chrono-node %6.1f MB/s %7.1f MB peak | %5.1fx\n",
           l, b / 1e6, b / 1e6 / ds, dk / 1024, b / 1e6 / cs, ck / 1024, cs / ds }'
}

echo "dateline vs chrono-node ($(nproc) cores here; both single-threaded; best of $rounds alternating runs)"
for set in train big; do
  dir=$corpus
  [ "$set" = big ] && dir=$work/big
  for ((r = 0; r < rounds; r++)); do
    measure "dateline-$set" "$dir" "$work/dateline-$set.jsonl" "$dateline" timex -j 1
    measure "chrono-$set" "$dir" "$work/chrono-$set.jsonl" "${chrono[@]}"
  done
done
row "TempEval-3 train (256 docs)" "$(cat "$corpus"/*.txt | wc -c)" dateline-train chrono-train
row "replicated x$copies" "$(cat "$work"/big/*.txt | wc -c)" dateline-big chrono-big

echo
echo "accuracy on the TempEval-3 training corpus (../shared/tools/timex_score.py)"
score() {  # label system-jsonl
  python3 "$scorer" --gold "$gold" --system "$2" | awk -v l="$1" '
    $1 == "strict" { strict = $4 } $1 == "relaxed" { relaxed = $4 } $1 == "value" { value = $3 }
    END { printf "%-12s strict F1 %5.1f  relaxed F1 %5.1f  value F1 %5.1f\n", l, strict, relaxed, value }'
}
score dateline "$work/dateline-train.jsonl"
score chrono-node "$work/chrono-train.jsonl"
