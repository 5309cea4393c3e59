// GraphSnapshot: an immutable in-memory copy of the stored graph (or a filtered part) as a
// Boost.Graph, for traversals, algorithms and exports. Built once from a GraphStore; never changes.
// Thread safety: const methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
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
  double weight = 1.0;  // CO_MENTIONED: sentences; else 1
  Properties props;
};

// Directed multigraph: two visits are two edges. bidirectionalS gives in-edges for in_() steps.
using PropertyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                            VertexProps, EdgeProps>;
using Vertex = PropertyGraph::vertex_descriptor;
using Edge = PropertyGraph::edge_descriptor;

struct SnapshotFilter {
  std::vector<NodeLabel> labels;   // empty: all labels
  std::vector<EdgeType> edge_types;  // empty: all types
  // Edges whose endpoints are filtered out are dropped. Vertices without edges are kept only when
  // their label is wanted.
};

class GraphSnapshot {
 public:
  static Result<std::shared_ptr<const GraphSnapshot>> Load(const GraphStore& store,
                                                           const SnapshotFilter& filter = {});

  const PropertyGraph& graph() const { return graph_; }
  size_t num_vertices() const;
  size_t num_edges() const;

  std::optional<Vertex> FindVertex(NodeId id) const;
  // By canonical name or alias; label optional.
  std::vector<Vertex> FindByName(const std::string& name,
                                 std::optional<NodeLabel> label = std::nullopt) const;

  // A new snapshot holding just `edges` and their endpoints (for subgraph():export()).
  std::shared_ptr<const GraphSnapshot> Subgraph(const std::vector<Edge>& edges) const;

 private:
  PropertyGraph graph_;
  // implementation detail: id index, name index (graph helper adds what it needs)
};

}  // namespace tupu
