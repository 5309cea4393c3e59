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

// Bytes in the encoding a document declares (an HTML page's `<meta charset>`): converted from
// `charset` when iconv knows it and every byte is valid in it (GB2312 and GBK are read as their
// superset GB18030, which also takes the bytes mislabelled pages use), else DecodeInputText's
// detection, since declarations are often wrong. An empty `charset` is DecodeInputText.
Result<DecodedInput> DecodeDeclaredText(std::string_view bytes, std::string_view charset);

}  // namespace tupu
