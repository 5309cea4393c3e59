// The lexicon of position titles in Chinese public administration, party bodies, legislatures,
// companies and volunteer teams (书记, 副主任, 指挥长, 总经理, 人大代表, ...), with the modifiers
// that build variants (副, 常务副, 第一). General vocabulary, no names.
// Thread safety: pure functions over immutable tables.
#pragma once

#include <cstddef>
#include <string_view>

namespace tupu::domain {

// Length of the longest title word that ends exactly at s[end) (i.e. occupies [end-len, end)),
// including its modifiers (常务副市长 -> 5); 0 when none.
size_t TitleLengthEndingAt(std::u32string_view s, size_t end);

// True when the whole of `word` is a title (副局长, 党支部书记 is not: 党支部 is an organisation).
bool IsTitle(std::u32string_view word);

}  // namespace tupu::domain
