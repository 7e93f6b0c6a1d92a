#!/usr/bin/env bash
# The TimelineJS export loaded in the real TimelineJS in headless Chromium (ctest
# timelinejs_browser). Installs what it needs: Debian's chromium (apt-get, as root) and the npm
# packages @knight-lab/timelinejs and playwright-core into WORK_DIR/npm (not committed; kept
# between runs). Then: the fixture timelines must render with every event; a truncated copy of
# the same file must be rejected, so the check can fail.
#   timelinejs_browser_test.sh EXPORT_FIXTURE WORK_DIR
set -euo pipefail
fixture=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
timelinejs_version=3.9.11
playwright_version=1.65.1

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo > /dev/null 2>&1; then sudo="sudo"; else
      echo "timelinejs_browser_test: Debian's chromium is missing and installing it needs root" >&2
      exit 1
    fi
  fi
  echo "timelinejs_browser_test: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium > /dev/null
fi
command -v node > /dev/null && command -v npm > /dev/null || {
  echo "timelinejs_browser_test: node and npm are needed (the machine's Node.js)" >&2
  exit 1
}

mkdir -p "$work/npm"
installed() {
  node -e "process.exit(require('$work/npm/node_modules/$1/package.json').version === '$2' ? 0 : 1)" 2> /dev/null
}
if ! installed @knight-lab/timelinejs "$timelinejs_version" || ! installed playwright-core "$playwright_version"; then
  echo "timelinejs_browser_test: npm install @knight-lab/timelinejs@$timelinejs_version playwright-core@$playwright_version"
  [ -f "$work/npm/package.json" ] || echo '{"private": true}' > "$work/npm/package.json"
  npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error \
    "@knight-lab/timelinejs@$timelinejs_version" "playwright-core@$playwright_version" > /dev/null
fi

"$fixture" timelinejs all > "$work/timelinejs-all.json"
node "$here/timelinejs_browser_check.cjs" "$work/npm" "$work/timelinejs-all.json" "$work/timelinejs-all.png"

# The same file cut short: TimelineJS cannot read it, and the check must say so.
head -c 2000 "$work/timelinejs-all.json" > "$work/timelinejs-truncated.json"
if node "$here/timelinejs_browser_check.cjs" "$work/npm" "$work/timelinejs-truncated.json" "" > "$work/truncated.log" 2>&1; then
  echo "timelinejs_browser_test: a truncated file passed the check; the check is broken" >&2
  exit 1
fi
echo "timelinejs_browser_test: a truncated file is rejected, as it must be"
