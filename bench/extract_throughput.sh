#!/usr/bin/env bash
# Throughput of `dateline extract` alone: bench/throughput.sh with "extract" (see there).
# Usage: bench/extract_throughput.sh [build-dir] [target-MB] [rounds]
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/throughput.sh" "${1:-$here/../build}" "${2:-50}" extract "${3:-3}"
