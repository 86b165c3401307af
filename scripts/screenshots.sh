#!/usr/bin/env bash
# Writes the README's two pictures with headless Chromium:
#   docs/img/intake-page.png    the intake page `ibsa serve` serves, as it opens
#   docs/img/report-page-1.png  the first printed page (A4) of the demo case's French report
# Usage: scripts/screenshots.sh IBSA RULESETS
# Chromium's rendering depends on the fonts installed, so the PNGs are not byte-for-byte
# reproducible across machines and no test compares them: rerun this script when the page or
# the report's first page changes (the report's content itself is checked by its goldens).
set -euo pipefail
ibsa=$(realpath "$1"); rulesets=$(realpath "$2")
cd "$(dirname "$0")/.."
mkdir -p docs/img
work=$(mktemp -d)
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
# The first page as printed: the report's print rules at A4 width (794 CSS pixels), cut at
# the first page break.
"$ibsa" --rulesets "$rulesets" evaluate --format html --lang fr --assessed-on 2026-11-21 \
  cases/demo/be-ex-partner-undress-posted.yaml >"$work/report.html" || [ $? -le 2 ]
sed 's|</head>|<style>@media screen { body { max-width: none; margin: 0; padding: 15mm; font-size: 9.5pt; line-height: 1.3; } hr.page-end ~ * { display: none; } hr.page-end { display: none; } }</style></head>|' \
  "$work/report.html" >"$work/first-page.html"
shot "file://$work/first-page.html" docs/img/report-page-1.png 794 1123
echo "docs/img/intake-page.png docs/img/report-page-1.png"
