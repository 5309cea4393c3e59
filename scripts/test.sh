#!/usr/bin/env bash
# The second README command: install what is missing (with the test tools), build everything and
# run the whole test suite with ctest. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTUPU_BUILD_TESTS=ON -DTUPU_BUILD_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"
