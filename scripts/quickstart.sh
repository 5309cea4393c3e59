#!/usr/bin/env bash
# The first README command: install what is missing, build tupu, ingest the sample pages in seeds/
# into ./tupu.db and print the visits table. Safe to run again (the second ingest changes nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTUPU_BUILD_TESTS=OFF -DTUPU_BUILD_BENCH=OFF >/dev/null
cmake --build build --target tupu -j"$(nproc)"
build/tupu ingest --db tupu.db seeds
build/tupu run --db tupu.db queries/visits.lua
