// Suffix grammar of organisation and place names (see domain_organization_names.h).
#include "extract/domain_organization_names.h"

#include <string>
#include <unordered_map>

#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

struct SuffixInfo {
  UnitKind kind;
  bool generic;  // a name only with a qualifier before it
};

const std::unordered_map<std::u32string, SuffixInfo>& Suffixes() {
  using K = UnitKind;
  static const std::unordered_map<std::u32string, SuffixInfo> kSuffixes = {
      // Regions.
      {U"区", {K::kRegion, false}}, {U"市", {K::kRegion, false}}, {U"县", {K::kRegion, false}},
      {U"省", {K::kRegion, false}}, {U"镇", {K::kRegion, false}}, {U"乡", {K::kRegion, false}},
      {U"自治州", {K::kRegion, false}}, {U"新区", {K::kRegion, false}},
      {U"高新区", {K::kRegion, false}}, {U"经开区", {K::kRegion, false}},
      {U"开发区", {K::kRegion, false}}, {U"实验区", {K::kRegion, false}},
      {U"集聚区", {K::kRegion, false}}, {U"示范区", {K::kRegion, false}},
      {U"自贸区", {K::kRegion, false}}, {U"保税区", {K::kRegion, false}},
      // Places with an office.
      {U"办事处", {K::kPlace, true}}, {U"街道", {K::kPlace, false}}, {U"社区", {K::kPlace, false}},
      {U"村", {K::kPlace, false}}, {U"小区", {K::kPlace, false}}, {U"园区", {K::kPlace, false}},
      {U"街道办事处", {K::kPlace, false}}, {U"片区", {K::kPlace, false}},
      {U"园区运营中心", {K::kGovernment, false}}, {U"运营中心", {K::kGovernment, false}},
      // Government bodies.
      {U"管委会", {K::kGovernment, true}}, {U"管理委员会", {K::kGovernment, true}},
      {U"人民政府", {K::kGovernment, true}}, {U"政府", {K::kGovernment, true}},
      {U"委员会", {K::kGovernment, false}}, {U"局", {K::kGovernment, false}},
      {U"分局", {K::kGovernment, false}}, {U"厅", {K::kGovernment, false}},
      {U"办公室", {K::kGovernment, false}}, {U"指挥部", {K::kGovernment, false}},
      {U"中心", {K::kGovernment, false}}, {U"服务中心", {K::kGovernment, false}},
      {U"检察院", {K::kGovernment, false}}, {U"法院", {K::kGovernment, false}},
      {U"派出所", {K::kGovernment, false}}, {U"医院", {K::kGovernment, false}},
      {U"卫生院", {K::kGovernment, false}}, {U"学校", {K::kGovernment, false}},
      {U"大学", {K::kGovernment, false}}, {U"研究院", {K::kGovernment, false}},
      {U"研究所", {K::kGovernment, false}}, {U"研究室", {K::kGovernment, false}},
      {U"联络站", {K::kGovernment, false}}, {U"工作站", {K::kGovernment, false}},
      {U"工作室", {K::kGovernment, false}}, {U"人大", {K::kParty, true}},
      {U"政协", {K::kParty, true}}, {U"人大常委会", {K::kParty, true}},
      // Committees of a body (区委常委会, 区安委会) and its school (省委党校): whose they are
      // comes before them.
      {U"常委会", {K::kParty, true}}, {U"安委会", {K::kGovernment, true}}, {U"党校", {K::kParty, true}},
      // Party and mass organisations.
      {U"党工委", {K::kParty, true}}, {U"党委", {K::kParty, true}},
      {U"党支部", {K::kParty, true}}, {U"党总支", {K::kParty, true}},
      {U"机关党委", {K::kParty, true}}, {U"人大工委", {K::kParty, true}},
      {U"工委", {K::kParty, true}}, {U"政法委", {K::kParty, false}},
      {U"组织部", {K::kParty, false}}, {U"宣传部", {K::kParty, false}},
      {U"统战部", {K::kParty, false}}, {U"发改委", {K::kGovernment, false}},
      {U"卫健委", {K::kGovernment, false}},
      // Commissions named in full (市发展改革委, 县卫生健康委): the two characters before 委
      // close the commission's field.
      {U"改革委", {K::kGovernment, false}}, {U"健康委", {K::kGovernment, false}},
      {U"建设委", {K::kGovernment, false}}, {U"农村委", {K::kGovernment, false}},
      {U"教育委", {K::kGovernment, false}}, {U"工信委", {K::kGovernment, false}},
      {U"经信委", {K::kGovernment, false}}, {U"国资委", {K::kGovernment, false}},
      {U"商务委", {K::kGovernment, false}}, {U"交通委", {K::kGovernment, false}},
      {U"民宗委", {K::kGovernment, false}}, {U"科技委", {K::kGovernment, false}},
      // Places visited in the genre: projects, homes for the elderly, schools, sites, stations.
      {U"项目", {K::kPlace, false}}, {U"敬老院", {K::kPlace, false}}, {U"养老院", {K::kPlace, false}},
      {U"福利院", {K::kPlace, false}}, {U"幸福院", {K::kPlace, false}}, {U"小学", {K::kGovernment, false}},
      {U"中学", {K::kGovernment, false}}, {U"幼儿园", {K::kGovernment, false}},
      {U"工地", {K::kPlace, false}}, {U"处理厂", {K::kCompany, false}}, {U"储配站", {K::kCompany, false}},
      {U"中转站", {K::kCompany, false}}, {U"水厂", {K::kCompany, false}}, {U"基地", {K::kPlace, false}},
      {U"工程", {K::kPlace, false}}, {U"工程现场", {K::kPlace, false}},
      {U"编办", {K::kGovernment, false}},
      // Offices abbreviated to 办 (市文明办, 县扶贫办); 办 alone is mostly the verb (交办, 马上办).
      {U"文明办", {K::kGovernment, false}}, {U"扶贫办", {K::kGovernment, false}},
      {U"防汛办", {K::kGovernment, false}}, {U"信访办", {K::kGovernment, false}},
      {U"督查办", {K::kGovernment, false}}, {U"外事办", {K::kGovernment, false}},
      {U"金融办", {K::kGovernment, false}}, {U"综治办", {K::kGovernment, false}},
      {U"创建办", {K::kGovernment, false}}, {U"创文办", {K::kGovernment, false}},
      {U"政府办", {K::kGovernment, false}}, {U"党政办", {K::kGovernment, false}}, {U"纪工委", {K::kParty, true}}, {U"纪委", {K::kParty, true}},
      {U"市委", {K::kParty, true}}, {U"区委", {K::kParty, true}}, {U"县委", {K::kParty, true}},
      {U"旗委", {K::kParty, true}}, {U"州委", {K::kParty, true}}, {U"旗", {K::kRegion, false}},
      {U"省委", {K::kParty, true}}, {U"镇党委", {K::kParty, true}}, {U"党组", {K::kParty, true}},
      {U"工商联", {K::kParty, false}}, {U"妇联", {K::kParty, false}},
      {U"团委", {K::kParty, true}}, {U"总工会", {K::kParty, false}}, {U"工会", {K::kParty, true}},
      {U"侨联", {K::kParty, false}}, {U"科协", {K::kParty, false}}, {U"文联", {K::kParty, false}},
      {U"红十字会", {K::kParty, false}}, {U"协会", {K::kParty, false}},
      {U"商会", {K::kParty, false}},
      // Companies.
      {U"公司", {K::kCompany, false}}, {U"有限公司", {K::kCompany, false}},
      {U"股份有限公司", {K::kCompany, false}}, {U"有限责任公司", {K::kCompany, false}},
      {U"集团", {K::kCompany, false}}, {U"超市", {K::kCompany, false}},
      {U"项目部", {K::kCompany, false}}, {U"银行", {K::kCompany, false}},
      {U"支行", {K::kCompany, false}}, {U"分行", {K::kCompany, false}},
      {U"酒店", {K::kCompany, false}}, {U"厂", {K::kCompany, false}},
      {U"煤矿", {K::kCompany, false}}, {U"矿", {K::kCompany, false}},
      {U"电厂", {K::kCompany, false}}, {U"工厂", {K::kCompany, false}},
      {U"合作社", {K::kCompany, false}}, {U"商场", {K::kCompany, false}},
      // Markets visited in the genre (市场 alone is mostly the economic word: 市场主体, 市场秩序).
      {U"供销社", {K::kCompany, false}}, {U"水库", {K::kPlace, false}},
      // Public venues (县图书馆, 镇综合文化站, 村卫生室).
      {U"图书馆", {K::kGovernment, false}}, {U"文化馆", {K::kGovernment, false}},
      {U"博物馆", {K::kGovernment, false}}, {U"纪念馆", {K::kGovernment, false}},
      {U"体育馆", {K::kGovernment, false}}, {U"文化站", {K::kGovernment, false}},
      {U"卫生室", {K::kGovernment, false}},
      {U"农贸市场", {K::kCompany, false}}, {U"批发市场", {K::kCompany, false}},
      {U"集贸市场", {K::kCompany, false}}, {U"菜市场", {K::kCompany, false}},
      // Teams.
      {U"服务队", {K::kTeam, false}}, {U"志愿队", {K::kTeam, false}},
      {U"突击队", {K::kTeam, false}}, {U"先锋队", {K::kTeam, false}},
      {U"工作组", {K::kTeam, false}}, {U"专班", {K::kTeam, false}},
      {U"督导组", {K::kTeam, false}}, {U"调研组", {K::kTeam, false}},
      {U"视察组", {K::kTeam, false}}, {U"工作队", {K::kTeam, false}}};
  return kSuffixes;
}

constexpr size_t kMaxSuffix = 6;

}  // namespace

// True when the suffix ending at s[end) is really the start of a longer word (区域, 市场, 党组织,
// 村民): then no organisation ends there.
bool ContinuesWord(std::u32string_view s, size_t end) {
  if (end >= 2 && end <= s.size()) {
    // Words that end in a one-character suffix without being names (格局, 城市, 返乡, 地区).
    static const std::u32string kEndings[] = {
        U"格局", U"布局", U"大局", U"入局", U"出局", U"全局", U"开局", U"时局", U"政局",
        U"当局", U"地区", U"辖区", U"城区", U"分区", U"入区", U"返乡", U"下乡", U"城乡",
        U"家乡", U"老乡", U"入市", U"上市", U"城市", U"都市", U"开市", U"出厂", U"疫区",
        U"全区", U"全市", U"全省", U"全县", U"全镇", U"全村", U"本市", U"本区", U"我市",
        U"我区", U"我省", U"各省", U"外省", U"该村", U"进村", U"入村", U"驻村", U"出村",
        U"农村", U"乡村"};
    for (const auto& w : kEndings) {
      // 政局 is a word (the political situation), but 民政局/财政局/邮政局 are bureaus.
      if (w == U"政局" && end >= 3 && std::u32string_view(U"民财邮").find(s[end - 3]) != std::u32string_view::npos)
        continue;
      if (s.substr(end - 2, 2) == w) return true;
    }
  }
  if (end == 0) return false;
  if (end >= s.size()) return false;
  static const std::u32string kWords[] = {
      U"区域", U"区内", U"区外", U"区间", U"区级", U"区块", U"市场", U"市民", U"市值", U"市级",
      U"市区", U"村民", U"村里", U"村庄", U"村级", U"村委", U"村容", U"村貌", U"村务", U"镇上", U"镇级", U"局面", U"局势",
      U"局部", U"厂房", U"厂区", U"厂家", U"乡村", U"乡镇", U"乡亲", U"县城", U"县级", U"省份",
      U"省级", U"省内", U"省外", U"市内", U"市外", U"县域", U"党组织", U"厅堂", U"中心城区",
      U"公司化", U"集团化", U"小区门", U"社区化", U"中心化", U"处置"};
  for (const auto& w : kWords) {
    for (size_t back = 1; back < w.size(); ++back) {
      if (end >= back && s.substr(end - back, w.size()) == w) return true;
    }
  }
  return false;
}


std::string_view UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kRegion: return "region";
    case UnitKind::kPlace: return "place";
    case UnitKind::kGovernment: return "government";
    case UnitKind::kParty: return "party";
    case UnitKind::kCompany: return "company";
    case UnitKind::kTeam: return "team";
  }
  return "other";
}

size_t OrgSuffixEndingAt(std::u32string_view s, size_t end, UnitKind* kind, bool* generic) {
  size_t best = 0;
  for (size_t len = 1; len <= kMaxSuffix && len <= end; ++len) {
    auto it = Suffixes().find(std::u32string(s.substr(end - len, len)));
    if (it != Suffixes().end()) {
      best = len;
      if (kind) *kind = it->second.kind;
      if (generic) *generic = it->second.generic;
    }
  }
  return best;
}

bool IsZoneWord(std::u32string_view s) {
  static const std::u32string kZones[] = {U"高新区", U"经开区", U"开发区", U"新区", U"实验区",
                                          U"自贸区", U"保税区", U"示范区"};
  for (const auto& z : kZones) {
    if (s.size() >= z.size() && s.substr(s.size() - z.size()) == z) return true;
  }
  return false;
}

std::u32string StripCityPrefix(std::u32string_view region) {
  static const std::u32string kZones[] = {U"高新区", U"经开区", U"开发区", U"实验区", U"自贸区",
                                          U"保税区", U"示范区"};
  for (const auto& z : kZones) {
    if (region.size() > z.size() && region.substr(region.size() - z.size()) == z) {
      // 江城高新区 -> 高新区; 临港实验区 stays (the prefix is the zone's own name, not a city:
      // city prefixes are two characters followed directly by the zone word).
      if (region.size() - z.size() == 2) return z;
    }
  }
  return {};
}

bool IsOrgStopChar(char32_t c) {
  if (c == U'(' || c == U')' || c == U'\uFF08' || c == U'\uFF09' || c == U'“' || c == U'”') return false;
  if (!IsCjk(c) && !(c >= U'A' && c <= U'Z') && !(c >= U'a' && c <= U'z') && !IsAsciiDigit(c))
    return true;
  // Function words and the verbs that most often precede a name; never characters that occur
  // inside office names (会 of 管委会, 经 of 经开区, 研 of 研究院, 导 of 督导组).
  static const std::u32string kStops =
      U"的和与及在由向对为是了将把被从到等据让请给跟即并而且或也都就还又再已曾均共各这那其该此"
      U"着过要于带率赴往受";
  return kStops.find(c) != std::u32string::npos;
}

std::vector<OrgUnit> SplitOrgUnits(std::u32string_view name) {
  std::vector<OrgUnit> units;
  UnitKind kind;
  bool generic;
  // Companies keep their whole name: 华瑞集团江城精密仪器研究院股份有限公司 is one company.
  // So are projects and building sites: 高铁片区综合开发项目 is one project, not a 片区 + a project.
  const size_t last_suffix = OrgSuffixEndingAt(name, name.size(), &kind, &generic);
  const std::u32string_view last_word = name.substr(name.size() - last_suffix);
  if (last_suffix > 0 && (kind == UnitKind::kCompany || last_word == U"项目" || last_word == U"工地" ||
                          last_word == U"工程" || last_word == U"工程现场")) {
    units.push_back({0, name.size(), kind, false});
    return units;
  }
  size_t start = 0;
  size_t i = 1;
  while (i <= name.size()) {
    // Longest unit ending here; prefer ending later when a longer suffix continues (办事处 vs 处).
    size_t len = OrgSuffixEndingAt(name, i, &kind, &generic);
    if (len > 0 && i - start >= len && !ContinuesWord(name, i)) {
      // Do not cut when a longer suffix ends a bit later and covers this one (区 inside 社区 is
      // handled by longest match; 委 + 员会 by looking ahead one or two chars).
      bool longer_ahead = false;
      for (size_t ahead = 1; ahead <= 4 && i + ahead <= name.size(); ++ahead) {
        UnitKind k2;
        bool g2;
        if (OrgSuffixEndingAt(name, i + ahead, &k2, &g2) >= ahead + len) {
          longer_ahead = true;
          break;
        }
      }
      // 南阳市中心医院: a rest that is nothing but a (non-generic) suffix belongs to this unit.
      if (!longer_ahead && i < name.size()) {
        UnitKind k3;
        bool g3;
        const std::u32string_view rest = name.substr(i);
        if (OrgSuffixEndingAt(rest, rest.size(), &k3, &g3) == rest.size() && !g3 &&
            k3 != UnitKind::kRegion && kind != UnitKind::kRegion)
          longer_ahead = true;
      }
      if (!longer_ahead) {
        const bool bare = (i - start) == len;
        units.push_back({start, i, kind, bare && generic});
        if (bare && kind == UnitKind::kRegion) units.back().generic = (len == 1);  // lone 区/市
        start = i;
      }
    }
    ++i;
  }
  return units;
}

}  // namespace tupu::domain
