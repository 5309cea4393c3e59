// Stops of a tour (see domain_stops.h): lists after tour verbs and 在-frames, read by position.
#include "extract/domain_stops.h"

#include <algorithm>
#include <string>

#include "extract/domain_gazetteer.h"
#include "extract/domain_lexicon.h"
#include "extract/domain_organization_names.h"
#include "extract/domain_text.h"
#include "extract/domain_title_lexicon.h"

namespace tupu::domain {
namespace {

constexpr size_t kMaxItem = 40;   // longer "places" are sentences read wrong
constexpr size_t kMaxList = 160;  // a list runs at most this far from its verb

const Lexicon& Lex(std::string_view name) { return Lexicon::Get(name); }

bool IsClauseEndChar(char32_t c) { return IsClauseBreak(c) || c == U'\n'; }

size_t ClauseStart(std::u32string_view s, size_t pos) {
  while (pos > 0 && !IsClauseEndChar(s[pos - 1])) --pos;
  return pos;
}

// Steps back over adverbs (先后, 随后, 又 ...) that end at `pos`, not past `floor`.
size_t SkipAdverbsBack(std::u32string_view s, size_t pos, size_t floor) {
  for (;;) {
    const size_t n = Lex("clause_adverbs").LongestEndingAt(s, pos);
    if (n == 0 || pos - n < floor) return pos;
    pos -= n;
  }
}

// True when what precedes `pos` in its clause can be the subject of a tour verb or of 在: nothing
// (the clause keeps the previous subject), a person, a group, or people (…负责人赴A).
bool SubjectSlotBefore(std::u32string_view s, size_t pos, const PersonEndsAt& person_ends_at) {
  const size_t clause = ClauseStart(s, pos);
  const size_t p = SkipAdverbsBack(s, pos, clause);
  if (p == clause || person_ends_at(p)) return true;
  // 王丰副书记先后来到A: a person named before his title.
  const size_t title = TitleLengthEndingAt(s, p);
  if (title > 0 && title < p && person_ends_at(p - title)) return true;
  if (Lex("group_nouns").LongestEndingAt(s, p) > 0 || Lex("people_nouns").LongestEndingAt(s, p) > 0)
    return true;
  // 并到A, 随后到A, 在甲陪同下到A
  return s[p - 1] == U'并' || s[p - 1] == U'后' || s[p - 1] == U'下';
}

// True when the clause starting at `pos` opens with who acts: a person (after a title, within a
// few characters), a group or people (在A,甲查看… / 在A,调研组走进… / 在A,区领导一行…).
bool ActorOpensClause(std::u32string_view s, size_t pos, const PersonEndsAt& person_ends_at) {
  constexpr size_t kMaxTitledName = 20;
  for (size_t e = pos + 1; e <= s.size() && e - pos <= kMaxTitledName; ++e) {
    if (IsClauseEndChar(s[e - 1])) return false;
    if (person_ends_at(e) || Lex("group_nouns").LongestEndingAt(s, e) > 0 ||
        Lex("people_nouns").LongestEndingAt(s, e) > 0)
      return true;
  }
  return false;
}

// Length of a list ender (调研, 听取, 向) at s[i]; 0 where the word is the start of a name's last
// part instead (甘蔗研究中心, 交流中心: a unit's ending follows it).
size_t EnderAt(std::u32string_view s, size_t i) {
  const size_t n = Lex("stop_list_enders").LongestAt(s, i);
  if (n > 1 && Lex("place_endings").LongestAt(s, i + n) > 0) return 0;
  return n;
}

// True when the clause at `pos` opens with an inspection or tour verb, its subject left out
// (在A,察看了…: whoever the article follows went there).
bool VerbOpensClause(std::u32string_view s, size_t pos) {
  const size_t at = s.substr(pos, 2) == U"实地" ? pos + 2 : pos;
  return Lex("inspect_verbs").LongestAt(s, at) > 0 || Lex("tour_verbs").LongestAt(s, at) > 1;
}

// Removes what opens an item without being its name: 了, 辖区(内), 位于…的.
void TrimItem(std::u32string_view s, StopItem* item) {
  while (item->begin < item->end && (s[item->begin] == U'了' || IsBlank(s[item->begin])))
    ++item->begin;
  for (std::u32string_view scope : {std::u32string_view(U"辖区内"), std::u32string_view(U"辖区")}) {
    if (s.substr(item->begin, scope.size()) == scope) {
      item->begin += scope.size();
      break;
    }
  }
  // 位于天凝镇工业园区的A公司: the place is what follows the last 的; but in 杏林村的大棚建设
  // nothing after it is a place, and the place is the owner before the first 的.
  const std::u32string_view text = s.substr(item->begin, item->end - item->begin);
  const size_t de = text.rfind(U'的');
  if (de != std::u32string_view::npos) {
    const std::u32string_view owner = text.substr(0, text.find(U'的'));
    const std::u32string_view owned = text.substr(de + 1);
    const bool owned_is_place = HasPlaceEnding(owned) && IsNamedPlace(owned);
    if (!owned_is_place && HasPlaceEnding(owner) && IsNamedPlace(owner))
      item->end = item->begin + owner.size();
    else
      item->begin += de + 1;
  }
  // 杏花村、柳树村两个村: a count of the places just listed ends the last one.
  for (size_t k = item->begin + 2; k + 1 < item->end; ++k) {
    const bool numeral = IsAsciiDigit(s[k]) || std::u32string_view(U"两二三四五六七八九十几多").find(s[k]) !=
                                                   std::u32string_view::npos;
    if (numeral && (s[k + 1] == U'个' || s[k + 1] == U'家' || s[k + 1] == U'处')) {
      item->end = k;
      break;
    }
  }
  // 石佛办事处各核酸检测点, 甲镇部分村组: the place is what comes before the quantifier.
  for (std::u32string_view q : {std::u32string_view(U"各"), std::u32string_view(U"所属"),
                                std::u32string_view(U"下属"), std::u32string_view(U"辖区"),
                                std::u32string_view(U"部分")}) {
    const size_t at = s.substr(item->begin, item->end - item->begin).find(q);
    if (at != std::u32string_view::npos && at >= 2) item->end = item->begin + at;
  }
  while (item->end > item->begin && IsBlank(s[item->end - 1])) --item->end;
}

// True when a 和/及/与 at `pos` separates two places (甲公司和乙村, 八角亭邻里汇和社区健身中心),
// not a word (和平村) or a matter (综合利用与生态修复项目): after a place ending, or for 和/及
// after three characters or more when a place ending follows.
bool IsListConjunction(std::u32string_view s, size_t item_begin, size_t pos, size_t list_end) {
  const size_t n = s.substr(pos, 2) == U"以及" ? 2 : 1;
  if (n == 1 && std::u32string_view(U"和及与").find(s[pos]) == std::u32string_view::npos) return false;
  if (pos <= item_begin + 1) return false;
  if (HasPlaceEnding(s.substr(item_begin, pos - item_begin))) return true;
  if (s[pos] == U'与' || pos - item_begin < 3) return false;
  const size_t next = pos + n;
  size_t e = next;
  while (e < list_end && s[e] != U'、') ++e;
  return e - next >= 2 && HasPlaceEnding(s.substr(next, e - next));
}

// What the words after a list's 等 (at `pos`) say its items are.
enum class ListKind {
  kUnsaid,   // 等 closes nothing, or no 等
  kPlaces,   // 等地, 等辖区内重点企业, 等项目建设工地, 等10个视察点
  kMatters,  // 等情况, 等管理工作: what was looked at, not where
};

ListKind KindAfterDeng(std::u32string_view s, size_t pos) {
  constexpr size_t kMaxTail = 12;
  // A、B等的建设情况: the matter belongs to the items, which are what they are.
  if (pos < s.size() && s[pos] == U'的') return ListKind::kUnsaid;
  for (size_t e = pos + 1; e <= s.size() && e - pos <= kMaxTail; ++e) {
    if (IsClauseEndChar(s[e - 1])) return ListKind::kUnsaid;
    if (Lex("matter_endings").LongestEndingAt(s, e) > 0) return ListKind::kMatters;
    if (Lex("generic_places").LongestEndingAt(s, e) > 0 || Lex("class_nouns").LongestEndingAt(s, e) > 0 ||
        Lex("place_endings").LongestEndingAt(s, e) > 0)
      return ListKind::kPlaces;
  }
  return ListKind::kUnsaid;
}

// Where the list that starts at `start` ends, and what its closing 等 says its items are: places
// whatever their endings (`A、B等项目`, `A、B等地`), or matters (`A和B、C等管理工作`).
size_t ListEnd(std::u32string_view s, size_t start, ListKind* kind) {
  *kind = ListKind::kUnsaid;
  size_t i = start;
  size_t item_begin = start;
  for (; i < s.size() && i - start < kMaxList; ++i) {
    if (IsClauseEndChar(s[i])) break;
    if (s[i] == U'等') {
      *kind = KindAfterDeng(s, i + 1);
      break;
    }
    // 到A公司向职工…: a one-character ender (向, 为, 就) ends the list only after a place, since
    // it also sits inside names (新方向科技, 为民超市).
    const size_t ender = EnderAt(s, i);
    if (ender > 1 || (ender == 1 && (i == item_begin || HasPlaceEnding(s.substr(item_begin, i - item_begin)))))
      break;
    if (i > start && (Lex("tour_verbs").LongestAt(s, i) > 1 || Lex("inspect_verbs").LongestAt(s, i) > 1)) break;
    if (s[i] == U'、') item_begin = i + 1;
  }
  return i;
}

// Cuts [begin, end) into items at 、 and at conjunctions between places.
std::vector<StopItem> SplitItems(std::u32string_view s, size_t begin, size_t end) {
  std::vector<StopItem> items;
  size_t b = begin;
  for (size_t i = begin; i <= end; ++i) {
    const bool sep = i == end || s[i] == U'、' || (i > b && IsListConjunction(s, b, i, end));
    if (!sep) continue;
    StopItem item{b, i};
    TrimItem(s, &item);
    if (item.end > item.begin) items.push_back(item);
    b = i + (i < end && s.substr(i, 2) == U"以及" ? 2 : 1);
  }
  return items;
}

// The items of a list that name places; `need_place_ending` for the object of 察看/考察 (a matter
// as often as a place) unless the list closed with 等 + a place noun.
// The items of a list that name places. An item needs a place ending (馆, 村, 有限公司) unless
// its list shows it is a list of places: closed by 等 + a place noun (`A、B等重点企业`), or with
// another item that has one (`圣农博物馆、玲珑溪谷`), or after a verb of going somewhere
// (`来到华微电子就…`: what one comes to is a place).
std::vector<StopItem> NamedItems(std::u32string_view s, const std::vector<StopItem>& items,
                                 bool closed_by_place) {
  bool placey = closed_by_place;
  if (items.size() >= 2)
    for (const auto& it : items) placey = placey || HasPlaceEnding(s.substr(it.begin, it.end - it.begin));
  std::vector<StopItem> out;
  for (const auto& it : items) {
    const std::u32string_view text = s.substr(it.begin, it.end - it.begin);
    if (IsNamedPlace(text) && (placey || HasPlaceEnding(text))) out.push_back(it);
  }
  return out;
}

// 察看了A、B等旧村改造项目和C等城中村改造项目: after a list closed by 等 + a kind of place (at
// `deng`), 和/及 + a second list closed the same way is more of the same stops.
void ReadSecondList(std::u32string_view s, size_t deng, StopList* out) {
  constexpr size_t kMaxKind = 12;
  for (size_t j = deng + 2; j < s.size() && j - deng <= kMaxKind; ++j) {
    if (IsClauseEndChar(s[j])) return;
    if (s[j] != U'和' && s[j] != U'及') continue;
    if (!HasPlaceEnding(s.substr(deng + 1, j - deng - 1))) continue;
    ListKind kind = ListKind::kUnsaid;
    const size_t end = ListEnd(s, j + 1, &kind);
    if (kind != ListKind::kPlaces || end <= j + 1) return;
    for (const auto& item : NamedItems(s, SplitItems(s, j + 1, end), /*closed_by_place=*/true))
      out->items.push_back(item);
    out->after = end;
    return;
  }
}

// A list after a tour or inspection verb at `i`; false when none starts there.
bool ReadVerbList(std::u32string_view s, size_t i, const PersonEndsAt& person_ends_at, StopList* out) {
  // The longest verb of either kind; which kind matters only through `motion` below.
  const size_t n = std::max(Lex("tour_verbs").LongestAt(s, i), Lex("inspect_verbs").LongestAt(s, i));
  if (n == 0 || !SubjectSlotBefore(s, i, person_ends_at)) return false;
  size_t start = i + n;
  // 调研组, 检查员: the group or the rank, not the verb.
  if (start < s.size() && std::u32string_view(U"组员团").find(s[start]) != std::u32string_view::npos)
    return false;
  // 走访中发现, 调研时, 视察后: when, not where. (到中心渔港 is a place: only for verbs that are not
  // plain motion.)
  const bool motion = s[i + n - 1] == U'到' || s[i + n - 1] == U'赴' || s.substr(i + n - 2, 2) == U"来到" ||
                      s.substr(i + n - 2, 2) == U"前往" || s.substr(i, 2) == U"走进";
  if (!motion && start < s.size() && std::u32string_view(U"中时后").find(s[start]) != std::u32string_view::npos)
    return false;
  // 深入了解…: the verb is 了解, and what follows is a matter.
  if (s.substr(start, 2) == U"了解" || (s[i + n - 1] == U'了' && start < s.size() && s[start] == U'解')) return false;
  while (start < s.size() && s[start] == U'了') ++start;
  ListKind kind = ListKind::kUnsaid;
  const size_t end = ListEnd(s, start, &kind);
  if (end <= start || kind == ListKind::kMatters) return false;
  const bool closed = kind == ListKind::kPlaces;
  out->cue_begin = i;
  out->cue_end = i + n;
  out->clause_begin = ClauseStart(s, i);
  out->after = end;
  out->frame = false;
  out->items = NamedItems(s, SplitItems(s, start, end), closed || (motion && s[i + n - 1] != U'入'));
  if (closed) ReadSecondList(s, end, out);
  return !out->items.empty();
}

// A frame 在A, / 在A、B调研时, / 甲在A调研 at `i` (s[i] == 在); false when none.
bool ReadFrame(std::u32string_view s, size_t i, const PersonEndsAt& person_ends_at, StopList* out) {
  if (s[i] != U'在' || !SubjectSlotBefore(s, i, person_ends_at)) return false;
  size_t end = i + 1;
  while (end < s.size() && end - i <= kMaxList && !IsClauseEndChar(s[end]) && EnderAt(s, end) == 0) ++end;
  if (end >= s.size() || end == i + 1) return false;
  // 在会上, 在讲话中, 在甲陪同下: where or how, not a place gone to; also when the postposition
  // sits inside the phrase (在讲话中代表县委…, 在统战部安排下到…).
  const char32_t last = s[end - 1];
  if (std::u32string_view(U"上中下里内前后间时").find(last) != std::u32string_view::npos) return false;
  for (size_t k = i + 1; k < end; ++k)
    if (Lex("frame_breakers").LongestAt(s, k) > 0) return false;
  const bool at_break = IsClauseEndChar(s[end]);
  if (at_break ? !ActorOpensClause(s, end + 1, person_ends_at) && !VerbOpensClause(s, end + 1)
               : Lex("inspect_verbs").LongestAt(s, end) == 0 && Lex("tour_verbs").LongestAt(s, end) == 0 &&
                     s.substr(end, 2) != U"实地")
    return false;
  out->cue_begin = i;
  out->cue_end = i + 1;
  out->clause_begin = ClauseStart(s, i);
  out->after = end;
  out->frame = at_break;
  out->items = NamedItems(s, SplitItems(s, i + 1, end), /*closed_by_place=*/false);
  return !out->items.empty();
}

}  // namespace

bool IsListOfMatters(std::u32string_view s, size_t start) {
  ListKind kind = ListKind::kUnsaid;
  ListEnd(s, start, &kind);
  return kind == ListKind::kMatters;
}

bool HasPlaceEnding(std::u32string_view item) {
  if (Lex("place_endings").LongestEndingAt(item, item.size()) > 0) return true;
  UnitKind kind;
  bool generic;
  return OrgSuffixEndingAt(item, item.size(), &kind, &generic) > 0;
}

bool IsNamedPlace(std::u32string_view item) {
  if (item.size() < 2 || item.size() > kMaxItem) return false;
  // A division the gazetteer knows is named, whatever its words (南部县 opens like 南部企业).
  if (!Gazetteer::Get().Named(item).empty()) return true;
  size_t cjk = 0;
  for (char32_t c : item) cjk += IsCjk(c);
  if (cjk < 2) return false;
  if (Lex("generic_places").Contains(item) || Lex("generic_place_openers").IsPrefixOf(item)) return false;
  if (Lex("matter_endings").LongestEndingAt(item, item.size()) > 0) return false;
  if (item.find(U"家中") != std::u32string_view::npos || item.find(U'%') != std::u32string_view::npos)
    return false;
  // 复工复产企业, 矿山企业和东部苏木镇: a class of places, or a description holding one.
  for (size_t e = 2; e <= item.size(); ++e)
    if (Lex("class_nouns").LongestEndingAt(item, e) > 0) return false;
  // 73人返岗, 5户: a count of people, not a place.
  for (size_t i = 0; i + 1 < item.size(); ++i)
    if (IsAsciiDigit(item[i]) && std::u32string_view(U"人名户次").find(item[i + 1]) != std::u32string_view::npos)
      return false;
  // A generic word with a generic head (村组, 镇村, 生产车间) stays generic: the part before the
  // longest generic ending must itself say something.
  // 光伏项目, 包挂重点项目: a generic ending after two characters or fewer is a kind, not a name.
  const size_t g = Lex("generic_places").LongestEndingAt(item, item.size());
  if (g > 0 && Lex("generic_places").Contains(item.substr(0, item.size() - g))) return false;
  const size_t k = Lex("kind_endings").LongestEndingAt(item, item.size());
  if (k > 0 && item.size() - k <= 2) return false;
  return true;
}

bool ClauseNamesGroup(std::u32string_view s, size_t clause_begin, size_t pos) {
  for (size_t e = pos; e > clause_begin; --e)
    if (Lex("group_nouns").LongestEndingAt(s.substr(clause_begin), e - clause_begin) > 0) return true;
  return false;
}

std::vector<StopList> FindStops(std::u32string_view s, const PersonEndsAt& person_ends_at) {
  std::vector<StopList> out;
  for (size_t i = 0; i < s.size(); ++i) {
    StopList list;
    if (ReadFrame(s, i, person_ends_at, &list) || ReadVerbList(s, i, person_ends_at, &list)) {
      i = list.after > i ? list.after - 1 : i;
      out.push_back(std::move(list));
    }
  }
  return out;
}

}  // namespace tupu::domain
