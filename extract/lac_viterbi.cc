// Plain Viterbi, in the reference's order of operations: score[to] = max over from of
// (score[from] + trans[from][to]), then + emission; first maximum wins. SSE2 only: the baseline
// of x86-64, so no dispatch is needed.
#include "extract/lac_viterbi.h"

#include <emmintrin.h>

#include <array>

namespace tupu {

std::vector<uint8_t> DecodeLacViterbi(const LacModel& model, const float* emissions, size_t length) {
  constexpr int kTags = kLacNumTags;
  constexpr int kStride = kLacTagStride;  // kTags padded to whole SSE vectors
  std::vector<uint8_t> best(length);
  if (length == 0) return best;
  std::vector<std::array<uint8_t, kStride>> back(length);
  alignas(16) float score[kStride], best_score[kStride];
  alignas(16) int32_t best_from[kStride];
  for (int j = 0; j < kTags; ++j) score[j] = model.crf_start[j] + emissions[j];
  for (int j = kTags; j < kStride; ++j) score[j] = 0;
  const float* trans = model.crf_transition_padded.data();
  for (size_t t = 1; t < length; ++t) {
    // For each `to`, the first `from` maximising score[from] + trans[from][to] (strict >, as
    // numpy's argmax), four `to` at a time with SSE2 (part of every x86-64).
    for (int to = 0; to < kStride; to += 4) {
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
