// Naming organisations found in text: a phrase (`经开区青湖办事处云岭社区`, `区党工委`, `管委会`)
// becomes canonical names with aliases, a kind, and the PART_OF nesting of its units. Elided
// prefixes are filled from context: the stem of the chain (`柳湾党工委副书记、办事处主任` ->
// 柳湾办事处) and the article's region (`区党工委` -> 高新区党工委).
// Thread safety: an OrgContext is per document; the function is pure given it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/domain_organization_names.h"

namespace tupu::domain {

// The places of one level (cities, counties, towns, ...) an article has named so far.
struct NamedLevel {
  std::u32string name;   // the first one named
  bool several = false;  // a second, different one was named too
  // The article's region (or its ancestor) by the gazetteer: a later name the gazetteer does not
  // know (棚户区, a phrase cut wrong) does not make the level's place uncertain.
  bool settled = false;
};

struct OrgContext {
  std::u32string chain_stem;  // 高新区, 柳湾: what a bare 管委会/办事处 in this chain belongs to
  std::u32string chain_stem_as_written;  // 吉林高新区: the stem with the city the text gave it
  std::u32string chain_stem_bare;  // 县委: the stem as written when the article's place qualified it
  std::u32string region;      // the last named region of the article (高新区)
  // Named places by level character: 市 省 县 区 (districts, no zones) 镇 乡, and 街 for 街道.
  // Bare bodies of a level (市委, 县政府, 镇党委, 街道党工委, 乡长's 乡政府) belong to the place
  // of that level when the article named exactly one; with none or several they stay bare.
  std::map<char32_t, NamedLevel> places;

  // The one place of `level` named so far, or empty (none, or several).
  const std::u32string& OnlyPlaceOf(char32_t level) const;
};

// Records that the article named `place` (石泉县, 柳塘乡, 云杉街道, 城南区) when it is a proper
// name of a level: three or more characters, no vague or title words, no zone. Returns the level
// it was recorded under, or 0.
char32_t NotePlace(std::u32string_view place, OrgContext* ctx);

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
