// Organisation and place names by their suffixes: 办事处, 管委会, 党工委, 社区, 村, 有限公司, 局, ...
// A name is cut into units (`经开区青湖办事处云岭社区` -> 经开区 | 青湖办事处 | 云岭社区); regions
// (X区, X市, X县) qualify the unit after them, generic bodies (党工委, 管委会, 党支部) are named by
// the unit before them, other nested units are PART_OF their parent.
// Thread safety: pure functions over immutable tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tupu::domain {

enum class UnitKind {
  kRegion,      // 高新区, 江城市, 桃花镇: a territory that qualifies what follows
  kPlace,       // 办事处, 街道, 社区, 村, 小区, 园区: named places with an office
  kGovernment,  // 局, 委员会, 办公室, 管委会, 指挥部, 中心
  kParty,       // 党工委, 党委, 党支部, 人大工委, 工商联 ...
  kCompany,     // 公司, 集团, 超市
  kTeam,        // 服务队, 志愿队, 专班
};
std::string_view UnitKindName(UnitKind kind);  // "region", "place", "government", ...

struct OrgUnit {
  size_t begin = 0, end = 0;  // within the text given to SplitOrgUnits
  UnitKind kind = UnitKind::kGovernment;
  // True for bodies that need a qualifier to be a name (管委会, 党工委, 办事处, 机关党委, 区).
  bool generic = false;
};

// Length of the longest organisation suffix ending at s[end); 0 if none. *kind and *generic
// describe the unit the suffix makes.
size_t OrgSuffixEndingAt(std::u32string_view s, size_t end, UnitKind* kind, bool* generic);

// Cuts `name` (an organisation phrase without titles) into units at suffix ends. A trailing piece
// without a suffix is dropped. Company names are kept whole (their prefixes are part of the name).
std::vector<OrgUnit> SplitOrgUnits(std::u32string_view name);

// True when a unit text of this kind is a region that may stand alone as a place (高新区, 桃花镇).
bool IsZoneWord(std::u32string_view s);

// The zone part of a region unit with a city prefix: 江城高新区 -> 高新区 (empty when none).
std::u32string StripCityPrefix(std::u32string_view region);

// True when the suffix ending at s[end) is really part of a longer word (区域, 市场, 党组织) or
// ends a word that is no name (格局, 城市, 返乡): then no organisation ends there.
bool ContinuesWord(std::u32string_view s, size_t end);

// Chars that cannot be inside an organisation name: they end a backwards scan for its start.
bool IsOrgStopChar(char32_t c);

}  // namespace tupu::domain
