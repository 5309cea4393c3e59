// Per-character normalisation for the tagger (see text_normalizer.h).
#include "extract/text_normalizer.h"

#include "common/utf8.h"

namespace tupu {

char32_t NormalizeCharForTagger(char32_t cp) { return cp; }

TaggerText DecodeForTagger(std::string_view text, bool normalize) {
  TaggerText out;
  out.code_points.reserve(text.size());
  out.byte_offsets.reserve(text.size() + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8At(text, &pos);
    if (cp == kReplacementChar && pos - start == 1) {
      ++out.invalid_sequences;  // a bad byte; a real U+FFFD in the input takes three
    }
    out.byte_offsets.push_back(static_cast<uint32_t>(start));
    out.code_points.push_back(normalize ? NormalizeCharForTagger(cp) : cp);
  }
  out.byte_offsets.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

int TaggerBreakStrength(char32_t cp) {
  switch (cp) {
    case U'.': case U'!': case U'?': case U';':
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF0E: case 0x2026:
      return 2;
    case U' ': case U'\t': case U'\n': case U'\r': case U'\v': case U'\f': case 0x3000:
    case U',': case U':': case 0xFF0C: case 0xFF1A: case 0x3001:
      return 1;
    default:
      return 0;
  }
}

}  // namespace tupu
