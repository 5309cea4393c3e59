// Loading a GraphSnapshot from a GraphStore, and cutting subgraphs out of one.
// Load interns every string, alias list, property set and document into fresh pools while it
// scans (property sets by their encoded bytes, decoded once per distinct set), collects the edges
// as flat arrays, and builds the CSR in one go; Subgraph reuses its parent's pools. Both put
// vertices and edges into the canonical order the header promises, so that two snapshots of the
// same data are identical down to vertex numbering.
#include "graph/graph_snapshot.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <numeric>
#include <tuple>
#include <utility>

#include "store/value_codec.h"

namespace tupu {
namespace {

// CO_MENTIONED carries its weight as text; anything unparsable counts as one sentence.
double WeightOfSet(const Properties& props) {
  const std::string* text = FindProperty(props, "weight");
  if (text == nullptr) return 1.0;
  double value = 1.0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || !(value > 0)) return 1.0;
  return value;
}

// NodeId/DocId -> 32-bit index, open addressing with linear probing. The loader looks up two ids
// per edge; ids are already hashes, so one multiply spreads them and a lookup is usually one
// cache miss (std::unordered_map costs a division and a pointer chase more).
class IdIndex {
 public:
  explicit IdIndex(size_t expected = 0) { Rehash(Capacity(expected)); }

  // The index of `id`, or nullptr.
  const uint32_t* Find(uint64_t id) const {
    for (size_t i = Slot(id);; i = (i + 1) & mask_) {
      const Entry& e = entries_[i];
      if (e.value == kEmpty) return nullptr;
      if (e.key == id) return &e.value;
    }
  }
  // The index of `id`, inserting `value` first when absent.
  uint32_t FindOrInsert(uint64_t id, uint32_t value) {
    if ((size_ + 1) * 2 > entries_.size()) Rehash(entries_.size() * 2);
    for (size_t i = Slot(id);; i = (i + 1) & mask_) {
      Entry& e = entries_[i];
      if (e.value == kEmpty) {
        e.key = id;
        e.value = value;
        ++size_;
        return value;
      }
      if (e.key == id) return e.value;
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Entry {
    uint64_t key = 0;
    uint32_t value = kEmpty;
  };
  static size_t Capacity(size_t expected) {
    size_t c = 16;
    while (c < expected * 2) c *= 2;
    return c;
  }
  size_t Slot(uint64_t id) const {
    return static_cast<size_t>((id * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
  }
  void Rehash(size_t capacity) {
    std::vector<Entry> old = std::move(entries_);
    entries_.assign(capacity, Entry{});
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    size_ = 0;
    for (const Entry& e : old) {
      if (e.value != kEmpty) FindOrInsert(e.key, e.value);
    }
  }
  std::vector<Entry> entries_;
  size_t mask_ = 0;
  unsigned shift_ = 0;
  size_t size_ = 0;
};

// Fills fresh pools, handing out the 32-bit indices the bundles hold. Build-time only: the
// lookup maps are dropped with it.
class PoolBuilder {
 public:
  explicit PoolBuilder(SnapshotPools* pools) : pools_(pools) {
    pools_->strings.emplace_back();
    pools_->alias_lists.emplace_back();
    pools_->property_sets.emplace_back();
    pools_->set_weights.push_back(1.0);
    string_index_.emplace(std::string(), 0);
    set_index_.emplace(EncodeProperties({}), 0);
  }

  // A string that is (nearly) unique, such as a canonical name: pooled without a lookup.
  uint32_t UniqueString(std::string_view s) {
    if (s.empty()) return 0;
    pools_->strings.emplace_back(s);
    return static_cast<uint32_t>(pools_->strings.size() - 1);
  }

  uint32_t String(std::string_view s) {
    key_.assign(s);
    auto [it, added] =
        string_index_.try_emplace(key_, static_cast<uint32_t>(pools_->strings.size()));
    if (added) pools_->strings.push_back(key_);
    return it->second;
  }

  // `encoded` as DecodeAliases reads it; decoded only the first time these bytes are seen.
  Result<uint32_t> AliasList(std::string_view encoded) {
    if (encoded.size() == 1 && encoded[0] == 0) return 0;  // no aliases: the common case
    key_.assign(encoded);
    auto it = alias_index_.find(key_);
    if (it != alias_index_.end()) return it->second;
    TUPU_ASSIGN_OR_RETURN(std::vector<std::string> aliases, DecodeAliases(encoded));
    auto index = static_cast<uint32_t>(pools_->alias_lists.size());
    pools_->alias_lists.push_back(std::move(aliases));
    alias_index_.emplace(key_, index);
    return index;
  }

  // `encoded` as DecodeProperties reads it; decoded only the first time these bytes are seen.
  Result<uint32_t> PropertySet(std::string_view encoded) {
    key_.assign(encoded);  // reuses key_'s buffer: no allocation per edge
    auto it = set_index_.find(key_);
    if (it != set_index_.end()) return it->second;
    TUPU_ASSIGN_OR_RETURN(Properties props, DecodeProperties(encoded));
    auto index = static_cast<uint32_t>(pools_->property_sets.size());
    pools_->set_weights.push_back(WeightOfSet(props));
    pools_->property_sets.push_back(std::move(props));
    set_index_.emplace(key_, index);
    return index;
  }

  // Documents get indices in first-seen order; SortDocuments renumbers them ascending.
  uint32_t Doc(DocId doc) {
    if (have_last_doc_ && doc == last_doc_) return last_doc_index_;
    auto next = static_cast<uint32_t>(pools_->docs.size());
    uint32_t index = doc_index_.FindOrInsert(doc, next);
    if (index == next) pools_->docs.push_back(doc);
    have_last_doc_ = true;
    last_doc_ = doc;
    last_doc_index_ = index;
    return index;
  }

  // Sorts pools->docs and returns old index -> new index.
  std::vector<uint32_t> SortDocuments() {
    std::vector<DocId>& docs = pools_->docs;
    std::vector<uint32_t> order(docs.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return docs[a] < docs[b]; });
    std::vector<uint32_t> remap(docs.size());
    std::vector<DocId> sorted(docs.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
      remap[order[i]] = i;
      sorted[i] = docs[order[i]];
    }
    docs = std::move(sorted);
    doc_index_ = IdIndex();
    have_last_doc_ = false;
    return remap;
  }

 private:
  SnapshotPools* pools_;
  std::unordered_map<std::string, uint32_t> string_index_;
  std::unordered_map<std::string, uint32_t> alias_index_;
  std::unordered_map<std::string, uint32_t> set_index_;
  std::string key_;
  IdIndex doc_index_;
  bool have_last_doc_ = false;
  DocId last_doc_ = 0;
  uint32_t last_doc_index_ = 0;
};

using EdgeEnds = std::pair<uint32_t, uint32_t>;

// Puts edges (ends[i], props[i]) into canonical order: by (source, type, target, fact id). Vertex
// numbers ascend with NodeIds, so this is the header's order.
void SortEdges(std::vector<EdgeEnds>* ends, std::vector<EdgeProps>* props) {
  auto key = [&](uint32_t i) {
    const EdgeProps& p = (*props)[i];
    return std::make_tuple((*ends)[i].first, p.type, (*ends)[i].second, p.id);
  };
  bool sorted = true;
  for (uint32_t i = 1; i < ends->size() && sorted; ++i) sorted = !(key(i) < key(i - 1));
  if (sorted) return;
  std::vector<uint32_t> order(ends->size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  std::vector<EdgeEnds> sorted_ends(ends->size());
  std::vector<EdgeProps> sorted_props(props->size());
  for (size_t i = 0; i < order.size(); ++i) {
    sorted_ends[i] = (*ends)[order[i]];
    sorted_props[i] = (*props)[order[i]];
  }
  *ends = std::move(sorted_ends);
  *props = std::move(sorted_props);
}

}  // namespace

// Turns vertex bundles (ascending id) and edges into a snapshot: one CSR construction, then the
// name index.
class GraphSnapshot::Builder {
 public:
  static std::shared_ptr<GraphSnapshot> Build(std::shared_ptr<const SnapshotPools> pools,
                                              std::vector<VertexProps> vertices,
                                              std::vector<EdgeEnds> ends,
                                              std::vector<EdgeProps> props) {
    SortEdges(&ends, &props);
    std::shared_ptr<GraphSnapshot> snapshot(new GraphSnapshot());
    snapshot->pools_ = std::move(pools);
    // The edges arrive grouped by source; the histogram sort behind this constructor is stable,
    // so each vertex keeps its out-edges (and in-edges) in the order given.
    snapshot->graph_ = PropertyGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(),
                                     props.begin(), static_cast<uint32_t>(vertices.size()));
    ends.clear();
    ends.shrink_to_fit();
    props.clear();
    props.shrink_to_fit();
    PropertyGraph& g = snapshot->graph_;
    for (Vertex v = 0; v < vertices.size(); ++v) g[v] = vertices[v];
    vertices.clear();
    vertices.shrink_to_fit();
    return snapshot;
  }
};

namespace {

// The edge scan's callback: filters, maps node ids to vertices, interns, and collects. Stops the
// scan at the first undecodable property set (the error is kept in `status`).
struct EdgeCollector {
  const IdIndex* vertex_of;
  const std::function<bool()>* keep_going = nullptr;
  std::array<bool, 64> wanted{};
  PoolBuilder* pools;
  std::vector<EdgeEnds> ends;
  std::vector<EdgeProps> props;
  Status status;
  bool have_last_src = false;
  NodeId last_src_id = 0;
  int64_t last_src = -1;  // -1: not a vertex of the snapshot

  bool operator()(const EdgeView* views, size_t count) {
    if (keep_going != nullptr && *keep_going && !(*keep_going)()) {
      status = Status::Aborted("stopped");
      return false;
    }
    for (size_t i = 0; i < count; ++i) {
      const EdgeView& e = views[i];
      auto type = static_cast<size_t>(e.type);
      if (type >= wanted.size() || !wanted[type]) continue;
      if (!have_last_src || e.src != last_src_id) {
        const uint32_t* found = vertex_of->Find(e.src);
        have_last_src = true;
        last_src_id = e.src;
        last_src = found == nullptr ? -1 : *found;
      }
      if (last_src < 0) continue;
      const uint32_t* dst = vertex_of->Find(e.dst);
      if (dst == nullptr) continue;
      auto set = pools->PropertySet(e.encoded_props);
      if (!set.ok()) {
        status = set.status();
        return false;
      }
      EdgeProps p;
      p.id = e.id;
      p.type = e.type;
      p.doc_index = pools->Doc(e.doc);
      p.sentence = e.sentence;
      p.span = e.span;
      p.props_index = *set;
      ends.emplace_back(static_cast<uint32_t>(last_src), *dst);
      props.push_back(p);
    }
    return true;
  }
};

template <typename T>
bool Wanted(const std::vector<T>& wanted, T value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

}  // namespace

Result<std::shared_ptr<const GraphSnapshot>> GraphSnapshot::Load(const GraphStore& store,
                                                                 const SnapshotFilter& filter) {
  auto pools = std::make_shared<SnapshotPools>();
  PoolBuilder pool_builder(pools.get());
  std::vector<VertexProps> vertices;
  std::unordered_map<DocId, std::string> document_names;  // every Document node, even filtered
  auto counts = store.Counts();
  if (counts.ok()) vertices.reserve(counts->nodes);
  // The user's annotations (few), merged into their nodes' properties as note.<key> below.
  std::unordered_map<NodeId, Properties> notes;
  Status scanned = store.ForEachAnnotation([&](NodeId id, const Properties& annotations) {
    Properties& shown = notes[id];
    for (const auto& [key, value] : annotations) {
      shown.emplace_back(kAnnotationPropertyPrefix + key, value);
    }
    return true;
  });
  if (!scanned.ok()) return scanned.WithContext("loading the graph snapshot (annotations)");
  std::string merged_props;
  Status failed;
  auto on_nodes = [&](const NodeView* nodes, size_t count) {
    if (filter.keep_going && !filter.keep_going()) {
      failed = Status::Aborted("stopped");
      return false;
    }
    for (size_t i = 0; i < count; ++i) {
      const NodeView& node = nodes[i];
      if (node.label == NodeLabel::kDocument) document_names.emplace(node.id, node.name);
      if (!Wanted(filter.labels, node.label)) continue;
      VertexProps v;
      v.id = node.id;
      v.label = node.label;
      v.name_index = pool_builder.UniqueString(node.name);
      v.kind_index = pool_builder.String(node.kind);
      v.mentions = node.mentions;
      auto aliases = pool_builder.AliasList(node.encoded_aliases);
      std::string_view encoded_props = node.encoded_props;
      if (auto annotated = notes.find(node.id); annotated != notes.end()) {
        auto decoded = DecodeProperties(encoded_props);
        if (!decoded.ok()) {
          failed = decoded.status();
          return false;
        }
        for (const auto& [key, value] : annotated->second) SetProperty(&*decoded, key, value);
        merged_props = EncodeProperties(*decoded);
        encoded_props = merged_props;
      }
      auto props = pool_builder.PropertySet(encoded_props);
      if (!aliases.ok() || !props.ok()) {
        failed = aliases.ok() ? props.status() : aliases.status();
        return false;
      }
      v.aliases_index = *aliases;
      v.props_index = *props;
      vertices.push_back(v);
    }
    return true;
  };
  Status s = ScanNodeBatches(store, on_nodes);
  if (s.ok()) s = failed;
  if (!s.ok()) return s.WithContext("loading the graph snapshot (nodes)");
  auto by_id = [](const VertexProps& a, const VertexProps& b) { return a.id < b.id; };
  if (!std::is_sorted(vertices.begin(), vertices.end(), by_id)) {
    std::sort(vertices.begin(), vertices.end(), by_id);
  }

  IdIndex vertex_of(vertices.size());
  for (uint32_t v = 0; v < vertices.size(); ++v) vertex_of.FindOrInsert(vertices[v].id, v);
  EdgeCollector collector;
  collector.vertex_of = &vertex_of;
  collector.keep_going = &filter.keep_going;
  collector.pools = &pool_builder;
  for (size_t t = 0; t < collector.wanted.size(); ++t) {
    collector.wanted[t] = Wanted(filter.edge_types, static_cast<EdgeType>(t));
  }
  if (counts.ok()) {
    collector.ends.reserve(counts->edges);
    collector.props.reserve(counts->edges);
  }
  s = ScanEdgeBatches(store, collector);
  if (s.ok()) s = collector.status;
  if (!s.ok()) return s.WithContext("loading the graph snapshot (edges)");
  vertex_of = IdIndex();

  // The document table: every document an edge cites, and every Document vertex; ascending.
  for (const VertexProps& v : vertices) {
    if (v.label == NodeLabel::kDocument) pool_builder.Doc(v.id);
  }
  std::vector<uint32_t> remap = pool_builder.SortDocuments();
  for (EdgeProps& p : collector.props) p.doc_index = remap[p.doc_index];
  pools->doc_keys.resize(pools->docs.size());
  for (size_t i = 0; i < pools->docs.size(); ++i) {
    DocId doc = pools->docs[i];
    auto it = document_names.find(doc);
    if (it != document_names.end()) {
      pools->doc_keys[i] = it->second;
      continue;
    }
    // A document whose Document node is missing (a store that keeps none) still has a key.
    auto stored = store.GetDocument(doc);
    if (stored.ok()) {
      pools->doc_keys[i] = stored->source_key;
    } else if (!stored.status().IsNotFound()) {
      return stored.status().WithContext("loading the graph snapshot (document " + IdToHex(doc) +
                                         ")");
    }
  }
  document_names = {};

  std::shared_ptr<const GraphSnapshot> snapshot = Builder::Build(
      std::move(pools), std::move(vertices), std::move(collector.ends), std::move(collector.props));
  if (filter.drop_isolated) snapshot = snapshot->WithoutIsolatedVertices();
  return snapshot;
}

size_t GraphSnapshot::num_vertices() const { return boost::num_vertices(graph_); }
size_t GraphSnapshot::num_edges() const { return boost::num_edges(graph_); }

std::optional<Vertex> GraphSnapshot::FindVertex(NodeId id) const {
  size_t lo = 0, hi = num_vertices();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (graph_[static_cast<Vertex>(mid)].id < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < num_vertices() && graph_[static_cast<Vertex>(lo)].id == id)
    return static_cast<Vertex>(lo);
  return std::nullopt;
}

const GraphSnapshot::NameIndex& GraphSnapshot::VerticesByName() const {
  std::call_once(names_once_, [this] {
    vertices_by_name_.reserve(num_vertices());
    for (Vertex v = 0; v < num_vertices(); ++v) {
      const std::string& name = Name(v);
      vertices_by_name_.emplace(name, v);
      for (const auto& alias : Aliases(v)) {
        if (alias != name) vertices_by_name_.emplace(alias, v);
      }
    }
  });
  return vertices_by_name_;
}

std::vector<Vertex> GraphSnapshot::FindByName(const std::string& name,
                                              std::optional<NodeLabel> label) const {
  std::vector<Vertex> found;
  auto [first, last] = VerticesByName().equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (!label || graph_[it->second].label == *label) found.push_back(it->second);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::shared_ptr<const GraphSnapshot> GraphSnapshot::Subgraph(const std::vector<Edge>& edges) const {
  std::vector<uint32_t> keep(num_vertices(), kDropped);
  // An edge listed twice is the same edge index (and fact ids are unique within a store).
  std::vector<bool> seen(num_edges(), false);
  std::vector<Edge> kept;
  kept.reserve(edges.size());
  for (const Edge& e : edges) {
    uint32_t index = boost::get(boost::edge_index, graph_, e);
    if (seen[index]) continue;
    seen[index] = true;
    keep[Source(e)] = 0;
    keep[Target(e)] = 0;
    kept.push_back(e);
  }
  return Cut(std::move(keep), kept);
}

std::shared_ptr<const GraphSnapshot> GraphSnapshot::Filtered(const SnapshotFilter& filter) const {
  // The same selection Load makes while it scans: wanted labels, then the wanted edge types
  // between kept vertices, in the canonical order edges(graph_) already has.
  std::vector<uint32_t> keep(num_vertices(), kDropped);
  for (Vertex v = 0; v < num_vertices(); ++v) {
    if (Wanted(filter.labels, graph_[v].label)) keep[v] = 0;
  }
  std::vector<Edge> edges;
  for (auto [e, end] = boost::edges(graph_); e != end; ++e) {
    if (keep[Source(*e)] == kDropped || keep[Target(*e)] == kDropped) continue;
    if (Wanted(filter.edge_types, graph_[*e].type)) edges.push_back(*e);
  }
  std::shared_ptr<const GraphSnapshot> filtered = Cut(std::move(keep), edges);
  return filter.drop_isolated ? filtered->WithoutIsolatedVertices() : filtered;
}

std::shared_ptr<const GraphSnapshot> GraphSnapshot::Cut(std::vector<uint32_t> keep,
                                                        const std::vector<Edge>& edges) const {
  std::vector<VertexProps> vertices;
  for (Vertex v = 0; v < num_vertices(); ++v) {
    if (keep[v] == kDropped) continue;
    keep[v] = static_cast<uint32_t>(vertices.size());  // now the new index
    vertices.push_back(graph_[v]);
  }
  std::vector<EdgeEnds> ends;
  std::vector<EdgeProps> props;
  ends.reserve(edges.size());
  props.reserve(edges.size());
  for (const Edge& e : edges) {
    ends.emplace_back(keep[Source(e)], keep[Target(e)]);
    props.push_back(graph_[e]);
  }
  return Builder::Build(pools_, std::move(vertices), std::move(ends), std::move(props));
}

std::shared_ptr<const GraphSnapshot> GraphSnapshot::WithoutIsolatedVertices() const {
  // The subgraph of all edges is the snapshot without the vertices no edge touches.
  std::vector<Edge> all;
  all.reserve(num_edges());
  for (auto [e, end] = boost::edges(graph_); e != end; ++e) all.push_back(*e);
  return Subgraph(all);
}

const std::string& GraphSnapshot::DocumentKey(DocId doc) const {
  static const std::string kEmpty;
  const std::vector<DocId>& docs = pools_->docs;
  auto it = std::lower_bound(docs.begin(), docs.end(), doc);
  if (it == docs.end() || *it != doc) return kEmpty;
  return pools_->doc_keys[static_cast<size_t>(it - docs.begin())];
}

size_t GraphSnapshot::MemoryBytes() const {
  auto string_bytes = [](const std::string& s) {
    return sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
  };
  const size_t n = num_vertices(), m = num_edges();
  // Forward CSR: row starts, targets, bundles; backward: row starts, sources, edge indices.
  size_t bytes = n * sizeof(VertexProps) + 2 * (n + 1) * sizeof(uint32_t) +
                 m * (sizeof(EdgeProps) + 3 * sizeof(uint32_t));
  // Name index: buckets plus one node (next pointer, key, value, cached hash) per entry.
  const NameIndex& names = VerticesByName();
  bytes += names.bucket_count() * sizeof(void*) +
           names.size() * (sizeof(void*) + sizeof(std::string_view) + 8 + 8);
  const SnapshotPools& p = *pools_;
  for (const auto& s : p.strings) bytes += string_bytes(s);
  for (const auto& list : p.alias_lists) {
    bytes += sizeof(list);
    for (const auto& s : list) bytes += string_bytes(s);
  }
  for (const auto& set : p.property_sets) {
    bytes += sizeof(set);
    for (const auto& [k, v] : set) bytes += string_bytes(k) + string_bytes(v);
  }
  bytes += p.set_weights.capacity() * sizeof(double) + p.docs.capacity() * sizeof(DocId);
  for (const auto& s : p.doc_keys) bytes += string_bytes(s);
  return bytes;
}

}  // namespace tupu
