// Entities of one document that become one: what curation (same-as, not-same-as) and resolution
// (汉中市汉台区委 named 汉台区委) both do when a rename makes two entities share a key. One
// entity keeps the other's aliases and mentions; the facts follow the new keys, a node's facts
// with itself go, and counted facts (mentions, co-mentions) between the same two nodes become one.
// Thread safety: pure functions over one document.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "common/document.h"

namespace tupu {

// Label, name and scope as one string: a map key that tells two entities apart exactly when
// their node ids differ.
std::string ScopedKey(NodeLabel label, std::string_view name, std::string_view scope);
std::string ScopedKey(const EntityKey& key);

// Adds `alias` to `e` unless it is empty, its name, or already there.
void AddAlias(EntityRecord* e, const std::string& alias);

// `from` joins `into` (the same node now): aliases united, mentions summed, the first's kind and
// properties kept where both have one.
void MergeEntity(EntityRecord* into, const EntityRecord& from);

// Renames the ends of `doc`'s facts by `renamed` (old ScopedKey -> new key), dropping a node's
// facts with itself and summing counted facts between the same two nodes.
void RenameFacts(const std::map<std::string, EntityKey>& renamed, ExtractedDocument* doc);

}  // namespace tupu
