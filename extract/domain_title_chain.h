// Title chains: `江城高新区党工委副书记、管委会主任、…指挥部指挥长赵立军` -> the name and one
// (organisation phrase, title) pair per link; `市委常委、常务副市长刘建国` the same way. Names
// coordinated after the anchor (`负责人甲、乙出席`) share no positions but are persons too.
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tupu::domain {

struct ChainLink {
  size_t org_begin = 0, org_end = 0;      // the organisation phrase (may be empty)
  size_t title_begin = 0, title_end = 0;  // the title word with its modifiers
};

struct TitledName {
  size_t chain_begin = 0;                // where the first link starts
  size_t name_begin = 0, name_end = 0;   // the person's name
  std::vector<ChainLink> links;          // a coordinated name (甲、乙: 乙) shares 甲's
  bool coordinated = false;              // 乙 of 甲、乙: named after another's title
};

// True when the text after a name (s[i..]) is where a name can end: punctuation, a verb or
// function word (强调, 到, 等, 和 ...), or the end of the text.
bool CanEndName(std::u32string_view s, size_t i);

// Every titled name in `s`, left to right; chains never overlap.
std::vector<TitledName> FindTitledNames(std::u32string_view s);

}  // namespace tupu::domain
