// Title words and their modifiers (see domain_title_lexicon.h).
#include "extract/domain_title_lexicon.h"

#include "extract/domain_lexicon.h"

namespace tupu::domain {
namespace {

const Lexicon& BaseTitles() { return Lexicon::Get("titles"); }
const Lexicon& Modifiers() { return Lexicon::Get("title_modifiers"); }


}  // namespace

bool IsTitle(std::u32string_view word) {
  if (BaseTitles().Contains(word)) return true;
  for (size_t m = 1; m < word.size(); ++m)
    if (Modifiers().Contains(word.substr(0, m)) && BaseTitles().Contains(word.substr(m))) return true;
  return false;
}

size_t TitleLengthEndingAt(std::u32string_view s, size_t end) {
  const size_t best = BaseTitles().LongestEndingAt(s, end);
  if (best == 0) return 0;
  // Extend by the longest modifier right before the base title.
  return best + Modifiers().LongestEndingAt(s, end - best);
}

}  // namespace tupu::domain
