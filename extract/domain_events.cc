// Event cue words and clause scoping (see domain_events.h).
#include "extract/domain_events.h"

#include <string>

#include "extract/domain_organization_names.h"
#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

struct CueWord {
  std::u32string word;
  CueKind kind;
};

const std::vector<CueWord>& CueWords() {
  // Longest first so that 实地考察 wins over 考察 and 来到 over 到.
  static const std::vector<CueWord> kWords = {
      {U"实地考察", CueKind::kVisit}, {U"实地调研", CueKind::kVisit}, {U"实地察看", CueKind::kVisit},
      {U"检查督导", CueKind::kVisit}, {U"调研指导", CueKind::kVisit}, {U"先后来到", CueKind::kVisit},
      {U"再度来到", CueKind::kVisit}, {U"来到", CueKind::kVisit},     {U"前往", CueKind::kVisit},
      {U"深入到", CueKind::kVisit},   {U"深入", CueKind::kVisit},     {U"走进", CueKind::kVisit},     {U"走访", CueKind::kVisit},
      {U"考察", CueKind::kVisit},     {U"调研", CueKind::kVisit},     {U"视察", CueKind::kVisit},
      {U"检查", CueKind::kVisit},     {U"督导", CueKind::kVisit},     {U"看望", CueKind::kVisit},
      {U"慰问", CueKind::kVisit},     {U"察看", CueKind::kVisit},     {U"查看", CueKind::kVisit},
      {U"赴", CueKind::kVisit},       {U"到", CueKind::kVisit},
      {U"陪同", CueKind::kAccompany}, {U"一同", CueKind::kAccompany}, {U"主持", CueKind::kPreside},
      {U"出席", CueKind::kAttend},    {U"参加", CueKind::kAttend},    {U"捐赠", CueKind::kDonate},
      {U"捐给", CueKind::kDonate},    {U"捐献", CueKind::kDonate},    {U"捐助", CueKind::kDonate}};
  return kWords;
}

bool IsClauseEnd(char32_t c) { return IsClauseBreak(c) || c == U'\n'; }

}  // namespace

std::vector<EventCue> FindEventCues(std::u32string_view s) {
  std::vector<EventCue> out;
  size_t i = 0;
  while (i < s.size()) {
    bool matched = false;
    for (const auto& cw : CueWords()) {
      if (s.substr(i, cw.word.size()) == cw.word) {
        // 到 inside words (认识到, 得到, 到位, 达到) is not a visit.
        if (cw.word == U"到") {
          if (i > 0 && std::u32string_view(U"识得达受遇想看听做感到直").find(s[i - 1]) !=
                           std::u32string_view::npos) break;
          if (i + 1 < s.size() && std::u32string_view(U"位底达了过").find(s[i + 1]) !=
                                      std::u32string_view::npos) break;
        }
        // 调研组, 检查组, 调研员, 考察团: the group or the rank, not the verb.
        const size_t after = i + cw.word.size();
        if (cw.kind == CueKind::kVisit && cw.word.size() >= 2 && after < s.size() &&
            (s[after] == U'组' || s[after] == U'员' || s[after] == U'团')) {
          i = after;
          matched = true;
          break;
        }
        out.push_back({cw.kind, i, i + cw.word.size()});
        i += cw.word.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return out;
}

int SubjectBefore(std::u32string_view s, const std::vector<PersonSpan>& persons, size_t pos) {
  int best = -1;
  for (int k = 0; k < static_cast<int>(persons.size()); ++k) {
    if (persons[k].end > pos) break;
    bool same_clause = true;
    for (size_t j = persons[k].end; j < pos; ++j) {
      if (IsClauseEnd(s[j])) { same_clause = false; break; }
    }
    if (same_clause) best = k;
  }
  return best;
}

std::vector<int> PersonsInClauseBefore(std::u32string_view s, const std::vector<PersonSpan>& persons,
                                       size_t pos) {
  size_t clause_begin = pos;
  while (clause_begin > 0 && !IsClauseEnd(s[clause_begin - 1])) --clause_begin;
  std::vector<int> out;
  for (int k = 0; k < static_cast<int>(persons.size()); ++k) {
    if (persons[k].begin >= clause_begin && persons[k].end <= pos) out.push_back(k);
  }
  return out;
}

std::vector<int> CompanionsBefore(std::u32string_view s, const std::vector<PersonSpan>& persons,
                                  size_t pos) {
  std::vector<int> out = PersonsInClauseBefore(s, persons, pos);
  size_t clause_begin = pos;
  while (clause_begin > 0 && !IsClauseEnd(s[clause_begin - 1])) --clause_begin;
  // Only commas continue a list of companions; a full stop starts another sentence.
  while (clause_begin > 0 && (s[clause_begin - 1] == U',' || s[clause_begin - 1] == U'\uFF0C')) {
    const size_t prev_end = clause_begin - 1;
    int last = -1;
    for (int k = 0; k < static_cast<int>(persons.size()); ++k)
      if (persons[k].end == prev_end) last = k;
    if (last < 0) break;
    std::vector<int> prev = PersonsInClauseBefore(s, persons, prev_end);
    out.insert(out.begin(), prev.begin(), prev.end());
    clause_begin = prev_end;
    while (clause_begin > 0 && !IsClauseEnd(s[clause_begin - 1])) --clause_begin;
  }
  return out;
}

size_t OrgPhraseEnd(std::u32string_view s, size_t start) {
  constexpr size_t kMaxFirst = 14;
  constexpr size_t kMaxNested = 8;
  constexpr size_t kMaxCompany = 28;
  size_t end = start;
  if (start >= s.size() || !IsCjk(s[start])) return start;  // quoted slogans are not places
  // Verbs never inside a name: a phrase reaching one has run past its organisation
  // (南阳市调研乡村振兴 is 南阳市 + 调研).
  auto verb_at = [&](size_t i) {
    static const std::u32string kVerbs[] = {
        U"调研", U"检查", U"督导", U"视察", U"考察", U"走访", U"慰问", U"看望", U"指导", U"召开",
        U"参加", U"出席", U"主持", U"了解", U"察看", U"开展", U"推进", U"落实", U"部署", U"座谈",
        U"听取", U"捐赠", U"举行", U"陪同", U"实地"};
    for (const auto& v : kVerbs)
      if (s.substr(i, v.size()) == v) return true;
    return false;
  };
  UnitKind kind;
  bool generic;
  // The first unit: the shortest prefix ending with a suffix (taking the longest suffix there).
  // Units with a one-character suffix (村, 局, 区) are short names; longer ones are misreadings.
  for (size_t e = start + 2; e <= s.size() && e - start <= kMaxFirst; ++e) {
    if (IsOrgStopChar(s[e - 1]) || s[e - 1] == U'、' || verb_at(e - 2)) break;
    const size_t suffix = OrgSuffixEndingAt(s, e, &kind, &generic);
    if (suffix > 0 && !ContinuesWord(s, e)) {
      if (suffix == 1 && (e - start > 8 || (kind == UnitKind::kRegion && e - start > 5))) break;
      end = e;
      break;
    }
  }
  if (end == start) return start;
  // Extend over nested units and over a longer suffix that continues the first.
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t e = end + 1; e <= s.size() && e - end <= kMaxNested; ++e) {
      if (IsOrgStopChar(s[e - 1]) || s[e - 1] == U'、' || verb_at(e - 1)) break;
      UnitKind k2;
      if (OrgSuffixEndingAt(s, e, &k2, &generic) > 0 && k2 != UnitKind::kTeam &&
          !ContinuesWord(s, e)) {
        end = e;
        grew = true;
        break;
      }
    }
  }
  // A company name runs to its 公司.
  for (size_t e = end + 1; e <= s.size() && e - start <= kMaxCompany; ++e) {
    if (s[e - 1] == U'、' || IsOrgStopChar(s[e - 1])) break;
    if (e >= 2 && s[e - 2] == U'公' && s[e - 1] == U'司') {
      end = e;
      break;
    }
  }
  return end;
}

}  // namespace tupu::domain
