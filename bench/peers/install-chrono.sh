#!/usr/bin/env bash
# Installs chrono-node (the most used natural-language date parser, for the side-by-side
# benchmark) with npm into bench/peers/node_modules (not committed). Idempotent.
# Usage: bench/peers/install-chrono.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ -f node_modules/chrono-node/package.json ]; then
  exit 0
fi
command -v npm > /dev/null || { echo "install-chrono: npm is missing (apt-get install npm)" >&2; exit 1; }
npm install --no-audit --no-fund --silent --prefix "$here" --no-save chrono-node@2.10.3 > /dev/null
echo "install-chrono: chrono-node $(node -p "require('$here/node_modules/chrono-node/package.json').version")" >&2
