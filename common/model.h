// The graph data model shared by every stage: node labels, edge types and content-addressed ids
// (../DESIGN.md "Data model"). The numeric values are stored in RocksDB keys: never renumber.
// Thread safety: all functions are pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tupu {

using NodeId = uint64_t;  // Hash64 of (label, canonical name[, scope])
using FactId = uint64_t;  // Hash64 of (doc id, type, src, dst, span)
using DocId = uint64_t;   // Hash64 of the document's source key

enum class NodeLabel : uint8_t {
  kPerson = 1,
  kOrganization = 2,  // offices, party committees, companies, communities, villages; see `kind`
  kPlace = 3,
  kDocument = 4,
};
inline constexpr NodeLabel kAllNodeLabels[] = {NodeLabel::kPerson, NodeLabel::kOrganization,
                                               NodeLabel::kPlace, NodeLabel::kDocument};

enum class EdgeType : uint16_t {
  kHoldsPosition = 1,  // Person -> Organization; title
  kVisited = 2,        // Person -> Organization/Place; date, time
  kAccompanied = 3,    // Person (companion) -> Person (host); date
  kPresided = 4,       // Person -> Organization/meeting; date
  kAttended = 5,       // Person -> Organization/meeting; date
  kDonatedTo = 6,      // Person/Organization -> Organization; date, what
  kPartOf = 7,         // Organization -> Organization/Place
  kAuthored = 8,       // Person (reporter) -> Document; role
  kMentionedIn = 9,    // entity -> Document; count
  kCoMentioned = 10,   // entity -- entity, same sentence; weight = number of sentences
};
inline constexpr EdgeType kAllEdgeTypes[] = {
    EdgeType::kHoldsPosition, EdgeType::kVisited,    EdgeType::kAccompanied,
    EdgeType::kPresided,      EdgeType::kAttended,   EdgeType::kDonatedTo,
    EdgeType::kPartOf,        EdgeType::kAuthored,   EdgeType::kMentionedIn,
    EdgeType::kCoMentioned};

// "Person", "Organization", ...; ParseNodeLabel accepts exactly these names.
std::string_view NodeLabelName(NodeLabel label);
std::optional<NodeLabel> ParseNodeLabel(std::string_view name);

// "HOLDS_POSITION", "VISITED", ...; ParseEdgeType accepts exactly these names.
std::string_view EdgeTypeName(EdgeType type);
std::optional<EdgeType> ParseEdgeType(std::string_view name);

// 64-bit content hash (XXH3). Stable across machines and versions: ids are stored.
uint64_t Hash64(std::string_view bytes);

// A node's identity is its label, its canonical name and its scope: where that name is taken to
// mean one thing (a region "陕西省/西安市", "source:<paper>", "document:<key>"; see
// docs/resolution.md). The empty scope (a name that means one thing everywhere) hashes as the
// name alone, so nodes without a scope keep the ids they had before scopes existed.
NodeId MakeNodeId(NodeLabel label, std::string_view canonical_name, std::string_view scope = {});
DocId MakeDocId(std::string_view source_key);

// Small ordered property list (title, date, time, role, what, ...). Few entries per edge, so a
// vector of pairs beats a map; keys are unique and kept in insertion order.
using Properties = std::vector<std::pair<std::string, std::string>>;

// The value of `key`, or nullptr.
const std::string* FindProperty(const Properties& props, std::string_view key);
// Sets `key` to `value`, replacing an existing entry.
void SetProperty(Properties* props, std::string_view key, std::string value);

// 16 lower-case hex digits: how ids appear in exports and messages.
std::string IdToHex(uint64_t id);
std::optional<uint64_t> HexToId(std::string_view hex);

}  // namespace tupu
