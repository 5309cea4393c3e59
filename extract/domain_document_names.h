// The person names of one document, learned before any fact is read (pass 1 of the extractor):
// every place the genre names a person is a clue (a title before the name, a byline or a credit in
// brackets, a speaker before 强调/指出, a name before its title, the tagger's PER where the name
// rules agree, a list of mostly known names), and every clue against one is applied to the whole
// document (a word the article quotes, a three-character name whose two-character prefix stands
// alone elsewhere). Pass 2 then finds each name wherever it occurs.
// Thread safety: a pure function.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/domain_title_chain.h"
#include "extract/lac_tagger.h"

namespace tupu::domain {

// One sentence as pass 1 sees it.
struct NameEvidence {
  std::u32string_view text;
  const std::vector<TaggedWord>* words = nullptr;  // the tagger's; empty without one
  bool byline = false;                             // a byline names only its credits
  std::vector<std::u32string> credited;            // names of a byline or a credit in brackets
};

struct DocumentNames {
  std::set<std::u32string> names;
  std::vector<std::u32string> longest_first;         // the same names, longer before shorter
  std::vector<std::vector<TitledName>> titled;       // per sentence, FindTitledNames of its text
};

DocumentNames LearnDocumentNames(const std::vector<NameEvidence>& sentences);

}  // namespace tupu::domain
