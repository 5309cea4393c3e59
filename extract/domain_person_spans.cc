// Person span repair for single sentences (see domain_person_spans.h). The rules are the ones the
// extractor uses to learn a document's names, without the document: titles and speech verbs
// anchor a name, the tagger's PER stays unless it is a role word.
#include "extract/domain_person_spans.h"

#include <algorithm>

#include "extract/domain_person_names.h"
#include "extract/domain_text.h"
#include "extract/domain_title_chain.h"

namespace tupu::domain {

std::vector<std::pair<size_t, size_t>> RepairPersonSpans(std::u32string_view s,
                                                         const std::vector<TaggedWord>& words) {
  std::vector<char> blocked(s.size(), 0);  // inside a tagger place or organisation
  std::vector<std::pair<size_t, size_t>> spans;
  for (const auto& w : words) {
    if (w.cp_end > s.size() || w.cp_end <= w.cp_begin) continue;
    if (w.tag == "LOC" || w.tag == "ORG") {
      for (size_t k = w.cp_begin; k < w.cp_end; ++k) blocked[k] = 1;
    } else if (w.tag == "PER") {
      // Dropped only when the span itself is a role word with a surname in front (王老师, 李某):
      // foreign names have no surname and `X同志` is still a person.
      const std::u32string_view name = s.substr(w.cp_begin, w.cp_end - w.cp_begin);
      // A surname + a role (王老师, 郑先生, 李某) refers to the person by the surname alone: the
      // span shrinks to it, which is also how People's Daily annotates these.
      const size_t surname = SurnameLengthAt(name, 0);
      if (surname > 0 && surname < name.size() && IsRoleSuffix(name.substr(surname))) {
        spans.push_back({w.cp_begin, w.cp_begin + surname});
        continue;
      }
      spans.push_back({w.cp_begin, w.cp_end});
    }
  }
  std::vector<std::pair<size_t, size_t>> added;
  for (const auto& t : FindTitledNames(s)) {
    if (t.coordinated) continue;  // coordinated names: the tagger decides
    added.push_back({t.name_begin, t.name_end});
  }
  for (size_t p = 0; p < s.size(); ++p)
    if (const size_t len = SpeakerNameLength(s, p)) added.push_back({p, p + len});
  for (const auto& a : added) {
    bool clash = false;
    // A span the tagger read as one verb or function word (主任商量过) is no name.
    for (const auto& w : words)
      if (w.cp_begin == a.first && w.cp_end == a.second && w.tag != "n" && w.tag != "nz" &&
          w.tag != "PER" && w.tag != "nw")
        clash = true;
    for (size_t k = a.first; k < a.second; ++k) clash = clash || blocked[k];
    // A tagger PER that overlaps: the tagger's span stands (it saw the whole sentence).
    for (const auto& sp : spans) clash = clash || (sp.first < a.second && a.first < sp.second);
    if (!clash) spans.push_back(a);
  }
  std::sort(spans.begin(), spans.end());
  return spans;
}

}  // namespace tupu::domain
