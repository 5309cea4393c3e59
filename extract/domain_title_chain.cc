// Title chain grammar (see domain_title_chain.h):
//   chain := link ('、' link)* name
//   link  := org-phrase? title
// The org phrase of a link is read backwards from its title up to a character that cannot be in
// an organisation name; a title preceded by a quoted group (“三委”成员) keeps the quotes.
#include "extract/domain_title_chain.h"

#include "extract/domain_lexicon.h"

#include "extract/domain_organization_names.h"
#include "extract/domain_person_names.h"
#include "extract/domain_text.h"
#include "extract/domain_title_lexicon.h"

namespace tupu::domain {
namespace {

constexpr size_t kMaxOrgPhrase = 40;
constexpr size_t kMaxLinks = 16;  // a 50-title chain keeps its last 16 links

// A name after a title that starts with no Han surname: Mongolian, Tibetan, Uyghur and other
// names (巴特尔, 宝龙, 买买提明·卡德). The title is the anchor; the name is the shortest run of two
// to four characters (or two parts joined by ·) after which a name can end, with no function
// character inside. 0 when none.
size_t UnsurnamedNameAt(std::u32string_view s, size_t i) {
  constexpr size_t kMaxPlain = 4, kMaxDotted = 12;
  static const std::u32string_view kFunction = U"的了在是与及等对为将把被从到就也都还又再已着过";
  if (i >= s.size() || StartsNonNameWord(s, i)) return 0;
  bool dotted = false;
  for (size_t n = 1; i + n <= s.size() && n <= kMaxDotted; ++n) {
    const char32_t c = s[i + n - 1];
    if (c == U'·' || c == U'•' || c == U'\u00B7') {
      if (dotted || n == 1) return 0;
      dotted = true;
      continue;
    }
    if (!IsCjk(c) || kFunction.find(c) != std::u32string_view::npos) return 0;
    if (!dotted && n > kMaxPlain) return 0;
    const bool dot_next = i + n < s.size() && (s[i + n] == U'·' || s[i + n] == U'•');
    // A title inside (镇长柳青) means the run is a title and a name, not a name.
    if (n >= 2 && TitleLengthEndingAt(s, i + n) > 0) return 0;
    if (n >= 2 && !dot_next && CanEndName(s, i + n))
      return IsPlausibleUnsurnamedName(s.substr(i, n)) ? n : 0;
  }
  return 0;
}

// True when the name read after a title is a role or a word after all (主任委员, 书记同志).
// A name without a Han surname needs a post as its anchor: after 领导, 负责人 or 代表 the words
// that follow are as often a verb or an adverb (班子领导多次带队).
bool RejectedAfterTitle(std::u32string_view name, std::u32string_view next, std::u32string_view title) {
  if (name.size() > 2 && IsBlank(name[1])) return false;  // 钱  红: checked by SpacedNameAt
  const bool han = name.find(U'·') == std::u32string_view::npos && SurnameLengthAt(name, 0) > 0 &&
                   IsPlausibleName(name);
  const bool weak = Lexicon::Get("weak_titles").LongestEndingAt(title, title.size()) == title.size();
  // 成员单位, 代表团体: after a weak anchor a frequent word is the noun the title belongs to.
  if (han) return IsRoleNotName(name, next) || (weak && Lexicon::Get("common_words").Contains(name));
  if (!IsPlausibleUnsurnamedName(name)) return true;
  if (weak) return true;
  for (std::u32string_view role : {std::u32string_view(U"同志"), std::u32string_view(U"老师")})
    if (next.substr(0, role.size()) == role) return true;
  return false;
}

// Where a short note in brackets that ends at `end` (副主委(兼), 主任(正处级)) begins; `end` itself
// when there is none.
size_t BeforeBracketNote(std::u32string_view s, size_t end, size_t floor) {
  constexpr size_t kMaxNote = 6;
  if (end == 0 || (s[end - 1] != U')' && s[end - 1] != U'\uFF09')) return end;
  for (size_t k = end - 1; k > floor && end - k <= kMaxNote + 1; --k)
    if (s[k - 1] == U'(' || s[k - 1] == U'\uFF08') return k - 1;
  return end;
}

// A two-character name spaced for width in a list (钱  红): a surname, one to three blanks, one
// character, then where a name can end. Its length with the blanks; 0 when none.
size_t SpacedNameAt(std::u32string_view s, size_t i) {
  constexpr size_t kMaxBlanks = 3;
  if (SurnameLengthAt(s, i) != 1) return 0;
  size_t j = i + 1;
  while (j < s.size() && j - i - 1 < kMaxBlanks && IsBlank(s[j])) ++j;
  if (j == i + 1 || j >= s.size() || !IsCjk(s[j]) || !CanEndName(s, j + 1)) return 0;
  const std::u32string joined{s[i], s[j]};
  return IsPlausibleName(joined) ? j + 1 - i : 0;
}

// Where the organisation of a link ends. 统战部长, 公安局长: the head of a department written
// with the department's last character shared by the title (统战部 + 部长), so the organisation
// takes that character too.
size_t OrgEndBeforeTitle(std::u32string_view s, size_t org_begin, size_t title_begin, size_t title_end) {
  const bool head_title = title_end == title_begin + 2 && s[title_begin + 1] == U'长' &&
                          std::u32string_view(U"部局厅处科").find(s[title_begin]) != std::u32string_view::npos;
  if (head_title && org_begin + 2 <= title_begin && s[title_begin - 1] != s[title_begin]) return title_begin + 1;
  return title_begin;
}

// Name at s[i] that ends where a name can end; prefers the longer form.
size_t AnchoredNameAt(std::u32string_view s, size_t i) {
  if (const size_t spaced = SpacedNameAt(s, i)) return spaced;
  const size_t unsurnamed = UnsurnamedNameAt(s, i);
  if (unsurnamed > 0 && s.substr(i, unsurnamed).find(U'·') != std::u32string_view::npos) return unsurnamed;
  size_t len = NameLengthAt(s, i);
  if (len == 0) return unsurnamed;
  if (CanEndName(s, i + len)) return len;
  if (len == 3 && SurnameLengthAt(s, i) == 1 && CanEndName(s, i + 2) &&
      IsPlausibleName(s.substr(i, 2)))
    return 2;
  return 0;
}

size_t TitleStart(std::u32string_view s, size_t title_end, size_t title_len) {
  size_t b = title_end - title_len;
  // “三委”成员: a quoted group right before the title belongs to it.
  if (b > 0 && (s[b - 1] == U'”' || s[b - 1] == U'"')) {
    for (size_t k = b - 1; k > 0 && b - k < 8; --k) {
      if (s[k - 1] == U'“' || s[k - 1] == U'"') return k - 1;
    }
  }
  return b;
}

}  // namespace

bool CanEndName(std::u32string_view s, size_t i) {
  if (i >= s.size()) return true;
  const char32_t c = s[i];
  if (!IsCjk(c)) return true;  // punctuation, digits, the end of a line
  return StartsNonNameWord(s, i) || c == U'、';
}

std::vector<TitledName> FindTitledNames(std::u32string_view s) {
  std::vector<TitledName> out;
  size_t floor = 0;  // chains do not reach back before the previous name
  for (size_t e = 2; e < s.size(); ++e) {
    const size_t tlen = TitleLengthEndingAt(s, e);
    if (tlen == 0) continue;
    const size_t name_len = AnchoredNameAt(s, e);
    if (name_len == 0) continue;
    if (RejectedAfterTitle(s.substr(e, name_len), s.substr(e + name_len), s.substr(e - tlen, tlen))) continue;
    TitledName tn;
    tn.name_begin = e;
    tn.name_end = e + name_len;
    size_t title_end = e;
    size_t title_begin = TitleStart(s, e, tlen);
    std::vector<ChainLink> links;
    while (true) {
      // 副会长兼秘书长: the second title is of the first one's organisation.
      if (title_begin > floor + 1 && s[title_begin - 1] == U'兼') {
        const size_t t2 = TitleLengthEndingAt(s, title_begin - 1);
        if (t2 > 0 && title_begin - 1 >= floor + t2) {
          links.push_back({title_begin, title_begin, title_begin, title_end});
          title_end = title_begin - 1;
          title_begin = TitleStart(s, title_end, t2);
          continue;
        }
      }
      size_t k = title_begin;
      while (k > floor && title_begin - k < kMaxOrgPhrase && !IsOrgStopChar(s[k - 1]) &&
             s[k - 1] != U'、')
        --k;
      // 县工业和信息化局, 市住房和城乡建设局: a 和 inside a bureau's name, recognised by the level
      // word (市/县/区/省) a few characters before it.
      if (k > floor + 1 && s[k - 1] == U'和') {
        size_t j = k - 1;
        while (j > floor && k - 1 - j < 6 && !IsOrgStopChar(s[j - 1]) && s[j - 1] != U'、' &&
               std::u32string_view(U"市县区省").find(s[j - 1]) == std::u32string_view::npos)
          --j;
        if (j > floor && k - 1 - j >= 2 &&
            std::u32string_view(U"市县区省").find(s[j - 1]) != std::u32string_view::npos)
          k = j - 1;
      }
      links.push_back({k, OrgEndBeforeTitle(s, k, title_begin, title_end), title_begin, title_end});
      // A runaway chain keeps its last links and its head (the head names the region).
      if (links.size() > kMaxLinks) links.erase(links.end() - 2);
      if (k > floor && s[k - 1] == U'、' && k - 1 > floor) {
        // 副主委(兼)、…: a note in brackets after a title belongs to it.
        const size_t before_note = BeforeBracketNote(s, k - 1, floor);
        const size_t t2 = TitleLengthEndingAt(s, before_note);
        if (t2 > 0 && before_note != k - 1 && before_note >= floor + t2) {
          title_end = before_note;
          title_begin = TitleStart(s, title_end, t2);
          continue;
        }
        if (t2 > 0 && k - 1 >= floor + t2) {
          title_end = k - 1;
          title_begin = TitleStart(s, title_end, t2);
          continue;
        }
      }
      break;
    }
    tn.links.assign(links.rbegin(), links.rend());
    tn.chain_begin = tn.links.front().org_begin;
    out.push_back(tn);
    floor = tn.name_end;
    // Coordinated names: 负责人甲、乙 (乙 must also end where a name can end).
    size_t p = tn.name_end;
    while (p < s.size() && s[p] == U'、') {
      const size_t len = AnchoredNameAt(s, p + 1);
      if (len == 0 || TitleLengthEndingAt(s, p + 1 + len) > 0) break;
      if (p + 1 + len < s.size() && s[p + 1 + len] != U'、' && !IsClauseBreak(s[p + 1 + len]) &&
          !StartsNonNameWord(s, p + 1 + len))
        break;
      TitledName co;
      co.name_begin = p + 1;
      co.name_end = p + 1 + len;
      co.chain_begin = co.name_begin;
      co.links = tn.links;  // 区委常委甲、乙、丙: one title for the whole list
      co.coordinated = true;
      out.push_back(co);
      p = co.name_end;
      floor = p;
    }
    e = floor;
  }
  return out;
}

}  // namespace tupu::domain
