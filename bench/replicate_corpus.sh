# Sourced by the benchmarks: replicate_corpus SRC DEST TARGET_MB links the <id>.txt + <id>.dct
# pairs of SRC into DEST under new names (<id>_<copy>) until the text reaches TARGET_MB, and
# prints the number of copies. Symlinks: the copies cost no disk and read the same bytes.
replicate_corpus() {
  local src=$1 dest=$2 target_mb=$3
  local one copies c f id
  one=$(cat "$src"/*.txt | wc -c)
  copies=$(( (target_mb * 1000000 + one - 1) / one ))
  mkdir -p "$dest"
  for ((c = 0; c < copies; c++)); do
    for f in "$src"/*.txt; do
      id=$(basename "$f" .txt)
      ln -s "$f" "$dest/${id}_$c.txt"
      ln -s "$src/$id.dct" "$dest/${id}_$c.dct"
    done
  done
  echo "$copies"
}
