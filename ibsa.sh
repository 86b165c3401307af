#!/usr/bin/env bash
# Builds ibsa (Release) when needed and runs it. Without arguments it evaluates the demo
# case; otherwise the arguments go to ibsa, e.g. ./ibsa.sh evaluate --lang nl CASE.yaml
set -euo pipefail
cd "$(dirname "$0")"
source scripts/deps.sh
ibsa_ensure_deps
ibsa_build build/release -DCMAKE_BUILD_TYPE=Release
if [ $# -eq 0 ]; then
  set -- evaluate cases/demo/be-ex-partner-undress-posted.yaml
fi
exec build/release/engine/ibsa "$@"
