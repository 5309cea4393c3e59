// The key layout of tupu's RocksDB column families (../DESIGN.md "RocksDB layout"): big-endian ids
// so that prefix scans come out ordered by id. Kept free of RocksDB types so tests can build keys.
// Thread safety: all functions are pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/model.h"

namespace tupu::store_keys {

// Column family names, in the order the store opens them (after "default").
inline constexpr const char* kMeta = "meta";
inline constexpr const char* kDocs = "docs";
inline constexpr const char* kDocKeys = "doc_keys";
inline constexpr const char* kNodes = "nodes";
inline constexpr const char* kNames = "names";
inline constexpr const char* kOut = "out";
inline constexpr const char* kIn = "in";
inline constexpr const char* kDocFacts = "doc_facts";
// Added after schema 1 shipped, without a new schema version: older databases lack it until a
// writer opens them (see rocks_database.h, "optional column families").
inline constexpr const char* kAnnotations = "annotations";

inline constexpr const char kSchemaVersionKey[] = "schema_version";
// documents, nodes, out edges: 3 x 8 bytes big-endian, updated in every ingest's batch so that
// Counts() is a point read. Absent in a database that has not been written yet.
inline constexpr const char kCountsKey[] = "counts";

// Tags of doc_facts keys: doc id (8) + tag (1) + the key written in that column family.
inline constexpr char kTagDoc = 'd';      // docs row (key: doc id)
inline constexpr char kTagDocKey = 'k';   // doc_keys entry (key: its doc_keys key)
inline constexpr char kTagNode = 'n';     // node reference (key: node id; value: mentions here)
inline constexpr char kTagOut = 'o';      // out edge (key: its out key)
inline constexpr char kTagIn = 'i';       // in twin (key: its in key)

// Big-endian fixed-width integers.
void AppendBigEndian64(uint64_t v, std::string* out);
void AppendBigEndian32(uint32_t v, std::string* out);
void AppendBigEndian16(uint16_t v, std::string* out);
// REQUIRES: bytes.size() >= 8 / 4 / 2.
uint64_t ReadBigEndian64(std::string_view bytes);
uint32_t ReadBigEndian32(std::string_view bytes);
uint16_t ReadBigEndian16(std::string_view bytes);

std::string IdKey(uint64_t id);  // docs and nodes: the id, 8 bytes

// doc_keys: 's' + source key -> doc id; 'h' + content hash (8) -> doc id.
std::string SourceKeyKey(std::string_view source_key);
std::string ContentHashKey(uint64_t content_hash);

// names: label (1) + name or alias + '\0' + node id (8) -> one byte, 1 = canonical name, 0 = alias.
// The node id in the key lets two nodes share an alias ("张书记" may be two people); FindNode
// prefers the node whose canonical name it is. Names never hold '\0' (Ingest refuses them).
std::string NamePrefix(NodeLabel label, std::string_view name);
std::string NameKey(NodeLabel label, std::string_view name, NodeId node);
struct NameKeyParts {
  NodeLabel label;
  std::string name;
  NodeId node;
};
std::optional<NameKeyParts> ParseNameKey(std::string_view key);

// out: src (8) + type (2) + dst (8) + fact (8); in: dst (8) + type (2) + src (8) + fact (8).
inline constexpr size_t kEdgeKeySize = 26;
struct EdgeKeyParts {
  NodeId src = 0;
  EdgeType type = EdgeType::kCoMentioned;
  NodeId dst = 0;
  FactId fact = 0;
};
std::string OutKey(const EdgeKeyParts& e);
std::string InKey(const EdgeKeyParts& e);
// Parses an out key / in key back into the edge it names. nullopt when the size is wrong.
std::optional<EdgeKeyParts> ParseOutKey(std::string_view key);
std::optional<EdgeKeyParts> ParseInKey(std::string_view key);
// Prefix of the out (or in) keys of `node`, optionally of one edge type.
std::string EdgePrefix(NodeId node, const EdgeType* type);

// doc_facts: doc id (8) + tag (1) + key.
std::string DocFactKey(DocId doc, char tag, std::string_view key);
std::string DocFactPrefix(DocId doc);

// annotations: node id (8) + the user's annotation key (UTF-8, as given) -> the annotation text.
// Keyed by node id, never by document: ingest does not know them, so they outlive re-ingest.
std::string AnnotationKey(NodeId node, std::string_view key);

// Fact id = Hash64 of (doc id, type, src, dst, span begin, span end), all big-endian.
FactId MakeFactId(DocId doc, EdgeType type, NodeId src, NodeId dst, uint32_t span_begin,
                  uint32_t span_end);

}  // namespace tupu::store_keys
