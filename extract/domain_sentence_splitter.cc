// Sentence splitting (see domain_sentence_splitter.h).
#include "extract/domain_sentence_splitter.h"

namespace tupu::domain {
namespace {

bool IsClosingQuote(char32_t c) {
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'"' || c == U')' || c == U')';
}

void Emit(const CharRun& p, size_t b, size_t e, std::vector<std::pair<size_t, size_t>>* out) {
  while (b < e && IsBlank(p.chars[b])) ++b;
  while (e > b && IsBlank(p.chars[e - 1])) --e;
  if (b >= e) return;
  // Cut runaway sentences at the last comma (else 、, else anywhere) before the limit.
  while (e - b > kMaxSentenceChars) {
    size_t cut = 0;
    for (size_t k = b + kMaxSentenceChars; k > b + kMaxSentenceChars / 2; --k) {
      char32_t c = p.chars[k - 1];
      if (c == U',' || c == U',') { cut = k; break; }
    }
    if (!cut) {
      for (size_t k = b + kMaxSentenceChars; k > b + kMaxSentenceChars / 2; --k) {
        if (p.chars[k - 1] == U'、') { cut = k; break; }
      }
    }
    if (!cut) cut = b + kMaxSentenceChars;
    out->push_back({b, cut});
    b = cut;
  }
  if (b < e) out->push_back({b, e});
}

}  // namespace

std::vector<std::pair<size_t, size_t>> SplitSentences(const CharRun& paragraph) {
  std::vector<std::pair<size_t, size_t>> out;
  const auto& s = paragraph.chars;
  size_t start = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (IsSentenceEnd(s[i])) {
      size_t end = i + 1;
      while (end < s.size() && (IsSentenceEnd(s[end]) || IsClosingQuote(s[end]))) ++end;
      Emit(paragraph, start, end, &out);
      start = end;
      i = end;
      continue;
    }
    ++i;
  }
  Emit(paragraph, start, s.size(), &out);
  return out;
}

}  // namespace tupu::domain
