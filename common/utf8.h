// UTF-8 helpers: decoding to code points with byte offsets, validation, repair, display width.
// Every span tupu stores is a byte range into the original UTF-8 text; these helpers convert
// between code-point positions (what the tagger works on) and byte positions (what we store).
// Thread safety: all functions are pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tupu {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at text[*pos] and advances *pos past it. An invalid or truncated sequence
// (overlong, surrogate, > U+10FFFF) yields kReplacementChar and advances by one byte.
// REQUIRES: *pos < text.size().
char32_t DecodeUtf8At(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);
std::string EncodeUtf8(char32_t cp);

// The code points of `text` and, for each, its byte offset; byte_offsets gets one extra entry,
// text.size(), so that the bytes of code point i are [byte_offsets[i], byte_offsets[i+1]).
struct DecodedText {
  std::u32string code_points;
  std::vector<uint32_t> byte_offsets;
};
DecodedText DecodeUtf8(std::string_view text);

// True when `text` is well-formed UTF-8. On false, *error_offset (if given) is the first bad byte.
bool IsValidUtf8(std::string_view text, size_t* error_offset = nullptr);

// Returns `text` with every invalid sequence replaced by U+FFFD; *replaced counts them.
std::string RepairUtf8(std::string_view text, size_t* replaced = nullptr);

// Number of code points in valid UTF-8 `text`.
size_t CodePointCount(std::string_view text);

// Columns a terminal uses for `cp`/`text`: 2 for East Asian wide and full-width forms, 0 for
// combining marks and zero-width characters, else 1. Used to align tables of Chinese text.
int DisplayWidth(char32_t cp);
size_t DisplayWidth(std::string_view text);

// True for CJK ideographs (the Unified blocks and extensions, compatibility ideographs).
bool IsCjkIdeograph(char32_t cp);

}  // namespace tupu
