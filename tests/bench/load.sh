#!/usr/bin/env bash
# Load test of `ibsa serve` on loopback with wrk: requests per second and latency
# percentiles for /api/evaluate and /api/next-questions (what the intake page calls after
# every answer) with 1, 8 and 32 concurrent connections, against a baseline in the same
# run: a static file of the page, i.e. the HTTP layer alone. Any error or non-2xx answer
# fails the run. Then slow and idle clients (issue 15): 8 connections that send one header
# byte every 3 s and 100 that send nothing hold the server while a normal client asks
# /api/evaluate ten times; each answer must come within a second.
# Usage: tests/bench/load.sh [SECONDS_PER_RUN, default 10] [--held-only]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
held_only=false
[ "${2:-}" = "--held-only" ] && held_only=true
source scripts/deps.sh
$held_only || command -v wrk >/dev/null || IBSA_PACKAGES+=(wrk)
ibsa_ensure_deps
ibsa_build build/release -DCMAKE_BUILD_TYPE=Release

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
build/release/engine/ibsa serve --port 0 --quiet > "$work/serve.out" &
pid=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out")

# One wrk script per request: the demo case of the README, as the page sends it.
case_json=$(jq -Rs . < cases/demo/be-ex-partner-undress-posted.yaml)
for endpoint in evaluate next-questions; do
  cat > "$work/$endpoint.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[{"case": $case_json, "assessed_on": "2026-11-21", "lang": "fr"}]==]
EOF
done
: > "$work/get.lua"

key() { echo "${1//[^a-zA-Z]/_}"; }

# Runs wrk and prints one table row; fails on any socket error or non-2xx answer.
measure() {
  local label="$1" path="$2" script="$3" connections="$4"
  local threads=$(( connections < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$script" "$url$path" > "$work/wrk.txt"
  if grep -qE "Non-2xx|Socket errors" "$work/wrk.txt"; then
    cat "$work/wrk.txt" >&2
    echo "FAIL: errors under load on $path" >&2
    exit 1
  fi
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  echo "| $label | $connections | $rps | $p50 | $p99 |"
  echo "$rps" > "$work/rps-$(key "$label")-$connections"
}

# Slow and idle clients hold connections; a normal client must still be answered within a
# second each time. Prints what the slow clients got (408 once their request is overdue).
held() {
  local port=${url##*:} slow=8 idle=100 i slow_pids=()
  printf '{"case": %s, "assessed_on": "2026-11-21"}' "$case_json" > "$work/body.json"
  for i in $(seq "$slow"); do
    ( trap '' PIPE
      exec 3<>"/dev/tcp/127.0.0.1/$port"
      printf 'POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\n' >&3
      for _ in $(seq 20); do
        if IFS= read -r -t 0.01 answer <&3; then echo "$answer" > "$work/slow-$i.txt"; break; fi
        printf 'X' >&3 2>/dev/null || break
        sleep 3
      done ) &
    slow_pids+=($!)
  done
  local idle_fds=()
  for i in $(seq "$idle"); do exec {fd}<>"/dev/tcp/127.0.0.1/$port"; idle_fds+=("$fd"); done
  sleep 1
  local worst=0 t
  for i in $(seq 10); do
    t=$(curl -s -o "$work/held.json" -w '%{time_total}' -H 'Content-Type: application/json' \
        --data-binary @"$work/body.json" "$url/api/evaluate")
    jq -e '.findings' "$work/held.json" > /dev/null || { echo "FAIL: no answer while clients held connections" >&2; exit 1; }
    worst=$(awk -v a="$t" -v b="$worst" 'BEGIN {print (a > b) ? a : b}')
    sleep 1
  done
  for fd in "${idle_fds[@]}"; do exec {fd}>&-; done
  wait "${slow_pids[@]}" || true
  echo "With $slow slow clients (a header byte every 3 s) and $idle idle connections: a normal"
  echo "client's /api/evaluate answered in at most ${worst} s over 10 requests (1 s apart)."
  echo "The slow clients got: $(cat "$work"/slow-*.txt 2>/dev/null | grep -o 'HTTP/1.1 [0-9]*' | sort | uniq -c | xargs)"
  if awk -v w="$worst" 'BEGIN {exit !(w >= 1)}'; then
    echo "FAIL: a normal client waited ${worst} s while slow and idle clients held connections" >&2
    exit 1
  fi
}

if $held_only; then
  held
  echo "load: no errors"
  exit 0
fi

echo "ibsa serve under wrk, ${seconds} s per run, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| request | connections | requests/s | p50 | p99 |"
echo "|---|---|---|---|---|"
for c in 1 8 32; do
  measure "GET /app.css (baseline)" /app.css "$work/get.lua" "$c"
  measure "POST /api/evaluate" /api/evaluate "$work/evaluate.lua" "$c"
  measure "POST /api/next-questions" /api/next-questions "$work/next-questions.lua" "$c"
done
echo
for c in 1 8 32; do
  base=$(cat "$work/rps-$(key "GET /app.css (baseline)")-$c")
  for label in "POST /api/evaluate" "POST /api/next-questions"; do
    echo "$label with $c connections: $(awk -v a="$(cat "$work/rps-$(key "$label")-$c")" -v b="$base" 'BEGIN {printf "%.2f", a / b}')x the baseline's rate"
  done
done
echo
held
echo "load: no errors"
