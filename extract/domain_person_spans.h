// Person spans of one tagged sentence, repaired by the domain layer's person rules: names after a
// title (县长甲), speakers (甲强调), and the tagger's PER kept unless the rules call them roles
// (王老师). For `tupu tag --format bio --domain`, where each line is scored on its own.
// Thread safety: a pure function.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/lac_tagger.h"

namespace tupu::domain {

// [begin, end) code-point spans of persons in `s`, sorted, not overlapping. `words` are the
// tagger's words of `s`; spans inside a tagger LOC/ORG word are never added.
std::vector<std::pair<size_t, size_t>> RepairPersonSpans(std::u32string_view s,
                                                         const std::vector<TaggedWord>& words);

}  // namespace tupu::domain
