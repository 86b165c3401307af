#!/usr/bin/env bash
# The README's pictures (docs/img/*.png) show the page and the report's first page as they
# are today: what they were taken of (docs/img/screenshots.sha256, written with them by
# scripts/screenshots.sh) is what the script would take them of now. The pictures themselves
# depend on the installed fonts and are not compared.
# Usage: tests/screenshots_current.sh IBSA SOURCE_DIR
set -euo pipefail
ibsa=$1 source=$2
if diff <(bash "$source/scripts/screenshots.sh" --inputs "$ibsa" "$source/rulesets") "$source/docs/img/screenshots.sha256"; then
  echo "screenshots: current"
else
  echo "docs/img is stale: the page or the report's first page changed since its pictures were taken." >&2
  echo "Run: scripts/screenshots.sh build/release/engine/ibsa rulesets, look at docs/img/*.png, commit them." >&2
  exit 1
fi
