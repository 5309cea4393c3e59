// Text encoding detection for input files: UTF-8 (with or without BOM) passes through; UTF-16 with a
// BOM and GB18030/GBK (the encodings Chinese government sites still serve) are converted to UTF-8;
// anything else (binary, NUL bytes, undecodable bytes) is refused with the reason.
// Thread safety: pure functions (iconv descriptors are per call).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace tupu {

struct DecodedInput {
  std::string utf8;
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", ...: what the bytes were
};

// REQUIRES: nothing. Returns InvalidArgument with a reason a user understands
// ("contains NUL bytes: not a text file", "not UTF-8 (bad byte at offset 17) nor GB18030").
Result<DecodedInput> DecodeInputText(std::string_view bytes);

}  // namespace tupu
