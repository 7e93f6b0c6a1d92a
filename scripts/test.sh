#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds build/ (Release, warnings as errors),
# runs every test, then builds build-asan/ with AddressSanitizer + UndefinedBehaviorSanitizer
# and runs them all there too, then runs every fuzz target for FUZZ_SECONDS (scripts/fuzz.sh).
# Exits non-zero on any failure; the last line says which.
#
# DATELINE_JOBS sets the build and test parallelism (default 2: the CI machine has two cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${DATELINE_JOBS:-2}
start=$(date +%s)
stage="installing packages"

finish() {
  local status=$?
  local took=$(($(date +%s) - start))
  if [ "$status" -eq 0 ]; then
    echo "test.sh: PASSED, all tests in the release and sanitizer builds (${took} s)"
  else
    echo "test.sh: FAILED while ${stage} (exit ${status}, ${took} s)" >&2
  fi
}
trap finish EXIT

# Configures a build directory; the generator is chosen only for a new one, so a directory
# configured earlier with another generator is reused as it is.
configure() {
  local dir=$1
  shift
  local generator=()
  [ -f "$dir/CMakeCache.txt" ] || generator=(-G Ninja)
  cmake -S . -B "$dir" "${generator[@]}" "$@" > /dev/null
}

bash scripts/install-deps.sh

stage="looking for ../shared"
if [ ! -d ../shared/corpora ]; then
  echo "test.sh: ../shared (the TempEval-3 corpus and scorer the tests read) is not beside the checkout" >&2
  exit 1
fi

echo "== release build (-Werror): build/ =="
stage="building build/ (Release, -Werror)"
configure build -DCMAKE_BUILD_TYPE=Release -DDATELINE_WERROR=ON
cmake --build build -j "$jobs"
stage="running the tests in build/"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== sanitizer build (ASan + UBSan): build-asan/ =="
stage="building build-asan/ (ASan + UBSan)"
# -g1 (line tables) is what sanitizer reports need for file:line stacks, at a fraction of -g's
# compile time.
configure build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DDATELINE_SANITIZE=ON -DDATELINE_WERROR=ON
cmake --build build-asan -j "$jobs"
stage="running the tests in build-asan/ (ASan + UBSan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
echo "== fuzzing (libFuzzer + ASan/UBSan, Clang): build-fuzz/ =="
stage="fuzzing (scripts/fuzz.sh)"
bash scripts/fuzz.sh
stage="done"
