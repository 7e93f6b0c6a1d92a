#!/usr/bin/env bash
# `dateline extract` on a directory streams: memory does not grow with the number of files.
# The peak RSS on 4 copies of the TempEval-3 texts (2.2 MB, 1,024 files) must stay within a few
# megabytes of the peak on 1 copy; holding every document until the end (as extract once did)
# adds about 4.5 MB a copy, 14 MB here.
set -euo pipefail
dateline=$1
shared=$2
corpus="$shared/corpora/tempeval3-train/docs"
[ -d "$corpus" ] || { echo "extract_memory_flat: corpus not found at $corpus" >&2; exit 1; }
command -v /usr/bin/time > /dev/null || { echo "extract_memory_flat: /usr/bin/time missing (scripts/install-deps.sh)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Under AddressSanitizer freed memory waits in a quarantine that grows with the work done, not
# with what is held: keep it small so the figure measures the program.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=4"
peak_kb() {  # copies
  local dir="$work/x$1" c f
  mkdir -p "$dir"
  for ((c = 0; c < $1; c++)); do
    mkdir "$dir/$c"
    ln -s "$corpus"/*.txt "$dir/$c/"
  done
  /usr/bin/time -f "%M" -o "$work/rss" "$dateline" extract -j 2 --dct 2013-01-01 "$dir" > "$work/out"
  # The output itself must grow with the input: the run did the work.
  [ "$(stat -c %s "$work/out")" -gt $((500000 * $1)) ] || { echo "extract_memory_flat: output too small" >&2; exit 1; }
  cat "$work/rss"
}
small=$(peak_kb 1)
large=$(peak_kb 4)
growth=$(( (large - small) / 1024 ))
echo "extract_memory_flat: peak RSS $((small / 1024)) MB on 1 copy, $((large / 1024)) MB on 4 copies (+$growth MB)"
if [ "$growth" -gt 6 ]; then
  echo "extract_memory_flat: memory grows with the corpus (+$growth MB for 4x the files; bound 6 MB)" >&2
  exit 1
fi
