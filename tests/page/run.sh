#!/usr/bin/env bash
# The intake page's modules (engine/web/js/) without a browser.
# Usage: tests/page/run.sh unit    the unit tests of the modules without the DOM (node --test)
#        tests/page/run.sh types   type checking from the JSDoc types (tsc --noEmit --checkJs)
# Installs node and npm (apt) when missing, and for `types` the node_modules of tests/page
# (npm ci, TypeScript from the committed lock file). Exits non-zero when a test or a check fails.
set -euo pipefail
if [ $# -ne 1 ] || { [ "$1" != unit ] && [ "$1" != types ]; }; then
  echo "usage: $0 unit|types" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "page: installing nodejs npm" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >&2
fi

cd "$here"
case "$1" in
  unit)
    node --test
    ;;
  types)
    # node_modules is installed from the committed lock file, again whenever the lock changes.
    if ! cmp -s package-lock.json node_modules/.ibsa-package-lock.json 2>/dev/null; then
      echo "page: installing node_modules (npm ci)" >&2
      npm ci --no-audit --no-fund --loglevel=error >&2
      cp package-lock.json node_modules/.ibsa-package-lock.json
    fi
    node_modules/.bin/tsc --noEmit --checkJs -p tsconfig.json
    echo "page: types checked"
    ;;
esac
