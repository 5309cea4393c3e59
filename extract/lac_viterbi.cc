// Plain Viterbi, in the reference's order of operations: score[to] = max over from of
// (score[from] + trans[from][to]), then + emission; first maximum wins.
#include "extract/lac_viterbi.h"

#include <array>

namespace tupu {

std::vector<uint8_t> DecodeLacViterbi(const LacModel& model, const float* emissions, size_t length) {
  constexpr int kTags = kLacNumTags;
  std::vector<uint8_t> best(length);
  if (length == 0) return best;
  std::vector<std::array<uint8_t, kTags>> back(length);
  std::array<float, kTags> score, next;
  for (int j = 0; j < kTags; ++j) score[j] = model.crf_start[j] + emissions[j];
  const float* trans = model.crf_transition.data();
  for (size_t t = 1; t < length; ++t) {
    const float* e = emissions + t * kTags;
    for (int to = 0; to < kTags; ++to) {
      float best_score = score[0] + trans[to];
      int best_from = 0;
      for (int from = 1; from < kTags; ++from) {
        float s = score[from] + trans[from * kTags + to];
        if (s > best_score) {
          best_score = s;
          best_from = from;
        }
      }
      next[to] = best_score + e[to];
      back[t][to] = static_cast<uint8_t>(best_from);
    }
    score = next;
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
