#!/usr/bin/env bash
# `extract DIR` opens each listed file by its name in the directory, without asking its size
# first; `extract FILE...` opens each by its path. Both must read the same bytes: the bundled
# examples, an article longer than the 64 KB first read, and one of exactly 64 KB, given as a
# directory and as a list of files, give the same JSON; a file over --max-input-bytes is refused
# with the same message both ways.
set -euo pipefail
dateline=$1
source_dir=$2
dir=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$dir" "$out"' EXIT
cp "$source_dir"/examples/*.txt "$dir"/
for _ in $(seq 100); do cat "$source_dir"/examples/harbor-contract-2025-03.txt; done > "$dir/long.txt"
head -c 65536 "$dir/long.txt" > "$dir/exactly-64k.txt"
[ "$(wc -c < "$dir/long.txt")" -gt 65536 ] || { echo "extract_directory_read: long.txt is not over 64 KB" >&2; exit 1; }
files=$(cd "$dir" && LC_ALL=C ls | sed "s|^|$dir/|")
"$dateline" extract -j 1 --dct 2025-07-19 "$dir" > "$out/by-directory"
# shellcheck disable=SC2086  # the names have no spaces
"$dateline" extract -j 1 --dct 2025-07-19 $files > "$out/by-path"
[ -s "$out/by-directory" ] || { echo "extract_directory_read: empty output" >&2; exit 1; }
cmp "$out/by-directory" "$out/by-path" || { echo "extract_directory_read: a directory read differs from its files read by path" >&2; exit 1; }
grep -q '"file":"'"$dir"'/long.txt"' "$out/by-directory" || { echo "extract_directory_read: long.txt missing" >&2; exit 1; }
# The size limit: the same refusal for a listed file as for a named one.
if "$dateline" extract --max-input-bytes 32K --dct 2025-07-19 "$dir" > /dev/null 2> "$out/dir-error"; then
  echo "extract_directory_read: a file over --max-input-bytes was read" >&2; exit 1
fi
if "$dateline" extract --max-input-bytes 32K --dct 2025-07-19 "$dir/exactly-64k.txt" > /dev/null 2> "$out/path-error"; then
  echo "extract_directory_read: a file over --max-input-bytes was read" >&2; exit 1
fi
grep -q "exactly-64k.txt: input of 64 KiB (65536 bytes) is larger than the limit of 32 KiB" "$out/dir-error" ||
  { echo "extract_directory_read: unexpected message: $(cat "$out/dir-error")" >&2; exit 1; }
cmp "$out/dir-error" "$out/path-error" || { echo "extract_directory_read: the messages differ" >&2; exit 1; }
echo "extract_directory_read: the same by directory and by path"
