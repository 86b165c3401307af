#!/usr/bin/env bash
# Fuzzes the case parser, the ruleset loader, the JSON API, the snapshot reader and the snapshot's
# structural checks (snapshot_damage) with libFuzzer, each for a
# fixed time, in a clang build of its own (build/fuzz). See docs/fuzzing.md.
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60)
#
# Each target starts from its working corpus build/fuzz/corpus/TARGET, seeded from the
# committed corpus and regressions and kept between runs. Prints per target the runs, the
# coverage and whether it crashed; exits 1 when any target crashed, leaked, ran out of
# memory or timed out, with the path of the input that did it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [SECONDS_PER_TARGET]" >&2
  exit 2
fi

source scripts/deps.sh
IBSA_PACKAGES+=(clang libclang-rt-14-dev)
ibsa_ensure_deps

build=build/fuzz
targets=(case_parser ruleset_loader api snapshot_reader snapshot_damage)
declare -A max_len=([case_parser]=8192 [ruleset_loader]=32768 [api]=8192 [snapshot_reader]=16384 [snapshot_damage]=121)

echo "== Building the fuzz targets with clang in $build"
ibsa_build "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DIBSA_FUZZ=ON -DIBSA_BUILD_TESTS=OFF

# The formats' words, and every fact name and value of the vocabulary.
dict="$build/ibsa.dict"
{
  cat tests/fuzz/ibsa.dict
  echo "# rulesets/facts.yaml"
  sed -n 's/^ *- name: *\([A-Za-z0-9_.]*\).*/\1/p' rulesets/facts.yaml | tr '.' '\n'
  sed -n 's/^ *- name: *\([A-Za-z0-9_.]*\).*/\1/p' rulesets/facts.yaml
  sed -n 's/^ *values: *\[\(.*\)\].*/\1/p' rulesets/facts.yaml | tr ',' '\n'
} | sed 's/^ *//; s/ *$//' | grep -v '^$' | awk '/^[#"]/ { print; next } { print "\"" $0 "\"" }' \
  | awk '!seen[$0]++' >"$dict"

failed=0
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/${target}_fuzz"
  if [ ! -x "$binary" ]; then
    echo "-- $target: not built (skipped)"
    continue
  fi
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  log="$build/$target.log"
  mkdir -p "$corpus" "$artifacts"
  find "tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target" -type f \
    -exec cp -n -t "$corpus" {} + 2>/dev/null || true
  echo "== Fuzzing $target for ${seconds}s (log: $log)"
  status=0
  "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="${max_len[$target]}" -dict="$dict" -artifact_prefix="$artifacts/" \
    -print_final_stats=1 >"$log" 2>&1 || status=$?
  # A target that fails while loading its corpus prints no coverage line yet.
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' "$log" | tail -1 || true)
  files=$(find "$corpus" -type f | wc -l)
  crash=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
  if [ "$status" -eq 0 ]; then
    echo "-- $target: ok; ${runs:-?} runs, ${coverage:-cov: ?}; $files files in $corpus"
  else
    failed=1
    echo "-- $target: FAILED (exit $status); ${runs:-?} runs, ${coverage:-cov: ?}"
    grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error|fuzz check failed|terminate called' "$log" || true
    echo "   input: ${crash:-none written; see $log}"
    echo "   replay: $binary ${crash:-INPUT}"
  fi
done
exit "$failed"
