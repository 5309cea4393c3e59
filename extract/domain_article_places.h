// The places an article is about, read from its whole text before its facts: the one county,
// city, town ... of each level it names (by the gazetteer, in full or by the short form that stands
// alone: 安吉 for 安吉县). Bare bodies anywhere in the article take them (县委 -> 安吉县委), even
// before the place is first written, as the headline or the closing lines may be where it is.
// An article that names two places of a level leaves its bare bodies of that level bare.
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/domain_gazetteer.h"
#include "extract/domain_org_naming.h"

namespace tupu::domain {

// Records in `ctx` the places the article's sentences name, level by level. `person_names` are
// the document's persons: a short form inside one (杨卫东 holds 卫东) is no place. Returns the
// division of every mention it accepted, in text order (for domain_article_region.h).
std::vector<const Division*> SeedArticlePlaces(const std::vector<std::u32string_view>& sentences,
                       const std::vector<std::u32string>& person_names, OrgContext* ctx);

}  // namespace tupu::domain
