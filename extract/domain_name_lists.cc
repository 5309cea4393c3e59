// Names in a list of names (see domain_name_lists.h).
#include "extract/domain_name_lists.h"

#include "extract/domain_person_names.h"
#include "extract/domain_text.h"
#include "extract/domain_title_chain.h"

namespace tupu::domain {
namespace {

struct Item {
  size_t begin, end;
};

// The longest known name or plausible name that ends the text before `end` and starts after
// `floor` (专家组甲: a group or a title may stand before the list's first name).
size_t ItemStart(std::u32string_view s, size_t floor, size_t end, const std::set<std::u32string>& known) {
  constexpr size_t kMaxName = 4;
  for (size_t len = kMaxName; len >= 2; --len) {
    if (end < floor + len) continue;
    const std::u32string_view name = s.substr(end - len, len);
    if (known.count(std::u32string(name)) || (len <= 3 && IsPlausibleName(name))) return end - len;
  }
  return end;
}

// The 、-list that holds position `sep` (a 、), as items bounded by 、 and by what ends a name.
std::vector<Item> ListAround(std::u32string_view s, size_t sep, const std::set<std::u32string>& known,
                             size_t* list_end) {
  constexpr size_t kMaxItem = 4;
  std::vector<Item> items;
  // Backwards to the first item: its start is where a name before it could start.
  size_t b = sep;
  while (b > 0 && sep - b < kMaxItem && IsCjk(s[b - 1]) && s[b - 1] != U'、') --b;
  const size_t first_end = sep;
  items.push_back({ItemStart(s, b, first_end, known), first_end});
  size_t p = sep;
  while (p < s.size() && s[p] == U'、') {
    size_t e = p + 1;
    while (e < s.size() && e - p - 1 < kMaxItem && IsCjk(s[e]) && s[e] != U'、' && !CanEndName(s, e)) ++e;
    // A last item runs until a name can end (甲、乙参加调研: 乙 ends at 参加).
    items.push_back({p + 1, e});
    p = e;
  }
  *list_end = p;
  return items;
}

}  // namespace

std::vector<std::u32string> NamesCompletingLists(std::u32string_view s, const std::set<std::u32string>& known) {
  std::vector<std::u32string> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'、') continue;
    size_t list_end = i;
    const std::vector<Item> items = ListAround(s, i, known, &list_end);
    size_t named = 0;
    for (const auto& it : items) named += known.count(std::u32string(s.substr(it.begin, it.end - it.begin)));
    if (named >= 2 && 2 * named >= items.size()) {
      for (const auto& it : items) {
        const std::u32string name(s.substr(it.begin, it.end - it.begin));
        if (!known.count(name) && name.size() <= 3 && IsPlausibleName(name)) out.push_back(name);
      }
    }
    i = list_end;
  }
  return out;
}

}  // namespace tupu::domain
