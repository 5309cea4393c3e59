// GraphSnapshot: an immutable in-memory copy of the stored graph (or a filtered part) as a
// Boost.Graph, for traversals, algorithms and exports. Built once from a GraphStore; never changes.
// Thread safety: const methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "common/model.h"
#include "common/result.h"
#include "store/graph_store.h"

namespace tupu {

struct VertexProps {
  NodeId id = 0;
  NodeLabel label = NodeLabel::kPerson;
  std::string name;
  std::vector<std::string> aliases;
  std::string kind;
  uint32_t mentions = 0;
  Properties props;
};

struct EdgeProps {
  FactId id = 0;
  EdgeType type = EdgeType::kCoMentioned;
  DocId doc = 0;
  uint32_t sentence = 0;
  TextSpan span;
  double weight = 1.0;  // CO_MENTIONED: sentences (its `weight` property); else 1
  Properties props;     // as stored; for CO_MENTIONED it still holds the `weight` text
};

// Directed multigraph: two visits are two edges. bidirectionalS gives in-edges for in_() steps.
using PropertyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                            VertexProps, EdgeProps>;
using Vertex = PropertyGraph::vertex_descriptor;
using Edge = PropertyGraph::edge_descriptor;

struct SnapshotFilter {
  std::vector<NodeLabel> labels;     // empty: all labels
  std::vector<EdgeType> edge_types;  // empty: all types
  // Edges whose endpoints are filtered out are dropped. Vertices without edges are kept only when
  // their label is wanted, and not at all when drop_isolated is set (e.g. "just the VISITED
  // network": edge_types = {VISITED}, drop_isolated = true).
  bool drop_isolated = false;
};

// Order guarantee (what makes exports byte-identical): vertices are numbered in ascending NodeId;
// the out-edges of a vertex, and so edges(graph()), come in ascending (type, target NodeId, FactId).
class GraphSnapshot {
 public:
  static Result<std::shared_ptr<const GraphSnapshot>> Load(const GraphStore& store,
                                                           const SnapshotFilter& filter = {});

  const PropertyGraph& graph() const { return graph_; }
  size_t num_vertices() const;
  size_t num_edges() const;

  std::optional<Vertex> FindVertex(NodeId id) const;
  // By canonical name or alias; label optional. Ascending vertex order; empty when none.
  std::vector<Vertex> FindByName(const std::string& name,
                                 std::optional<NodeLabel> label = std::nullopt) const;

  // A new snapshot holding just `edges` and their endpoints (for subgraph():export()).
  // Duplicates in `edges` are kept once. REQUIRES: every edge belongs to this snapshot.
  std::shared_ptr<const GraphSnapshot> Subgraph(const std::vector<Edge>& edges) const;

  // The source key of a document (the name of its Document node), "" when the store knows none.
  // Known for every document an edge of the snapshot cites, even when Document nodes are
  // filtered out.
  const std::string& DocumentKey(DocId doc) const;

 private:
  GraphSnapshot() = default;
  class Builder;

  PropertyGraph graph_;
  std::unordered_map<NodeId, Vertex> vertex_by_id_;
  // Canonical names and aliases -> vertices; a name shared by several labels maps to several.
  std::unordered_multimap<std::string, Vertex> vertices_by_name_;
  std::unordered_map<DocId, std::string> document_keys_;
};

}  // namespace tupu
