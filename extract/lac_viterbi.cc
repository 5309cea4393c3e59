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
    // Loop over `from` outside so the inner loop runs over contiguous `to` and vectorises;
    // strict > keeps the first maximum, as before.
    std::array<float, kTags> best_score;
    std::array<uint8_t, kTags>& best_from = back[t];
    for (int to = 0; to < kTags; ++to) {
      best_score[to] = score[0] + trans[to];
      best_from[to] = 0;
    }
    for (int from = 1; from < kTags; ++from) {
      const float s_from = score[from];
      const float* row = trans + from * kTags;
      for (int to = 0; to < kTags; ++to) {
        const float s = s_from + row[to];
        const bool better = s > best_score[to];
        best_score[to] = better ? s : best_score[to];
        best_from[to] = better ? static_cast<uint8_t>(from) : best_from[to];
      }
    }
    for (int to = 0; to < kTags; ++to) next[to] = best_score[to] + e[to];
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
