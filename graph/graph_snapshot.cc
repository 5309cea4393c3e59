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

// Collects vertices and edges in any order, then builds the snapshot in canonical order.
class GraphSnapshot::Builder {
 public:
  struct PendingEdge {
    NodeId src;
    NodeId dst;
    EdgeProps props;
  };

  std::vector<VertexProps> vertices;
  std::vector<PendingEdge> edges;
  std::unordered_map<DocId, std::string> document_keys;

  std::shared_ptr<GraphSnapshot> Build(bool drop_isolated) && {
    auto vertex_less = [](const VertexProps& a, const VertexProps& b) { return a.id < b.id; };
    if (!std::is_sorted(vertices.begin(), vertices.end(), vertex_less)) {
      std::sort(vertices.begin(), vertices.end(), vertex_less);
    }
    auto edge_key = [](const PendingEdge& e) {
      return std::tie(e.src, e.props.type, e.dst, e.props.id);
    };
    auto edge_less = [&](const PendingEdge& a, const PendingEdge& b) {
      return edge_key(a) < edge_key(b);
    };
    if (!std::is_sorted(edges.begin(), edges.end(), edge_less)) {
      std::sort(edges.begin(), edges.end(), edge_less);
    }
    if (drop_isolated) {
      std::unordered_set<NodeId> used;
      for (const auto& e : edges) {
        used.insert(e.src);
        used.insert(e.dst);
      }
      std::erase_if(vertices, [&](const VertexProps& v) { return !used.contains(v.id); });
    }

    auto snapshot = std::shared_ptr<GraphSnapshot>(new GraphSnapshot());
    snapshot->graph_ = PropertyGraph(vertices.size());
    PropertyGraph& g = snapshot->graph_;
    snapshot->vertex_by_id_.reserve(vertices.size());
    for (Vertex v = 0; v < vertices.size(); ++v) {
      g[v] = std::move(vertices[v]);
      const VertexProps& stored = g[v];
      snapshot->vertex_by_id_.emplace(stored.id, v);
      snapshot->vertices_by_name_.emplace(stored.name, v);
      for (const auto& alias : stored.aliases) {
        if (alias != stored.name) snapshot->vertices_by_name_.emplace(alias, v);
      }
    }
    vertices.clear();
    vertices.shrink_to_fit();

    for (auto& e : edges) {
      auto src = snapshot->vertex_by_id_.find(e.src);
      auto dst = snapshot->vertex_by_id_.find(e.dst);
      if (src == snapshot->vertex_by_id_.end() || dst == snapshot->vertex_by_id_.end()) continue;
      boost::add_edge(src->second, dst->second, std::move(e.props), g);
    }
    edges.clear();
    edges.shrink_to_fit();

    // Keep only the keys of documents an edge or a Document vertex of this snapshot cites.
    for (auto [first, last] = boost::edges(g); first != last; ++first) {
      DocId doc = g[*first].doc;
      if (snapshot->document_keys_.contains(doc)) continue;
      auto it = document_keys.find(doc);
      if (it != document_keys.end()) snapshot->document_keys_.emplace(doc, it->second);
    }
    for (auto [first, last] = boost::vertices(g); first != last; ++first) {
      if (g[*first].label == NodeLabel::kDocument) {
        snapshot->document_keys_.emplace(g[*first].id, g[*first].name);
      }
    }
    return snapshot;
  }
};

Result<std::shared_ptr<const GraphSnapshot>> GraphSnapshot::Load(const GraphStore& store,
                                                                  const SnapshotFilter& filter) {
  Builder builder;
  std::unordered_set<NodeId> kept;
  Status s = store.ForEachNode([&](const StoredNode& node) {
    if (node.label == NodeLabel::kDocument) builder.document_keys.emplace(node.id, node.name);
    if (!Wanted(filter.labels, node.label)) return true;
    kept.insert(node.id);
    builder.vertices.push_back(ToVertexProps(StoredNode(node)));
    return true;
  });
  if (!s.ok()) return s.WithContext("loading the graph snapshot (nodes)");

  std::unordered_set<DocId> docs_without_node;
  s = store.ForEachEdge([&](const StoredEdge& edge) {
    if (!Wanted(filter.edge_types, edge.type)) return true;
    if (!kept.contains(edge.src) || !kept.contains(edge.dst)) return true;
    EdgeProps props;
    props.id = edge.id;
    props.type = edge.type;
    props.doc = edge.doc;
    props.sentence = edge.sentence;
    props.span = edge.span;
    props.weight = EdgeWeight(edge.type, edge.props);
    props.props = edge.props;
    if (!builder.document_keys.contains(edge.doc)) docs_without_node.insert(edge.doc);
    builder.edges.push_back({edge.src, edge.dst, std::move(props)});
    return true;
  });
  if (!s.ok()) return s.WithContext("loading the graph snapshot (edges)");

  // A document whose Document node is missing (a store that keeps none) still has a key.
  for (DocId doc : docs_without_node) {
    if (builder.document_keys.contains(doc)) continue;
    auto stored = store.GetDocument(doc);
    if (stored.ok()) {
      builder.document_keys.emplace(doc, stored->source_key);
    } else if (!stored.status().IsNotFound()) {
      return stored.status().WithContext("loading the graph snapshot (document " +
                                         IdToHex(doc) + ")");
    }
  }
  return std::shared_ptr<const GraphSnapshot>(std::move(builder).Build(filter.drop_isolated));
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
  std::unordered_set<Vertex> endpoints;
  std::unordered_set<FactId> seen;
  for (const Edge& e : edges) {
    const EdgeProps& props = graph_[e];
    Vertex src = boost::source(e, graph_);
    Vertex dst = boost::target(e, graph_);
    // Fact ids are unique within a store; an edge listed twice is the same fact.
    if (!seen.insert(props.id).second) continue;
    endpoints.insert(src);
    endpoints.insert(dst);
    builder.edges.push_back({graph_[src].id, graph_[dst].id, props});
  }
  for (Vertex v : endpoints) builder.vertices.push_back(graph_[v]);
  builder.document_keys = document_keys_;
  return std::move(builder).Build(/*drop_isolated=*/false);
}

const std::string& GraphSnapshot::DocumentKey(DocId doc) const {
  static const std::string kEmpty;
  auto it = document_keys_.find(doc);
  return it == document_keys_.end() ? kEmpty : it->second;
}

}  // namespace tupu
