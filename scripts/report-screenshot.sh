#!/usr/bin/env bash
# Renders the HTML report of a case and photographs it in headless Chromium, to see that it
# reads well in a browser (issue 5). Installs chromium when missing. Not part of ./test.sh.
# Usage: scripts/report-screenshot.sh [CASE] [LANG]   (default: the partial classmate report, fr)
# Writes build/report/report.LANG.html and build/report/report.LANG.png.
set -euo pipefail
cd "$(dirname "$0")/.."
case_file="${1:-tests/data/partial_classmate_app.yaml}"
lang="${2:-fr}"
source scripts/deps.sh
command -v chromium >/dev/null || IBSA_PACKAGES+=(chromium)
ibsa_ensure_deps
ibsa_build build/release -DCMAKE_BUILD_TYPE=Release
mkdir -p build/report
html="build/report/report.$lang.html"
build/release/engine/ibsa evaluate --format html --lang "$lang" "$case_file" > "$html"
# The flags keep Chromium off the network (this machine has none) and out of the user's profile.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1100,1500 \
  --screenshot="$PWD/build/report/report.$lang.png" "file://$PWD/$html" 2>/dev/null
echo "wrote $html and build/report/report.$lang.png"
