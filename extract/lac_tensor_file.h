// Reader for one Paddle LoDTensor parameter file of the lac_small model (../shared/lac/README.md):
// header, TensorDesc protobuf, raw little-endian float32. Every size is checked against the dims.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace tupu {

struct LacTensor {
  std::vector<int64_t> dims;
  std::vector<float> data;  // row-major, product(dims) values
};

// Reads `path` and checks that it holds FP32 data whose element count equals the product of
// `expected_dims` (a [1, 384] bias is accepted for [384]: only the element count and, when the
// ranks agree, each dim are compared). Errors are Corruption/IOError naming the file.
Result<LacTensor> ReadLacTensor(const std::string& path, const std::vector<int64_t>& expected_dims);

}  // namespace tupu
