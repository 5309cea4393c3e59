// Extractor: runs the domain layer over one document (see extractor.h). The steps, in order:
// split the page into articles and sentences; tag the sentences (when a tagger is given); learn
// the document's person names (after titles, in bylines, as speakers, tagger PER repaired by the
// name rules); then walk the sentences once more, naming organisations, reading title chains,
// dates and event cues, and emitting facts with their evidence.
#include "extract/extractor.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/utf8.h"
#include "extract/domain_article_places.h"
#include "extract/domain_article_region.h"
#include "extract/domain_article_splitter.h"
#include "extract/domain_byline.h"
#include "extract/domain_dates.h"
#include "extract/domain_document_date.h"
#include "extract/domain_document_names.h"
#include "extract/domain_episodes.h"
#include "extract/domain_events.h"
#include "extract/domain_gazetteer.h"
#include "extract/domain_lexicon.h"
#include "extract/domain_org_naming.h"
#include "extract/domain_person_names.h"
#include "extract/domain_resolution.h"
#include "extract/domain_sentence_splitter.h"
#include "extract/domain_short_names.h"
#include "extract/domain_stops.h"
#include "extract/domain_title_chain.h"
#include "extract/domain_title_lexicon.h"
#include "extract/domain_tours.h"

namespace tupu {
namespace {

using domain::ArticleState;
using domain::BlockKind;
using domain::CharRun;
using domain::SentenceView;

struct Sentence {
  size_t article = 0;
  BlockKind kind = BlockKind::kBody;
  CharRun run;
  const domain::Byline* byline = nullptr;  // kByline sentences
  std::vector<TaggedWord> words;           // from the tagger; empty without one
};

// Collects entities and facts, one EntityRecord per (label, name).
class DocumentBuilder {
 public:
  explicit DocumentBuilder(ExtractedDocument* out) : out_(out) {}

  int Entity(NodeLabel label, const std::string& name, std::string_view kind = {}) {
    std::string key = std::to_string(static_cast<int>(label)) + "\x1f" + name;
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    EntityRecord rec;
    rec.label = label;
    rec.name = name;
    rec.kind = std::string(kind);
    out_->entities.push_back(std::move(rec));
    const int idx = static_cast<int>(out_->entities.size() - 1);
    index_.emplace(std::move(key), idx);
    return idx;
  }
  void Alias(int idx, const std::string& alias) {
    auto& aliases = out_->entities[idx].aliases;
    if (alias != out_->entities[idx].name &&
        std::find(aliases.begin(), aliases.end(), alias) == aliases.end())
      aliases.push_back(alias);
  }
  void Mention(int idx) { ++out_->entities[idx].mentions; }
  void Fact(EdgeType type, int src, int dst, uint32_t sentence, TextSpan span, Properties props = {}) {
    FactRecord f;
    f.type = type;
    f.src = out_->entities[src].key();
    f.dst = out_->entities[dst].key();
    f.sentence = sentence;
    f.span = span;
    f.props = std::move(props);
    out_->facts.push_back(std::move(f));
  }
  const EntityRecord& Get(int idx) const { return out_->entities[idx]; }

 private:
  ExtractedDocument* out_;
  std::unordered_map<std::string, int> index_;
};

// Verbs that often sit right before an organisation without punctuation (协调市疫情防控指挥部),
// and 辖区 (辖区桃园小学: whose it is, not part of its name).
size_t LeadingVerbLength(std::u32string_view s, size_t i) {
  static const std::u32string kVerbs[] = {U"协调", U"组织", U"推动", U"支持", U"成立", U"协助",
                                          U"帮助", U"带领", U"联合", U"依托", U"督促", U"要求",
                                          U"指导", U"服务", U"入驻", U"走进", U"来到", U"前往",
                                          U"深入", U"感谢", U"联系", U"对接", U"推荐", U"会同", U"代表",
                                          U"召开", U"举行", U"听取", U"分包", U"进入",
                                          U"认真落实", U"认真贯彻", U"落实", U"贯彻", U"传达"};
  // 带队走进辖区桃园小学: 带队, then one verb, then 辖区.
  size_t total = s.substr(i, 2) == U"带队" ? 2 : 0;
  for (const auto& v : kVerbs) {
    if (s.substr(i + total, v.size()) == v) {
      total += v.size();
      break;
    }
  }
  for (std::u32string_view scope : {std::u32string_view(U"辖区内"), std::u32string_view(U"辖区")}) {
    if (s.substr(i + total, scope.size()) == scope) {
      total += scope.size();
      break;
    }
  }
  return total;
}

const TaggedWord* WordStartingAt(const Sentence& sent, size_t i) {
  for (const auto& w : sent.words) {
    if (w.cp_begin == i) return &w;
    if (w.cp_begin > i) break;
  }
  return nullptr;
}

// Single characters after which a name may start (的, 和, 向 ...).
bool IsFunctionChar(char32_t c) {
  static const std::u32string_view kChars = U"的和与及在由向对为是了将把被从到等各据暨";
  return kChars.find(c) != std::u32string_view::npos;
}

// Tags whose words never start an organisation name.
bool IsNonNameTag(const std::string& tag) {
  return tag == "v" || tag == "p" || tag == "c" || tag == "u" || tag == "d" || tag == "r" ||
         tag == "m" || tag == "w" || tag == "TIME" || tag == "PER" || tag == "q" || tag == "ad" ||
         tag == "vd" || tag == "xc" || tag == "t";
}

bool PreviousWordIsNonName(const Sentence& sent, size_t i) {
  const TaggedWord* prev = nullptr;
  for (const auto& w : sent.words) {
    if (w.cp_end == i) prev = &w;
    if (w.cp_begin >= i) break;
  }
  return prev == nullptr || IsNonNameTag(prev->tag);
}

constexpr size_t kMaxCoMentionEntities = 30;
constexpr size_t kMaxPersonAliases = 8;
constexpr size_t kMaxKnownSurfaces = 2000;

void RememberSurface(std::vector<std::pair<std::u32string, int>>* known, const std::u32string& surface,
                     int entity) {
  for (const auto& [s, e] : *known)
    if (s == surface) return;
  if (known->size() >= kMaxKnownSurfaces) return;
  auto pos = std::find_if(known->begin(), known->end(),
                          [&](const auto& x) { return x.first.size() < surface.size(); });
  known->insert(pos, {surface, entity});
}

// A company named by two characters + 公司/集团 (华瑞公司) that abbreviates a longer company name
// seen earlier in the document starting with the same two characters; -1 when none.
int FindAbbreviated(const DocumentBuilder& b, const std::vector<int>& companies,
                    const std::string& name) {
  const std::u32string n = domain::ToU32(name);
  if (n.size() != 4 || (n.substr(2) != U"公司" && n.substr(2) != U"集团")) return -1;
  for (int e : companies) {
    const std::u32string full = domain::ToU32(b.Get(e).name);
    if (full.size() > n.size() && full.compare(0, 2, n, 0, 2) == 0) return e;
  }
  return -1;
}

// The body `body` (政府, 人大, 政协) of the level `level`: named after `place` when one is known,
// with the bare form (县政府) as its alias, else the bare form.
int LevelBody(DocumentBuilder& b, char32_t level, const std::u32string& place, std::u32string_view body,
              std::string_view kind) {
  std::u32string bare_name(1, level);
  bare_name.append(body);
  const std::string bare = domain::ToUtf8(bare_name);
  if (place.empty()) return b.Entity(NodeLabel::kOrganization, bare, kind);
  std::u32string name = place;
  name.append(body);
  const int e = b.Entity(NodeLabel::kOrganization, domain::ToUtf8(name), kind);
  b.Alias(e, bare);
  return e;
}

// 市长 -> 市政府, 常务副县长 -> 县政府, 镇长 -> 镇政府; -1 for other titles.
// Qualified by the one city/county/town the article named (南阳市政府), else bare (市政府).
int GovernmentOfHeadTitle(DocumentBuilder& b, const std::u32string& title,
                          const domain::OrgContext& ctx) {
  if (title.size() < 2 || title.back() != U'长') return -1;
  const char32_t level = title[title.size() - 2];
  if (std::u32string_view(U"市区县镇乡省").find(level) == std::u32string_view::npos) return -1;
  // Qualified by the chain's own body of that level (西畴县委副书记、县长 -> 西畴县政府), else
  // when the article named exactly one place of that level.
  const bool chain_place = ctx.chain_stem.size() >= 3 && ctx.chain_stem.back() == level;
  return LevelBody(b, level, chain_place ? ctx.chain_stem : ctx.OnlyPlaceOf(level), U"政府", "government");
}

// 市级人大代表, 县人大代表, 旗级政协委员: the people's congress (political consultative conference)
// of the level written right before the title (`level` is the phrase before it), qualified like
// the level's other bodies; -1 for other titles or when no level is written.
int BodyOfDeputy(DocumentBuilder& b, std::u32string_view level, const std::u32string& title,
                 const domain::OrgContext& ctx) {
  const std::u32string_view body = title == U"人大代表" ? U"人大" : title == U"政协委员" ? U"政协" : U"";
  // The level ends the phrase before the title (走访联系市级 | 人大代表).
  if (!level.empty() && level.back() == U'级') level.remove_suffix(1);
  if (body.empty() || level.empty()) return -1;
  const char32_t c = level.back();
  if (std::u32string_view(U"省市县区旗州镇乡").find(c) == std::u32string_view::npos) return -1;
  return LevelBody(b, c, ctx.OnlyPlaceOf(c), body, domain::UnitKindName(domain::UnitKind::kParty));
}

// A paragraph's closing credit in brackets without a role: (秦某某) or (陈某 张某) at the end of a
// sentence, one to three plausible names separated by blanks. s[b, e) is inside the brackets.
std::optional<domain::Byline> BareNamesInBrackets(std::u32string_view s, size_t b, size_t e) {
  constexpr size_t kMaxNames = 3;
  // Only where a credit stands: after a sentence end or at the end of the text.
  const bool after_sentence = b == 1 || (b >= 2 && domain::IsSentenceEnd(s[b - 2]));
  const bool at_end = e + 1 >= s.size() || domain::IsSentenceEnd(s[e + 1]) || domain::IsBlank(s[e + 1]);
  if (!after_sentence && !at_end) return std::nullopt;
  domain::Byline byline;
  size_t i = b;
  while (i < e) {
    while (i < e && domain::IsBlank(s[i])) ++i;
    size_t j = i;
    while (j < e && !domain::IsBlank(s[j])) ++j;
    if (j == i) break;
    if (!domain::IsPlausibleName(s.substr(i, j - i)) || byline.names.size() == kMaxNames) return std::nullopt;
    domain::BylineName n;
    n.name = domain::ToUtf8(s.substr(i, j - i));
    n.role = "credit";
    n.begin = i - b;
    n.end = j - b;
    byline.names.push_back(n);
    i = j;
  }
  if (byline.names.empty()) return std::nullopt;
  return byline;
}

// Bylines in parentheses inside a lead: 本报讯 (记者 X 通讯员 Y) ...
struct InlineByline {
  size_t begin = 0;  // code point where the inner text starts
  domain::Byline byline;
};
std::vector<InlineByline> FindParenthesisedBylines(const CharRun& run) {
  std::vector<InlineByline> out;
  const std::u32string& s = run.chars;
  for (size_t i = 0; i + 3 < s.size(); ++i) {
    if (s[i] != U'(' && s[i] != U'\uFF08') continue;
    size_t j = i + 1;
    while (j < s.size() && j - i < 60 && s[j] != U')' && s[j] != U'\uFF09') ++j;
    if (j >= s.size() || (s[j] != U')' && s[j] != U'\uFF09')) continue;
    auto parsed = domain::ParseBylineLine(run.Sub(i + 1, j), false, "");
    if (parsed) {
      out.push_back({i + 1, *parsed});
    } else if (auto names = BareNamesInBrackets(s, i + 1, j)) {
      out.push_back({i + 1, *names});
    }
    i = j;
  }
  // 本报讯 记者 X 通讯员 Y 11月22日,...: the longest run of blank-separated tokens after the lead
  // word that reads as a byline.
  static const std::u32string kLeads[] = {U"本报讯", U"本刊讯", U"本网讯"};
  for (const auto& lead : kLeads) {
    if (s.compare(0, lead.size(), lead) != 0) continue;
    size_t start = lead.size();
    while (start < s.size() && domain::IsBlank(s[start])) ++start;
    std::vector<size_t> ends;  // candidate ends: each blank after a token
    for (size_t k = start; k < s.size() && k - start < 40; ++k)
      if (domain::IsBlank(s[k]) && k > start && !domain::IsBlank(s[k - 1])) ends.push_back(k);
    for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
      auto parsed = domain::ParseBylineLine(run.Sub(start, *it), false, "");
      if (parsed) {
        out.push_back({start, *parsed});
        break;
      }
    }
  }
  return out;
}

// True when the clause before `pos` names a visiting group (调研组, 视察组, 督导组, 一行).
bool GroupSubjectBefore(std::u32string_view s, size_t pos) {
  size_t b = pos;
  while (b > 0 && !domain::IsClauseBreak(s[b - 1])) --b;
  return domain::ClauseNamesGroup(s, b, pos);  // the group nouns of extract/lexicon/group_nouns.txt
}

// Positions of 带队/带领/率领/率队 in `s`, and of 率 right after a name (甲率调研组): the person
// before them leads what follows.
std::vector<size_t> LeadVerbPositions(std::u32string_view s, const std::vector<domain::PersonSpan>& persons) {
  std::vector<size_t> out;
  static const std::u32string kLead[] = {U"带队", U"带领", U"率领", U"率队"};
  for (size_t i = 0; i < s.size(); ++i) {
    bool hit = false;
    for (const auto& w : kLead) hit = hit || s.substr(i, w.size()) == w;
    if (!hit && s[i] == U'率')
      for (const auto& p : persons) hit = hit || (p.end == i);
    if (hit) out.push_back(i);
  }
  return out;
}

// True when the clause holding `pos` has at most a short adverb before it (先后, 随后, 又, 还):
// a clause with no subject of its own, which in Chinese keeps the previous clause's.
bool ClauseOpensWithVerb(std::u32string_view s, size_t pos) {
  size_t b = pos;
  while (b > 0 && !domain::IsClauseBreak(s[b - 1])) --b;
  if (b == 0 || !(s[b - 1] == U',' || s[b - 1] == U'\uFF0C')) return false;
  static const std::u32string kAdverbs[] = {U"", U"先后", U"随后", U"又", U"还", U"并", U"再",
                                            U"又先后", U"随即", U"专程", U"分别"};
  const std::u32string_view before = s.substr(b, pos - b);
  for (const auto& a : kAdverbs)
    if (before == a) return true;
  return false;
}

// True when the clause holding `pos` is 在 + an organisation right before it (…,在杨湾村察看):
// like a clause that opens with its verb, it keeps the previous clause's subject.
bool ClauseOpensWithPlace(std::u32string_view s, size_t pos, const std::vector<bool>& org_taken) {
  size_t b = pos;
  while (b > 0 && !domain::IsClauseBreak(s[b - 1])) --b;
  if (b == 0 || !(s[b - 1] == U',' || s[b - 1] == U'\uFF0C')) return false;
  if (s[b] != U'在' || b + 1 >= pos) return false;
  for (size_t k = b + 1; k < pos; ++k)
    if (!org_taken[k]) return false;
  return true;
}

// The organisation mention that ends exactly at `pos`, or -1.
int OrganizationEndingAt(const DocumentBuilder& b,
                         const std::vector<std::pair<int, std::pair<size_t, size_t>>>& mentions,
                         size_t pos) {
  for (const auto& m : mentions)
    if (m.second.second == pos && b.Get(m.first).label == NodeLabel::kOrganization) return m.first;
  return -1;
}

// True when `target` is a region or street (白沙镇, 东湖街道) in which `person` holds a post
// (白沙镇党委书记): checking its work (检查白沙镇辖区…工作) is no visit for him.
bool IsOwnJurisdiction(const DocumentBuilder& b, const std::map<int, std::vector<int>>& held_orgs,
                       int person, int target) {
  auto it = held_orgs.find(person);
  if (it == held_orgs.end()) return false;
  const EntityRecord& place = b.Get(target);
  const std::u32string name = domain::ToU32(place.name);
  const bool street = name.size() >= 4 && name.substr(name.size() - 2) == U"街道";
  if (place.kind != "region" && !street) return false;
  for (int org : it->second) {
    const std::u32string held = domain::ToU32(b.Get(org).name);
    if (held.size() >= name.size() && held.compare(0, name.size(), name) == 0) return true;
  }
  return false;
}

// In `甲在乙、丙陪同下` the host is 甲, the person right before the 在 that opens the frame
// ending in 陪同下; -1 when the cue is not such a frame.
int HostBeforeAccompanyFrame(std::u32string_view s, const std::vector<domain::PersonSpan>& persons,
                             const domain::EventCue& cue) {
  if (cue.end >= s.size() || s[cue.end] != U'下') return -1;
  for (size_t at = cue.begin; at-- > 0;) {
    if (domain::IsClauseBreak(s[at]) && s[at] != U',' && s[at] != U'\uFF0C') return -1;
    if (s[at] != U'在') continue;
    for (const auto& p : persons)
      if (p.end == at) return p.entity;
    // 在乙的陪同下,市长甲深入…: the host opens the clause after the frame (after his title).
    constexpr size_t kMaxTitled = 16;
    const size_t next = cue.end + 1;
    if (next >= s.size() || !domain::IsClauseBreak(s[next])) return -1;
    for (const auto& p : persons)
      if (p.begin > next && p.begin - next <= kMaxTitled) {
        bool same_clause = true;
        for (size_t k = next + 1; k < p.begin; ++k) same_clause = same_clause && !domain::IsClauseBreak(s[k]);
        return same_clause ? p.entity : -1;
      }
    return -1;
  }
  return -1;
}

// A name as a person's node calls it: 钱  红 (spaced for width in a list) is 钱红.
// 要认真落实县委书记甲在…的讲话: the chain's phrase reaches back over the verb whose object the
// chain is; its body starts after the verb. Returns where it starts within `phrase` (0: at once).
// Only verbs no body's name holds (组织 is in 组织部).
size_t VerbBeforeChainLength(std::u32string_view phrase) {
  size_t start = 0;
  for (std::u32string_view verb : {U"落实", U"贯彻", U"传达"})
    for (size_t at = phrase.find(verb); at != std::u32string_view::npos; at = phrase.find(verb, at + 1))
      start = std::max(start, at + verb.size());
  return start < phrase.size() ? start : 0;
}

// 乐县 of 将乐县 (the tagger cut 将 off as a preposition): the end of a place the article
// names, not a county of its own.
bool EndsANamedPlace(const domain::OrgContext& ctx, std::u32string_view word) {
  for (const auto& [level, named] : ctx.places)
    if (named.name.size() > word.size() && named.name.compare(named.name.size() - word.size(), word.size(), word) == 0)
      return true;
  return false;
}

std::u32string WithoutBlanks(std::u32string_view name) {
  std::u32string out;
  for (char32_t c : name)
    if (!domain::IsBlank(c)) out += c;
  return out;
}

// `name` without the town or county it opens with (a full name the gazetteer knows), empty when
// it opens with none or nothing would be left.
std::string WithoutLeadingDivision(const std::string& name) {
  const std::u32string n = domain::ToU32(name);
  size_t start = 0;  // past the counties and towns the name opens with (婺源县紫阳镇…)
  for (const auto& place : domain::Gazetteer::Get().FindPlaces(n)) {
    const auto level = place.division->level;
    if (place.begin != start || place.short_form ||
        (level != domain::DivisionLevel::kTown && level != domain::DivisionLevel::kCounty))
      break;
    start = place.end;
  }
  if (start == 0 || n.size() - start < 4) return {};
  return domain::ToUtf8(std::u32string_view(n).substr(start));
}

bool IsBracket(char32_t c) { return c == U'(' || c == U')' || c == U'\uFF08' || c == U'\uFF09'; }

// True when a title word starts at s[i] (副书记, 总书记, 县长).
bool TitleStartsAt(std::u32string_view s, size_t i) {
  if (domain::Lexicon::Get("titles_after_names").LongestAt(s, i) > 0) return true;
  constexpr size_t kMaxTitle = 6;
  for (size_t n = 2; n <= kMaxTitle && i + n <= s.size(); ++n)
    if (domain::IsTitle(s.substr(i, n))) return true;
  return false;
}

// In `甲陪同副省长乙到A调研` the host is 乙, the person right after 陪同 (after his titles, in the
// same clause); -1 when no person follows the cue there.
int HostAfterAccompanyCue(std::u32string_view s, const std::vector<domain::PersonSpan>& persons,
                          const domain::EventCue& cue) {
  constexpr size_t kMaxTitled = 20;
  if (cue.end < s.size() && s[cue.end] == U'下') return -1;  // 在乙陪同下: see the frame
  for (const auto& p : persons) {
    if (p.begin < cue.end || p.begin - cue.end > kMaxTitled) continue;
    for (size_t k = cue.end; k < p.begin; ++k)
      if (domain::IsClauseBreak(s[k])) return -1;
    // Only titles and offices between: 陪同调研 (a verb after the cue) names no host.
    if (p.begin > cue.end && domain::TitleLengthEndingAt(s, p.begin) == 0) return -1;
    return p.entity;
  }
  return -1;
}

// One ACCOMPANIED fact per (companion, host): 陪同 and 参加调研 may both name the same pair.
void DropRepeatedCompanions(ExtractedDocument* out) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<FactRecord> kept;
  kept.reserve(out->facts.size());
  for (auto& f : out->facts) {
    if (f.type == EdgeType::kAccompanied && !seen.insert({f.src.name, f.dst.name}).second) continue;
    kept.push_back(std::move(f));
  }
  out->facts = std::move(kept);
}

// A visit read from a headline (`# 市长甲到经开区调研`): the headline summarises the body, so it
// is kept only when the body reports no visit by the same person (see Extract).
struct HeadlineVisit {
  size_t article = 0;
  int visitor = -1, target = -1;
  uint32_t sentence = 0;
  TextSpan span;
};

}  // namespace

Extractor::Extractor(const LacTagger* tagger, ExtractorOptions options)
    : tagger_(tagger), options_(options) {}

Result<ExtractedDocument> Extractor::Extract(const SourceDocument& doc) const {
  size_t bad = 0;
  if (!IsValidUtf8(doc.text, &bad))
    return Status::InvalidArgument(doc.origin + ": invalid UTF-8 at byte " + std::to_string(bad));
  ExtractedDocument out;
  out.source_key = doc.source_key;
  out.origin = doc.origin;
  out.text = doc.text;
  out.title = doc.title;
  out.source = doc.source;
  DocumentBuilder b(&out);

  domain::DateContext doc_date;
  const bool has_doc_date = domain::DocumentDate(doc, &doc_date);
  if (has_doc_date) {
    domain::DateMention whole;
    whole.year = doc_date.year;
    whole.month = doc_date.month;
    whole.day = doc_date.day;
    out.date = domain::ResolveDate(whole, {});
  }

  const std::vector<domain::Article> articles = domain::SplitArticles(out.text);
  if (out.title.empty() && !articles.empty()) out.title = articles.front().title;

  // Document nodes: the page, and one per article when there are several.
  const int page_doc = b.Entity(NodeLabel::kDocument, doc.source_key, "page");
  std::vector<int> article_doc(articles.size(), page_doc);
  if (articles.size() > 1) {
    for (size_t a = 0; a < articles.size(); ++a) {
      article_doc[a] = b.Entity(NodeLabel::kDocument, doc.source_key + "#" + std::to_string(a + 1),
                                "article");
    }
  }

  // Sentences.
  std::vector<Sentence> sentences;
  for (size_t a = 0; a < articles.size(); ++a) {
    for (const auto& block : articles[a].blocks) {
      if (block.kind == BlockKind::kByline) {
        sentences.push_back({a, block.kind, block.run, &block.byline, {}});
        continue;
      }
      for (auto [sb, se] : domain::SplitSentences(block.run))
        sentences.push_back({a, block.kind, block.run.Sub(sb, se), nullptr, {}});
    }
  }
  for (const auto& s : sentences) out.sentences.push_back(s.run.Whole());

  if (tagger_ != nullptr && !sentences.empty()) {
    std::vector<std::string> texts;
    texts.reserve(sentences.size());
    for (const auto& s : sentences) texts.push_back(s.run.Utf8());
    std::vector<std::string_view> views(texts.begin(), texts.end());
    std::vector<TaggedSentence> tagged = tagger_->TagBatch(views);
    for (size_t i = 0; i < sentences.size() && i < tagged.size(); ++i)
      sentences[i].words = std::move(tagged[i].words);
  }

  // Pass 1: the person names of this document.
  std::vector<domain::NameEvidence> evidence(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& sent = sentences[i];
    domain::NameEvidence& e = evidence[i];
    e.text = sent.run.chars;
    e.words = &sent.words;
    e.byline = sent.kind == BlockKind::kByline;
    if (e.byline) {
      for (const auto& n : sent.byline->names) e.credited.push_back(domain::ToU32(n.name));
      continue;
    }
    for (const auto& ib : FindParenthesisedBylines(sent.run))
      for (const auto& n : ib.byline.names) e.credited.push_back(domain::ToU32(n.name));
  }
  const domain::DocumentNames learned = domain::LearnDocumentNames(evidence);
  const std::set<std::u32string>& names = learned.names;
  const std::vector<std::vector<domain::TitledName>>& titled = learned.titled;
  const std::vector<std::u32string>& names_longest_first = learned.longest_first;

  // Pass 2: facts.
  std::vector<ArticleState> states(articles.size());
  // The places each article is about, from its whole text: bare bodies take them wherever they
  // are (one pass over the sentences: a page may hold hundreds of articles).
  std::vector<std::vector<std::u32string_view>> article_texts(articles.size());
  for (const auto& sent : sentences) article_texts[sent.article].push_back(sent.run.chars);
  std::vector<std::vector<const domain::Division*>> article_places(articles.size());
  for (size_t a = 0; a < articles.size(); ++a) {
    if (has_doc_date) states[a].date = doc_date;
    article_places[a] = domain::SeedArticlePlaces(article_texts[a], names_longest_first, &states[a].orgs);
  }
  // Counties the gazetteer does not know (renamed or merged since: an archive is older than the
  // map) but the tagger reads as places: they qualify the article's bare bodies as well.
  for (const auto& sent : sentences)
    for (const auto& w : sent.words) {
      const std::u32string_view word =
          std::u32string_view(sent.run.chars).substr(w.cp_begin, w.cp_end - w.cp_begin);
      if (w.tag == "LOC" && word.size() <= 4 && !word.empty() && (word.back() == U'县' || word.back() == U'旗') &&
          !EndsANamedPlace(states[sent.article].orgs, word))
        domain::NotePlace(word, &states[sent.article].orgs);
    }
  // The region each article is about (its places, or the archive's word); the levels above it
  // qualify the bare bodies of levels the article names no place of (市委 in a county's news).
  const domain::Division* given_region = doc.region.empty() ? nullptr : domain::ResolveRegionText(doc.region);
  std::vector<const domain::Division*> article_region(articles.size());
  for (size_t a = 0; a < articles.size(); ++a) {
    article_region[a] = domain::ArticleRegion(article_places[a], given_region);
    domain::AdoptRegionLevels(article_region[a], &states[a].orgs);
  }
  std::vector<std::string> article_date(articles.size());
  for (size_t a = 0; a < articles.size(); ++a) article_date[a] = out.date;
  // Co-mentions: (entity, entity) -> first sentence/span and the number of sentences.
  struct CoMention {
    uint32_t sentence;
    TextSpan span;
    int weight;
  };
  std::map<std::pair<int, int>, CoMention> co_mentions;
  std::map<std::pair<int, int>, int> mentioned_in;  // (entity, doc) -> count
  std::map<std::pair<int, int>, std::pair<uint32_t, TextSpan>> mentioned_first;

  // Organisation surfaces seen so far (longest first) and the companies named so far.
  std::vector<std::pair<std::u32string, int>> known_orgs;
  std::vector<int> company_entities;
  std::vector<HeadlineVisit> headline_visits;
  std::map<int, std::vector<int>> held_orgs;  // person -> organisations of his positions
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& sent = sentences[i];
    const std::u32string& s = sent.run.chars;
    const uint32_t sidx = static_cast<uint32_t>(i);
    ArticleState& st = states[sent.article];
    const int adoc = article_doc[sent.article];
    std::vector<std::pair<int, std::pair<size_t, size_t>>> mentions;  // entity, [b, e)
    auto note = [&](int entity, size_t mb, size_t me) {
      b.Mention(entity);
      mentions.push_back({entity, {mb, me}});
    };

    if (sent.kind == BlockKind::kByline) {
      for (const auto& n : sent.byline->names) {
        std::u32string nn = domain::ToU32(n.name);
        const int p = b.Entity(NodeLabel::kPerson, n.name);
        b.Mention(p);
        Properties props;
        SetProperty(&props, "role", n.role);
        b.Fact(EdgeType::kAuthored, p, adoc, sidx, sent.run.Span(n.begin, n.end), props);
        mentioned_in[{p, adoc}]++;
        mentioned_first.emplace(std::make_pair(p, adoc),
                                std::make_pair(sidx, sent.run.Span(n.begin, n.end)));
        if (out.byline.find(n.name) == std::string::npos) {
          if (!out.byline.empty()) out.byline += " ";
          out.byline += n.name;
        }
      }
      continue;
    }

    for (const auto& ib : FindParenthesisedBylines(sent.run)) {
      for (const auto& n : ib.byline.names) {
        const int p = b.Entity(NodeLabel::kPerson, n.name);
        Properties props;
        SetProperty(&props, "role", n.role);
        b.Fact(EdgeType::kAuthored, p, adoc, sidx, sent.run.Span(ib.begin + n.begin, ib.begin + n.end),
               props);
        if (out.byline.find(n.name) == std::string::npos) {
          if (!out.byline.empty()) out.byline += " ";
          out.byline += n.name;
        }
      }
    }
    st.orgs.chain_stem.clear();
    st.orgs.chain_stem_as_written.clear();
    // Dates.
    std::string sentence_date;
    std::string sentence_time;
    // A numeric date (2023-05-12 of a publication line) sets the context but is the sentence's
    // date only when the sentence has no other: a header joined to the lead keeps the lead's day.
    std::string numeric_date;
    for (const auto& dm : domain::FindDates(s)) {
      std::string resolved = domain::ResolveDate(dm, st.date);
      if (dm.year) st.date.year = dm.year;
      if (resolved.empty()) continue;
      if (dm.numeric) {
        if (numeric_date.empty()) numeric_date = resolved;
      } else if (sentence_date.empty()) {
        sentence_date = resolved;
        sentence_time = dm.time_of_day;
      }
      domain::DateContext next;
      if (domain::ParseDocumentDate(resolved, &next)) {
        if (next.year == 0) next.year = st.date.year;
        st.date = next;
      }
      if (article_date[sent.article].empty()) article_date[sent.article] = resolved;
    }
    if (sentence_date.empty()) sentence_date = numeric_date;
    if (!sentence_date.empty()) {
      st.last_date = sentence_date;
      st.time_of_day = sentence_time;
    } else {
      sentence_date = st.last_date;
      sentence_time = st.time_of_day;
    }

    // Places the tagger found (石泉县谋划…, where no organisation phrase stops at the place): the
    // article named them, so bare 县委/乡党委/街道党工委 later on may be theirs.
    for (const auto& w : sent.words)
      if (w.tag == "LOC" && w.cp_end <= s.size() && w.cp_end > w.cp_begin)
        domain::NotePlace(std::u32string_view(s).substr(w.cp_begin, w.cp_end - w.cp_begin), &st.orgs);

    // Persons: every occurrence of a known name.
    std::vector<domain::PersonSpan> persons;
    std::vector<bool> taken(s.size(), false);
    for (const auto& n : names_longest_first) {
      for (size_t p = s.find(n); p != std::u32string::npos; p = s.find(n, p + 1)) {
        bool free = true;
        for (size_t k = p; k < p + n.size(); ++k) free = free && !taken[k];
        if (!free) continue;
        // A longer word that merely starts with the name (林峰代表工作室 is fine, 赵立军 inside
        // 赵立军亮 is not): the next char must be able to end a name.
        if (!domain::CanEndName(s, p + n.size()) && names.count(s.substr(p, n.size() + 1)) == 0 &&
            !TitleStartsAt(s, p + n.size()))
          continue;  // 王丰副书记 and 习近平总书记 are names before their titles
        for (size_t k = p; k < p + n.size(); ++k) taken[k] = true;
        const int e = b.Entity(NodeLabel::kPerson, domain::ToUtf8(WithoutBlanks(n)));
        persons.push_back({p, p + n.size(), e});
        note(e, p, p + n.size());
      }
    }
    std::sort(persons.begin(), persons.end(),
              [](const auto& x, const auto& y) { return x.begin < y.begin; });
    auto person_at = [&](size_t begin) -> int {
      for (const auto& p : persons) {
        if (p.begin == begin) return p.entity;
      }
      return -1;
    };

    std::vector<bool> org_taken(s.size(), false);
    auto add_orgs = [&](size_t pb, size_t pe, bool mark, bool strict = false) -> std::vector<int> {
      std::vector<int> ids;
      // Already named by an earlier scan of this sentence: the same entities, outermost first.
      bool all_taken = pe > pb;
      for (size_t k = pb; k < pe; ++k) all_taken = all_taken && org_taken[k];
      if (all_taken) {
        std::vector<std::pair<size_t, int>> inside;
        for (const auto& m : mentions)
          if (m.second.first >= pb && m.second.second <= pe &&
              b.Get(m.first).label == NodeLabel::kOrganization)
            inside.push_back({m.second.first, m.first});
        std::sort(inside.begin(), inside.end());
        for (const auto& [pos, e] : inside) ids.push_back(e);
        if (!ids.empty()) return ids;
      }
      auto named =
          domain::NameOrganizations(std::u32string_view(s).substr(pb, pe - pb), &st.orgs, strict);
      for (const auto& o : named) {
        int e = -1;
        // 华瑞公司 after 华瑞集团…有限公司: an abbreviation of a company named earlier.
        if (o.kind == domain::UnitKind::kCompany) e = FindAbbreviated(b, company_entities, o.name);
        if (e < 0) {
          e = b.Entity(NodeLabel::kOrganization, o.name, domain::UnitKindName(o.kind));
          if (o.kind == domain::UnitKind::kCompany) company_entities.push_back(e);
        } else {
          b.Alias(e, o.name);
        }
        for (const auto& al : o.aliases) b.Alias(e, al);
        // 淀山湖镇广日电气(昆山)有限公司: a town or county written before a company says where it
        // is; the company is also known without it.
        if (o.kind == domain::UnitKind::kCompany) {
          const std::string unprefixed = WithoutLeadingDivision(o.name);
          if (!unprefixed.empty()) b.Alias(e, unprefixed);
        }
        const std::u32string surface = domain::ToU32(o.name);
        if (surface.size() >= 3) RememberSurface(&known_orgs, surface, e);
        for (const auto& al : o.aliases) {
          std::u32string a = domain::ToU32(al);
          if (a.size() >= 4) RememberSurface(&known_orgs, a, e);
        }
        note(e, pb + o.begin, pb + o.end);
        ids.push_back(e);
        if (o.parent >= 0 && o.parent < static_cast<int>(ids.size()) - 1) {
          b.Fact(EdgeType::kPartOf, e, ids[o.parent], sidx, sent.run.Span(pb, pe));
        }
      }
      // Only what was named is taken: a phrase that named nothing (赴南阳市 in free text) leaves
      // its characters to the event rules.
      if (mark && !named.empty())
        for (size_t k = pb + named.front().name_begin; k < pb + named.back().end; ++k) org_taken[k] = true;
      return ids;
    };

    // The place written at [pb, pe): the organisation mention that ends there (innermost), else
    // one named now, else a place by its position alone (玲珑溪谷, 阳雪食品: no suffix says so).
    auto resolve_place = [&](size_t pb, size_t pe) -> int {
      auto innermost_ending_at = [&]() {
        int best = -1;
        size_t best_begin = 0;
        for (const auto& m : mentions) {
          if (m.second.second != pe || m.second.first < pb) continue;
          if (b.Get(m.first).label != NodeLabel::kOrganization) continue;
          if (best < 0 || m.second.first > best_begin) best = m.first, best_begin = m.second.first;
        }
        return best;
      };
      int e = innermost_ending_at();
      // 社区市民健身中心: the mention inside (市民健身中心) is the item only when what comes before
      // it in the item is named too (淀山湖镇广日电气有限公司: the town, then the company).
      if (e >= 0) {
        size_t covered = pb;  // named characters from the item's start on (regions before a unit count)
        while (covered < pe && org_taken[covered]) ++covered;
        // Only regions and places may hold the innermost unit (青山办事处柳树社区); after an office
        // (区应急管理局指挥中心) the whole item is one place.
        bool regions_before = true;
        for (const auto& m : mentions)
          if (m.second.first >= pb && m.second.second <= pe && m.first != e &&
              b.Get(m.first).kind != "region" && b.Get(m.first).kind != "place")
            regions_before = false;
        if (covered >= pe && regions_before) return e;
        e = -1;
        for (size_t k = pb; k < pe; ++k) org_taken[k] = false;  // the whole item is named below
      }
      const bool named_inside = e < 0 && innermost_ending_at() >= 0;
      bool free = true;
      for (size_t k = pb; k < pe; ++k) free = free && !taken[k];
      if (!free) return -1;
      if (!named_inside && domain::OrgPhraseEnd(std::u32string_view(s).substr(0, pe), pb) == pe) {
        add_orgs(pb, pe, true);
        e = innermost_ending_at();
        if (e >= 0) return e;
        for (size_t k = pb; k < pe; ++k) free = free && !org_taken[k];
        if (!free) return -1;
      }
      const std::u32string_view text = std::u32string_view(s).substr(pb, pe - pb);
      e = b.Entity(NodeLabel::kOrganization, domain::ToUtf8(text), "place");
      std::u32string unquoted;
      for (char32_t c : text)
        if (c != U'“' && c != U'”' && c != U'"') unquoted += c;
      if (unquoted.size() != text.size()) b.Alias(e, domain::ToUtf8(unquoted));
      for (size_t k = pb; k < pe; ++k) org_taken[k] = true;
      note(e, pb, pe);
      return e;
    };

    // Title chains -> HOLDS_POSITION.
    for (const auto& t : titled[i]) {
      const int person = person_at(t.name_begin);
      if (person < 0) continue;
      int previous_org = -1;
      for (const auto& link : t.links) {
        // 提名副县长人选, 镇长提名人选: a nomination, not a post (the chain's other links are).
        if (std::u32string_view(s).substr(link.title_begin, link.title_end - link.title_begin) == U"人选") continue;
        std::vector<int> orgs;
        const std::u32string_view org_text =
            std::u32string_view(s).substr(link.org_begin, link.org_end - link.org_begin);
        if ((org_text == U"公司" || org_text == U"集团") && !company_entities.empty()) {
          // 公司董事长甲 after a company was named: the company named last before it in this
          // sentence, else the document's latest.
          int company = company_entities.back();
          size_t best = 0;
          for (int c : company_entities) {
            const std::u32string name = domain::ToU32(b.Get(c).name);
            const size_t at = std::u32string_view(s).substr(0, link.org_begin).rfind(name);
            if (at != std::u32string_view::npos && at + 1 > best) {
              best = at + 1;
              company = c;
            }
          }
          orgs.push_back(company);
          note(orgs.back(), link.org_begin, link.org_end);
          for (size_t k = link.org_begin; k < link.org_end; ++k) org_taken[k] = true;
        } else if (link.org_end > link.org_begin) {
          orgs = add_orgs(link.org_begin + VerbBeforeChainLength(org_text), link.org_end, true);
        }
        const std::u32string title(
            std::u32string_view(s).substr(link.title_begin, link.title_end - link.title_begin));
        // 海州区区长, 将乐县副县长: a head's post in the region written right before the title is at
        // that region's government.
        if (!orgs.empty() && b.Get(orgs.back()).kind == "region") {
          const std::u32string region = domain::ToU32(b.Get(orgs.back()).name);
          if (title.size() >= 2 && title.back() == U'长' && region.size() >= 2 &&
              title[title.size() - 2] == region.back())
            orgs.back() = LevelBody(b, region.back(), region, U"政府", "government");
        }
        // 市长/县长/镇长 without an organisation: the government of that level (市政府).
        if (orgs.empty() && link.org_end == link.org_begin) {
          const int gov = GovernmentOfHeadTitle(b, title, st.orgs);
          if (gov >= 0) orgs.push_back(gov);
        }
        // 市级人大代表X, 县政协委员Y: a deputy of the congress (conference) of that level.
        if (orgs.empty()) {
          const int body = BodyOfDeputy(b, std::u32string_view(s).substr(link.org_begin, link.org_end - link.org_begin),
                                        title, st.orgs);
          if (body >= 0) orgs.push_back(body);
        }
        // 市委常委、常务委员X: a link without an organisation shares the previous link's.
        if (orgs.empty() && link.org_end == link.org_begin && previous_org >= 0)
          orgs.push_back(previous_org);
        if (orgs.empty() || title == U"领导") continue;  // 区领导X: a person, not a position
        previous_org = orgs.back();
        Properties props;
        SetProperty(&props, "title", domain::ToUtf8(std::u32string_view(s).substr(
                                         link.title_begin, link.title_end - link.title_begin)));
        if (!article_date[sent.article].empty()) SetProperty(&props, "date", article_date[sent.article]);
        held_orgs[person].push_back(orgs.back());
        b.Fact(EdgeType::kHoldsPosition, person, orgs.back(), sidx,
               sent.run.Span(link.org_begin, t.name_end), props);
        // Title + name as written (县水利局局长甲, 县长乙): an alias to look the person up by;
        // a few per person, since a long career would otherwise list every post.
        if (b.Get(person).aliases.size() < kMaxPersonAliases) {
          const size_t from = link.org_begin + VerbBeforeChainLength(org_text);
          b.Alias(person, domain::ToUtf8(std::u32string_view(s).substr(from, link.title_end - from)) +
                              b.Get(person).name);
        }
      }
    }

    // A name before a head's title (何某副省长, 刘某省长): the government of that level; before
    // 总书记, the party's central committee.
    for (const auto& person : persons) {
      const size_t n = domain::Lexicon::Get("titles_after_names").LongestAt(s, person.end);
      if (n == 0) continue;
      const std::u32string title = s.substr(person.end, n);
      const int gov = title == U"总书记" ? b.Entity(NodeLabel::kOrganization, "党中央", "party")
                                          : GovernmentOfHeadTitle(b, title, st.orgs);
      if (gov < 0) continue;
      Properties props;
      SetProperty(&props, "title", domain::ToUtf8(title));
      if (!article_date[sent.article].empty()) SetProperty(&props, "date", article_date[sent.article]);
      held_orgs[person.entity].push_back(gov);
      b.Fact(EdgeType::kHoldsPosition, person.entity, gov, sidx, sent.run.Span(person.begin, person.end + n), props);
    }

    // Other organisations: phrases that start where a name can start (after punctuation, a
    // function word, a known mention, or at a tagger word that is a noun, place or organisation)
    // and end with a suffix.
    for (size_t p = 0; p < s.size(); ++p) {
      if (org_taken[p] || taken[p] || IsFunctionChar(s[p])) continue;
      bool boundary = p == 0 || !domain::IsCjk(s[p - 1]) || s[p - 1] == U'、' || taken[p - 1] ||
                      org_taken[p - 1] || IsFunctionChar(s[p - 1]);
      if (!sent.words.empty()) {
        const TaggedWord* w = WordStartingAt(sent, p);
        if (w == nullptr) {
          boundary = false;  // never start inside a word the tagger made
        } else if (IsNonNameTag(w->tag)) {
          boundary = false;
        } else {
          boundary = boundary || PreviousWordIsNonName(sent, p);
        }
      }
      if (!boundary) continue;
      size_t start = p + LeadingVerbLength(s, p);
      // A place that opens the phrase (石泉县谋划实施…项目) was named even when the phrase runs on
      // past it: bare 县委/县长 later on may be its.
      for (size_t e = start + 3; e <= s.size() && e <= start + 5; ++e) {
        if (std::u32string_view(U"市县镇乡区").find(s[e - 1]) == std::u32string_view::npos) continue;
        if (domain::OrgPhraseEnd(std::u32string_view(s).substr(0, e), start) == e)
          domain::NotePlace(std::u32string_view(s).substr(start, e - start), &st.orgs);
        break;
      }
      size_t pe = domain::OrgPhraseEnd(s, start);
      if (pe == start) continue;
      // With a tagger, a verb, preposition or time inside the phrase means it began too early:
      // restart after the last such word (会议通报近期高新区 -> 高新区).
      if (!sent.words.empty()) {
        size_t restart = start;
        for (const auto& w : sent.words) {
          // Brackets inside a name (广日电气(昆山)有限公司) are part of it.
          const bool bracket = w.cp_end == w.cp_begin + 1 && IsBracket(s[w.cp_begin]);
          if (w.cp_begin >= start && w.cp_end < pe && IsNonNameTag(w.tag) && !bracket) restart = w.cp_end;
        }
        if (restart > start) {
          start = restart;
          pe = domain::OrgPhraseEnd(s, start);
          if (pe == start) continue;
        }
      }
      bool overlap = false;
      for (size_t k = start; k < pe; ++k) overlap = overlap || org_taken[k] || taken[k];
      if (overlap) continue;
      add_orgs(start, pe, true, /*strict=*/true);
      p = pe - 1;
    }

    // Organisations named earlier in the document, wherever they appear again (after the scans
    // above, so that a known 经开区 does not cut 经开区青湖办事处 short).
    for (const auto& [surface, entity] : known_orgs) {
      for (size_t p = s.find(surface); p != std::u32string::npos; p = s.find(surface, p + 1)) {
        bool free = true;
        for (size_t k = p; k < p + surface.size(); ++k) free = free && !taken[k] && !org_taken[k];
        if (!free) continue;
        // Not when it is only the tail of a longer name (柳湾办事处 inside 高新区柳湾办事处 is
        // fine, but 办事处 alone is never a surface here: surfaces have 3+ characters).
        for (size_t k = p; k < p + surface.size(); ++k) org_taken[k] = true;
        note(entity, p, p + surface.size());
      }
    }

    // Events. Leaders first come in text order with the cues: a lead verb before a cue makes its
    // subject the actor of the clauses that follow.
    std::set<std::tuple<int, int, std::string>> visits_here;
    auto emit_visit = [&](int visitor, const std::vector<int>& co_actors, int target, TextSpan span) {
      if (sent.kind == BlockKind::kHeading) {
        headline_visits.push_back({sent.article, visitor, target, sidx, span});
        return;
      }
      st.body_visitors.insert(visitor);
      domain::Stop stop;
      stop.actor = visitor;
      stop.co_actors = co_actors;
      stop.target = target;
      stop.evidence = {sidx, span};
      stop.date = sentence_date;
      stop.time = sentence_time;
      st.episode.AddStop(stop);
    };
    // The sentence's stop lists, read once: the cue rules below leave their items to them.
    auto person_ends_at = [&](size_t pos) {
      for (const auto& p : persons)
        if (p.end == pos) return true;
      return false;
    };
    const std::vector<domain::StopList> stop_lists =
        sent.kind != BlockKind::kByline ? domain::FindStops(s, person_ends_at) : std::vector<domain::StopList>{};
    std::set<size_t> stop_item_begins;
    for (const auto& list : stop_lists)
      for (const auto& item : list.items) stop_item_begins.insert(item.begin);
    const std::vector<size_t> leads = LeadVerbPositions(s, persons);
    size_t next_lead = 0;
    size_t after_accompany = std::u32string::npos;  // end of the last 陪同 cue
    int sentence_actor = -1;  // who led or went somewhere earlier in this sentence
    for (const auto& cue : domain::FindEventCues(s)) {
      for (; next_lead < leads.size() && leads[next_lead] < cue.begin; ++next_lead) {
        const int leader = domain::SubjectBefore(s, persons, leads[next_lead]);
        if (leader >= 0) st.last_actor = sentence_actor = persons[leader].entity;
      }
      if (cue.begin < s.size() && org_taken[cue.begin]) continue;
      const int subj_i = domain::SubjectBefore(s, persons, cue.begin);
      switch (cue.kind) {
        case domain::CueKind::kVisit: {
          // 陪同调研/陪同检查: the companions' verb, not a visit of their own; 参加调研/一同检查:
          // members of the group (ReadJoiningCues), not its leader.
          if (cue.begin == after_accompany || domain::JoiningCueEndsAt(s, cue.end)) break;
          // 市长乙在A调研时陪同: the clause ends in 陪同, so its subject is a companion.
          if (domain::ClauseEndsAccompanying(s, cue.end)) break;
          int subject = -1;
          size_t subject_begin = cue.begin;
          std::vector<int> co_actors;
          if (subj_i >= 0 && domain::GuidesAGroup(s, persons[subj_i].end, cue.begin)) {
            subject = st.Leader();
          } else if (subj_i >= 0) {
            const domain::SubjectGroup g = domain::GroupOfSubject(s, persons, subj_i, cue.begin, st);
            subject = persons[g.head].entity;
            subject_begin = persons[g.head].begin;
            co_actors = g.co_actors;
            st.NoteDelegation(subject, co_actors);
          }
          // 调研组/视察组/一行 as the subject: the official who led it, with their delegation.
          if (subject < 0 && GroupSubjectBefore(s, cue.begin)) {
            subject = st.Leader();
            co_actors = st.DelegationOf(subject);
          }
          // 甲带领代表们,深入到乙: a clause that opens with the verb keeps the sentence's actor.
          if (subject < 0 && sentence_actor >= 0 &&
              (ClauseOpensWithVerb(s, cue.begin) || ClauseOpensWithPlace(s, cue.begin, org_taken)))
            subject = sentence_actor;
          if (subject < 0) break;
          st.last_actor = sentence_actor = subject;
          size_t t = cue.end;
          while (t < s.size() && (s[t] == U'了' || s[t] == U'到')) ++t;
          // 走进辖区某某小学: 辖区 says whose, the place follows it.
          for (std::u32string_view scope : {std::u32string_view(U"辖区内"), std::u32string_view(U"辖区")}) {
            if (std::u32string_view(s).substr(t, scope.size()) == scope) {
              t += scope.size();
              break;
            }
          }
          // A list of stops the tour reader reads whole (赴中心渔港和东沙避风港): its items are
          // named there, not cut short here at the first suffix (中心).
          if (domain::IsListOfMatters(s, t)) break;  // 调研了A和B、C等管理工作
          if (s.substr(cue.end, 2) == U"了解") break;  // 深入了解…: the verb is 了解
          if (stop_item_begins.count(t)) {
            st.last_visitor = subject;
            st.last_visit_date = sentence_date;
            break;
          }
          size_t pe = domain::OrgPhraseEnd(s, t);
          if (pe == t) {
            // 甲在乙调研: the place sits between 在 and the cue.
            const int at = OrganizationEndingAt(b, mentions, cue.begin);
            size_t mb = 0;
            for (const auto& m : mentions)
              if (m.first == at && m.second.second == cue.begin) mb = m.second.first;
            while (mb > 0 && org_taken[mb - 1]) --mb;  // to the start of the whole phrase
            if (at >= 0 && mb > 0 && s[mb - 1] == U'在') {
              if (visits_here.insert({subject, at, sentence_date}).second) {
                emit_visit(subject, co_actors, at, sent.run.Span(subject_begin, cue.end));
              }
              st.last_visitor = subject;
              st.last_visit_date = sentence_date;
              break;
            }
            // 察看了青龙湾码头、乙: a first item without a suffix; the list goes on after the 、.
            size_t sep = t;
            while (sep < s.size() && sep - t < 12 && s[sep] != U'、' && !domain::IsClauseBreak(s[sep])) ++sep;
            if (sep >= s.size() || s[sep] != U'、') break;
            t = sep + 1;
            pe = domain::OrgPhraseEnd(s, t);
            if (pe == t) break;
          }
          int parent_of_list = -1;
          while (true) {
            // 调研光伏项目, 深入企业研发中心: a matter or a kind of place, not a stop.
            if (!domain::IsNamedPlace(std::u32string_view(s).substr(t, pe - t))) break;
            auto ids = add_orgs(t, pe, true);
            if (!ids.empty()) {
              const int target = ids.back();
              if (ids.size() > 1) parent_of_list = ids[ids.size() - 2];
              (void)parent_of_list;
              // 镇党委书记甲带队检查本镇辖区…工作: the leader's own town is where the work is,
              // not a place he went to.
              const bool own_place = IsOwnJurisdiction(b, held_orgs, subject, target);
              if (!own_place && visits_here.insert({subject, target, sentence_date}).second) {
                emit_visit(subject, co_actors, target, sent.run.Span(std::min(subject_begin, t), pe));
              }
              if (!own_place) {
                st.last_visitor = subject;
                st.last_visit_date = sentence_date;
              }
            }
            // 来到甲、乙 / 来到甲和乙.
            if (pe < s.size() && (s[pe] == U'、' || s[pe] == U'和' || s[pe] == U'及')) {
              const size_t next = domain::OrgPhraseEnd(s, pe + 1);
              if (next == pe + 1) break;
              t = pe + 1;
              pe = next;
              continue;
            }
            break;
          }
          break;
        }
        case domain::CueKind::kAccompany: {
          after_accompany = cue.end;
          int host = st.Leader();
          // 甲在乙、丙陪同下,深入…: the host is the subject before 在, who acts next.
          const int framed_host = HostBeforeAccompanyFrame(s, persons, cue);
          if (framed_host >= 0) st.last_actor = sentence_actor = host = framed_host;
          // 市委书记甲陪同副省长乙到A调研: the host is named after the cue.
          const int named_host = HostAfterAccompanyCue(s, persons, cue);
          if (named_host >= 0) st.last_actor = sentence_actor = host = named_host;
          if (host < 0) break;
          for (int k : domain::CompanionsBefore(s, persons, cue.begin)) {
            const int companion = persons[k].entity;
            if (companion == host) continue;
            Properties props;
            if (!st.last_visit_date.empty()) SetProperty(&props, "date", st.last_visit_date);
            b.Fact(EdgeType::kAccompanied, companion, host, sidx,
                   sent.run.Span(persons[k].begin, cue.end), props);
          }
          break;
        }
        case domain::CueKind::kPreside:
        case domain::CueKind::kAttend: {
          if (subj_i < 0) break;
          size_t t = cue.end;
          size_t pe = domain::OrgPhraseEnd(s, t);
          if (pe == t) break;
          auto ids = add_orgs(t, pe, true);
          if (ids.empty()) break;
          Properties props;
          if (!sentence_date.empty()) SetProperty(&props, "date", sentence_date);
          b.Fact(cue.kind == domain::CueKind::kPreside ? EdgeType::kPresided : EdgeType::kAttended,
                 persons[subj_i].entity, ids.back(), sidx, sent.run.Span(persons[subj_i].begin, pe),
                 props);
          break;
        }
        case domain::CueKind::kDonate: {
          if (subj_i < 0) break;
          // 甲向乙捐赠 / 甲捐给乙: the recipient sits between subject and cue after 向/为/给, or
          // right after the cue.
          size_t rb = 0, re = 0;
          for (size_t k = persons[subj_i].end; k < cue.begin; ++k) {
            if (s[k] == U'向' || s[k] == U'为' || s[k] == U'给') {
              size_t pe = domain::OrgPhraseEnd(s, k + 1);
              if (pe > k + 1) {
                rb = k + 1;
                re = pe;
                break;
              }
            }
          }
          if (re == 0) {
            size_t pe = domain::OrgPhraseEnd(s, cue.end);
            if (pe > cue.end) {
              rb = cue.end;
              re = pe;
            }
          }
          if (re == 0) break;
          auto ids = add_orgs(rb, re, true);
          if (ids.empty()) break;
          Properties props;
          if (!sentence_date.empty()) SetProperty(&props, "date", sentence_date);
          size_t what_end = cue.end;
          while (what_end < s.size() && !domain::IsClauseBreak(s[what_end]) && what_end - cue.end < 20)
            ++what_end;
          if (what_end > cue.end && re <= cue.begin)
            SetProperty(&props, "what", domain::ToUtf8(std::u32string_view(s).substr(cue.end, what_end - cue.end)));
          b.Fact(EdgeType::kDonatedTo, persons[subj_i].entity, ids.back(), sidx,
                 sent.run.Span(persons[subj_i].begin, std::max(re, cue.end)), props);
          break;
        }
      }
    }

    // Tours: stops whose subject sits in another clause or sentence, and who went along.
    if (sent.kind != BlockKind::kByline) {
      const SentenceView view{s, sent.run, sidx, persons, taken, sentence_date, sentence_time,
                              sent.kind == BlockKind::kHeading};
      if (!view.headline) domain::ReadJoiningCues(view, &st);
      domain::ReadTourStops(view, stop_lists, [&](size_t pb, size_t pe) { return resolve_place(pb, pe); }, &st);
    }

    // Co-mentions and mentions.
    std::sort(mentions.begin(), mentions.end());
    std::vector<int> distinct;
    for (const auto& m : mentions) {
      if (distinct.empty() || distinct.back() != m.first) distinct.push_back(m.first);
      auto key = std::make_pair(m.first, adoc);
      mentioned_in[key]++;
      mentioned_first.emplace(key, std::make_pair(sidx, sent.run.Span(m.second.first, m.second.second)));
    }
    // A sentence naming dozens of entities is a list, not a relation between them: co-mentions
    // there would grow with the square of its length and say nothing.
    if (options_.co_mentions && distinct.size() <= kMaxCoMentionEntities) {
      for (size_t x = 0; x < distinct.size(); ++x) {
        for (size_t y = x + 1; y < distinct.size(); ++y) {
          auto key = std::make_pair(distinct[x], distinct[y]);
          auto it = co_mentions.find(key);
          if (it == co_mentions.end())
            co_mentions.emplace(key, CoMention{sidx, sent.run.Whole(), 1});
          else
            it->second.weight++;
        }
      }
    }
  }

  // The episodes' visits and the companions who joined a group, article by article.
  for (size_t a = 0; a < articles.size(); ++a) {
    for (domain::Stop stop : states[a].headline_stops) {
      if (states[a].body_visitors.count(stop.actor)) continue;
      stop.date = article_date[a];
      stop.time.clear();
      states[a].episode.AddStop(stop);
    }
    // Nobody visits their own town or their own office (a member of the group who heads the
    // host unit is there already).
    auto own_place = [&](int visitor, int target) {
      auto it = held_orgs.find(visitor);
      if (it != held_orgs.end() && std::count(it->second.begin(), it->second.end(), target)) return true;
      return IsOwnJurisdiction(b, held_orgs, visitor, target);
    };
    for (const auto& v : states[a].episode.Visits(own_place)) {
      Properties props;
      if (!v.date.empty()) SetProperty(&props, "date", v.date);
      if (!v.time.empty()) SetProperty(&props, "time", v.time);
      b.Fact(EdgeType::kVisited, v.visitor, v.target, v.evidence.sentence, v.evidence.span, props);
    }
    for (const auto& c : states[a].episode.MemberCompanions()) {
      Properties props;
      if (!states[a].last_visit_date.empty()) SetProperty(&props, "date", states[a].last_visit_date);
      b.Fact(EdgeType::kAccompanied, c.companion, c.host, c.evidence.sentence, c.evidence.span, props);
    }
  }
  DropRepeatedCompanions(&out);

  // Headline visits: dropped when the body reports a visit by the same person (it has the date
  // and the full name of the place, the headline an abbreviation), else dated by the article.
  for (const auto& hv : headline_visits) {
    if (states[hv.article].body_visitors.count(hv.visitor)) continue;
    Properties props;
    if (!article_date[hv.article].empty()) SetProperty(&props, "date", article_date[hv.article]);
    b.Fact(EdgeType::kVisited, hv.visitor, hv.target, hv.sentence, hv.span, props);
  }

  if (options_.co_mentions) {
    for (const auto& [pair, cm] : co_mentions) {
      Properties props;
      SetProperty(&props, "weight", std::to_string(cm.weight));
      b.Fact(EdgeType::kCoMentioned, pair.first, pair.second, cm.sentence, cm.span, props);
    }
    for (const auto& [key, count] : mentioned_in) {
      Properties props;
      SetProperty(&props, "count", std::to_string(count));
      const auto& first = mentioned_first[key];
      b.Fact(EdgeType::kMentionedIn, key.first, key.second, first.first, first.second, props);
    }
  }

  // Document properties.
  for (size_t a = 0; a < articles.size(); ++a) {
    auto& rec = out.entities[article_doc[a]];
    if (!articles[a].title.empty()) SetProperty(&rec.props, "title", articles[a].title);
    if (!article_date[a].empty()) SetProperty(&rec.props, "date", article_date[a]);
  }
  auto& page = out.entities[page_doc];
  if (!out.title.empty()) SetProperty(&page.props, "title", out.title);
  if (!out.date.empty()) SetProperty(&page.props, "date", out.date);
  if (!out.byline.empty()) SetProperty(&page.props, "byline", out.byline);
  const std::string url = doc.url.empty() ? std::string(domain::LeadingAddress(out.text)) : doc.url;
  if (!url.empty()) SetProperty(&page.props, "url", url);
  if (!out.source.empty()) SetProperty(&page.props, "source", out.source);
  SetProperty(&page.props, kRulesStampProperty, kRulesVersion);
  domain::MergeShortCompanyNames(&out);  // `page` and the indices above are stale after it

  domain::ResolutionContext resolution;
  resolution.page_doc = doc.source_key;
  for (int idx : article_doc) resolution.article_docs.push_back(out.entities[idx].name);
  resolution.article_regions = article_region;
  resolution.unknown_place_scope = domain::UnknownPlaceScope(doc, url);
  domain::ResolveIdentities(resolution, &out);  // last: scopes follow every name's final form
  return out;
}

}  // namespace tupu
