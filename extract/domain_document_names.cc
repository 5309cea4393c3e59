// The person names of one document (see domain_document_names.h).
#include "extract/domain_document_names.h"

#include <algorithm>

#include "extract/domain_lexicon.h"
#include "extract/domain_name_lists.h"
#include "extract/domain_organization_names.h"
#include "extract/domain_person_names.h"
#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

// The names being learned: `strong` ones come from titles, bylines or speech and are never
// repaired away.
struct Learned {
  std::set<std::u32string> names, strong;
  void Add(std::u32string name, bool is_strong) {
    if (is_strong) strong.insert(name);
    names.insert(std::move(name));
  }
};

// Speakers: a name at a clause start followed by 强调/指出/要求/表示/...
void AddSpeakers(std::u32string_view s, Learned* out) {
  for (size_t p = 0; p < s.size(); ++p)
    if (const size_t len = SpeakerNameLength(s, p)) out->Add(std::u32string(s.substr(p, len)), true);
}

// A name before its title (何某副省长率…, 赵某书记的讲话, 朱某元帅): a full name that opens a
// clause and a title right after it.
void AddNamesBeforeTitles(std::u32string_view s, Learned* out) {
  for (size_t p = 0; p < s.size(); ++p) {
    const bool opens = p == 0 || IsClauseBreak(s[p - 1]) || IsBlank(s[p - 1]) ||
                       std::u32string_view(U"的和与及、在由向对为是将把被从到等据照受经").find(s[p - 1]) !=
                           std::u32string_view::npos;
    for (size_t len : {size_t{2}, size_t{3}}) {
      // 深入贯彻某某某总书记…: before 总书记 a full name needs no clause of its own.
      if (p + len >= s.size()) continue;
      if (!opens && (len != 3 || s.substr(p + len, 3) != U"总书记")) continue;
      if (!IsPlausibleName(s.substr(p, len))) continue;
      // 区委书记, 温州市副市长, 区政府副区长: a body or a place before its title, not a name.
      if (std::u32string_view(U"委市县区省镇乡协工局办厅处部院所站队副常").find(s[p + len - 1]) !=
          std::u32string_view::npos)
        continue;
      UnitKind unit_kind;
      bool unit_generic;
      if (OrgSuffixEndingAt(s.substr(p, len), len, &unit_kind, &unit_generic) > 0) continue;
      const size_t title = Lexicon::Get("titles_after_names").LongestAt(s, p + len);
      // 白马县长 is a county's head; a three-character name before 省长 is a person.
      if (title == 0 || (title == 2 && s[p + len + 1] == U'长' && len == 2)) continue;
      out->Add(std::u32string(s.substr(p, len)), true);
      break;
    }
  }
}

// True when the tagger's word at `at` (a start position) is a PER.
bool TaggedPersonStartsAt(const std::vector<TaggedWord>& words, size_t at) {
  for (const auto& x : words)
    if (x.cp_begin == at) return x.tag == "PER";
  return false;
}

bool TaggedPersonEndsAt(const std::vector<TaggedWord>& words, size_t at) {
  for (const auto& x : words)
    if (x.cp_end == at) return x.tag == "PER";
  return false;
}

// The tagger's PER, when the name rules agree.
void AddTaggedPersons(std::u32string_view s, const std::vector<TaggedWord>& words, Learned* out) {
  for (const auto& w : words) {
    if (w.tag != "PER") continue;
    const size_t wb = w.cp_begin, we = w.cp_end;
    if (we > s.size() || we <= wb) continue;
    const std::u32string name(s.substr(wb, we - wb));
    if (!IsPlausibleName(name) || IsRoleNotName(name, s.substr(we))) continue;
    if (!CanEndName(s, we)) continue;
    // “某某”袭来: a quoted name is a typhoon's, a brand's or a campaign's; and a frequent word
    // (单位) needs more than the tagger's word to be a person.
    const bool quoted = wb > 0 && we < s.size() && (s[wb - 1] == U'“' || s[wb - 1] == U'"') &&
                        (s[we] == U'”' || s[we] == U'"');
    if (quoted || (name.size() == 2 && Lexicon::Get("common_words").Contains(name))) continue;
    // In a 、 list the neighbours must be persons too (甲、乙、丙 of brands is not of people).
    if (we < s.size() && s[we] == U'、' && !TaggedPersonStartsAt(words, we + 1)) continue;
    if (wb > 0 && s[wb - 1] == U'、' && !TaggedPersonEndsAt(words, wb - 1)) continue;
    if (name.size() == 2 && wb > 0 && IsCjk(s[wb - 1]) &&
        std::u32string_view(U"、和与及员人").find(s[wb - 1]) == std::u32string_view::npos)
      continue;
    out->Add(name, false);
  }
}

// “某某”袭来: a word the article puts in quotes names a thing (a typhoon, a brand, a campaign);
// read elsewhere as a person by the tagger alone, it is still that thing.
void DropQuotedWords(std::u32string_view s, Learned* out) {
  constexpr size_t kMaxQuotedName = 4;
  for (size_t open = s.find(U'“'); open != std::u32string_view::npos; open = s.find(U'“', open + 1)) {
    const size_t close = s.find(U'”', open + 1);
    if (close == std::u32string_view::npos || close - open - 1 > kMaxQuotedName) continue;
    const std::u32string word(s.substr(open + 1, close - open - 1));
    if (out->strong.count(word) == 0) out->names.erase(word);
  }
}

// Repair: a three-character name whose two-character prefix stands alone elsewhere (甲乙向… read
// as 甲乙向) is the two-character name.
std::set<std::u32string> Repaired(const Learned& learned, std::u32string_view all) {
  std::set<std::u32string> repaired;
  for (const auto& n : learned.names) {
    if (n.size() != 3 || SurnameLengthAt(n, 0) != 1 || learned.strong.count(n) == 0) {
      repaired.insert(n);
      continue;
    }
    const std::u32string prefix = n.substr(0, 2);
    size_t full = 0, alone = 0;
    for (size_t p = all.find(prefix); p != std::u32string_view::npos; p = all.find(prefix, p + 1)) {
      if (p + 2 < all.size() && all[p + 2] == n[2])
        ++full;
      else if (CanEndName(all, p + 2))
        ++alone;
    }
    repaired.insert(alone >= 2 && full <= 1 ? prefix : n);
  }
  return repaired;
}

}  // namespace

DocumentNames LearnDocumentNames(const std::vector<NameEvidence>& sentences) {
  DocumentNames out;
  out.titled.resize(sentences.size());
  Learned learned;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const NameEvidence& e = sentences[i];
    for (const auto& n : e.credited) learned.Add(n, true);
    if (e.byline) continue;
    const std::u32string_view s = e.text;
    out.titled[i] = FindTitledNames(s);
    for (const auto& t : out.titled[i])
      learned.Add(std::u32string(s.substr(t.name_begin, t.name_end - t.name_begin)), false);
    AddSpeakers(s, &learned);
    AddNamesBeforeTitles(s, &learned);
    if (e.words != nullptr) AddTaggedPersons(s, *e.words, &learned);
  }
  for (const auto& e : sentences) DropQuotedWords(e.text, &learned);
  // Lists of names: most of a list's names known makes its other names-shaped items names.
  for (const auto& e : sentences) {
    if (e.byline) continue;
    for (auto& n : NamesCompletingLists(e.text, learned.names)) learned.names.insert(std::move(n));
  }
  std::u32string all;
  for (const auto& e : sentences) {
    all += e.text;
    all += U'\n';
  }
  out.names = Repaired(learned, all);
  out.longest_first.assign(out.names.begin(), out.names.end());
  std::stable_sort(out.longest_first.begin(), out.longest_first.end(),
                   [](const auto& x, const auto& y) { return x.size() > y.size(); });
  return out;
}

}  // namespace tupu::domain
