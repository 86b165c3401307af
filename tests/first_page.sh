#!/usr/bin/env bash
# The report's first page stands alone on one A4 sheet (issue 14): printed by headless
# Chromium with the report's own @page rules, what comes before the first page break takes
# one page, for the two intakes the issue describes (a Belgian 15-year-old's class-group case,
# a Dutch adult's sextortion case) in French and Dutch, and for the demo case.
# Usage: tests/first_page.sh IBSA SOURCE_DIR
set -euo pipefail
ibsa=$1 source=$2
failures=0
for case_file in cases/be/2026/d26-30-action-plan-undress-minor-class-group.yaml \
                 cases/nl/p2-2024-onwards/nl-p2-s15-sextortion-with-deepfake-money.yaml \
                 cases/demo/be-ex-partner-undress-posted.yaml; do
  for lang in fr nl; do
    pages=$(bash "$source/scripts/report-pages.sh" --first-page "$ibsa" "$source/rulesets" "$source/$case_file" "$lang")
    if [ "$pages" != 1 ]; then
      echo "FAIL: the first page of $case_file ($lang) prints on $pages pages" >&2
      failures=$((failures + 1))
    fi
  done
done
[ "$failures" = 0 ] && echo "first page: every first page fits one sheet"
exit "$failures"
