#!/usr/bin/env bash
# The sanitizer run of issue 4: the whole test suite built with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (any finding fails the test), plus every libFuzzer target in tests/fuzz
# for TUPU_FUZZ_SECONDS (default 15) each. Idempotent: reuses build-asan, rebuilds what changed.
# usage: scripts/test-sanitizers.sh [CTEST ARGS...]   e.g. -R 'store|fuzz_'   (env: TUPU_ASAN_BUILD,
#        TUPU_FUZZ_SECONDS, JOBS)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
if ! command -v clang++ >/dev/null || ! have libclang-rt-14-dev; then
  scripts/install-deps.sh --sanitizers   # clang and libclang-rt-14-dev (ASan/UBSan/libFuzzer runtimes)
fi
if ! command -v clang++ >/dev/null || ! have libclang-rt-14-dev; then
  echo "test-sanitizers: needs clang and libclang-rt-14-dev: apt-get install clang libclang-rt-14-dev" >&2
  exit 1
fi

build=${TUPU_ASAN_BUILD:-build-asan}
jobs=${JOBS:-$(nproc)}
# Debian 12's clang 14 rejects __builtin_cpu_supports("avxvnni") (the tagger's kernel choice):
# then a forced include answers it with cpuid (tests/fuzz/clang14_cpu_supports.h).
cxx_flags=""
if ! echo 'int f() { return __builtin_cpu_supports("avxvnni"); }' |
    clang++ -x c++ - -fsyntax-only 2>/dev/null; then
  cxx_flags="-include $PWD/tests/fuzz/clang14_cpu_supports.h"
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$cxx_flags" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTUPU_BUILD_TESTS=ON \
  -DTUPU_SANITIZE=ON -DTUPU_FUZZ=ON \
  -DTUPU_FUZZ_SECONDS="${TUPU_FUZZ_SECONDS:-15}" >/dev/null
cmake --build "$build" -j"$jobs"

# Findings stop the test with a stack; leaks are findings too. Debian's RocksDB and Lua are not
# instrumented, so only our code (and what it calls) is checked.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" --output-on-failure -j"$jobs" "$@"
