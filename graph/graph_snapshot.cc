// Loading a GraphSnapshot from a GraphStore, and cutting subgraphs out of one.
// Both go through Builder, which puts vertices and edges into the canonical order the header
// promises, so that two snapshots of the same data are identical down to vertex numbering.
#include "graph/graph_snapshot.h"

#include <algorithm>
#include <charconv>
#include <tuple>
#include <unordered_set>
#include <utility>

namespace tupu {
namespace {

template <typename T>
bool Wanted(const std::vector<T>& wanted, T value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

// CO_MENTIONED carries its weight as text; anything unparsable counts as one sentence.
double EdgeWeight(EdgeType type, const Properties& props) {
  if (type != EdgeType::kCoMentioned) return 1.0;
  const std::string* text = FindProperty(props, "weight");
  if (text == nullptr) return 1.0;
  double value = 1.0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || !(value > 0)) return 1.0;
  return value;
}

VertexProps ToVertexProps(StoredNode&& node) {
  VertexProps v;
  v.id = node.id;
  v.label = node.label;
  v.name = std::move(node.name);
  v.aliases = std::move(node.aliases);
  v.kind = std::move(node.kind);
  v.mentions = node.mentions;
  v.props = std::move(node.props);
  return v;
}

}  // namespace

// Builds a snapshot in canonical order. Vertices first (any order: sorted here), then edges,
// which go straight into the graph while they arrive in canonical order (a RocksDB scan of the
// `out` column family yields exactly that order) and are sorted once at the end otherwise.
class GraphSnapshot::Builder {
 public:
  std::vector<VertexProps> vertices;
  std::unordered_map<DocId, std::string> document_keys;

  Builder() : snapshot_(new GraphSnapshot()) {}

  // REQUIRES: called once, before any AddEdge.
  void AddVertices() {
    auto vertex_less = [](const VertexProps& a, const VertexProps& b) { return a.id < b.id; };
    if (!std::is_sorted(vertices.begin(), vertices.end(), vertex_less)) {
      std::sort(vertices.begin(), vertices.end(), vertex_less);
    }
    snapshot_->graph_ = PropertyGraph(vertices.size());
    PropertyGraph& g = snapshot_->graph_;
    snapshot_->vertex_by_id_.reserve(vertices.size());
    for (Vertex v = 0; v < vertices.size(); ++v) {
      g[v] = std::move(vertices[v]);
      const VertexProps& stored = g[v];
      snapshot_->vertex_by_id_.emplace(stored.id, v);
      snapshot_->vertices_by_name_.emplace(stored.name, v);
      for (const auto& alias : stored.aliases) {
        if (alias != stored.name) snapshot_->vertices_by_name_.emplace(alias, v);
      }
    }
    vertices.clear();
    vertices.shrink_to_fit();
  }

  // Drops the edge when an endpoint is not among the vertices.
  void AddEdge(NodeId src, NodeId dst, EdgeProps props) {
    if (src != last_src_id_) {
      auto it = snapshot_->vertex_by_id_.find(src);
      if (it == snapshot_->vertex_by_id_.end()) return;
      last_src_id_ = src;
      last_src_ = it->second;
    }
    auto dst_it = snapshot_->vertex_by_id_.find(dst);
    if (dst_it == snapshot_->vertex_by_id_.end()) return;
    EdgeKey key{src, props.type, dst, props.id};
    if (!out_of_order_ && have_last_key_ && key < last_key_) out_of_order_ = true;
    last_key_ = key;
    have_last_key_ = true;
    boost::add_edge(last_src_, dst_it->second, std::move(props), snapshot_->graph_);
  }

  // `store` (may be null) supplies the keys of documents that have no Document node.
  Result<std::shared_ptr<GraphSnapshot>> Finish(const GraphStore* store) && {
    PropertyGraph& g = snapshot_->graph_;
    if (out_of_order_) SortEdges();
    // Keep only the keys of documents an edge or a Document vertex of this snapshot cites. One
    // sorted pass over the distinct documents: far fewer lookups than one per edge.
    std::vector<DocId> docs;
    docs.reserve(boost::num_edges(g));
    for (auto [first, last] = boost::edges(g); first != last; ++first) docs.push_back(g[*first].doc);
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    for (DocId doc : docs) {
      auto it = document_keys.find(doc);
      if (it != document_keys.end()) {
        snapshot_->document_keys_.emplace(doc, it->second);
        continue;
      }
      if (store == nullptr) continue;
      // A document whose Document node is missing (a store that keeps none) still has a key.
      auto stored = store->GetDocument(doc);
      if (stored.ok()) {
        snapshot_->document_keys_.emplace(doc, stored->source_key);
      } else if (!stored.status().IsNotFound()) {
        return stored.status().WithContext("loading the graph snapshot (document " +
                                           IdToHex(doc) + ")");
      }
    }
    for (auto [first, last] = boost::vertices(g); first != last; ++first) {
      if (g[*first].label == NodeLabel::kDocument) {
        snapshot_->document_keys_.emplace(g[*first].id, g[*first].name);
      }
    }
    return std::move(snapshot_);
  }

 private:
  using EdgeKey = std::tuple<NodeId, EdgeType, NodeId, FactId>;

  // The slow path for a store that scans edges out of order: take the edges out, sort, re-add.
  void SortEdges() {
    PropertyGraph& g = snapshot_->graph_;
    struct Pending {
      EdgeKey key;
      Vertex src, dst;
      EdgeProps props;
    };
    std::vector<Pending> pending;
    pending.reserve(boost::num_edges(g));
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      Vertex u = boost::source(*e, g), v = boost::target(*e, g);
      pending.push_back({EdgeKey{g[u].id, g[*e].type, g[v].id, g[*e].id}, u, v, std::move(g[*e])});
    }
    std::sort(pending.begin(), pending.end(),
              [](const Pending& a, const Pending& b) { return a.key < b.key; });
    PropertyGraph sorted(boost::num_vertices(g));
    for (Vertex v = 0; v < boost::num_vertices(g); ++v) sorted[v] = std::move(g[v]);
    for (auto& p : pending) boost::add_edge(p.src, p.dst, std::move(p.props), sorted);
    g = std::move(sorted);
  }

  std::shared_ptr<GraphSnapshot> snapshot_;
  NodeId last_src_id_ = 0;
  Vertex last_src_ = 0;
  EdgeKey last_key_{};
  bool have_last_key_ = false;
  bool out_of_order_ = false;
};

Result<std::shared_ptr<const GraphSnapshot>> GraphSnapshot::Load(const GraphStore& store,
                                                                  const SnapshotFilter& filter) {
  Builder builder;
  auto counts = store.Counts();
  if (counts.ok()) builder.vertices.reserve(counts->nodes);
  Status s = store.ForEachNode([&](const StoredNode& node) {
    if (node.label == NodeLabel::kDocument) builder.document_keys.emplace(node.id, node.name);
    if (!Wanted(filter.labels, node.label)) return true;
    builder.vertices.push_back(ToVertexProps(StoredNode(node)));
    return true;
  });
  if (!s.ok()) return s.WithContext("loading the graph snapshot (nodes)");
  builder.AddVertices();

  s = store.ForEachEdge([&](const StoredEdge& edge) {
    if (!Wanted(filter.edge_types, edge.type)) return true;
    EdgeProps props;
    props.id = edge.id;
    props.type = edge.type;
    props.doc = edge.doc;
    props.sentence = edge.sentence;
    props.span = edge.span;
    props.weight = EdgeWeight(edge.type, edge.props);
    props.props = edge.props;
    builder.AddEdge(edge.src, edge.dst, std::move(props));
    return true;
  });
  if (!s.ok()) return s.WithContext("loading the graph snapshot (edges)");

  auto finished = std::move(builder).Finish(&store);
  if (!finished.ok()) return finished.status();
  std::shared_ptr<const GraphSnapshot> snapshot = std::move(finished).value();
  if (filter.drop_isolated) {
    // The subgraph of all edges is the snapshot without the vertices no edge touches.
    std::vector<Edge> all;
    all.reserve(snapshot->num_edges());
    for (auto [e, end] = boost::edges(snapshot->graph()); e != end; ++e) all.push_back(*e);
    snapshot = snapshot->Subgraph(all);
  }
  return snapshot;
}

size_t GraphSnapshot::num_vertices() const { return boost::num_vertices(graph_); }
size_t GraphSnapshot::num_edges() const { return boost::num_edges(graph_); }

std::optional<Vertex> GraphSnapshot::FindVertex(NodeId id) const {
  auto it = vertex_by_id_.find(id);
  if (it == vertex_by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> GraphSnapshot::FindByName(const std::string& name,
                                              std::optional<NodeLabel> label) const {
  std::vector<Vertex> found;
  auto [first, last] = vertices_by_name_.equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (!label || graph_[it->second].label == *label) found.push_back(it->second);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::shared_ptr<const GraphSnapshot> GraphSnapshot::Subgraph(const std::vector<Edge>& edges) const {
  Builder builder;
  std::vector<bool> endpoint(num_vertices(), false);
  std::unordered_set<FactId> seen;
  std::vector<Edge> kept;
  kept.reserve(edges.size());
  for (const Edge& e : edges) {
    // Fact ids are unique within a store; an edge listed twice is the same fact.
    if (!seen.insert(graph_[e].id).second) continue;
    endpoint[boost::source(e, graph_)] = true;
    endpoint[boost::target(e, graph_)] = true;
    kept.push_back(e);
  }
  for (Vertex v = 0; v < endpoint.size(); ++v) {
    if (endpoint[v]) builder.vertices.push_back(graph_[v]);
  }
  builder.AddVertices();
  for (const Edge& e : kept) {
    builder.AddEdge(graph_[boost::source(e, graph_)].id, graph_[boost::target(e, graph_)].id,
                    graph_[e]);
  }
  builder.document_keys = document_keys_;
  // Without a store Finish cannot fail.
  return std::move(builder).Finish(nullptr).value();
}

const std::string& GraphSnapshot::DocumentKey(DocId doc) const {
  static const std::string kEmpty;
  auto it = document_keys_.find(doc);
  return it == document_keys_.end() ? kEmpty : it->second;
}

}  // namespace tupu
