// CharRun: a run of code points cut from the original document text, each remembering its byte
// range there, so rules can work on code points while every stored span points into the original.
// Lines joined by the article splitter simply skip the newline bytes between their characters.
// Thread safety: plain value type; the free functions are pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/document.h"

namespace tupu::domain {

struct CharRun {
  std::u32string chars;
  std::vector<uint32_t> begin;  // byte offset of chars[i] in the original text
  std::vector<uint32_t> end;    // byte offset just past chars[i]

  size_t size() const { return chars.size(); }
  bool empty() const { return chars.empty(); }
  void Append(char32_t c, uint32_t b, uint32_t e);
  void AppendRun(const CharRun& other, size_t from, size_t to);
  // REQUIRES: i < j <= size(). The original bytes covered by chars [i, j).
  TextSpan Span(size_t i, size_t j) const { return {begin[i], end[j - 1]}; }
  TextSpan Whole() const { return empty() ? TextSpan{} : Span(0, size()); }
  CharRun Sub(size_t i, size_t j) const;
  std::string Utf8(size_t i, size_t j) const;
  std::string Utf8() const { return Utf8(0, size()); }
};

// Decodes `text` (byte offsets relative to `base`) into a run.
CharRun MakeRun(std::string_view text, uint32_t base);

std::string ToUtf8(std::u32string_view s);
std::u32string ToU32(std::string_view s);

bool IsCjk(char32_t c);
bool IsBlank(char32_t c);  // ASCII space, tab, ideographic space, NBSP
// Full stops that end a sentence: 。!?!?; and ideographic/ASCII ellipsis forms.
bool IsSentenceEnd(char32_t c);
// Any punctuation that ends a clause (sentence ends, commas, colons, 、 excluded).
bool IsClauseBreak(char32_t c);
bool IsAsciiDigit(char32_t c);

// Trims blanks at both ends.
CharRun TrimRun(const CharRun& run);

}  // namespace tupu::domain
