// Encoding detection and conversion to UTF-8 with glibc's iconv (no extra dependency).
#include "extract/text_encoding.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>
#include <string>

#include "common/utf8.h"

namespace tupu {
namespace {

// Converts with iconv; false when any byte sequence is invalid in `from`.
bool ConvertWithIconv(std::string_view bytes, const char* from, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->resize(bytes.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t produced = 0;
  bool ok = true;
  while (in_left > 0) {
    char* out_ptr = out->data() + produced;
    size_t out_left = out->size() - produced;
    size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    produced = out->size() - out_left;
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        out->resize(out->size() * 2);
        continue;
      }
      ok = false;  // EILSEQ or EINVAL: not this encoding
      break;
    }
  }
  iconv_close(cd);
  out->resize(produced);
  return ok;
}

// A GB18030 decoding of random binary would "succeed" surprisingly often; real Chinese text is
// mostly ideographs, ASCII and CJK punctuation.
bool LooksLikeChineseText(std::string_view utf8) {
  size_t total = 0, plausible = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = DecodeUtf8At(utf8, &pos);
    ++total;
    if (IsCjkIdeograph(cp) || (cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\r' ||
        cp == '\t' || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
        (cp >= 0x2010 && cp <= 0x2027)) {
      ++plausible;
    }
  }
  return total > 0 && plausible * 10 >= total * 9;
}

}  // namespace

Result<DecodedInput> DecodeInputText(std::string_view bytes) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const bool little = bytes[0] == '\xFF';
    DecodedInput out;
    out.encoding = little ? "UTF-16LE" : "UTF-16BE";
    if (!ConvertWithIconv(bytes.substr(2), out.encoding.c_str(), &out.utf8)) {
      return Status::InvalidArgument("has a UTF-16 byte-order mark but is not valid UTF-16");
    }
    return out;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("contains NUL bytes: not a text file");
  }
  size_t bad_offset = 0;
  if (IsValidUtf8(bytes, &bad_offset)) return DecodedInput{std::string(bytes), "UTF-8"};
  DecodedInput out;
  out.encoding = "GB18030";
  if (ConvertWithIconv(bytes, "GB18030", &out.utf8) && LooksLikeChineseText(out.utf8)) {
    return out;
  }
  return Status::InvalidArgument("not UTF-8 (invalid byte at offset " + std::to_string(bad_offset) +
                                 ") nor GB18030/GBK text; convert it to UTF-8 first");
}

Result<DecodedInput> DecodeDeclaredText(std::string_view bytes, std::string_view charset) {
  std::string name;
  for (char c : charset) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (name == "GB2312" || name == "GBK" || name == "X-GBK" || name == "CP936" || name == "EUC-CN") {
    name = "GB18030";
  }
  const bool utf = name.empty() || name == "UTF-8" || name == "UTF8" || name.rfind("UTF-16", 0) == 0;
  // A byte-order mark outranks any declaration (as in browsers).
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" ||
                   bytes.substr(0, 2) == "\xFE\xFF";
  if (!utf && !bom && bytes.find('\0') == std::string_view::npos) {
    DecodedInput out;
    out.encoding = name;
    if (ConvertWithIconv(bytes, name.c_str(), &out.utf8) && IsValidUtf8(out.utf8)) return out;
  }
  // UTF-8 declared (valid UTF-8 is taken as it is by detection), UTF-16 (only real with a byte
  // order mark: a page declaring it in ASCII is not UTF-16), unknown names, or bytes the declared
  // encoding cannot hold.
  return DecodeInputText(bytes);
}

}  // namespace tupu
