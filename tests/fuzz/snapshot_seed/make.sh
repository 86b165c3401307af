#!/usr/bin/env bash
# Writes the snapshot_reader target's seed, tests/fuzz/corpus/snapshot_reader/small-law.bin:
# the body (all but the 24-byte header the target writes itself) of the snapshot that
# `ibsa compile` makes of the small vocabulary of the ruleset_loader corpus and the two
# rulesets and harms here. Run it when the snapshot format changes.
# Usage: tests/fuzz/snapshot_seed/make.sh IBSA
set -euo pipefail
ibsa="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rulesets/be" "$work/rulesets/nl"
cp "$here/../corpus/ruleset_loader/small-vocabulary.yaml" "$work/rulesets/facts.yaml"
cp "$here/be.yaml" "$work/rulesets/be/seed.yaml"
cp "$here/nl.yaml" "$work/rulesets/nl/seed.yaml"
cp "$here/harms.yaml" "$work/rulesets/harms.yaml"
"$ibsa" --no-snapshot --rulesets "$work/rulesets" compile "$work/seed.law"
tail -c +25 "$work/seed.law" > "$here/../corpus/snapshot_reader/small-law.bin"
