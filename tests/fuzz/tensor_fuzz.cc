// Fuzz target: the Paddle tensor loader on corrupted model files (headers, protobuf descriptors,
// sizes). It must return Corruption/IOError, never crash or read out of bounds.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "extract/lac_tensor_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/tupu_tensor_fuzz_" + std::to_string(getpid());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  for (const auto& dims : {std::vector<int64_t>{4, 3}, std::vector<int64_t>{384},
                           std::vector<int64_t>{59, 57}}) {
    auto tensor = tupu::ReadLacTensor(path, dims);
    if (tensor.ok()) {
      size_t n = 1;
      for (int64_t d : dims) n *= static_cast<size_t>(d);
      if (tensor->data.size() != n) std::abort();
    }
  }
  return 0;
}
