#!/usr/bin/env bash
# Builds and runs every test: the unit tests, the command-line end-to-end and golden tests,
# the legal case suite (cases/), the HTTP API and the intake page in headless Chromium,
# first in a Release build, then under AddressSanitizer and UndefinedBehaviorSanitizer
# (all but the tests labelled `content`, which check the bundled law and the generated
# documents rather than memory: tests/CMakeLists.txt says which and why).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/deps.sh
# The browser test drives Debian's chromium with node (tests/browser/).
IBSA_PACKAGES+=(chromium)
command -v node >/dev/null && command -v npm >/dev/null || IBSA_PACKAGES+=(nodejs npm)
ibsa_ensure_deps

echo "== Release build"
ibsa_build build/release -DCMAKE_BUILD_TYPE=Release
(cd build/release && ctest --output-on-failure -j"$(nproc)")

echo "== Sanitizer build (ASan + UBSan)"
ibsa_build build/asan -DCMAKE_BUILD_TYPE=Debug -DIBSA_SANITIZE=ON
(cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$(nproc)" --label-exclude content)
