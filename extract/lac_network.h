// The lac_small BiGRU network: character ids -> emission scores, for many sentences at once so
// each recurrent step is a matrix-matrix product over the batch. fp32, matching the reference.
// Thread safety: free functions over a const model; every call allocates its own scratch.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "extract/lac_model.h"

namespace tupu {

// Emission scores of every character of every sentence: sentences are laid out one after the
// other, kLacNumTags floats per character (emissions of sentence i start at the sum of the
// lengths before it). Empty sentences take no rows.
std::vector<float> ComputeLacEmissions(const LacModel& model,
                                       const std::vector<std::span<const int32_t>>& sentences);

}  // namespace tupu
