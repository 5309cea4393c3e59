// From the tagger's per-character tags to words and NER spans: the pieces `tupu tag` and the
// domain layer share. A word starts at an X-B tag, or at an X-I whose kind differs from the word
// before (the model rarely emits one; treating it as a start keeps words and BIO spans consistent).
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/lac_tagger.h"

namespace tupu {

// "PER-B" -> "PER", "n-I" -> "n", "O" -> "O".
std::string_view LacTagKind(std::string_view char_tag);
// True for "X-B".
bool IsLacBeginTag(std::string_view char_tag);

// Groups characters into words. byte_offsets: one per character plus the end (into `text`).
std::vector<TaggedWord> GroupLacWords(std::string_view text, const std::vector<uint32_t>& byte_offsets,
                                      const std::vector<std::string>& char_tags);

// BIO over PER/LOC/ORG (TIME and the POS tags become O), one per character, with the same word
// boundaries as GroupLacWords: the input format of ../shared/eval/ner_score.py.
std::vector<std::string> LacTagsToBio(const std::vector<std::string>& char_tags);

// True for the entity kinds the BIO output keeps.
bool IsLacEntityKind(std::string_view kind);

}  // namespace tupu
