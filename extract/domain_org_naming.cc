// Organisation naming (see domain_org_naming.h).
#include "extract/domain_org_naming.h"

#include <algorithm>
#include <unordered_set>

#include "extract/domain_gazetteer.h"
#include "extract/domain_lexicon.h"
#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

// Region words that name no particular territory (全区, 辖区, 中高风险地区, ...).
bool IsVagueRegion(std::u32string_view r) {
  static const std::unordered_set<std::u32string> kVague = {
      U"全区", U"全市", U"全省", U"全县", U"本区", U"本市", U"该区", U"该市", U"辖区", U"城区",
      U"市区", U"地区", U"山区", U"景区", U"灾区", U"疫区", U"区外", U"区内", U"各区", U"城市",
      U"都市", U"上市", U"入市", U"出市", U"门市", U"新区", U"园区", U"小区", U"社区", U"片区",
      U"全镇", U"全乡", U"乡镇", U"城镇", U"村镇", U"各省", U"外省", U"本省", U"全村", U"各村"};
  if (kVague.count(std::u32string(r))) return true;
  static const std::u32string kVagueEnds[] = {U"风险区", U"风险地区", U"管控区", U"封控区",
                                              U"防范区", U"地区", U"辖区", U"城区", U"市区"};
  for (const auto& v : kVagueEnds) {
    if (r.size() >= v.size() && r.substr(r.size() - v.size()) == v) return true;
  }
  return false;
}

// Bodies that local news names without a place: 县委 is the county's party committee.
bool IsStandaloneName(std::u32string_view text) {
  static const std::unordered_set<std::u32string> kNames = {
      U"市委", U"县委", U"区委", U"省委", U"州委", U"市政府", U"县政府", U"区政府", U"省政府",
      U"市人大", U"县人大", U"省人大", U"区人大", U"市政协", U"县政协", U"省政协", U"区政协",
      U"市纪委", U"县纪委", U"省纪委", U"区纪委", U"市人大常委会", U"县人大常委会",
      U"省人大常委会", U"市人民政府", U"县人民政府", U"省人民政府", U"区人民政府",
      U"镇党委", U"乡党委", U"镇政府", U"乡政府", U"镇人民政府", U"乡人民政府", U"镇人大", U"乡人大",
      U"旗委", U"旗政府", U"旗人民政府", U"旗人大", U"旗人大常委会", U"旗政协", U"旗纪委",
      U"州政府", U"州人民政府", U"州人大", U"州政协", U"区人大常委会"};
  return kNames.count(std::u32string(text)) > 0;
}

// The length of the bare body `text` starts with (区委 of 区委办公室, 县政府 of 县政府办公室), 0 if none.
size_t StandaloneBodyLength(std::u32string_view text) {
  for (size_t n = text.size() - 1; n >= 2; --n)
    if (IsStandaloneName(text.substr(0, n))) return n;
  return 0;
}

// Stems that describe instead of name (企业公司, 物业公司, 居民小区, 相关部门).
bool IsGenericStem(std::u32string_view stem) {
  static const std::unordered_set<std::u32string> kGeneric = {
      U"企业", U"物业", U"相关", U"有关", U"外围", U"基层", U"居民", U"封控", U"各级", U"所在",
      U"周边", U"附近", U"当地", U"全体", U"重点", U"上级", U"下级", U"各个", U"每个", U"所有",
      U"其他", U"其它", U"部分", U"多个", U"产业", U"相关产业", U"代表", U"管控", U"隔离",
      U"医疗", U"商务", U"商业", U"大型", U"小型", U"国有", U"民营", U"私营", U"本地", U"外地",
      U"一线", U"基层党", U"党员", U"志愿", U"这些", U"那些", U"我们", U"他们", U"有序",
      U"老旧", U"新建", U"涉疫", U"风险", U"中高风险", U"高风险", U"低风险", U"临时", U"闭环",
      U"集中", U"指定", U"定点", U"核酸", U"检测", U"防疫", U"疫情", U"疫情防控", U"防控"};
  if (kGeneric.count(std::u32string(stem)) > 0) return true;
  // 全市重点项目, 各县, 本区: a stem that opens with "all/each/this" + a level names nothing.
  return stem.size() >= 2 && std::u32string_view(U"全各本该我").find(stem[0]) != std::u32string_view::npos &&
         std::u32string_view(U"市区县省镇乡村").find(stem[1]) != std::u32string_view::npos;
}

// Phrases that name no organisation however they end: a quantifier before a body (部分市人大代表:
// some deputies, not a body called 部分市人大), two bodies run together (市委政府, short for
// 市委、市政府), a kind of village (行政村, 自然村) or two levels together (镇村, 乡村).
bool IsNoOrganization(std::u32string_view phrase) {
  static const std::u32string_view kQuantifiers[] = {U"部分", U"有关", U"相关", U"所有", U"其他", U"其它",
                                                     U"全体", U"多个", U"这些", U"那些", U"各级"};
  for (auto q : kQuantifiers)
    if (phrase.size() > q.size() && phrase.substr(0, q.size()) == q) return true;
  if (phrase.find(U"委政府") != std::u32string_view::npos) return true;
  static const std::u32string_view kKinds[] = {U"行政村", U"自然村", U"镇村", U"乡村", U"村组", U"村居", U"县乡", U"乡镇"};
  for (auto k : kKinds)
    if (phrase == k) return true;
  return false;
}

// Bodies that every place of a level has (党委, 政府, 人大, ...): after a bare level character
// (乡党委, 县政府) they are that level's, after 街道 (街道党工委) the street's.
bool IsLevelBody(std::u32string_view body) {
  static const std::unordered_set<std::u32string> kBodies = {
      U"党委", U"政府", U"人民政府", U"人大", U"人大常委会", U"政协", U"纪委", U"党工委",
      U"人大工委", U"纪工委", U"办事处"};
  return kBodies.count(std::u32string(body)) > 0;
}

void AddAlias(NamedOrg* org, const std::u32string& alias) {
  std::string a = ToUtf8(alias);
  if (a.empty() || a == org->name) return;
  if (std::find(org->aliases.begin(), org->aliases.end(), a) == org->aliases.end())
    org->aliases.push_back(a);
}

}  // namespace

const std::u32string& OrgContext::OnlyPlaceOf(char32_t level) const {
  static const std::u32string kNone;
  auto it = places.find(level);
  return it == places.end() || it->second.several ? kNone : it->second.name;
}

char32_t NotePlace(std::u32string_view place, OrgContext* ctx) {
  // 山州西畴县 (文山州西畴县 cut short at its start): the division at the end is the place.
  for (size_t j = 1; j + 2 <= place.size(); ++j)
    if (std::u32string_view(U"省市州盟").find(place[j - 1]) != std::u32string_view::npos &&
        !Gazetteer::Get().Named(place.substr(j)).empty()) {
      place = place.substr(j);
      break;
    }
  if (place.size() < 2 || IsVagueRegion(place)) return 0;
  // Counties and banners of one character (沛县, 魏县) are names; other levels of two characters
  // are words (城区, 园区); and 本县, 该县, 各县 say which county only by pointing.
  if (place.size() == 2 && (std::u32string_view(U"县旗").find(place[1]) == std::u32string_view::npos ||
                            std::u32string_view(U"全本该各我此每一两邻外他某").find(place[0]) !=
                                std::u32string_view::npos))
    return 0;
  // A place name holds no title words (常务副区长 read as 常务副区 + 长 is no district).
  if (place.find(U'副') != std::u32string_view::npos || place.find(U"常务") != std::u32string_view::npos)
    return 0;
  char32_t level = 0;
  size_t suffix = 1;
  if (place.size() >= 4 && place.substr(place.size() - 2) == U"街道") {
    level = U'街';
    suffix = 2;
  } else if (std::u32string_view(U"市县省区镇乡旗州").find(place.back()) != std::u32string_view::npos) {
    level = place.back();
    if (level == U'区' && IsZoneWord(place)) return 0;  // 高新区 is a zone, not a district
  } else {
    return 0;
  }
  const std::u32string_view stem = place.substr(0, place.size() - suffix);
  if (IsGenericStem(stem)) return 0;
  // 百强县, 产粮大县, 生态示范区: a kind of county or district, not one.
  if (Lexicon::Get("level_descriptors").LongestEndingAt(stem, stem.size()) > 0) return 0;
  // A phrase cut too early holds the word before the name (按照省委 -> 按照省).
  static const std::u32string kLeadWords[] = {U"按照", U"根据", U"依照", U"对照", U"围绕", U"结合",
                                              U"落实", U"贯彻", U"配合", U"协助", U"联合", U"经过"};
  for (const auto& w : kLeadWords)
    if (stem.substr(0, w.size()) == w) return 0;
  // Bodies and levels inside are two names run together (市委市政府 -> 市委市, 县乡两级 -> 县乡).
  if (std::u32string_view(U"市县镇乡区省旗州").find(stem[0]) != std::u32string_view::npos) return 0;
  static const std::u32string kBodyWords[] = {U"委", U"政府", U"人大", U"政协", U"党"};
  for (const auto& w : kBodyWords)
    if (stem.find(w) != std::u32string_view::npos) return 0;
  NamedLevel& named = ctx->places[level];
  if (named.name.empty())
    named.name = std::u32string(place);
  else if (named.name != place && !(named.settled && Gazetteer::Get().Named(place).empty()))
    named.several = true;
  return level;
}

std::vector<NamedOrg> NameOrganizations(std::u32string_view phrase, OrgContext* ctx, bool strict) {
  std::vector<NamedOrg> out;
  // Unbalanced brackets mean the phrase was cut in the wrong place (乡(镇).
  if (std::count(phrase.begin(), phrase.end(), U'(') != std::count(phrase.begin(), phrase.end(), U')'))
    return out;
  // Projects, sites and parks are places only as the object of a visit: scanned from free text
  // they are mostly descriptions (建设项目, 开工项目, 相关产业园).
  if (strict) {
    static const std::u32string kVisitOnly[] = {U"项目", U"工地", U"基地", U"工程", U"工程现场"};
    for (const auto& w : kVisitOnly)
      if (phrase.size() >= w.size() && phrase.substr(phrase.size() - w.size()) == w) return out;
  }
  if (IsNoOrganization(phrase)) return out;
  std::vector<OrgUnit> units = SplitOrgUnits(phrase);
  std::u32string prefix;        // regions seen so far
  std::u32string short_prefix;  // the regions as written (江城高新区), for aliases
  std::u32string prev_name;     // canonical of the previous non-region unit
  int prev_index = -1;
  size_t prefix_begin = std::u32string::npos;  // where the regions in `prefix` start
  bool stem_set = false;
  // A bare prefix the article's place stood in for (乡 of 乡党委, 省委 of 省委党校) and what it
  // became (青石乡, 贵州省委): the units after it keep their bare form as an alias.
  std::u32string bare_level;
  std::u32string bare_place;
  for (size_t u = 0; u < units.size(); ++u) {
    const OrgUnit& unit = units[u];
    std::u32string text(phrase.substr(unit.begin, unit.end - unit.begin));
    const bool last = u + 1 == units.size();
    if (unit.kind == UnitKind::kRegion) {
      const std::u32string as_written = text;
      if (!unit.generic) NotePlace(text, ctx);
      if (unit.generic) {
        // A bare 区/市 before a body means "our" region when the article named one.
        if (text == U"区" && !ctx->region.empty()) {
          text = ctx->region;
        } else if (text.size() == 1 && std::u32string_view(U"省市县镇乡旗州区").find(text[0]) != std::u32string_view::npos &&
                   !last && (IsLevelBody(phrase.substr(units[u + 1].begin, units[u + 1].end - units[u + 1].begin)) ||
                             (units[u + 1].kind == UnitKind::kGovernment &&
                              std::u32string_view(U"市县区旗").find(text[0]) != std::u32string_view::npos))) {
          // 乡党委, 县政府, 县教育局: the one town (county) the article named.
          const std::u32string& place = ctx->OnlyPlaceOf(text[0]);
          if (!place.empty()) {
            bare_level = text;
            bare_place = text = place;
          }
        }
      } else if (IsVagueRegion(text)) {
        prefix.clear();
        short_prefix.clear();
        prefix_begin = std::u32string::npos;
        continue;
      }
      if (!last) {
        if (prefix_begin == std::u32string::npos) prefix_begin = unit.begin;
        // Canonical names use the zone without its city (江城高新区 -> 高新区) so that both
        // spellings meet in one node; the city-qualified form becomes an alias.
        std::u32string stripped = StripCityPrefix(text);
        prefix += stripped.empty() ? text : stripped;
        short_prefix += as_written;  // 县教育局 stays an alias of 东平县教育局
        if (text.size() >= 3 && unit.generic == false) ctx->region = text.size() > 3 && !stripped.empty() ? stripped : text;
        if (!stem_set) {
          ctx->chain_stem = prefix;
          ctx->chain_stem_as_written = short_prefix;
          stem_set = true;
        }
        continue;
      }
      {
        UnitKind k;
        bool g;
        const size_t suffix = OrgSuffixEndingAt(text, text.size(), &k, &g);
        // A generic stem names nothing (产业园区), unless a stated region owns the zone
        // (县产业集聚区: the county's one).
        const bool owned_zone = !prefix.empty() && suffix >= 3;
        if ((suffix == 1 && text.size() < 3) ||
            (suffix < text.size() && !owned_zone && IsGenericStem(text.substr(0, text.size() - suffix))))
          continue;
        // Outside title chains a lone region with a one-character suffix (群众省, 返乡) is more
        // often a misreading than a name; zones (滨江新区) and chain regions (桃花镇) are kept.
        if (strict && suffix == 1) continue;
      }
      NamedOrg org;
      org.name = ToUtf8(prefix + text);
      if (!prefix.empty()) AddAlias(&org, text);
      org.kind = UnitKind::kRegion;
      org.parent = prev_index;
      org.begin = unit.begin;
      org.end = unit.end;
      org.name_begin = prefix_begin == std::u32string::npos ? unit.begin : prefix_begin;
      prefix_begin = std::u32string::npos;
      out.push_back(org);
      if (!stem_set) {
        ctx->chain_stem = prefix + text;
        ctx->chain_stem_as_written.clear();
        ctx->chain_stem_bare.clear();
        stem_set = true;
      }
      continue;
    }
    NamedOrg org;
    org.kind = unit.kind;
    org.begin = unit.begin;
    org.end = unit.end;
    org.name_begin = prefix_begin == std::u32string::npos ? unit.begin : prefix_begin;
    org.parent = prev_index;
    UnitKind suffix_kind;
    bool suffix_generic;
    const bool bare = OrgSuffixEndingAt(text, text.size(), &suffix_kind, &suffix_generic) == text.size();
    if (prefix.empty() && prev_name.empty() &&
        (text == U"街道办事处" ||
         (text == U"街道" && !last &&
          IsLevelBody(phrase.substr(units[u + 1].begin, units[u + 1].end - units[u + 1].begin)))) &&
        !ctx->OnlyPlaceOf(U'街').empty()) {
      // 街道党工委, 街道办事处: the one street the article named.
      const std::u32string& street = ctx->OnlyPlaceOf(U'街');
      org.name = ToUtf8(street + text.substr(2));
      org.kind = UnitKind::kPlace;
      AddAlias(&org, text);
      if (!stem_set) {
        ctx->chain_stem = street;
        ctx->chain_stem_as_written.clear();
        ctx->chain_stem_bare.clear();
        stem_set = true;
      }
    } else if (IsStandaloneName(text) && prefix.empty() && prev_name.empty()) {
      // 县委, 市政府: the local paper's name for its own bodies; qualified by the city (county,
      // province) the article named, so that two cities' 市委 stay two nodes.
      const std::u32string& place = ctx->OnlyPlaceOf(text[0]);
      if (!place.empty()) {
        // A one-character place keeps its level word before the committee's (魏县县委, not
        // 魏县委, which reads as the committee of 魏): the name officials and papers write.
        const bool one_character_place = place.size() == 2 && text.size() == 2 && text[1] == U'委';
        org.name = ToUtf8(one_character_place ? place + text : place + text.substr(1));
        AddAlias(&org, text);
        bare_level = text;
        bare_place = ToU32(org.name);
      } else {
        org.name = ToUtf8(text);
      }
      // 县委常委、办公室主任: the bare office of a later link belongs to this body.
      if (!stem_set) {
        ctx->chain_stem = ToU32(org.name);
        ctx->chain_stem_as_written.clear();
        ctx->chain_stem_bare = org.name == ToUtf8(text) ? std::u32string() : text;
        stem_set = true;
      }
    } else if (unit.generic || bare) {
      // In free text (strict) only a stated qualifier counts; in chains the chain's stem does too.
      std::u32string qualifier = !prev_name.empty() ? prev_name
                                 : !prefix.empty()  ? prefix
                                 : strict           ? std::u32string()
                                                    : ctx->chain_stem;
      // 县委常委甲,人大常委会副主任乙: the people's congress is the county's, not its party
      // committee's (县人大常委会, not 县委人大常委会). 镇党委书记甲,党委副书记乙: the same committee.
      const bool from_chain = prev_name.empty() && prefix.empty();
      const bool same_committee = from_chain && text == U"党委" && qualifier.size() > 2 &&
                                  qualifier.substr(qualifier.size() - 2) == U"党委";
      if (from_chain && !same_committee && qualifier.size() >= 2 && qualifier.back() == U'委' &&
          std::u32string_view(U"省市县区旗州").find(qualifier[qualifier.size() - 2]) != std::u32string_view::npos &&
          IsLevelBody(text))
        qualifier.pop_back();
      if (same_committee) qualifier.resize(qualifier.size() - 2);
      if (qualifier.empty()) {
        // 党工委 with nothing to say whose: not a name anyone can look up.
        continue;
      }
      org.name = ToUtf8(qualifier + text);
      if (prev_name.empty() && !short_prefix.empty() && short_prefix != prefix)
        AddAlias(&org, short_prefix + text);
      if (prev_name.empty() && !bare_level.empty()) AddAlias(&org, bare_level + text);
      if (prev_name.empty() && prefix.empty() && !ctx->chain_stem.empty()) {
        std::u32string stripped = StripCityPrefix(ctx->chain_stem);
        if (!stripped.empty()) AddAlias(&org, stripped + text);
        // 吉林高新区党工委书记、管委会主任: 管委会 is 吉林高新区's as written, too.
        if (!ctx->chain_stem_as_written.empty() && ctx->chain_stem_as_written != ctx->chain_stem)
          AddAlias(&org, ctx->chain_stem_as_written + text);
        // 县委常委、办公室主任 under a named 将乐县委: 县委办公室 is its bare form.
        if (!ctx->chain_stem_bare.empty() && org.name == ToUtf8(ctx->chain_stem + text))
          AddAlias(&org, ctx->chain_stem_bare + text);
      }
    } else {
      // The unit's own stem (text without its suffix) must say something.
      UnitKind k;
      bool g;
      const size_t suffix = OrgSuffixEndingAt(text, text.size(), &k, &g);
      if (text.size() - suffix < 2 && prefix.empty()) continue;
      const std::u32string stem = text.substr(0, text.size() - suffix);
      if (prefix.empty() && IsGenericStem(stem)) continue;
      // Place names are short (李庄社区, 银河路办事处); a long stem in free text is a misreading.
      if (strict && unit.kind == UnitKind::kPlace && stem.size() > 6) continue;
      const bool specific = !IsGenericStem(stem);
      if (g && !stem_set) {
        // 南阳市委 -> 南阳市 (the level stays with the place), 柳湾党工委 -> 柳湾.
        const std::u32string_view sfx = std::u32string_view(text).substr(text.size() - suffix);
        const bool level_committee = sfx == U"市委" || sfx == U"县委" || sfx == U"区委" || sfx == U"省委" ||
                                     sfx == U"旗委" || sfx == U"州委";
        // 河西区委 names the district (city, county) that later bare 区委/区政府 belong to; so
        // does 青石镇党委 (镇政府, 乡党委, 县人大...) for bare 镇党委/镇长.
        const bool level_body = sfx.size() >= 3 &&
                                std::u32string_view(U"市县区镇乡旗州").find(sfx[0]) != std::u32string_view::npos &&
                                IsLevelBody(sfx.substr(1));
        if ((level_committee && sfx != U"省委" && text.size() >= 4) ||
            (level_body && text.size() >= suffix + 2))
          NotePlace(prefix + text.substr(0, text.size() - suffix + 1), ctx);
        // The stem keeps the level (东平镇 of 东平镇党委): 党委副书记 later in the chain is 东平镇党委.
        ctx->chain_stem = prefix + text.substr(0, text.size() - suffix + (level_committee || level_body ? 1 : 0));
        ctx->chain_stem_as_written.clear();
        ctx->chain_stem_bare.clear();
        stem_set = true;
      }
      const bool place_like = unit.kind == UnitKind::kPlace;
      // 松林街道 (also as 松林街道办事处): later bare 街道党工委/街道办事处 are its.
      if (place_like && prefix.empty()) {
        const size_t street_end = text.rfind(U"街道");
        if (street_end != std::u32string::npos) NotePlace(std::u32string_view(text).substr(0, street_end + 2), ctx);
      }
      if (prefix.empty() && prev_name.empty() && text.back() == U'厅' && !ctx->OnlyPlaceOf(U'省').empty()) {
        // 水利厅: departments called 厅 exist only in a province; the article's one province.
        org.name = ToUtf8(ctx->OnlyPlaceOf(U'省') + text);
        AddAlias(&org, text);
      } else if (const size_t body = StandaloneBodyLength(text);
                 body > 0 && prefix.empty() && prev_name.empty() && !ctx->OnlyPlaceOf(text[0]).empty()) {
        // 区委办公室, 县委组织部: a bare body's department is the named place's, like the body.
        const std::u32string& place = ctx->OnlyPlaceOf(text[0]);
        const bool one_character_place = place.size() == 2 && text[1] == U'委';
        org.name = ToUtf8(one_character_place ? place + text : place + text.substr(1));
        AddAlias(&org, text);
      } else if (place_like || prefix.empty()) {
        org.name = ToUtf8(text);
        if (!prefix.empty()) AddAlias(&org, prefix + text);
        if (!short_prefix.empty() && short_prefix != prefix) AddAlias(&org, short_prefix + text);
      } else {
        org.name = ToUtf8(prefix + text);
        // The unqualified form (数据资源局) is an alias only when it still names something in
        // particular: 疫情防控指挥部 exists in every city.
        if (specific) AddAlias(&org, text);
        if (short_prefix != prefix) AddAlias(&org, short_prefix + text);
      }
    }
    if (!stem_set && !prefix.empty()) {
      ctx->chain_stem = prefix;
      ctx->chain_stem_as_written.clear();
      ctx->chain_stem_bare.clear();
      stem_set = true;
    }
    // 省委党校 under a named 贵州省委: every unit of the body keeps its bare form as an alias.
    const std::u32string canonical = ToU32(org.name);
    if (!bare_place.empty() && canonical.size() > bare_place.size() &&
        canonical.compare(0, bare_place.size(), bare_place) == 0)
      AddAlias(&org, bare_level + canonical.substr(bare_place.size()));
    prev_name = canonical;
    prev_index = static_cast<int>(out.size());
    out.push_back(org);
    prefix.clear();
    short_prefix.clear();
    prefix_begin = std::u32string::npos;
  }
  return out;
}

}  // namespace tupu::domain
