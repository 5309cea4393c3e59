// Names in a list of names: `专家组甲、乙、丙、丁参加调研` names a dozen people in a row, and the
// tagger and the title rules find most but not all of them (a rarer given name, no title of its
// own). A list is a list of people when most of its items are known names; its other items that
// have the shape of a Han name are names too.
// Thread safety: pure function.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tupu::domain {

// The items of the 、-separated lists in `s` that complete a list of known names: plausible Han
// names (surname + one or two characters) in a list where at least two items and at least half
// of them are already in `known`.
std::vector<std::u32string> NamesCompletingLists(std::u32string_view s, const std::set<std::u32string>& known);

}  // namespace tupu::domain
