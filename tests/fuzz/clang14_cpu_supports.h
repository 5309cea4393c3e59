// Force-included (-include) into clang <= 15 builds by scripts/test-sanitizers.sh: those clangs
// reject __builtin_cpu_supports("avxvnni") at compile time (extract/lac_int16_gemm.cc uses it), so
// the sanitizer and fuzz builds would not compile. Answers the same question with cpuid instead.
// Thread safety: a pure function.
#pragma once

#include <cpuid.h>
#include <string.h>

static inline bool TupuClangCpuSupports(const char* feature) {
  if (strcmp(feature, "avxvnni") == 0) {
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;  // leaf 7, sub-leaf 1: EAX bit 4 = AVX-VNNI
    return __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx) != 0 && (eax & (1u << 4)) != 0;
  }
  if (strcmp(feature, "avx2") == 0) return __builtin_cpu_supports("avx2");
  return false;  // features nobody asks for yet: the portable path
}
#define __builtin_cpu_supports(feature) TupuClangCpuSupports(feature)
