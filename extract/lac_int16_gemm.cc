// int16 GEMM for the lac_small reduced-precision path. The AVX2 functions carry
// __attribute__((target(...))) and run only after __builtin_cpu_supports said yes (AVX-VNNI, else
// AVX2), so
// the default build runs on any x86-64. No Eigen here: templates compiled with different target
// flags in two TUs could be merged by the linker (ODR) and leak AVX2 code into the generic path.
#include "extract/lac_int16_gemm.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TUPU_LAC_X86 1
#endif

namespace tupu {
namespace {

}  // namespace

void LacInt16GemmPortable(const int16_t* a, int m, int lda, const LacInt16Matrix& b, float* c, int ldc) {
  const int pairs = b.k / 2;
  std::vector<int32_t> acc(b.n_padded);
  for (int i = 0; i < m; ++i) {
    std::fill(acc.begin(), acc.end(), 0);
    const int16_t* arow = a + static_cast<size_t>(i) * lda;
    for (int p = 0; p < pairs; ++p) {
      const int32_t a0 = arow[2 * p], a1 = arow[2 * p + 1];
      for (int j = 0; j < b.n_padded; ++j) {
        const int32_t packed = b.packed[static_cast<size_t>(j / 16) * 16 * pairs + 16 * p + j % 16];
        const int32_t lo = static_cast<int16_t>(packed & 0xffff);
        const int32_t hi = static_cast<int16_t>(static_cast<uint32_t>(packed) >> 16);
        acc[j] += a0 * lo + a1 * hi;
      }
    }
    float* crow = c + static_cast<size_t>(i) * ldc;
    for (int j = 0; j < b.n; ++j) crow[j] = static_cast<float>(acc[j]) * b.dequant[j];
  }
}

namespace {

#ifdef TUPU_LAC_X86
// Rows handled together: each packed B vector loaded once serves kRows rows. The body is a macro
// so that the AVX2 and AVX-VNNI versions differ only in the multiply-add, each compiled with its
// own target attribute (a shared inline helper could not be inlined across targets).
#define TUPU_LAC_GEMM_ROWS_BODY(MULTIPLY_ADD)                                                       \
  const int pairs = b.k / 2;                                                                       \
  alignas(32) float tail[16];                                                                      \
  for (int j0 = 0; j0 < b.n_padded; j0 += 16) {                                                    \
    __m256i acc[kRows][2];                                                                         \
    _Pragma("GCC unroll 4") for (int r = 0; r < kRows; ++r) {                                      \
      acc[r][0] = acc[r][1] = _mm256_setzero_si256();                                              \
    }                                                                                              \
    const int32_t* panel = b.packed.data() + static_cast<size_t>(j0) * pairs;                      \
    for (int p = 0; p < pairs; ++p) {                                                              \
      const int32_t* bp = panel + 16 * p;                                                          \
      const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bp));                \
      const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(bp + 8));            \
      /* Fully unrolled, so the accumulators live in registers even at -O2. */                    \
      _Pragma("GCC unroll 4") for (int r = 0; r < kRows; ++r) {                                    \
        int32_t pair;                                                                              \
        std::memcpy(&pair, a + static_cast<size_t>(r) * lda + 2 * p, sizeof pair);                 \
        const __m256i av = _mm256_set1_epi32(pair);                                                \
        acc[r][0] = MULTIPLY_ADD(acc[r][0], av, b0);                                               \
        acc[r][1] = MULTIPLY_ADD(acc[r][1], av, b1);                                               \
      }                                                                                            \
    }                                                                                              \
    const __m256 d0 = _mm256_loadu_ps(b.dequant.data() + j0);                                      \
    const __m256 d1 = _mm256_loadu_ps(b.dequant.data() + j0 + 8);                                  \
    _Pragma("GCC unroll 4") for (int r = 0; r < kRows; ++r) {                                      \
      __m256 f0 = _mm256_mul_ps(_mm256_cvtepi32_ps(acc[r][0]), d0);                                \
      __m256 f1 = _mm256_mul_ps(_mm256_cvtepi32_ps(acc[r][1]), d1);                                \
      float* crow = c + static_cast<size_t>(r) * ldc + j0;                                         \
      if (j0 + 16 <= b.n) {                                                                        \
        _mm256_storeu_ps(crow, f0);                                                                \
        _mm256_storeu_ps(crow + 8, f1);                                                            \
      } else {                                                                                     \
        _mm256_store_ps(tail, f0);                                                                 \
        _mm256_store_ps(tail + 8, f1);                                                             \
        std::memcpy(crow, tail, sizeof(float) * (b.n - j0));                                       \
      }                                                                                            \
    }                                                                                              \
  }

#define TUPU_LAC_MADD_AVX2(acc, a, b) _mm256_add_epi32(acc, _mm256_madd_epi16(a, b))
#define TUPU_LAC_MADD_VNNI(acc, a, b) _mm256_dpwssd_avx_epi32(acc, a, b)

template <int kRows>
__attribute__((target("avx2"))) void GemmRowsAvx2(const int16_t* a, int lda, const LacInt16Matrix& b,
                                                  float* c, int ldc) {
  TUPU_LAC_GEMM_ROWS_BODY(TUPU_LAC_MADD_AVX2)
}

template <int kRows>
__attribute__((target("avx2,avxvnni"))) void GemmRowsVnni(const int16_t* a, int lda,
                                                          const LacInt16Matrix& b, float* c, int ldc) {
  TUPU_LAC_GEMM_ROWS_BODY(TUPU_LAC_MADD_VNNI)
}

// Rows four at a time, then the last one to three rows in one pass: each pass streams all of B,
// so three single-row passes would read it three times (the GRU's batches shrink as sentences end,
// leaving a remainder at most steps).
#define TUPU_LAC_GEMM_BODY(ROWS)                                                                    \
  int i = 0;                                                                                       \
  for (; i + 4 <= m; i += 4) ROWS<4>(a + static_cast<size_t>(i) * lda, lda, b, c + static_cast<size_t>(i) * ldc, ldc); \
  const int16_t* rest_a = a + static_cast<size_t>(i) * lda;                                        \
  float* rest_c = c + static_cast<size_t>(i) * ldc;                                                \
  if (m - i == 3) ROWS<3>(rest_a, lda, b, rest_c, ldc);                                            \
  if (m - i == 2) ROWS<2>(rest_a, lda, b, rest_c, ldc);                                            \
  if (m - i == 1) ROWS<1>(rest_a, lda, b, rest_c, ldc);

__attribute__((target("avx2,avxvnni"))) void GemmVnni(const int16_t* a, int m, int lda,
                                                      const LacInt16Matrix& b, float* c, int ldc) {
  TUPU_LAC_GEMM_BODY(GemmRowsVnni)
}

__attribute__((target("avx2"))) void GemmAvx2(const int16_t* a, int m, int lda,
                                              const LacInt16Matrix& b, float* c, int ldc) {
  TUPU_LAC_GEMM_BODY(GemmRowsAvx2)
}

__attribute__((target("avx2"))) void QuantizeAvx2(const float* x, int count, int16_t* q) {
  const __m256 scale = _mm256_set1_ps(kLacActivationScale);
  int i = 0;
  for (; i + 16 <= count; i += 16) {
    __m256i lo = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i), scale));
    __m256i hi = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 8), scale));
    // packs works per 128-bit lane: fix the order with a 64-bit permute.
    __m256i packed = _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xD8);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(q + i), packed);
  }
  for (; i < count; ++i) {
    float v = std::nearbyint(x[i] * kLacActivationScale);
    q[i] = static_cast<int16_t>(std::clamp(v, -32768.0f, 32767.0f));
  }
}

bool CpuHasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
bool CpuHasVnni() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("avxvnni");
  return has;
}
#else
bool CpuHasAvx2() { return false; }
bool CpuHasVnni() { return false; }
#endif

}  // namespace

LacInt16Matrix QuantizeLacMatrix(const float* b, int k, int n) {
  LacInt16Matrix out;
  out.k = k;
  out.n = n;
  out.n_padded = (n + 15) / 16 * 16;
  out.packed.assign(static_cast<size_t>(k / 2) * out.n_padded, 0);
  out.dequant.assign(out.n_padded, 0.0f);
  // Just under 2^19 / K: 2047 for K = 256, 4095 for K = 128; K * 4096 * that < 2^31.
  const float weight_max = static_cast<float>((1 << 19) / k - 1);
  for (int j = 0; j < n; ++j) {
    float col_max = 0;
    for (int r = 0; r < k; ++r) col_max = std::max(col_max, std::fabs(b[static_cast<size_t>(r) * n + j]));
    const float scale = col_max > 0 ? weight_max / col_max : 1.0f;
    out.dequant[j] = 1.0f / (kLacActivationScale * scale);
    for (int p = 0; p < k / 2; ++p) {
      auto q = [&](int r) {
        return static_cast<int16_t>(std::nearbyint(b[static_cast<size_t>(r) * n + j] * scale));
      };
      const uint32_t lo = static_cast<uint16_t>(q(2 * p)), hi = static_cast<uint16_t>(q(2 * p + 1));
      out.packed[static_cast<size_t>(j / 16) * 16 * (k / 2) + 16 * p + j % 16] =
          static_cast<int32_t>(lo | (hi << 16));
    }
  }
  return out;
}

void QuantizeLacActivations(const float* x, int count, int16_t* q) {
#ifdef TUPU_LAC_X86
  if (CpuHasAvx2()) return QuantizeAvx2(x, count, q);
#endif
  for (int i = 0; i < count; ++i) {
    float v = std::nearbyint(x[i] * kLacActivationScale);
    q[i] = static_cast<int16_t>(std::clamp(v, -32768.0f, 32767.0f));
  }
}

void LacInt16Gemm(const int16_t* a, int m, int lda, const LacInt16Matrix& b, float* c, int ldc) {
#ifdef TUPU_LAC_X86
  if (CpuHasVnni()) return GemmVnni(a, m, lda, b, c, ldc);
  if (CpuHasAvx2()) return GemmAvx2(a, m, lda, b, c, ldc);
#endif
  LacInt16GemmPortable(a, m, lda, b, c, ldc);
}

bool LacInt16GemmAvx2Only(const int16_t* a, int m, int lda, const LacInt16Matrix& b, float* c,
                          int ldc) {
#ifdef TUPU_LAC_X86
  if (CpuHasAvx2()) {
    GemmAvx2(a, m, lda, b, c, ldc);
    return true;
  }
#endif
  return false;
}

const char* LacInt16Kernel() { return CpuHasVnni() ? "avx-vnni" : CpuHasAvx2() ? "avx2" : "portable"; }

}  // namespace tupu
