#!/usr/bin/env bash
# Prints a case's HTML report to PDF with headless Chromium (its own print settings: the
# report's @page rules, no browser header or footer) and says how many pages it has.
#   scripts/report-pages.sh [--first-page] IBSA RULESETS CASE LANG [OUT.pdf]
# --first-page prints only what comes before the first page break (the page that must stand
# alone on one sheet). The count is the PDF's page tree (/Type /Page objects), read with
# python3's standard library.
set -euo pipefail
first_page=0
if [ "${1:-}" = --first-page ]; then first_page=1; shift; fi
ibsa=$1 rulesets=$2 case=$3 lang=$4 out=${5:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ibsa" --rulesets "$rulesets" evaluate --format html --lang "$lang" --assessed-on 2026-11-21 "$case" \
  >"$work/report.html" || [ $? -le 2 ]
if [ "$first_page" = 1 ]; then
  grep -q 'class="page-end"' "$work/report.html" || { echo "no page break in the report" >&2; exit 1; }
  sed -i 's|</head>|<style>hr.page-end ~ * { display: none !important; }</style></head>|' "$work/report.html"
fi
chromium --user-data-dir="$work/profile" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/report.pdf" "file://$work/report.html" >/dev/null 2>&1
python3 - "$work/report.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
print(len(re.findall(rb'/Type\s*/Page(?![s\w])', data)))
PY
[ -z "$out" ] || cp "$work/report.pdf" "$out"
