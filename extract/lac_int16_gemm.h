// int16 matrix products for the reduced-precision lac_small path: activations in (-1, 1) scaled
// by kLacActivationScale, weights quantised per output column, int32 accumulation that cannot
// overflow for K <= 256. AVX-VNNI or AVX2 kernel chosen at run time (no -march flags needed),
// portable loop otherwise; all give bit-identical results.
// Thread safety: LacInt16Matrix is immutable after QuantizeLacMatrix; functions are reentrant.
#pragma once

#include <cstdint>
#include <vector>

namespace tupu {

inline constexpr float kLacActivationScale = 4096.0f;  // |x| < 1 -> |q| <= 4096

// B (K x N, row-major floats) quantised and packed for the kernel: pairs of rows interleaved so
// one 32-bit lane holds (B[2p][j], B[2p+1][j]); N padded to a multiple of 16 and stored as panels
// of 16 columns, each panel's K/2 rows contiguous so the kernel streams it.
struct LacInt16Matrix {
  int k = 0, n = 0, n_padded = 0;
  std::vector<int32_t> packed;  // [n_padded / 16][k / 2][16]
  std::vector<float> dequant;   // n_padded: 1 / (activation scale * column scale)
};

// REQUIRES: k even, k <= 256. The largest |weight| of each column maps just under 2^19 / k, so a K-term
// sum of |a| <= 4096 times |b| stays below 2^31.
LacInt16Matrix QuantizeLacMatrix(const float* b, int k, int n);

// q[i] = round(x[i] * kLacActivationScale), saturated. REQUIRES: count % 16 == 0 or any count
// (a scalar tail handles the rest).
void QuantizeLacActivations(const float* x, int count, int16_t* q);

// c[i * ldc + j] = dequant[j] * sum_k a[i * lda + k] * B[k][j] for i < m, j < b.n.
void LacInt16Gemm(const int16_t* a, int m, int lda, const LacInt16Matrix& b, float* c, int ldc);

// The same in plain C++ (what LacInt16Gemm runs without AVX2; tests compare the two).
void LacInt16GemmPortable(const int16_t* a, int m, int lda, const LacInt16Matrix& b, float* c, int ldc);

// The plain AVX2 kernel even on a CPU with AVX-VNNI, so tests cover both; false without AVX2.
bool LacInt16GemmAvx2Only(const int16_t* a, int m, int lda, const LacInt16Matrix& b, float* c, int ldc);

// The kernel this CPU runs: "avx-vnni", "avx2" or "portable" (for reports).
const char* LacInt16Kernel();

}  // namespace tupu
