#!/usr/bin/env bash
# `-j N` changes the speed, never the output: `dateline timex` on the TempEval-3 corpus and
# `dateline extract` on the bundled examples, byte for byte the same with 1, 2 and 5 jobs.
set -euo pipefail
dateline=$1
source_dir=$2
corpus=$source_dir/../shared/corpora/tempeval3-train/docs
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for j in 1 2 5; do
  "$dateline" timex -j "$j" "$corpus" > "$out/timex-$j"
  "$dateline" extract -j "$j" --dct 2025-07-19 "$source_dir/examples" > "$out/extract-$j"
done
[ -s "$out/timex-1" ] && [ -s "$out/extract-1" ] || { echo "jobs_same_output: empty output" >&2; exit 1; }
for j in 2 5; do
  cmp "$out/timex-1" "$out/timex-$j" || { echo "jobs_same_output: timex -j $j differs from -j 1" >&2; exit 1; }
  cmp "$out/extract-1" "$out/extract-$j" || { echo "jobs_same_output: extract -j $j differs from -j 1" >&2; exit 1; }
done
echo "jobs_same_output: identical for -j 1, 2, 5"
