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

// A division and the divisions above it.
std::vector<const Division*> SelfAndAncestors(const Division* d) {
  std::vector<const Division*> out;
  for (; d != nullptr; d = ParentOf(d)) out.push_back(d);
  return out;
}

// One name the article writes, with every division it may mean.
struct NamedPlace {
  std::vector<const Division*> candidates;
  std::set<const Division*> candidate_set;
  std::set<const Division*> above_or_self;  // the candidates and their ancestors
  const Division* meant = nullptr;
};

// How many of the other names hold `c` or lie in it.
int Support(const Division* c, const NamedPlace& own, const std::vector<NamedPlace>& places) {
  const std::vector<const Division*> up = SelfAndAncestors(c);
  int support = 0;
  for (const NamedPlace& other : places) {
    if (&other == &own) continue;
    const bool holds = std::any_of(up.begin(), up.end(), [&](const Division* a) { return other.candidate_set.count(a) > 0; });
    if (holds || other.above_or_self.count(c)) ++support;
  }
  return support;
}

// The division a name means: its only one (a town's only when another name agrees: a town's
// name alone is too often shared, or a word), else the one candidate the other names agree with
// most, when they agree with it at all and with no other as much.
const Division* Meant(const NamedPlace& place, const std::vector<NamedPlace>& places) {
  const Division* best = nullptr;
  int best_support = 0, ties = 0;
  for (const Division* c : place.candidates) {
    const int support = Support(c, place, places);
    if (support > best_support) {
      best = c, best_support = support, ties = 0;
    } else if (support == best_support) {
      ++ties;
    }
  }
  if (best_support > 0) return ties == 0 ? best : nullptr;
  const Division* only = place.candidates.size() == 1 ? place.candidates.front() : nullptr;
  return only != nullptr && only->level != DivisionLevel::kTown ? only : nullptr;
}

// Each mention as the one division it means (see Meant); a mention that stays ambiguous is left
// out.
std::vector<const Division*> Disambiguate(const std::vector<const Division*>& named) {
  std::map<std::pair<std::u32string, DivisionLevel>, size_t> index;
  std::vector<NamedPlace> places;
  for (const Division* d : named) {
    auto [it, added] = index.emplace(std::make_pair(d->name, d->level), places.size());
    if (!added) continue;
    NamedPlace place;
    place.candidates = Namesakes(d);
    for (const Division* c : place.candidates) {
      place.candidate_set.insert(c);
      for (const Division* a : SelfAndAncestors(c)) place.above_or_self.insert(a);
    }
    places.push_back(std::move(place));
  }
  for (NamedPlace& place : places) place.meant = Meant(place, places);
  std::vector<const Division*> out;
  for (const Division* d : named)
    if (const Division* meant = places[index.at({d->name, d->level})].meant) out.push_back(meant);
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
  // going down from the top while one child holds more than half of its parent's weight (a
  // city's official visiting one of its districts names both about as often).
  std::map<const Division*, int> weight;
  int total = 0;
  for (const Division* d : Disambiguate(named)) {
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
    if (best == nullptr || ties > 0 || best_weight * 2 <= parent_weight) break;
    region = best;
    parent_weight = best_weight;
  }
  if (given != nullptr && (region == nullptr || !Contains(given, region))) return given;
  return region;
}

void AdoptRegionLevels(const Division* region, OrgContext* ctx) {
  // The region is where most of the article's places lie: an article about 安吉县 that names
  // 德清县 once still means 安吉县委 by 县委.
  for (const Division* d = region; d != nullptr; d = ParentOf(d)) {
    if (d->level_char == 0) continue;
    NamedLevel& slot = ctx->places[d->level_char];
    slot.name = d->name;
    slot.several = false;
    slot.settled = true;
  }
}

}  // namespace tupu::domain
