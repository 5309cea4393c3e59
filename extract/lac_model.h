// LacModel: the lac_small weights, vocabulary and tag set, loaded and checked once, then shared
// read-only (std::shared_ptr<const LacModel>) by every tagger and thread.
// Thread safety: immutable after LoadLacModel returns; all access is const.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"

namespace tupu {

inline constexpr int kLacHidden = 128;      // GRU state size (and embedding size)
inline constexpr int kLacGates = 3 * kLacHidden;  // update | reset | candidate
inline constexpr int kLacBiHidden = 2 * kLacHidden;  // forward | reverse outputs, concatenated
inline constexpr int kLacNumTags = 57;
inline constexpr int kLacTagStride = 60;  // kLacNumTags rounded up to whole 4-float vectors

// One GRU direction. The file stores a [H, 2H] gate block followed by a [H, H] candidate block.
struct LacGruWeights {
  std::vector<float> gate;       // H x 2H row-major: h . gate -> [update | reset]
  std::vector<float> candidate;  // H x H row-major: (r * h) . candidate
  std::vector<float> bias;       // 3H: [update | reset | candidate]
};

struct LacModel {
  std::string dir;  // where it was loaded from, for messages

  // Code point -> row of the embedding; anything else maps to oov_id.
  int32_t IdOf(char32_t cp) const {
    if (cp < bmp_ids.size()) return bmp_ids[cp];
    auto it = astral_ids.find(cp);
    return it == astral_ids.end() ? oov_id : it->second;
  }
  std::vector<int32_t> bmp_ids;  // 65536 entries
  std::unordered_map<char32_t, int32_t> astral_ids;
  int32_t oov_id = 0;
  int32_t vocab_rows = 0;

  std::vector<std::string> tag_names;  // kLacNumTags, e.g. "PER-B"; index = model output
  std::vector<std::string> tag_kinds;  // "PER", "n", ... ("O" for O)
  std::vector<bool> tag_begins;        // true for X-B

  // Layer 1: the input projections of both directions precomputed for every vocabulary entry:
  // vocab_rows x 2*kLacGates, row = [emb.fc_0.w + fc_0.b | emb.fc_1.w + fc_1.b].
  std::vector<float> layer1_input;
  // Layer 2: input (kLacBiHidden) -> both directions' projections: kLacBiHidden x 2*kLacGates.
  std::vector<float> layer2_weight;
  std::vector<float> layer2_bias;  // 2*kLacGates
  std::array<LacGruWeights, 4> gru;  // 0, 1: layer 1 forward/reverse; 2, 3: layer 2
  std::vector<float> emission_weight;  // kLacBiHidden x kLacNumTags
  std::vector<float> emission_bias;    // kLacNumTags
  std::vector<float> crf_start, crf_end;  // kLacNumTags
  std::vector<float> crf_transition;      // kLacNumTags x kLacNumTags, [from][to]
  // The same with rows padded to kLacTagStride (padding -1e30: never the best), for SIMD.
  std::vector<float> crf_transition_padded;
};

// The folder to load: `option` if not empty, else $TUPU_LAC_DIR if set, else the Debian path.
std::string ResolveLacModelDir(const std::string& option);

// Loads and checks word.dic, tag.dic and model_baseline/* under `dir`. Errors name the file and
// say how to fix it (apt-get install python3-jieba).
Result<std::shared_ptr<const LacModel>> LoadLacModel(const std::string& dir);

}  // namespace tupu
