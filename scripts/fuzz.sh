#!/usr/bin/env bash
# Fuzzing (issue #9): builds build-fuzz/ with Clang + libFuzzer + ASan/UBSan and runs every
# fuzz target for FUZZ_SECONDS (default 15) from its seed corpus in fuzz/seeds/<target>/
# and the project's inputs that fuzz/fixture_seeds.txt names for it.
# New inputs libFuzzer finds go to a scratch directory, never into the committed seeds.
# A crash fails the run and leaves the input in build-fuzz/crashes/; copy it to
# fuzz/regressions/<target>/ (ctest then replays it in every build) and fix the bug.
# Usage: scripts/fuzz.sh [target...]   (default: every target)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${DATELINE_JOBS:-2}
seconds=${FUZZ_SECONDS:-15}

generator=()
[ -f build-fuzz/CMakeCache.txt ] || generator=(-G Ninja)
CXX=clang++ cmake -S . -B build-fuzz "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DDATELINE_FUZZ=ON -DDATELINE_TESTS=OFF > /dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=()
  for source in fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi
cmake --build build-fuzz -j "$jobs" --target "${targets[@]}"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p build-fuzz/crashes
failed=()
for target in "${targets[@]}"; do
  mkdir -p "$scratch/$target"
  # The seed corpus: seeds/<target>/ and the project's inputs fuzz/fixture_seeds.txt names.
  corpus=()
  if [ -d "fuzz/seeds/$target" ]; then corpus+=("fuzz/seeds/$target"); fi
  while IFS=$'\t' read -r seed_target seed_dir; do
    if [ "$seed_target" = "$target" ]; then corpus+=("$seed_dir"); fi
  done < <(grep '^fuzz_' fuzz/fixture_seeds.txt || true)
  echo "== fuzz: $target for ${seconds} s =="
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory must stay bounded.
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions="$root/fuzz/ubsan.supp" \
    "build-fuzz/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$target-" \
      "$scratch/$target" "${corpus[@]}" > "$scratch/$target.log" 2>&1; then
    tail -n 60 "$scratch/$target.log" >&2
    failed+=("$target")
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$scratch/$target.log" | tr '\n' ' '
    echo
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in build-fuzz/crashes/)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets ran clean for ${seconds} s each"
