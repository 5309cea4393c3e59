// Plain Viterbi, in the reference's order of operations: score[to] = max over from of
// (score[from] + trans[from][to]), then + emission; first maximum wins. SSE2 (the baseline of
// x86-64), or AVX2 chosen at run time: the same operations on each value, so the same path.
#include "extract/lac_viterbi.h"

#include <immintrin.h>

#include <array>

namespace tupu {
namespace {

constexpr int kTags = kLacNumTags;
constexpr int kStride = kLacTagStride;  // kTags padded to whole SSE vectors

// For `to` in [begin, kStride), four at a time: the first `from` maximising score[from] +
// trans[from][to] (strict >, as numpy's argmax), with SSE2 (part of every x86-64).
void BestFromSse2(const float* score, const float* trans, int begin, float* best_score,
                  int32_t* best_from) {
  for (int to = begin; to < kStride; to += 4) {
    __m128 best_v = _mm_add_ps(_mm_set1_ps(score[0]), _mm_load_ps(trans + to));
    __m128i from_v = _mm_setzero_si128();
    for (int from = 1; from < kTags; ++from) {
      __m128 s = _mm_add_ps(_mm_set1_ps(score[from]), _mm_load_ps(trans + from * kStride + to));
      __m128i better = _mm_castps_si128(_mm_cmpgt_ps(s, best_v));
      best_v = _mm_max_ps(best_v, s);
      from_v = _mm_or_si128(_mm_and_si128(better, _mm_set1_epi32(from)),
                            _mm_andnot_si128(better, from_v));
    }
    _mm_store_ps(best_score + to, best_v);
    _mm_store_si128(reinterpret_cast<__m128i*>(best_from + to), from_v);
  }
}

// The same eight `to` at a time where the CPU has AVX2 (the same additions and comparisons, so
// the same result); the last four columns of the 60-wide rows go through SSE2. The target
// attribute keeps AVX2 code out of the generic path (see lac_int16_gemm.cc).
__attribute__((target("avx2"))) void BestFromAvx2(const float* score, const float* trans,
                                                  float* best_score, int32_t* best_from) {
  constexpr int kWide = kStride / 8 * 8;
  for (int to = 0; to < kWide; to += 8) {
    __m256 best_v = _mm256_add_ps(_mm256_set1_ps(score[0]), _mm256_loadu_ps(trans + to));
    __m256i from_v = _mm256_setzero_si256();
    for (int from = 1; from < kTags; ++from) {
      __m256 s = _mm256_add_ps(_mm256_set1_ps(score[from]),
                               _mm256_loadu_ps(trans + from * kStride + to));
      __m256 better = _mm256_cmp_ps(s, best_v, _CMP_GT_OQ);
      best_v = _mm256_max_ps(best_v, s);
      from_v = _mm256_castps_si256(_mm256_blendv_ps(
          _mm256_castsi256_ps(from_v), _mm256_castsi256_ps(_mm256_set1_epi32(from)), better));
    }
    _mm256_storeu_ps(best_score + to, best_v);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(best_from + to), from_v);
  }
  BestFromSse2(score, trans, kWide, best_score, best_from);
}

}  // namespace

std::vector<uint8_t> DecodeLacViterbi(const LacModel& model, const float* emissions, size_t length) {
  std::vector<uint8_t> best(length);
  if (length == 0) return best;
  std::vector<std::array<uint8_t, kStride>> back(length);
  alignas(16) float score[kStride], best_score[kStride];
  alignas(16) int32_t best_from[kStride];
  for (int j = 0; j < kTags; ++j) score[j] = model.crf_start[j] + emissions[j];
  for (int j = kTags; j < kStride; ++j) score[j] = 0;
  const float* trans = model.crf_transition_padded.data();
  static const bool avx2 = __builtin_cpu_supports("avx2");
  for (size_t t = 1; t < length; ++t) {
    if (avx2) {
      BestFromAvx2(score, trans, best_score, best_from);
    } else {
      BestFromSse2(score, trans, 0, best_score, best_from);
    }
    const float* e = emissions + t * kTags;
    for (int to = 0; to < kTags; ++to) {
      score[to] = best_score[to] + e[to];
      back[t][to] = static_cast<uint8_t>(best_from[to]);
    }
  }
  int last = 0;
  float last_score = score[0] + model.crf_end[0];
  for (int j = 1; j < kTags; ++j) {
    float s = score[j] + model.crf_end[j];
    if (s > last_score) {
      last_score = s;
      last = j;
    }
  }
  best[length - 1] = static_cast<uint8_t>(last);
  for (size_t t = length - 1; t > 0; --t) best[t - 1] = back[t][best[t]];
  return best;
}

}  // namespace tupu
