// Normalisation for the tagger: maps each character to the form lac_small was trained on
// (half-width punctuation and digits: NFKC where it gives one character, plus a few measured extra
// mappings). One code point in, one out, so code-point positions and the byte offsets of the
// original text stay valid for everything the tagger returns.
// Thread safety: pure functions (the lookup table is built once, thread-safely, on first use).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tupu {

// The character the tagger should see for `cp` (cp itself when nothing applies).
char32_t NormalizeCharForTagger(char32_t cp);

// The text as the tagger sees it, with the way back to the original bytes.
struct TaggerText {
  std::u32string code_points;          // normalised (or not, see DecodeForTagger)
  std::vector<uint32_t> byte_offsets;  // size() + 1 entries into the ORIGINAL text
  size_t invalid_sequences = 0;        // invalid UTF-8 sequences, each tagged as U+FFFD
};

// Decodes `text` (invalid sequences become U+FFFD, one per bad byte) and, when `normalize`,
// maps each code point through NormalizeCharForTagger.
TaggerText DecodeForTagger(std::string_view text, bool normalize);

// Where a long sentence may be cut, after this character: 2 after a sentence end (。！？；…),
// 1 after a comma, colon or white space, 0 elsewhere.
int TaggerBreakStrength(char32_t cp);

}  // namespace tupu
