// Paddle LoDTensor file reader: u32 version, u64 lod_level, u32 tensor version, i32 desc length,
// TensorDesc protobuf (field 1 data type, field 2 dims), raw data. Refuses anything unexpected so a
// truncated or foreign file is an error that names the file, never a crash or garbage weights.
#include "extract/lac_tensor_file.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace tupu {
namespace {

constexpr uint64_t kPaddleFp32 = 5;
constexpr int32_t kMaxDescBytes = 4096;  // a TensorDesc of a few dims is a dozen bytes

template <typename T>
T ReadLittleEndian(const std::string& bytes, size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));  // x86-64 and the file are little-endian
  return value;
}

Status Bad(const std::string& path, const std::string& what) {
  return Status::Corruption(path + ": " + what +
                            " (a damaged lac_small model: reinstall it with "
                            "`apt-get install --reinstall python3-jieba`)");
}

// Reads one base-128 varint at desc[*pos]; false when it runs past the end or over 64 bits.
bool ReadVarint(const std::string& desc, size_t* pos, uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*pos >= desc.size()) return false;
    uint8_t byte = static_cast<uint8_t>(desc[(*pos)++]);
    *value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

std::string DimsToString(const std::vector<int64_t>& dims) {
  std::ostringstream out;
  for (size_t i = 0; i < dims.size(); ++i) out << (i ? " x " : "") << dims[i];
  return out.str();
}

}  // namespace

Result<LacTensor> ReadLacTensor(const std::string& path, const std::vector<int64_t>& expected_dims) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound(path + ": cannot open the lac_small model file (install the model with "
                            "`apt-get install python3-jieba`, or point --model-dir / $TUPU_LAC_DIR "
                            "at a copy)");
  }
  // Only the header and description are read into a buffer; the data goes straight into the
  // tensor (word_emb is 10 MB: no second copy at load time).
  in.seekg(0, std::ios::end);
  const size_t file_size = static_cast<size_t>(in.tellg());
  in.seekg(0, std::ios::beg);
  constexpr size_t kHeaderBytes = 4 + 8 + 4 + 4;
  std::string bytes(std::min<size_t>(file_size, kHeaderBytes + kMaxDescBytes), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Status::IOError(path + ": read failed");
  }
  if (bytes.size() < kHeaderBytes) return Bad(path, "file too short for a tensor header");
  if (ReadLittleEndian<uint32_t>(bytes, 0) != 0) return Bad(path, "unknown file version");
  if (ReadLittleEndian<uint64_t>(bytes, 4) != 0) return Bad(path, "unexpected LoD level");
  if (ReadLittleEndian<uint32_t>(bytes, 12) != 0) return Bad(path, "unknown tensor version");
  int32_t desc_len = ReadLittleEndian<int32_t>(bytes, 16);
  if (desc_len <= 0 || desc_len > kMaxDescBytes || bytes.size() < kHeaderBytes + desc_len) {
    return Bad(path, "bad tensor description length " + std::to_string(desc_len));
  }
  std::string desc = bytes.substr(kHeaderBytes, desc_len);

  LacTensor tensor;
  bool saw_type = false;
  size_t pos = 0;
  while (pos < desc.size()) {
    uint64_t key, value;
    if (!ReadVarint(desc, &pos, &key)) return Bad(path, "truncated tensor description");
    if (key == 0x08) {  // field 1, varint: data type
      if (!ReadVarint(desc, &pos, &value)) return Bad(path, "truncated tensor description");
      if (value != kPaddleFp32) return Bad(path, "data type " + std::to_string(value) + ", not FP32");
      saw_type = true;
    } else if (key == 0x10) {  // field 2, varint: one dim
      if (!ReadVarint(desc, &pos, &value)) return Bad(path, "truncated tensor description");
      if (value == 0 || value > (1u << 30)) return Bad(path, "bad dim " + std::to_string(value));
      tensor.dims.push_back(static_cast<int64_t>(value));
    } else if (key == 0x12) {  // field 2, packed dims
      uint64_t len;
      if (!ReadVarint(desc, &pos, &len) || len > desc.size() - pos) {
        return Bad(path, "truncated tensor description");
      }
      size_t end = pos + len;
      while (pos < end) {
        if (!ReadVarint(desc, &pos, &value) || value == 0 || value > (1u << 30)) {
          return Bad(path, "bad packed dims");
        }
        tensor.dims.push_back(static_cast<int64_t>(value));
      }
    } else {
      return Bad(path, "unexpected field in tensor description (key " + std::to_string(key) + ")");
    }
  }
  if (!saw_type) return Bad(path, "tensor description has no data type");
  if (tensor.dims.empty() || tensor.dims.size() > 4) return Bad(path, "tensor has no usable dims");

  int64_t count = 1, expected_count = 1;
  for (int64_t d : tensor.dims) {
    count *= d;  // each dim <= 2^30: check before the next product can overflow
    if (count > (int64_t{1} << 32)) return Bad(path, "dims " + DimsToString(tensor.dims) + " too large");
  }
  for (int64_t d : expected_dims) expected_count *= d;
  bool same_shape = count == expected_count;
  if (same_shape && tensor.dims.size() == expected_dims.size()) same_shape = tensor.dims == expected_dims;
  if (!same_shape) {
    return Bad(path, "dims " + DimsToString(tensor.dims) + ", expected " + DimsToString(expected_dims));
  }
  size_t data_offset = kHeaderBytes + desc_len;
  size_t data_bytes = static_cast<size_t>(count) * sizeof(float);
  if (file_size - data_offset != data_bytes) {
    return Bad(path, "holds " + std::to_string(file_size - data_offset) + " data bytes, dims " +
                         DimsToString(tensor.dims) + " need " + std::to_string(data_bytes) +
                         (file_size - data_offset < data_bytes ? " (truncated)" : ""));
  }
  tensor.data.resize(count);
  in.clear();
  in.seekg(static_cast<std::streamoff>(data_offset), std::ios::beg);
  if (!in.read(reinterpret_cast<char*>(tensor.data.data()), static_cast<std::streamsize>(data_bytes))) {
    return Status::IOError(path + ": read failed");
  }
  for (float v : tensor.data) {
    if (!std::isfinite(v)) return Bad(path, "holds a NaN or infinite weight");
  }
  return tensor;
}

}  // namespace tupu
