#!/usr/bin/env bash
# Installs every Debian package dateline's build, tests and demo need. Idempotent: when all
# are present it changes nothing and needs no network.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  time  # /usr/bin/time, for bench/timex_throughput.sh
  libboost-date-time-dev rapidjson-dev libfmt-dev libcli11-dev catch2
  libsqlite3-dev libgraphviz-dev graphviz libical-dev libxml2-dev
  clang libclang-rt-14-dev  # libFuzzer, for scripts/fuzz.sh
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
