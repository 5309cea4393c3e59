// Names of labels and edge types, content-addressed ids.
#include "common/model.h"

#include <xxhash.h>

#include <cstdio>

namespace tupu {

std::string_view NodeLabelName(NodeLabel label) {
  switch (label) {
    case NodeLabel::kPerson: return "Person";
    case NodeLabel::kOrganization: return "Organization";
    case NodeLabel::kPlace: return "Place";
    case NodeLabel::kDocument: return "Document";
  }
  return "Unknown";
}

std::optional<NodeLabel> ParseNodeLabel(std::string_view name) {
  for (NodeLabel label : kAllNodeLabels) {
    if (NodeLabelName(label) == name) return label;
  }
  return std::nullopt;
}

std::string_view EdgeTypeName(EdgeType type) {
  switch (type) {
    case EdgeType::kHoldsPosition: return "HOLDS_POSITION";
    case EdgeType::kVisited: return "VISITED";
    case EdgeType::kAccompanied: return "ACCOMPANIED";
    case EdgeType::kPresided: return "PRESIDED";
    case EdgeType::kAttended: return "ATTENDED";
    case EdgeType::kDonatedTo: return "DONATED_TO";
    case EdgeType::kPartOf: return "PART_OF";
    case EdgeType::kAuthored: return "AUTHORED";
    case EdgeType::kMentionedIn: return "MENTIONED_IN";
    case EdgeType::kCoMentioned: return "CO_MENTIONED";
  }
  return "UNKNOWN";
}

std::optional<EdgeType> ParseEdgeType(std::string_view name) {
  for (EdgeType type : kAllEdgeTypes) {
    if (EdgeTypeName(type) == name) return type;
  }
  return std::nullopt;
}

uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

NodeId MakeNodeId(NodeLabel label, std::string_view canonical_name, std::string_view scope) {
  std::string key;
  key.reserve(canonical_name.size() + scope.size() + 2);
  key.push_back(static_cast<char>(label));
  key.append(canonical_name);
  if (!scope.empty()) {
    key.push_back('\0');  // names never hold NUL (the store refuses them): no name+scope collides
    key.append(scope);
  }
  return Hash64(key);
}

DocId MakeDocId(std::string_view source_key) {
  // The Document node of a source and its row in the docs column family share one id.
  return MakeNodeId(NodeLabel::kDocument, source_key);
}

const std::string* FindProperty(const Properties& props, std::string_view key) {
  for (const auto& [k, v] : props) {
    if (k == key) return &v;
  }
  return nullptr;
}

void SetProperty(Properties* props, std::string_view key, std::string value) {
  for (auto& [k, v] : *props) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  props->emplace_back(std::string(key), std::move(value));
}

std::string IdToHex(uint64_t id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
  return std::string(buf, 16);
}

std::optional<uint64_t> HexToId(std::string_view hex) {
  if (hex.empty() || hex.size() > 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : hex) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  return v;
}

}  // namespace tupu
