// Entities of one document that become one (see entity_merge.h).
#include "extract/entity_merge.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <vector>

namespace tupu {
namespace {

uint64_t ParseCount(const std::string* value) {
  uint64_t n = 0;
  if (value) std::from_chars(value->data(), value->data() + value->size(), n);
  return n;
}

}  // namespace

std::string ScopedKey(NodeLabel label, std::string_view name, std::string_view scope) {
  std::string key(1, static_cast<char>(label));
  key.append(name);
  key.push_back('\0');
  key.append(scope);
  return key;
}
std::string ScopedKey(const EntityKey& key) { return ScopedKey(key.label, key.name, key.scope); }

void AddAlias(EntityRecord* e, const std::string& alias) {
  if (alias.empty() || alias == e->name) return;
  if (std::find(e->aliases.begin(), e->aliases.end(), alias) == e->aliases.end()) {
    e->aliases.push_back(alias);
  }
}

void MergeEntity(EntityRecord* into, const EntityRecord& from) {
  for (const auto& alias : from.aliases) AddAlias(into, alias);
  into->mentions += from.mentions;
  if (into->kind.empty()) into->kind = from.kind;
  for (const auto& [k, v] : from.props) {
    if (!FindProperty(into->props, k)) SetProperty(&into->props, k, v);
  }
}

void RenameFacts(const std::map<std::string, EntityKey>& renamed, ExtractedDocument* doc) {
  std::vector<FactRecord> kept;
  std::map<std::string, size_t> counted;  // type, src, dst -> index in kept
  for (auto& f : doc->facts) {
    bool touched = false;
    for (EntityKey* end : {&f.src, &f.dst}) {
      auto it = renamed.find(ScopedKey(*end));
      if (it == renamed.end()) continue;
      *end = it->second;
      touched = true;
    }
    if (touched && f.src == f.dst) continue;
    const char* count_key = f.type == EdgeType::kMentionedIn   ? "count"
                            : f.type == EdgeType::kCoMentioned ? "weight"
                                                               : nullptr;
    if (count_key) {
      std::string key = std::to_string(static_cast<int>(f.type)) + '\x1f' + ScopedKey(f.src) +
                        '\x1f' + ScopedKey(f.dst);
      auto [it, added] = counted.emplace(std::move(key), kept.size());
      if (!added) {
        FactRecord& first = kept[it->second];
        const uint64_t sum = ParseCount(FindProperty(first.props, count_key)) +
                             ParseCount(FindProperty(f.props, count_key));
        SetProperty(&first.props, count_key, std::to_string(sum));
        continue;
      }
    }
    kept.push_back(std::move(f));
  }
  doc->facts = std::move(kept);
}

}  // namespace tupu
