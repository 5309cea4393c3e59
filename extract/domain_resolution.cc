// Resolution: each entity's scope (see domain_resolution.h).
#include "extract/domain_resolution.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "extract/domain_article_region.h"
#include "extract/domain_article_splitter.h"
#include "extract/domain_text.h"
#include "extract/entity_merge.h"

namespace tupu::domain {
namespace {

using NameKey = std::pair<NodeLabel, std::string>;

// Where an organisation is: a division, the whole country, or not said.
struct OrgWhere {
  const Division* region = nullptr;
  bool national = false;
  bool local = false;  // needs a place its document does not give: scoped by the source
};

bool StartsWithAny(std::u32string_view name, std::initializer_list<std::u32string_view> prefixes) {
  for (auto p : prefixes)
    if (name.substr(0, p.size()) == p) return true;
  return false;
}

// 党中央, 国务院, 全国人大, 国家发展改革委: bodies of the whole country.
bool IsNational(std::u32string_view name) {
  return StartsWithAny(name, {U"中共中央", U"党中央", U"中央", U"国务院", U"全国", U"国家", U"中华人民共和国",
                              U"中国共产党中央"});
}

// 市委, 县政府, 区人大常委会, 镇党委, 省委: a body named by its level alone.
bool IsBareLevelBody(std::u32string_view name) {
  return name.size() >= 2 && std::u32string_view(U"省市县区旗州盟镇乡").find(name[0]) != std::u32string_view::npos;
}

// 高新区管委会, 经开区党工委: a zone's bodies, named without their city.
bool IsZoneBody(std::u32string_view name) {
  return StartsWithAny(name, {U"高新区", U"经开区", U"开发区", U"经济开发区", U"经济技术开发区", U"高新技术产业开发区",
                              U"工业园区", U"产业园区", U"综合保税区", U"保税区", U"自贸区", U"新区"});
}

// 中共安吉县委, 民盟红河州委: the length of a party's name before the region (no part of where
// the body is), else 0.
size_t PartyPrefixLength(std::u32string_view name) {
  for (std::u32string_view party : {U"中共", U"民革", U"民盟", U"民建", U"民进", U"农工党", U"致公党", U"九三学社", U"台盟"})
    if (name.substr(0, party.size()) == party) return party.size();
  return 0;
}

// The divisions written at the start of `name` (after a party's name), one after the other, each
// inside the one before (西安市长安区委 -> 西安市, 长安区; not 西峡县林业局 -> 西峡县 + a town
// called 林业局 elsewhere).
std::vector<const Division*> LeadingDivisions(std::u32string_view name) {
  std::vector<const Division*> out;
  name.remove_prefix(PartyPrefixLength(name));
  size_t at = 0;
  for (const PlaceMatch& m : Gazetteer::Get().FindPlaces(name)) {
    if (m.begin != at || m.short_form) break;
    out.push_back(m.division);
    if (out.size() > 1 && DeepestAgreeing(out) == nullptr) {
      out.pop_back();
      break;
    }
    at = m.end;
  }
  return out;
}

// Which of `candidates` the article's region is in, or holds; nullptr unless exactly one.
const Division* AgreeingWithRegion(const std::vector<const Division*>& candidates, const Division* region) {
  const Division* only = nullptr;
  for (const Division* c : candidates)
    if (region != nullptr && (Contains(c, region) || Contains(region, c))) {
      if (only != nullptr) return nullptr;
      only = c;
    }
  return only;
}

// The prefecture a region is in: its city, or itself when it is a province.
const Division* Prefecture(const Division* d) {
  if (d == nullptr || d->level == DivisionLevel::kProvince) return d;
  if (const Division* city = AncestorAt(d, DivisionLevel::kCity)) return city;
  return AncestorAt(d, DivisionLevel::kProvince);  // a county of a municipality
}

// 汉中市汉台区委 -> 汉台区委: a body led by a region and the regions above it is named from the
// lowest of them (its scope says which 海州区 it is), so that an article that names the city and
// one that does not meet on one node. Empty when the name stays.
std::string WithoutRegionsAbove(std::u32string_view name) {
  const std::vector<const Division*> leading = LeadingDivisions(name);
  // 连云港市高新区管委会: a zone's bodies are named without their city, as most articles write
  // them (and scoped by their source, below).
  const size_t party = PartyPrefixLength(name);
  size_t all = party;
  for (const Division* d : leading) all += d->name.size();
  if (!leading.empty() && IsZoneBody(name.substr(all))) return ToUtf8(name.substr(all));
  if (leading.size() < 2) return "";
  const Division* meant = DeepestAgreeing(leading);
  if (meant == nullptr || meant->name != leading.back()->name) return "";
  size_t above = 0;
  for (size_t i = 0; i + 1 < leading.size(); ++i) above += leading[i]->name.size();
  if (name.size() - party - above < 2) return "";
  return ToUtf8(std::u32string(name.substr(0, party)) + std::u32string(name.substr(party + above)));
}

// Names every organisation from its lowest region; one that meets an entity of its new name
// merges into it (entity_merge.h).
void NameFromLowestRegion(ExtractedDocument* doc) {
  std::map<std::string, EntityKey> renamed;  // old key -> new key, for the facts
  std::map<std::string, size_t> position;    // key -> index in `kept`
  std::vector<EntityRecord> kept;
  for (EntityRecord& e : doc->entities) {
    if (e.label == NodeLabel::kOrganization)
      if (std::string lower = WithoutRegionsAbove(ToU32(e.name)); !lower.empty()) {
        const std::string old_key = ScopedKey(e.key());
        const std::string old_name = std::exchange(e.name, std::move(lower));
        AddAlias(&e, old_name);
        renamed[old_key] = e.key();
      }
    auto [it, added] = position.emplace(ScopedKey(e.key()), kept.size());
    if (added) kept.push_back(std::move(e));
    else MergeEntity(&kept[it->second], e);
  }
  doc->entities = std::move(kept);
  if (!renamed.empty()) RenameFacts(renamed, doc);
}

// The name that best says where a body led by its region is: the longest of its name and the
// aliases that end with it (连云港市海州区委 for 海州区委: the city says which 海州区). Others (a
// zone's body, whatever city was written) are placed by their own name.
std::string PlacingName(const EntityRecord& e) {
  if (LeadingDivisions(ToU32(e.name)).empty()) return e.name;
  std::string best = e.name;
  for (const std::string& alias : e.aliases)
    if (alias.size() > best.size() && alias.compare(alias.size() - e.name.size(), e.name.size(), e.name) == 0)
      best = alias;
  return best;
}

class Resolver {
 public:
  Resolver(const ResolutionContext& ctx, ExtractedDocument* doc) : ctx_(ctx), doc_(doc) {}

  void Run() {
    NameFromLowestRegion(doc_);
    MapEntitiesToArticles();
    for (const EntityRecord& e : doc_->entities)
      if (e.label == NodeLabel::kOrganization) scopes_[{e.label, e.name}] = OrganizationScope(e);
    for (const EntityRecord& e : doc_->entities)
      if (e.label == NodeLabel::kPerson) scopes_[{e.label, e.name}] = PersonScope(e);
    Apply();
    LinkRegionsUp();
    SetDocumentProperties();
  }

 private:
  // The article each entity is first mentioned in (MENTIONED_IN facts point at it).
  void MapEntitiesToArticles() {
    std::map<std::string, size_t> article_of_doc;
    for (size_t a = 0; a < ctx_.article_docs.size(); ++a) article_of_doc[ctx_.article_docs[a]] = a;
    for (const FactRecord& f : doc_->facts) {
      if (f.type != EdgeType::kMentionedIn) continue;
      auto it = article_of_doc.find(f.dst.name);
      if (it != article_of_doc.end()) article_.emplace(NameKey{f.src.label, f.src.name}, it->second);
    }
  }

  const Division* RegionOf(const EntityRecord& e) const {
    auto it = article_.find({e.label, e.name});
    const size_t a = it == article_.end() ? 0 : it->second;
    return a < ctx_.article_regions.size() ? ctx_.article_regions[a] : nullptr;
  }

  std::string OrganizationScope(const EntityRecord& e) {
    const std::u32string name = ToU32(PlacingName(e));
    const Division* region = RegionOf(e);
    OrgWhere& where = where_[e.name];
    if (IsNational(name)) {
      where.national = true;
      return "";
    }
    // A name that needs a place the document did not give (市委, 高新区管委会, 石佛办事处) means
    // one thing within its source: a local paper's bodies, zones and villages are its own. Not
    // the article's region: the same paper's next article may not name it, and the two would
    // then be two nodes. A zone's bodies are their source's even where the statistics list the
    // zone as a district (高新区) and the city was written.
    if (IsZoneBody(ToU32(e.name))) {
      where.local = true;
      return ctx_.unknown_place_scope;
    }
    const std::vector<const Division*> leading = LeadingDivisions(name);
    if (!leading.empty() && leading.front()->level == DivisionLevel::kTown) return LedByTownScope(leading.front(), region, &where);
    if (!leading.empty()) return LedByPlaceScope(leading, region, &where);
    if (IsBareLevelBody(name) || e.kind == "place") {
      where.local = true;
      return ctx_.unknown_place_scope;
    }
    return "";
  }

  // A name led by divisions (安吉县委, 西安市长安区委, 朝阳区): unscoped when its deepest division
  // has a name of its own, else scoped by the one the article means.
  std::string LedByPlaceScope(const std::vector<const Division*>& leading, const Division* region,
                              OrgWhere* where) {
    const Division* deepest = leading.back();
    const std::vector<const Division*> namesakes = Namesakes(deepest);
    if (namesakes.size() <= 1) {
      where->region = deepest;
      return "";
    }
    const Division* meant = DeepestAgreeing(leading);
    if (meant == nullptr || meant->level != deepest->level) meant = AgreeingWithRegion(namesakes, region);
    if (meant == nullptr) {
      where->local = true;
      return ctx_.unknown_place_scope;
    }
    where->region = meant;
    return RegionPath(meant);
  }

  // A town written alone (新坝镇, 新坝镇政府): towns' names repeat across the country, so it is the
  // article's one when its region holds one of that name, and else its source's.
  std::string LedByTownScope(const Division* town, const Division* region, OrgWhere* where) {
    const Division* meant = AgreeingWithRegion(Namesakes(town), region);
    if (meant == nullptr) {
      where->local = true;
      return ctx_.unknown_place_scope;
    }
    where->region = meant;
    return RegionPath(meant);
  }

  std::string PersonScope(const EntityRecord& e) {
    bool wrote = false, held = false;
    for (const FactRecord& f : doc_->facts) {
      if (f.src.label != NodeLabel::kPerson || f.src.name != e.name) continue;
      if (f.type == EdgeType::kAuthored) wrote = true;
      if (f.type != EdgeType::kHoldsPosition) continue;
      held = true;
      auto it = where_.find(f.dst.name);
      if (it == where_.end()) continue;
      if (it->second.national) return "";
      if (it->second.local) return ctx_.unknown_place_scope;  // as its body: the same in every article
      if (it->second.region != nullptr) return RegionPath(Prefecture(it->second.region));
    }
    if (wrote && !held) return ctx_.unknown_place_scope;  // a paper's reporter goes where it sends
    const Division* region = RegionOf(e);
    return region != nullptr ? RegionPath(Prefecture(region)) : ctx_.unknown_place_scope;
  }

  void Apply() {
    auto scope_of = [&](NodeLabel label, const std::string& name) -> std::string {
      auto it = scopes_.find({label, name});
      return it == scopes_.end() ? std::string() : it->second;
    };
    for (EntityRecord& e : doc_->entities) e.scope = scope_of(e.label, e.name);
    for (FactRecord& f : doc_->facts) {
      f.src.scope = scope_of(f.src.label, f.src.name);
      f.dst.scope = scope_of(f.dst.label, f.dst.name);
    }
  }

  // 海州区 PART_OF 连云港市 PART_OF 江苏省: every region the document names, up to its province,
  // as the gazetteer has it (the regions above are nodes even when the text does not name them),
  // with the first place the region is written as the evidence.
  void LinkRegionsUp() {
    std::map<NameKey, std::pair<uint32_t, TextSpan>> first_seen;
    for (const FactRecord& f : doc_->facts)
      for (const EntityKey* k : {&f.src, &f.dst})
        first_seen.emplace(NameKey{k->label, k->name}, std::make_pair(f.sentence, f.span));
    std::map<std::string, EntityKey> region_nodes;  // region path -> its node
    std::vector<std::pair<const Division*, EntityKey>> pending;
    for (const EntityRecord& e : doc_->entities) {
      auto it = where_.find(e.name);
      if (e.label != NodeLabel::kOrganization || e.kind != "region" || it == where_.end() ||
          it->second.region == nullptr || ToUtf8(it->second.region->name) != e.name)
        continue;
      region_nodes.emplace(RegionPath(it->second.region), e.key());
      pending.emplace_back(it->second.region, e.key());
    }
    std::set<std::pair<std::string, std::string>> linked;
    for (size_t i = 0; i < pending.size(); ++i) {
      const auto [division, child] = pending[i];
      const Division* parent = ParentOf(division);
      auto seen = first_seen.find({child.label, child.name});
      if (parent == nullptr || seen == first_seen.end()) continue;
      auto [at, added] = region_nodes.emplace(RegionPath(parent), EntityKey{});
      if (added) {
        EntityRecord rec;
        rec.label = NodeLabel::kOrganization;
        rec.name = ToUtf8(parent->name);
        rec.kind = "region";
        rec.scope = Namesakes(parent).size() > 1 ? RegionPath(parent) : "";
        at->second = rec.key();
        doc_->entities.push_back(std::move(rec));
        first_seen.emplace(NameKey{at->second.label, at->second.name}, seen->second);
        pending.emplace_back(parent, at->second);
      }
      if (!linked.insert({child.name + '\0' + child.scope, at->second.name}).second) continue;
      FactRecord f;
      f.type = EdgeType::kPartOf;
      f.src = child;
      f.dst = at->second;
      f.sentence = seen->second.first;
      f.span = seen->second.second;
      doc_->facts.push_back(std::move(f));
    }
  }

  void SetDocumentProperties() {
    std::map<std::string, const Division*> region_of_doc;
    for (size_t a = 0; a < ctx_.article_docs.size() && a < ctx_.article_regions.size(); ++a)
      region_of_doc[ctx_.article_docs[a]] = ctx_.article_regions[a];
    for (EntityRecord& e : doc_->entities) {
      if (e.label != NodeLabel::kDocument) continue;
      auto it = region_of_doc.find(e.name);
      if (it != region_of_doc.end() && it->second != nullptr)
        SetProperty(&e.props, "region", RegionPath(it->second));
      if (e.name == ctx_.page_doc && FindProperty(e.props, "source") == nullptr &&
          ctx_.unknown_place_scope.rfind("source:", 0) == 0)
        SetProperty(&e.props, "source", ctx_.unknown_place_scope.substr(7));
    }
  }

  const ResolutionContext& ctx_;
  ExtractedDocument* doc_;
  std::map<NameKey, size_t> article_;
  std::map<std::string, OrgWhere> where_;  // organisation name -> where it is
  std::map<NameKey, std::string> scopes_;
};

// The folder of a file's key ("archive/paper-a/0301.txt" -> "archive/paper-a"), the file of a
// .jsonl record ("news.jsonl:17" -> "news.jsonl"); empty for standard input.
std::string ContainerOf(const SourceDocument& doc) {
  const std::string& origin = doc.origin;
  const size_t colon = origin.rfind(':');
  if (colon != std::string::npos && colon + 1 < origin.size() &&
      origin.find_first_not_of("0123456789", colon + 1) == std::string::npos)
    return origin.substr(0, colon);
  if (origin.empty() || origin == "<stdin>" || origin == "-") return "";
  const size_t slash = origin.rfind('/');
  return slash == std::string::npos ? "." : origin.substr(0, slash);
}

}  // namespace

std::string UnknownPlaceScope(const SourceDocument& doc, std::string_view url) {
  if (!doc.source.empty()) return "source:" + doc.source;
  // A web address names its site (without the port: as curation's source-region matches it).
  if (url.find("://") != std::string_view::npos)
    if (std::string_view host = AddressHost(url); !host.empty()) return "source:" + std::string(host);
  if (std::string container = ContainerOf(doc); !container.empty()) return "source:" + container;
  return "document:" + doc.source_key;
}

void ResolveIdentities(const ResolutionContext& ctx, ExtractedDocument* doc) {
  Resolver(ctx, doc).Run();
}

}  // namespace tupu::domain
