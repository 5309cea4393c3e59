// Sentence splitting for Chinese news paragraphs: at 。!?; (full- and half-width), keeping a
// closing quote with its sentence, and cutting runaway sentences (lists of thousands of items)
// at commas or 、 so every later rule sees bounded input.
// Thread safety: pure function.
#pragma once

#include <vector>

#include "extract/domain_text.h"

namespace tupu::domain {

inline constexpr size_t kMaxSentenceChars = 400;

// Sentences of `paragraph` as [begin, end) code-point ranges, blanks trimmed, none empty.
std::vector<std::pair<size_t, size_t>> SplitSentences(const CharRun& paragraph);

}  // namespace tupu::domain
