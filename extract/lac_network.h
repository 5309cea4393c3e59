// The lac_small BiGRU network: character ids -> emission scores, for many sentences at once so
// each recurrent step is a matrix-matrix product over the batch. fp32 (matching the reference) and
// int16 (lac_int16_gemm.h: AVX2 chosen at run time) paths.
// Thread safety: free functions over a const model; every call allocates its own scratch.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "extract/lac_int16_gemm.h"
#include "extract/lac_model.h"

namespace tupu {

// Emission scores of every character of every sentence: sentences are laid out one after the
// other, kLacNumTags floats per character (emissions of sentence i start at the sum of the
// lengths before it). Empty sentences take no rows.
std::vector<float> ComputeLacEmissions(const LacModel& model,
                                       const std::vector<std::span<const int32_t>>& sentences);

// The int16 path's weights: every matrix product's right-hand side quantised (about 1 MB).
struct LacInt16Weights {
  std::array<LacInt16Matrix, 4> gate, candidate;
  LacInt16Matrix layer2, emission;
};
std::shared_ptr<const LacInt16Weights> MakeLacInt16Weights(const LacModel& model);

// ComputeLacEmissions with int16 products (>= 99.5% of tags agree with fp32 on the seeds).
std::vector<float> ComputeLacEmissionsInt16(const LacModel& model, const LacInt16Weights& weights,
                                            const std::vector<std::span<const int32_t>>& sentences);

}  // namespace tupu
