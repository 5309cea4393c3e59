// Viterbi decoding of the lac_small CRF: the best tag sequence given emissions and the start, end
// and transition scores. Ties resolve to the lowest tag id, as numpy's argmax in the reference.
// Thread safety: pure function.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/lac_model.h"

namespace tupu {

// emissions: length x kLacNumTags. Returns one tag id per character (empty for length 0).
std::vector<uint8_t> DecodeLacViterbi(const LacModel& model, const float* emissions, size_t length);

}  // namespace tupu
