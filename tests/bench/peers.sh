#!/usr/bin/env bash
# The peer comparison of issue 4, from a fresh machine: ibsa against GoRules ZEN and
# json-rules-engine on the same rules and the same scenarios. For BE and NL on one date it
# exports the rules ibsa judges, generates scenarios in which every fact is known, runs all
# three engines on every scenario and compares their findings; only when they all agree on
# every scenario does it time them and print the throughput table. Not part of ./test.sh.
#
# Settings (environment): PEERS_DATE (2025-06-01), PEERS_SCENARIOS (10000 per jurisdiction),
# PEERS_SEED (20250601), PEERS_SECONDS (2 per timed repetition), PEERS_REPETITIONS (5).
# Everything generated goes to build/peers/.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATE="${PEERS_DATE:-2025-06-01}"
COUNT="${PEERS_SCENARIOS:-10000}"
SEED="${PEERS_SEED:-20250601}"
RUN_SECONDS="${PEERS_SECONDS:-2}"
REPETITIONS="${PEERS_REPETITIONS:-5}"
JURISDICTIONS=(BE NL)
OUT=build/peers
TOOL=build/release/tests/ibsa_peers_tool
PEERS_DIR=tests/bench/peers

# Installs what is missing: the build's packages, and node with npm when absent.
ensure_deps() {
  source scripts/deps.sh
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    IBSA_PACKAGES+=(nodejs npm)
  fi
  ibsa_ensure_deps
}

build_tool() {
  ibsa_build build/release -DCMAKE_BUILD_TYPE=Release
  if [ ! -x "$TOOL" ]; then
    echo "peers.sh: $TOOL was not built; tests/CMakeLists.txt needs the ibsa_peers_tool target" >&2
    exit 1
  fi
}

# node_modules stays inside tests/bench/peers (ignored by git); the lock file pins versions.
# `npm ci` refuses a lock that lacks ZEN's native packages for other platforms, which a
# registry serving only this platform's cannot provide; `npm install` then installs the
# same locked versions.
install_peers() {
  local log="$OUT/npm.log"
  (
    cd "$PEERS_DIR"
    if [ -f package-lock.json ]; then
      npm ci --no-audit --no-fund || npm install --no-audit --no-fund
    else
      npm install --no-audit --no-fund
    fi
  ) >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
}

# Export, scenarios and every engine's findings for one jurisdiction. Nothing is timed.
check_jurisdiction() {
  local j="$1" dir="$OUT/$1"
  mkdir -p "$dir"
  "$TOOL" export --jurisdiction "$j" --date "$DATE" --out "$dir/law.json"
  "$TOOL" scenarios --jurisdiction "$j" --date "$DATE" --count "$COUNT" --seed "$SEED" \
    --out "$dir/scenarios.json"
  "$TOOL" run --law "$dir/law.json" --scenarios "$dir/scenarios.json" --out "$dir/ibsa.ids"
  for engine in zen jre; do
    node "$PEERS_DIR/run.js" --engine "$engine" --law "$dir/law.json" \
      --scenarios "$dir/scenarios.json" --out "$dir/$engine.ids"
  done
}

# Both jurisdictions at once (one per core): the findings do not depend on the timing.
check_all() {
  local pids=() failed=0
  for j in "${JURISDICTIONS[@]}"; do
    mkdir -p "$OUT/$j"
    check_jurisdiction "$j" >"$OUT/$j/check.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
      cat "$OUT/${JURISDICTIONS[$i]}/check.log" >&2
      failed=1
    fi
  done
  [ "$failed" -eq 0 ] || { echo "peers.sh: a run failed; no speed is reported" >&2; exit 1; }
  cat "$OUT"/*/check.log
}

# One engine at a time, on one core, so that "per core" holds and nothing competes.
time_all() {
  local pin=()
  command -v taskset >/dev/null && pin=(taskset -c 0)
  for j in "${JURISDICTIONS[@]}"; do
    local dir="$OUT/$j"
    local timed=(--law "$dir/law.json" --scenarios "$dir/scenarios.json"
                 --seconds "$RUN_SECONDS" --repetitions "$REPETITIONS")
    "${pin[@]}" "$TOOL" run "${timed[@]}" --timing "$dir/ibsa.timing.json"
    for engine in zen jre; do
      "${pin[@]}" node "$PEERS_DIR/run.js" --engine "$engine" "${timed[@]}" \
        --timing "$dir/$engine.timing.json"
    done
  done
}

machine_facts() {
  local pinned="not pinned (taskset missing)"
  command -v taskset >/dev/null && pinned="each engine pinned to core 0 with taskset -c 0"
  echo "Command: tests/bench/peers.sh (date $DATE, $COUNT scenarios per jurisdiction, seed $SEED," \
       "$REPETITIONS timed repetitions of $RUN_SECONDS s per engine, $pinned)"
  echo "Machine: nproc $(nproc), CPU $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
       "$(g++ --version | head -1), node $(node --version), $(date -u +%Y-%m-%d)"
}

main() {
  ensure_deps
  build_tool
  rm -rf "$OUT"
  mkdir -p "$OUT"
  install_peers
  local list
  list=$(IFS=,; echo "${JURISDICTIONS[*]}")
  check_all
  node "$PEERS_DIR/report.js" compare "$OUT" "$list"
  time_all
  echo
  machine_facts
  echo
  node "$PEERS_DIR/report.js" table "$OUT" "$list"
}

main "$@"
