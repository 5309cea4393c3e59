// The region an article is about (see domain_article_region.h).
#include "extract/domain_article_region.h"

#include <algorithm>
#include <map>
#include <set>

#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

// The deepest level a region is resolved to: an article names a town to say where in its county
// something happened, and towns' names repeat across counties too often to scope by.
constexpr DivisionLevel kDeepestRegion = DivisionLevel::kCounty;

int Depth(DivisionLevel level) { return static_cast<int>(level); }

// Each mention as the one division it means: a name several regions share means the one that
// holds, or lies in, a place the article names unambiguously; with none or several such, the
// mention is left out.
std::vector<const Division*> Disambiguate(const std::vector<const Division*>& named) {
  std::set<const Division*> sure;
  for (const Division* d : named)
    if (Namesakes(d).size() <= 1) sure.insert(d);
  std::vector<const Division*> out;
  for (const Division* d : named) {
    if (sure.count(d)) {
      out.push_back(d);
      continue;
    }
    const Division* only = nullptr;
    int supported = 0;
    for (const Division* candidate : Namesakes(d)) {
      const bool agrees = std::any_of(sure.begin(), sure.end(), [&](const Division* s) {
        return Contains(s, candidate) || Contains(candidate, s);
      });
      if (agrees && ++supported == 1) only = candidate;
    }
    if (supported == 1) out.push_back(only);
  }
  return out;
}

// The mentions less the towns whose county or city the article does not name: a town's name
// alone (平湖镇, 城关镇) is shared by too many places, and often a word, to place an article.
std::vector<const Division*> WithoutLoneTowns(const std::vector<const Division*>& named) {
  std::vector<const Division*> out;
  for (const Division* d : named) {
    if (d->level == DivisionLevel::kTown &&
        std::none_of(named.begin(), named.end(), [&](const Division* a) { return a != d && Contains(a, d); }))
      continue;
    out.push_back(d);
  }
  return out;
}

}  // namespace

std::vector<const Division*> Namesakes(const Division* d) {
  std::vector<const Division*> out;
  for (const Division* n : Gazetteer::Get().Named(d->name))
    if (n->level == d->level) out.push_back(n);
  return out;
}

const Division* ParentOf(const Division* d) {
  if (d == nullptr || d->level == DivisionLevel::kProvince) return nullptr;
  const Gazetteer& g = Gazetteer::Get();
  if (const Division* parent = g.ByCode(d->parent)) return parent;
  // The statistics' placeholders (市辖区, 省直辖县级行政区划) are not loaded: the province then.
  uint64_t province = d->code;
  while (province >= 100) province /= 10;
  return g.ByCode(province);
}

const Division* AncestorAt(const Division* d, DivisionLevel level) {
  for (; d != nullptr; d = ParentOf(d)) {
    if (d->level == level) return d;
    if (Depth(d->level) < Depth(level)) return nullptr;
  }
  return nullptr;
}

bool Contains(const Division* ancestor, const Division* d) {
  for (; d != nullptr; d = ParentOf(d))
    if (d == ancestor) return true;
  return false;
}

std::string RegionPath(const Division* d) {
  std::vector<const Division*> chain;
  for (; d != nullptr; d = ParentOf(d)) chain.push_back(d);
  std::string path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!path.empty()) path += '/';
    path += ToUtf8((*it)->name);
  }
  return path;
}

const Division* ResolveRegionText(std::string_view text) {
  std::vector<const Division*> named;
  for (const PlaceMatch& m : Gazetteer::Get().FindPlaces(ToU32(text))) named.push_back(m.division);
  return DeepestAgreeing(named);
}

const Division* DeepestAgreeing(const std::vector<const Division*>& named) {
  const std::vector<const Division*> sure = Disambiguate(named);
  if (sure.size() < named.size()) return nullptr;
  const Division* deepest = nullptr;
  for (const Division* d : sure)
    if (deepest == nullptr || Depth(d->level) > Depth(deepest->level)) deepest = d;
  for (const Division* d : sure)
    if (!Contains(d, deepest)) return nullptr;  // two regions, neither inside the other
  return deepest;
}

const Division* ArticleRegion(const std::vector<const Division*>& named, const Division* given) {
  // Every mention weighs for its division and each of its ancestors; the region is found by
  // going down from the top while one child holds two thirds of its parent's weight.
  std::map<const Division*, int> weight;
  int total = 0;
  for (const Division* d : Disambiguate(WithoutLoneTowns(named))) {
    ++total;
    for (const Division* a = d; a != nullptr; a = ParentOf(a)) ++weight[a];
  }
  const Division* region = nullptr;
  int parent_weight = total;
  while (true) {
    const Division* best = nullptr;
    int best_weight = 0, ties = 0;
    for (const auto& [d, w] : weight) {
      if (ParentOf(d) != region || Depth(d->level) > Depth(kDeepestRegion)) continue;
      if (w > best_weight) {
        best = d, best_weight = w, ties = 0;
      } else if (w == best_weight) {
        ++ties;
      }
    }
    if (best == nullptr || ties > 0 || best_weight * 3 < parent_weight * 2) break;
    region = best;
    parent_weight = best_weight;
  }
  if (given != nullptr && (region == nullptr || !Contains(given, region))) return given;
  return region;
}

void AdoptRegionLevels(const Division* region, OrgContext* ctx) {
  for (const Division* d = region; d != nullptr; d = ParentOf(d)) {
    if (d->level_char == 0 || ctx->places.count(d->level_char)) continue;
    ctx->places[d->level_char].name = d->name;
  }
}

}  // namespace tupu::domain
