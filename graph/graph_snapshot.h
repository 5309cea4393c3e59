// GraphSnapshot: an immutable in-memory copy of the stored graph (or a filtered part) as a
// Boost.Graph compressed_sparse_row_graph, for traversals, algorithms and exports. Built once from
// a GraphStore in one go (not edge by edge); never changes.
// Thread safety: const methods may be called from several threads at once.
//
// Memory layout (44 bytes per edge plus vertices and pools: ~59 at 100 k nodes / 1 M edges): the
// CSR holds per edge a 4-byte target, a 4-byte source and a 4-byte edge index for the in-edges, and
// a 32-byte EdgeProps bundle of ids and 32-bit indices. All strings and property lists live once
// in SnapshotPools (interned: many edges share one property set such as {date=2024-03-01}); a
// subgraph shares its parent's pools. Read the bundles through the accessors (Name(v),
// EdgeProperties(e), ...), never through the pools.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/model.h"
#include "common/result.h"
#include "store/graph_store.h"

namespace tupu {

// Per-vertex bundle: the id and indices into the snapshot's pools. 32 bytes.
struct VertexProps {
  NodeId id = 0;
  uint32_t name_index = 0;     // SnapshotPools::strings
  uint32_t kind_index = 0;     // SnapshotPools::strings (0: "")
  uint32_t aliases_index = 0;  // SnapshotPools::alias_lists (0: none)
  uint32_t props_index = 0;    // SnapshotPools::property_sets (0: none)
  uint32_t mentions = 0;
  NodeLabel label = NodeLabel::kPerson;
};

// Per-edge bundle: 32 bytes. The weight is a property of the interned set (CO_MENTIONED's
// `weight` parsed once per distinct set), see GraphSnapshot::Weight.
struct EdgeProps {
  FactId id = 0;
  uint32_t doc_index = 0;  // SnapshotPools::docs
  uint32_t sentence = 0;
  TextSpan span;
  uint32_t props_index = 0;  // SnapshotPools::property_sets (0: none)
  EdgeType type = EdgeType::kCoMentioned;
};
static_assert(sizeof(VertexProps) == 32 && sizeof(EdgeProps) == 32, "bundle sizes");

// Directed multigraph: two visits are two edges. bidirectionalS gives in-edges for in_() steps.
// 32-bit vertex and edge indices: a snapshot holds fewer than 4 G vertices and edges.
using PropertyGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexProps, EdgeProps,
                                       boost::no_property, uint32_t, uint32_t>;
using Vertex = PropertyGraph::vertex_descriptor;
using Edge = PropertyGraph::edge_descriptor;

// The interned data of a snapshot, shared (read-only) by the subgraphs cut from it. Index 0 of
// strings, alias_lists and property_sets is the empty value.
struct SnapshotPools {
  std::vector<std::string> strings;
  std::vector<std::vector<std::string>> alias_lists;
  std::vector<Properties> property_sets;
  std::vector<double> set_weights;    // per property set: its `weight` as a number (1 when absent)
  std::vector<DocId> docs;            // ascending
  std::vector<std::string> doc_keys;  // parallel to docs: source key, "" when unknown
};

struct SnapshotFilter {
  std::vector<NodeLabel> labels;     // empty: all labels
  std::vector<EdgeType> edge_types;  // empty: all types
  // Edges whose endpoints are filtered out are dropped. Vertices without edges are kept only when
  // their label is wanted, and not at all when drop_isolated is set (e.g. "just the VISITED
  // network": edge_types = {VISITED}, drop_isolated = true).
  bool drop_isolated = false;
  // Asked between batches of the scan (a few thousand nodes or edges); false stops the load with
  // an Aborted status. How Ctrl-C in the shell stops a long first load. Empty: never stops.
  std::function<bool()> keep_going;
};

// Order guarantee (what makes exports byte-identical): vertices are numbered in ascending NodeId;
// the out-edges of a vertex, and so edges(graph()), come in ascending (type, target NodeId,
// FactId); the in-edges of a vertex in ascending (source NodeId, type, FactId).
class GraphSnapshot {
 public:
  static Result<std::shared_ptr<const GraphSnapshot>> Load(const GraphStore& store,
                                                           const SnapshotFilter& filter = {});

  const PropertyGraph& graph() const { return graph_; }
  size_t num_vertices() const;
  size_t num_edges() const;

  // Vertex data. REQUIRES: v < num_vertices().
  NodeId NodeIdOf(Vertex v) const { return graph_[v].id; }
  NodeLabel Label(Vertex v) const { return graph_[v].label; }
  const std::string& Name(Vertex v) const { return pools_->strings[graph_[v].name_index]; }
  const std::string& Kind(Vertex v) const { return pools_->strings[graph_[v].kind_index]; }
  const std::vector<std::string>& Aliases(Vertex v) const {
    return pools_->alias_lists[graph_[v].aliases_index];
  }
  uint32_t Mentions(Vertex v) const { return graph_[v].mentions; }
  const Properties& VertexProperties(Vertex v) const {
    return pools_->property_sets[graph_[v].props_index];
  }

  // Edge data. REQUIRES: e belongs to this snapshot.
  FactId FactIdOf(Edge e) const { return graph_[e].id; }
  EdgeType Type(Edge e) const { return graph_[e].type; }
  Vertex Source(Edge e) const { return boost::source(e, graph_); }
  Vertex Target(Edge e) const { return boost::target(e, graph_); }
  DocId Doc(Edge e) const { return pools_->docs[graph_[e].doc_index]; }
  // The source key of the edge's document ("" when the store knows none).
  const std::string& DocKey(Edge e) const { return pools_->doc_keys[graph_[e].doc_index]; }
  uint32_t Sentence(Edge e) const { return graph_[e].sentence; }
  TextSpan Span(Edge e) const { return graph_[e].span; }
  // As stored; for CO_MENTIONED it still holds the `weight` text.
  const Properties& EdgeProperties(Edge e) const {
    return pools_->property_sets[graph_[e].props_index];
  }
  // CO_MENTIONED: sentences (its `weight` property; unparsable: 1); other types: 1.
  double Weight(Edge e) const {
    const EdgeProps& p = graph_[e];
    return p.type == EdgeType::kCoMentioned ? pools_->set_weights[p.props_index] : 1.0;
  }

  std::optional<Vertex> FindVertex(NodeId id) const;  // binary search over the sorted ids
  // By canonical name or alias; label optional. Ascending vertex order; empty when none.
  std::vector<Vertex> FindByName(const std::string& name,
                                 std::optional<NodeLabel> label = std::nullopt) const;

  // The part of this snapshot `filter` keeps (labels, edge types, drop_isolated; keep_going is
  // not asked): identical to GraphSnapshot::Load(store, filter) of the same data, except that
  // DocumentKey also knows documents no kept edge cites. Shares this snapshot's pools.
  std::shared_ptr<const GraphSnapshot> Filtered(const SnapshotFilter& filter) const;

  // A new snapshot holding just `edges` and their endpoints (for subgraph():export()), sharing
  // this snapshot's pools. Duplicates in `edges` are kept once. REQUIRES: every edge belongs to
  // this snapshot.
  std::shared_ptr<const GraphSnapshot> Subgraph(const std::vector<Edge>& edges) const;

  // The source key of a document (the name of its Document node), "" when the store knows none.
  // Known for every document an edge of the snapshot cites, even when Document nodes are
  // filtered out.
  const std::string& DocumentKey(DocId doc) const;

  // Bytes this snapshot holds: the CSR arrays, the bundles and the name index, plus its pools
  // (shared pools counted in full). An estimate from sizes and capacities, without allocator
  // overhead.
  size_t MemoryBytes() const;
  size_t num_property_sets() const { return pools_->property_sets.size(); }

 private:
  GraphSnapshot() = default;
  class Builder;
  friend class SnapshotImage;  // graph/snapshot_image.h: writes and restores graph_ and pools_

  std::shared_ptr<const GraphSnapshot> WithoutIsolatedVertices() const;
  // What Subgraph and Filtered share: the snapshot of the vertices `keep` does not mark kDropped
  // and of `edges` (each between two of them), sharing this snapshot's pools.
  static constexpr uint32_t kDropped = UINT32_MAX;
  std::shared_ptr<const GraphSnapshot> Cut(std::vector<uint32_t> keep,
                                           const std::vector<Edge>& edges) const;

  using NameIndex = std::unordered_multimap<std::string_view, Vertex>;
  // Built on the first FindByName (exports and algorithms never need it).
  const NameIndex& VerticesByName() const;

  PropertyGraph graph_;
  std::shared_ptr<const SnapshotPools> pools_;
  // Canonical names and aliases -> vertices (views into the pools); a name shared by several
  // labels maps to several. Filled once, under names_once_.
  mutable std::once_flag names_once_;
  mutable NameIndex vertices_by_name_;
};

}  // namespace tupu
