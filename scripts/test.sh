#!/usr/bin/env bash
# The second README command: install what is missing (with the test tools), build everything and
# run the whole test suite with ctest; then the sanitizer subset: the common, store and graph suites
# (with the `tupu` binary their end-to-end tests run) built with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer. CI runs exactly this (.ci/run). TUPU_SANITIZERS=off skips the subset;
# scripts/test-sanitizers.sh runs everything (and the fuzz targets) under the sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTUPU_BUILD_TESTS=ON -DTUPU_BUILD_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"

if [[ "${TUPU_SANITIZERS:-subset}" == off ]]; then
  exit 0
fi
scripts/install-deps.sh --sanitizers
# Debian 12's clang 14 lacks __builtin_cpu_supports("avxvnni") (the tagger's kernel choice):
# tests/fuzz/clang14_cpu_supports.h answers it with cpuid.
cxx_flags=""
if ! echo 'int f() { return __builtin_cpu_supports("avxvnni"); }' |
    clang++ -x c++ - -fsyntax-only 2>/dev/null; then
  cxx_flags="-include $PWD/tests/fuzz/clang14_cpu_supports.h"
fi
cmake -S . -B build-asan-subset -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$cxx_flags" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTUPU_SANITIZE=ON \
  -DTUPU_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan-subset -j"$(nproc)" --target tupu common_tests store_tests graph_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan-subset --output-on-failure -j"$(nproc)" -E '_NOT_BUILT$'
