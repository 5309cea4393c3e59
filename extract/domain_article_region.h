// The region an article is about, resolved against the gazetteer: the division most of the places
// it names lie in (安吉县 for an article that names 湖州市 once and 安吉县 and its towns often; 湖州市
// for one about two of its counties), or the region its archive gives (a .jsonl `region`, a
// sources file). A name two regions share (朝阳区 of Beijing and of Changchun) counts only where
// the article's other places say which one it is.
//
// The region serves twice: bare bodies of the levels above it take its ancestors (an article about
// 安吉县 that says 市委 means 湖州市委), and resolution scopes what the article's names mean by it
// (domain_resolution.h).
// Thread safety: pure functions over the immutable gazetteer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/domain_gazetteer.h"
#include "extract/domain_org_naming.h"

namespace tupu::domain {

// The division `d` belongs to, one level up (a county of Beijing, whose city is the statistics'
// placeholder 市辖区, belongs to the province); nullptr for a province.
const Division* ParentOf(const Division* d);

// `d` or the ancestor of `d` at `level`; nullptr when `d` is above it or the level is skipped.
const Division* AncestorAt(const Division* d, DivisionLevel level);

// True when `ancestor` is `d` or one of its ancestors.
bool Contains(const Division* ancestor, const Division* d);

// "浙江省/湖州市/安吉县": the names from the province down, the scope a region gives.
std::string RegionPath(const Division* d);

// The deepest of `named` (mentions, as FindPlaces gives them) when all the others contain it
// (陕西省, 西安市, 长安区 -> 长安区 of 西安市); nullptr when two disagree or a name several
// regions share stays ambiguous.
const Division* DeepestAgreeing(const std::vector<const Division*>& named);

// The divisions sharing `d`'s name and level (朝阳区 of Beijing and of Changchun).
std::vector<const Division*> Namesakes(const Division* d);

// The region a user or an archive wrote ("陕西省西安市长安区", "长安区", "西安市长安区"): the
// deepest division whose ancestors agree with the rest of the text; nullptr when the text names
// none, or only a name several regions share.
const Division* ResolveRegionText(std::string_view text);

// The region of an article from the divisions its sentences name (one entry per mention, as
// SeedArticlePlaces accepted them) and the region its archive gives (nullptr: none). The given
// region stands unless the article's own is inside it.
const Division* ArticleRegion(const std::vector<const Division*>& named, const Division* given);

// Records the region's ancestors (and the region itself) in `ctx` for the levels the article
// named no place of: 市委 in an article about 安吉县 is 湖州市委.
void AdoptRegionLevels(const Division* region, OrgContext* ctx);

}  // namespace tupu::domain
