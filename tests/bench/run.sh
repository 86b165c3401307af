#!/usr/bin/env bash
# Builds (Release) and runs the benchmarks, then times whole-process `ibsa evaluate` from a
# cold start against `true` as the baseline. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/deps.sh
IBSA_PACKAGES+=(libbenchmark-dev)
ibsa_ensure_deps
ibsa_build build/release -DCMAKE_BUILD_TYPE=Release
build/release/tests/ibsa_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_min_time=0.2 "$@"
echo
echo "Whole process, cold start, 20 runs each:"
time_runs() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq 20); do "$@" > /dev/null; done
  end=$(date +%s%N)
  echo $(( (end - start) / 20000 ))
}
baseline=$(time_runs /bin/true)
evaluate=$(time_runs build/release/engine/ibsa evaluate cases/demo/be-ex-partner-undress-posted.yaml)
from_yaml=$(time_runs build/release/engine/ibsa --no-snapshot evaluate cases/demo/be-ex-partner-undress-posted.yaml)
echo "  /bin/true (baseline):                         ${baseline} us per run"
echo "  ibsa evaluate (demo, snapshot of the law):  ${evaluate} us per run"
echo "  ibsa --no-snapshot evaluate (demo, YAML):   ${from_yaml} us per run"
