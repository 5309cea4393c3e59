// Short names of companies (see domain_short_names.h).
#include "extract/domain_short_names.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "extract/domain_text.h"
#include "extract/entity_merge.h"

namespace tupu::domain {
namespace {

// The tail a full company name adds to its short name: a few characters of business and the form
// of the firm (制品有限公司, 科技股份有限公司, 集团).
bool IsCompanyTail(std::u32string_view tail) {
  constexpr size_t kMaxTail = 10;
  if (tail.empty() || tail.size() > kMaxTail) return false;
  for (std::u32string_view form : {std::u32string_view(U"公司"), std::u32string_view(U"集团"),
                                   std::u32string_view(U"厂")})
    if (tail.size() >= form.size() && tail.substr(tail.size() - form.size()) == form) return true;
  return false;
}

// A short name that could be a firm's: not a division or a village (新兴村 and its cooperative
// are two), and long enough to say whose it is.
bool CanBeShortName(const EntityRecord& e) {
  constexpr size_t kMinShort = 3;
  if (e.label != NodeLabel::kOrganization || (e.kind != "place" && e.kind != "company")) return false;
  const std::u32string name = ToU32(e.name);
  if (name.size() < kMinShort) return false;
  return std::u32string_view(U"村镇乡县市区省旗州").find(name.back()) == std::u32string_view::npos;
}

// short index -> full index, for each short name with exactly one full name. Companies are few
// per document; their names are converted once.
std::map<size_t, size_t> FindShortNames(const std::vector<EntityRecord>& entities) {
  std::vector<std::pair<size_t, std::u32string>> companies;
  for (size_t f = 0; f < entities.size(); ++f)
    if (entities[f].label == NodeLabel::kOrganization && entities[f].kind == "company")
      companies.push_back({f, ToU32(entities[f].name)});
  std::map<size_t, size_t> out;
  if (companies.empty()) return out;
  for (size_t s = 0; s < entities.size(); ++s) {
    if (!CanBeShortName(entities[s])) continue;
    const std::u32string short_name = ToU32(entities[s].name);
    size_t full = 0, found = 0;
    for (const auto& [f, name] : companies) {
      if (f == s || name.size() <= short_name.size() || name.compare(0, short_name.size(), short_name) != 0)
        continue;
      if (!IsCompanyTail(std::u32string_view(name).substr(short_name.size()))) continue;
      full = f;
      ++found;
    }
    if (found == 1) out[s] = full;
  }
  return out;
}

// A fact's identity for "the same fact twice": type, ends and properties.
using FactKey = std::tuple<EdgeType, std::string, std::string, std::string>;

FactKey KeyOf(const FactRecord& f) {
  std::string props;
  for (const auto& [k, v] : f.props) props += k + "=" + v + "\x1f";
  // Counted facts (co-mentions, mentions) are one fact whatever their counts.
  if (f.type == EdgeType::kCoMentioned || f.type == EdgeType::kMentionedIn) props.clear();
  return {f.type, f.src.name + "\x1f" + std::to_string(static_cast<int>(f.src.label)),
          f.dst.name + "\x1f" + std::to_string(static_cast<int>(f.dst.label)), props};
}

}  // namespace

void MergeShortCompanyNames(ExtractedDocument* doc) {
  const std::map<size_t, size_t> merges = FindShortNames(doc->entities);
  if (merges.empty()) return;
  std::map<std::string, std::string> renamed;  // short name -> full name (organisations)
  for (const auto& [s, f] : merges) {
    EntityRecord& full = doc->entities[f];
    const EntityRecord& short_rec = doc->entities[s];
    AddAlias(&full, short_rec.name);
    MergeEntity(&full, short_rec);
    renamed[short_rec.name] = full.name;
  }
  auto is_renamed = [&](const EntityKey& key) {
    return key.label == NodeLabel::kOrganization && renamed.count(key.name) > 0;
  };
  auto rename = [&](EntityKey* key) {
    if (key->label != NodeLabel::kOrganization) return;  // a person may share a firm's name
    auto it = renamed.find(key->name);
    if (it != renamed.end()) key->name = it->second;
  };
  // Facts that named the short name and now say what another fact says are dropped; the others
  // keep all their evidence.
  std::set<FactKey> untouched;
  for (const auto& f : doc->facts)
    if (!is_renamed(f.src) && !is_renamed(f.dst)) untouched.insert(KeyOf(f));
  std::vector<FactRecord> kept;
  std::set<FactKey> moved;
  for (auto& f : doc->facts) {
    const bool touched = is_renamed(f.src) || is_renamed(f.dst);
    rename(&f.src);
    rename(&f.dst);
    if (touched) {
      if (f.src == f.dst) continue;  // the short and the full name co-mentioned
      const FactKey key = KeyOf(f);
      if (untouched.count(key) || !moved.insert(key).second) continue;
    }
    kept.push_back(std::move(f));
  }
  doc->facts = std::move(kept);
  std::vector<EntityRecord> entities;
  for (size_t i = 0; i < doc->entities.size(); ++i)
    if (!merges.count(i)) entities.push_back(std::move(doc->entities[i]));
  doc->entities = std::move(entities);
}

}  // namespace tupu::domain
