#!/usr/bin/env bash
# Writes the README's two pictures with headless Chromium:
#   docs/img/intake-page.png    the intake page `ibsa serve` serves, as it opens
#   docs/img/report-page-1.png  the first printed page (A4) of the demo case's French report
# and docs/img/screenshots.sha256, the SHA-256 of what they show: the page's files (and the
# vocabulary, whose questions it asks) and the report's first page as HTML.
# Usage: scripts/screenshots.sh [--inputs] IBSA RULESETS
# Chromium's rendering depends on the fonts installed, so the PNGs are not byte-for-byte
# reproducible across machines; what a test compares (tests/screenshots_current.sh) is what
# they were taken of: --inputs prints those hashes without taking pictures, and a difference
# means the pictures are stale (rerun this script and commit docs/img).
set -euo pipefail
inputs_only=0
if [ "${1:-}" = --inputs ]; then inputs_only=1; shift; fi
ibsa=$(realpath "$1"); rulesets=$(realpath "$2")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The first page as printed: the report's print rules at A4 width (794 CSS pixels), cut at
# the first page break. The provenance (which names the commit) is after it.
"$ibsa" --rulesets "$rulesets" evaluate --format html --lang fr --assessed-on 2026-11-21 \
  cases/demo/be-ex-partner-undress-posted.yaml >"$work/report.html" || [ $? -le 2 ]
sed '/class="page-end"/q' "$work/report.html" >"$work/first-page-content.html"
inputs() {
  (cd engine/web && find . -type f ! -name README.md ! -name '*.cmake' | LC_ALL=C sort | xargs sha256sum | sed 's|  \./|  engine/web/|')
  (cd "$rulesets" && sha256sum facts.yaml | sed 's|  |  rulesets/|')
  (cd "$work" && sha256sum first-page-content.html | sed 's|  .*|  report first page (cases/demo/be-ex-partner-undress-posted.yaml, fr)|')
}
if [ "$inputs_only" = 1 ]; then inputs; exit 0; fi
mkdir -p docs/img
log="$work/serve.log"
"$ibsa" --rulesets "$rulesets" serve --port 0 --quiet >"$log" &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$log" | cut -d: -f2)
# The flags keep Chromium off the network and out of the user's profile.
shot() {  # URL OUT WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --force-device-scale-factor=1 \
    --virtual-time-budget=3000 --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
}
shot "http://127.0.0.1:$port/" docs/img/intake-page.png 1100 900
sed 's|</head>|<style>@media screen { body { max-width: none; margin: 0; padding: 15mm; font-size: 9.5pt; line-height: 1.3; } hr.page-end ~ * { display: none; } hr.page-end { display: none; } }</style></head>|' \
  "$work/report.html" >"$work/first-page.html"
shot "file://$work/first-page.html" docs/img/report-page-1.png 794 1123
inputs >docs/img/screenshots.sha256
echo "docs/img/intake-page.png docs/img/report-page-1.png docs/img/screenshots.sha256"
