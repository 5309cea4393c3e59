// Per-character normalisation for the tagger (see text_normalizer.h). NFKC comes from ICU; the
// extra mappings were measured on ../shared/eval/ner/peoplesdaily-dev.bio (span F1, ALL types,
// with `tupu tag --format bio`): raw text 0.674, NFKC per character 0.714, + 。→. 0.720,
// + 、→, 0.736 (it also stops `、` gluing coordinated offices into one ORG), + “”‘’《》 → ASCII
// quotes 0.746. Mapping —, … or · made it worse, so they stay.
#include "extract/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "common/utf8.h"

namespace tupu {
namespace {

char32_t ExtraMapping(char32_t cp) {
  switch (cp) {
    case U'。': return U'.';
    case U'、': return U',';
    case U'“': case U'”': case U'《': case U'》': case U'〈': case U'〉':
    case U'「': case U'」': case U'『': case U'』':
      return U'"';
    case U'‘': case U'’': return U'\'';
    default: return cp;
  }
}

// NFKC of one character when it is one character, else the character itself.
char32_t NfkcSingle(char32_t cp, const icu::Normalizer2* nfkc) {
  if (nfkc == nullptr) return cp;
  UErrorCode error = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString(static_cast<UChar32>(cp));
  icu::UnicodeString out = nfkc->normalize(in, error);
  if (U_FAILURE(error) || out.countChar32() != 1) return cp;
  return static_cast<char32_t>(out.char32At(0));
}

const icu::Normalizer2* Nfkc() {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  return U_FAILURE(error) ? nullptr : nfkc;  // without ICU data: only the extra mappings
}

// The BMP, where nearly all text lives, as a table built once (thread-safe static init).
const std::vector<char32_t>& BmpTable() {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> t(0x10000);
    const icu::Normalizer2* nfkc = Nfkc();
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      char32_t extra = ExtraMapping(cp);
      if (extra != cp) {
        t[cp] = extra;
      } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        t[cp] = cp;  // lone surrogates never come out of the decoder
      } else {
        t[cp] = NfkcSingle(cp, nfkc);
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

char32_t NormalizeCharForTagger(char32_t cp) {
  if (cp < 0x10000) return BmpTable()[cp];
  if (cp > 0x10FFFF) return cp;
  return NfkcSingle(cp, Nfkc());
}

TaggerText DecodeForTagger(std::string_view text, bool normalize) {
  TaggerText out;
  out.code_points.reserve(text.size());
  out.byte_offsets.reserve(text.size() + 1);
  const std::vector<char32_t>* table = normalize ? &BmpTable() : nullptr;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8At(text, &pos);
    if (cp == kReplacementChar && pos - start == 1) {
      ++out.invalid_sequences;  // a bad byte; a real U+FFFD in the input takes three
    }
    out.byte_offsets.push_back(static_cast<uint32_t>(start));
    if (table != nullptr) cp = cp < 0x10000 ? (*table)[cp] : NormalizeCharForTagger(cp);
    out.code_points.push_back(cp);
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
