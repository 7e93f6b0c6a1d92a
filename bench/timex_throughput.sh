#!/usr/bin/env bash
# Throughput of `dateline timex` alone: bench/throughput.sh with "timex" (see there).
# Usage: bench/timex_throughput.sh [build-dir] [target-MB] [rounds]
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/throughput.sh" "${1:-$here/../build}" "${2:-50}" timex "${3:-3}"
