#!/usr/bin/env bash
# End-to-end test of the intake page in headless Chromium (Debian's), with playwright-core.
# Usage: tests/browser/run.sh IBSA_BINARY OUTPUT_DIR
# Installs chromium (apt) and node_modules (npm ci) when missing, starts `IBSA serve` on a
# free port, runs intake.mjs against it and always stops the server. Screenshots and the
# downloaded case files go to OUTPUT_DIR. Prints "browser: all checks passed" on success.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 IBSA_BINARY OUTPUT_DIR" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ibsa="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$ibsa" ] || { echo "browser: $1 is not an executable" >&2; exit 2; }
mkdir -p "$2"
out="$(cd "$2" && pwd)"

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
apt_install() {
  echo "browser: installing $*" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}
[ -x /usr/bin/chromium ] || apt_install chromium
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm

# node_modules is installed from the committed lock file, again whenever the lock changes.
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.ibsa-package-lock.json" 2>/dev/null; then
  echo "browser: installing node_modules (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
  cp "$here/package-lock.json" "$here/node_modules/.ibsa-package-lock.json"
fi

log="$(mktemp)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$ibsa" serve --port 0 --quiet >"$log" 2>&1 &
server=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$log" | head -n 1)"
  [ -n "$port" ] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "browser: ibsa serve exited:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "browser: ibsa serve printed no port within 10 s:" >&2
  cat "$log" >&2
  exit 1
fi

cd "$here"
node intake.mjs "$ibsa" "http://127.0.0.1:$port/" "$out" "$root/cases/demo/be-ex-partner-undress-posted.yaml"
