// Naming organisations found in text: a phrase (`经开区青湖办事处云岭社区`, `区党工委`, `管委会`)
// becomes canonical names with aliases, a kind, and the PART_OF nesting of its units. Elided
// prefixes are filled from context: the stem of the chain (`柳湾党工委副书记、办事处主任` ->
// 柳湾办事处) and the article's region (`区党工委` -> 高新区党工委).
// Thread safety: an OrgContext is per document; the function is pure given it.
#pragma once

#include <string>
#include <vector>

#include "extract/domain_organization_names.h"

namespace tupu::domain {

struct OrgContext {
  std::u32string chain_stem;  // 高新区, 柳湾: what a bare 管委会/办事处 in this chain belongs to
  std::u32string region;      // the last named region of the article (高新区)
  // The last named city, county and province (南阳市, 镇平县): 市委/县政府 written alone are theirs.
  std::u32string city, county, province;
  std::u32string district;  // the last named district that is no zone (城南区): 区委/区政府 are its
  std::u32string town;  // the last named town or township (桃花镇, 石桥乡): 镇党委/镇政府 are its
};

struct NamedOrg {
  std::string name;                  // canonical
  std::vector<std::string> aliases;  // other names for it (short form, city-qualified form)
  UnitKind kind = UnitKind::kGovernment;
  int parent = -1;                   // index of the unit it is PART_OF, -1 for none
  size_t begin = 0, end = 0;         // the unit's code points within the phrase
  size_t name_begin = 0;             // where its name starts, regions before it included
};

// The organisations a phrase names, outermost first (the innermost is the last). Updates
// ctx->chain_stem / ctx->region from what the phrase states. Empty when nothing is a name.
// `strict` (phrases found by scanning free text, not in title chains or after visit verbs) drops
// lone regions with a one-character suffix.
std::vector<NamedOrg> NameOrganizations(std::u32string_view phrase, OrgContext* ctx,
                                        bool strict = false);

}  // namespace tupu::domain
