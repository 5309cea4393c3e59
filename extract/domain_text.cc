// CharRun and character classes for the domain layer (see domain_text.h).
#include "extract/domain_text.h"

#include "common/utf8.h"

namespace tupu::domain {

void CharRun::Append(char32_t c, uint32_t b, uint32_t e) {
  chars.push_back(c);
  begin.push_back(b);
  end.push_back(e);
}

void CharRun::AppendRun(const CharRun& other, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) Append(other.chars[i], other.begin[i], other.end[i]);
}

CharRun CharRun::Sub(size_t i, size_t j) const {
  CharRun out;
  out.AppendRun(*this, i, j);
  return out;
}

std::string CharRun::Utf8(size_t i, size_t j) const {
  return ToUtf8(std::u32string_view(chars).substr(i, j - i));
}

CharRun MakeRun(std::string_view text, uint32_t base) {
  CharRun run;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t c = DecodeUtf8At(text, &pos);
    run.Append(c, base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(pos));
  }
  return run;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

std::u32string ToU32(std::string_view s) { return DecodeUtf8(s).code_points; }

bool IsCjk(char32_t c) { return IsCjkIdeograph(c); }

bool IsBlank(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0 || c == U'\r';
}

bool IsSentenceEnd(char32_t c) {
  switch (c) {
    case U'\u3002':  // ideographic full stop
    case U'!': case U'?': case U';':
    case U'\uFF01': case U'\uFF1F': case U'\uFF1B':  // full-width ! ? ;
      return true;
    default:
      return false;
  }
}

bool IsClauseBreak(char32_t c) {
  if (IsSentenceEnd(c)) return true;
  switch (c) {
    case U',': case U':': case U'\n':
    case U'\uFF0C': case U'\uFF1A':  // full-width , :
      return true;
    default:
      return false;
  }
}

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

CharRun TrimRun(const CharRun& run) {
  size_t i = 0, j = run.size();
  while (i < j && IsBlank(run.chars[i])) ++i;
  while (j > i && IsBlank(run.chars[j - 1])) --j;
  return run.Sub(i, j);
}

}  // namespace tupu::domain
