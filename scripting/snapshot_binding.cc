// The natives over the in-memory GraphSnapshot: node lookups and the scans the traversal steps
// (V, E, out, in_, ...) make, g:degree/pagerank/betweenness/components/shortest_path through
// graph/algorithms.h, and subgraph():export() through graph/export.h. The snapshot
// is loaded from the runtime's store on first use and kept for the runtime's life (a read-only
// store is a fixed view, so it cannot go stale under a script); a write through the runtime
// (an annotation) marks it stale, and the next read loads it again (MarkSnapshotStale).
#include <algorithm>
#include <cstring>
#include <optional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "graph/algorithms.h"
#include "graph/export.h"
#include "graph/graph_snapshot.h"
#include "graph/snapshot_loader.h"
#include "lauxlib.h"
#include "lua.h"
#include "scripting/lua_binding.h"
#include "scripting/lua_runtime.h"

namespace tupu {
namespace {

constexpr char kSnapshotKey[] = "tupu.snapshot";

// The whole snapshot plus, per set of edge types, the subgraph of just those edges: an algorithm
// asked about VISITED edges sees the graph a networkx user would build from those edges (no
// vertices the edges never touch), which is also what the rankings list.
struct SnapshotCache {
  std::shared_ptr<const GraphSnapshot> full;
  std::map<uint64_t, std::shared_ptr<const GraphSnapshot>> by_types;
  bool stale = false;  // the store was written since `full` was loaded
};

SnapshotCache& CacheOf(lua_State* L) {
  lua_getfield(L, LUA_REGISTRYINDEX, kSnapshotKey);
  auto* cache = static_cast<SnapshotCache*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  return *cache;
}

const GraphSnapshot& FullSnapshot(lua_State* L) {
  SnapshotCache& cache = CacheOf(L);
  if (!cache.full || cache.stale) {
    SnapshotFilter everything;
    everything.keep_going = [L] { return KeepScanning(L); };
    auto loaded = LoadSnapshot(StoreOrError(L), everything);
    // Ctrl-C while a large graph loads: the runtime reports "interrupted!" as it does for a query.
    if (!loaded.ok() && loaded.status().IsAborted() && !KeepScanning(L)) luaL_error(L, "interrupted!");
    RaiseIfError(L, loaded.ok() ? Status::OK() : loaded.status(), "loading the graph");
    cache.full = std::move(loaded).value();
    cache.by_types.clear();
    cache.stale = false;
  }
  return *cache.full;
}

// Edge type names at `arg` (a Lua array, validated by the prelude); empty: every type.
std::vector<EdgeType> CheckTypes(lua_State* L, int arg, const char* step) {
  std::vector<EdgeType> types;
  if (lua_isnoneornil(L, arg)) return types;
  luaL_checktype(L, arg, LUA_TTABLE);
  lua_Integer n = luaL_len(L, arg);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, arg, i);
    const char* name = lua_tostring(L, -1);
    std::optional<EdgeType> type;
    if (name != nullptr) type = ParseEdgeType(name);
    lua_pop(L, 1);
    if (!type) RaiseAtUserLine(L, std::string(step) + ": expected edge type names");
    types.push_back(*type);
  }
  return types;
}

// The subgraph of the edges of `types` (cached): what the algorithms run on.
const GraphSnapshot& SnapshotOfTypes(lua_State* L, const std::vector<EdgeType>& types) {
  uint64_t mask = 0;
  for (EdgeType t : types) mask |= uint64_t{1} << static_cast<unsigned>(t);
  if (types.empty()) mask = ~uint64_t{0};
  const GraphSnapshot& full = FullSnapshot(L);  // first: a reload empties by_types
  SnapshotCache& cache = CacheOf(L);
  auto it = cache.by_types.find(mask);
  if (it != cache.by_types.end()) return *it->second;
  const PropertyGraph& g = full.graph();
  std::vector<Edge> edges;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (mask & (uint64_t{1} << static_cast<unsigned>(g[*e].type))) edges.push_back(*e);
  }
  // When the chosen edges are all the edges and touch every vertex, the subgraph would be a copy.
  std::shared_ptr<const GraphSnapshot> sub;
  if (edges.size() == full.num_edges()) {
    bool every_vertex_touched = true;
    for (Vertex v = 0; v < full.num_vertices() && every_vertex_touched; ++v) {
      every_vertex_touched = boost::out_degree(v, g) + boost::in_degree(v, g) > 0;
    }
    if (every_vertex_touched) sub = cache.full;
  }
  if (!sub) sub = full.Subgraph(edges);
  return *cache.by_types.emplace(mask, std::move(sub)).first->second;
}

Direction CheckDirection(lua_State* L, int arg, Direction fallback) {
  if (lua_isnoneornil(L, arg)) return fallback;
  std::string name = luaL_checkstring(L, arg);
  if (name == "out") return Direction::kOut;
  if (name == "in") return Direction::kIn;
  if (name == "both") return Direction::kBoth;
  RaiseAtUserLine(L, "direction: expected \"out\", \"in\" or \"both\", got \"" + name + "\"");
}

// Sets the fields of a node table (on top of the stack). `_v` is the node's index in the full
// snapshot (for a vertex of a subgraph, looked up by id): what the walk natives take and give, so
// the prelude never parses ids on a walk.
void SetVertexFields(lua_State* L, const GraphSnapshot& snapshot, Vertex v) {
  const GraphSnapshot& full = FullSnapshot(L);
  std::optional<Vertex> full_index = v;
  if (&snapshot != &full) full_index = full.FindVertex(snapshot.NodeIdOf(v));
  if (full_index) {
    lua_pushinteger(L, static_cast<lua_Integer>(*full_index));
    lua_setfield(L, -2, "_v");
  }
  SetString(L, "id", IdToHex(snapshot.NodeIdOf(v)));
  SetString(L, "label", NodeLabelName(snapshot.Label(v)));
  SetString(L, "name", snapshot.Name(v));
  const std::string& kind = snapshot.Kind(v);
  if (!kind.empty()) SetString(L, "kind", kind);
  lua_pushinteger(L, snapshot.Mentions(v));
  lua_setfield(L, -2, "mentions");
  const std::vector<std::string>& aliases = snapshot.Aliases(v);
  lua_createtable(L, static_cast<int>(aliases.size()), 0);
  for (size_t i = 0; i < aliases.size(); ++i) {
    lua_pushlstring(L, aliases[i].data(), aliases[i].size());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_setfield(L, -2, "aliases");
  PushProperties(L, snapshot.VertexProperties(v));
}

void PushVertex(lua_State* L, const GraphSnapshot& snapshot, Vertex v) {
  lua_createtable(L, 0, 9);
  SetVertexFields(L, snapshot, v);
}

void PushSnapshotEdge(lua_State* L, const GraphSnapshot& snapshot, Edge e) {
  const PropertyGraph& g = snapshot.graph();
  const EdgeProps& edge = g[e];
  lua_createtable(L, 0, 10);
  SetString(L, "id", IdToHex(edge.id));
  SetString(L, "type", EdgeTypeName(edge.type));
  SetString(L, "src", IdToHex(g[boost::source(e, g)].id));
  SetString(L, "dst", IdToHex(g[boost::target(e, g)].id));
  SetString(L, "doc", IdToHex(snapshot.Doc(e)));
  lua_pushinteger(L, edge.sentence);
  lua_setfield(L, -2, "sentence");
  lua_pushinteger(L, edge.span.begin);
  lua_setfield(L, -2, "span_begin");
  lua_pushinteger(L, edge.span.end);
  lua_setfield(L, -2, "span_end");
  PushProperties(L, snapshot.EdgeProperties(e));
}

// ---- Elements: the traversal layer's lookups and scans, answered from the snapshot so a 2-hop
// query costs adjacency walks, not store scans. Same table shapes and orders as the store gives.

std::optional<EdgeType> OptEdgeTypeArg(lua_State* L, int arg) {
  if (lua_isnoneornil(L, arg)) return std::nullopt;
  const char* name = luaL_checkstring(L, arg);
  auto type = ParseEdgeType(name);
  if (!type) RaiseAtUserLine(L, std::string("unknown edge type '") + name + "'");
  return type;
}

std::optional<NodeLabel> OptLabelArg(lua_State* L, int arg) {
  if (lua_isnoneornil(L, arg)) return std::nullopt;
  const char* name = luaL_checkstring(L, arg);
  auto label = ParseNodeLabel(name);
  if (!label) {
    RaiseAtUserLine(L, std::string("unknown label '") + name +
                           "' (expected Person, Organization, Place or Document)");
  }
  return label;
}

std::optional<Vertex> VertexArg(lua_State* L, const GraphSnapshot& snapshot, int arg) {
  size_t len = 0;
  const char* hex = luaL_checklstring(L, arg, &len);
  auto id = HexToId(std::string_view(hex, len));
  if (!id) luaL_argerror(L, arg, "expected a 16-digit hex id");
  return snapshot.FindVertex(*id);
}

// tupu.node(id) -> node table | nil
int NativeNode(lua_State* L) {
  const GraphSnapshot& snapshot = FullSnapshot(L);
  auto v = VertexArg(L, snapshot, 1);
  if (!v) return 0;
  PushVertex(L, snapshot, *v);
  return 1;
}

// tupu.find(label|nil, name) -> every node with that canonical name or alias: those whose
// canonical name it is first, then those it is an alias of; each group in label order, then id
// order. Several nodes may carry one name: namesakes, and bare bodies of several sources (g:V("区委")
// lists every 区委 it may mean).
int NativeFind(lua_State* L) {
  auto label = OptLabelArg(L, 1);
  std::string name = luaL_checkstring(L, 2);
  const GraphSnapshot& snapshot = FullSnapshot(L);
  const PropertyGraph& g = snapshot.graph();
  std::vector<Vertex> found = snapshot.FindByName(name, label);
  auto rank = [&](Vertex v) {
    return std::make_tuple(snapshot.Name(v) != name, static_cast<int>(g[v].label), snapshot.NodeIdOf(v));
  };
  std::sort(found.begin(), found.end(), [&](Vertex a, Vertex b) { return rank(a) < rank(b); });
  lua_createtable(L, static_cast<int>(found.size()), 0);
  lua_Integer n = 0;
  for (Vertex v : found) {
    PushVertex(L, snapshot, v);
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

// tupu.scan_vertices(label|nil, kind|nil) -> array of vertex indices in id order. Indices, not
// tables: g:V():limit(5) should not build a table for every node of the graph (the prelude makes
// lazy nodes of the indices it keeps).
int NativeScanVertices(lua_State* L) {
  auto label = OptLabelArg(L, 1);
  const char* kind = luaL_optstring(L, 2, nullptr);
  const GraphSnapshot& snapshot = FullSnapshot(L);
  const PropertyGraph& g = snapshot.graph();
  lua_createtable(L, static_cast<int>(std::min<size_t>(snapshot.num_vertices(), 1 << 20)), 0);
  lua_Integer n = 0;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    if (label && g[*v].label != *label) continue;
    if (kind != nullptr && snapshot.Kind(*v) != kind) continue;
    lua_pushinteger(L, static_cast<lua_Integer>(*v));
    lua_rawseti(L, -2, ++n);
    if ((n & 0xffff) == 0 && !KeepScanning(L)) break;
  }
  RaiseIfError(L, Status::OK(), "nodes");
  return 1;
}

// tupu.schema_counts() -> {["node Person"] = n, ["edge VISITED"] = m, ...}: g:schema() without a
// table per node and edge.
int NativeSchemaCounts(lua_State* L) {
  const GraphSnapshot& snapshot = FullSnapshot(L);
  const PropertyGraph& g = snapshot.graph();
  std::vector<lua_Integer> by_label(256), by_type(65536);  // indexed by the enums' values
  for (auto [v, end] = boost::vertices(g); v != end; ++v) ++by_label[static_cast<size_t>(g[*v].label)];
  for (auto [e, end] = boost::edges(g); e != end; ++e) ++by_type[static_cast<size_t>(g[*e].type)];
  lua_newtable(L);
  for (NodeLabel label : kAllNodeLabels) {
    if (by_label[static_cast<size_t>(label)] == 0) continue;
    lua_pushinteger(L, by_label[static_cast<size_t>(label)]);
    lua_setfield(L, -2, ("node " + std::string(NodeLabelName(label))).c_str());
  }
  for (EdgeType type : kAllEdgeTypes) {
    if (by_type[static_cast<size_t>(type)] == 0) continue;
    lua_pushinteger(L, by_type[static_cast<size_t>(type)]);
    lua_setfield(L, -2, ("edge " + std::string(EdgeTypeName(type))).c_str());
  }
  return 1;
}

// tupu.scan_edges(type|nil) -> array of edges in key order (src, type, dst, fact)
int NativeScanEdges(lua_State* L) {
  auto type = OptEdgeTypeArg(L, 1);
  const GraphSnapshot& snapshot = FullSnapshot(L);
  const PropertyGraph& g = snapshot.graph();
  lua_newtable(L);
  lua_Integer n = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (type && g[*e].type != *type) continue;
    PushSnapshotEdge(L, snapshot, *e);
    lua_rawseti(L, -2, ++n);
    if ((n & 0xfff) == 0 && !KeepScanning(L)) break;
  }
  RaiseIfError(L, Status::OK(), "edges");
  return 1;
}

// The walk natives: what out()/in_()/both() and khop() call once per node. They answer with
// snapshot indices, not tables, so a 2-hop over a thousand edges builds no table per edge; the
// prelude turns an index into a node (cached) or an edge (only when a path asks) later.

// The vertex at `arg`: a snapshot index (integer) or a 16-digit hex id; nullopt when unknown.
std::optional<Vertex> VertexIndexOrIdArg(lua_State* L, const GraphSnapshot& snapshot, int arg) {
  if (lua_isinteger(L, arg)) {
    lua_Integer v = lua_tointeger(L, arg);
    if (v < 0 || static_cast<size_t>(v) >= snapshot.num_vertices()) return std::nullopt;
    return static_cast<Vertex>(v);
  }
  return VertexArg(L, snapshot, arg);
}

// tupu.walk(vertex index | id, type|nil, outgoing) -> {other-end vertex indices}, {edge indices}:
// out-edges in (type, dst, fact) order, in-edges in (type, src, fact) order, as the store's keys.
int NativeWalk(lua_State* L) {
  auto type = OptEdgeTypeArg(L, 2);
  bool outgoing = lua_toboolean(L, 3);
  const GraphSnapshot& snapshot = FullSnapshot(L);
  const PropertyGraph& g = snapshot.graph();
  auto v = VertexIndexOrIdArg(L, snapshot, 1);
  lua_newtable(L);
  lua_newtable(L);
  if (!v) return 2;
  lua_Integer n = 0;
  auto push = [&](Vertex other, Edge e) {
    ++n;
    lua_pushinteger(L, static_cast<lua_Integer>(other));
    lua_rawseti(L, -3, n);
    lua_pushinteger(L, static_cast<lua_Integer>(boost::get(boost::edge_index, g, e)));
    lua_rawseti(L, -2, n);
  };
  if (outgoing) {
    for (auto [e, end] = boost::out_edges(*v, g); e != end; ++e) {
      if (!type || g[*e].type == *type) push(boost::target(*e, g), *e);
    }
    return 2;
  }
  std::vector<Edge> edges;
  for (auto [e, end] = boost::in_edges(*v, g); e != end; ++e) {
    if (!type || g[*e].type == *type) edges.push_back(*e);
  }
  std::stable_sort(edges.begin(), edges.end(),
                   [&g](const Edge& a, const Edge& b) { return g[a].type < g[b].type; });
  for (const Edge& e : edges) push(boost::source(e, g), e);
  return 2;
}

// tupu.fill_vertex(node): fills the fields of a node table that holds only its `_v` (the prelude
// makes such tables for the nodes a walk reaches, and fills one when a field is first read).
int NativeFillVertex(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const GraphSnapshot& snapshot = FullSnapshot(L);
  lua_getfield(L, 1, "_v");
  lua_Integer v = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : -1;
  lua_pop(L, 1);
  luaL_argcheck(L, v >= 0 && static_cast<size_t>(v) < snapshot.num_vertices(), 1,
                "not a node of the graph");
  lua_settop(L, 1);
  SetVertexFields(L, snapshot, static_cast<Vertex>(v));
  return 0;
}

// tupu.edge_at(index) -> edge table
int NativeEdgeAt(lua_State* L) {
  const GraphSnapshot& snapshot = FullSnapshot(L);
  lua_Integer i = luaL_checkinteger(L, 1);
  luaL_argcheck(L, i >= 0 && static_cast<size_t>(i) < snapshot.num_edges(), 1,
                "no such edge index");
  PushSnapshotEdge(L, snapshot, boost::edge_from_index(static_cast<uint32_t>(i), snapshot.graph()));
  return 1;
}

// A ranking as two arrays, best first: the nodes' indices in the full snapshot and their scores
// (counts, for degree, as Lua integers). Indices, not node tables: a ranking of every vertex of a
// large graph is mostly never looked at past its top rows, and the prelude fills a node's fields
// only when they are read.
// `label_arg`: the native's argument holding the label to keep (nil: every label).
void PushRanking(lua_State* L, int label_arg, const GraphSnapshot& snapshot,
                 const Ranking& ranking, bool counts = false) {
  auto label = OptLabelArg(L, label_arg);
  const GraphSnapshot& full = FullSnapshot(L);
  const bool is_full = &snapshot == &full;
  lua_createtable(L, static_cast<int>(ranking.size()), 0);
  lua_createtable(L, static_cast<int>(ranking.size()), 0);
  lua_Integer n = 0;
  for (const RankedVertex& r : ranking) {
    if (label && snapshot.Label(r.vertex) != *label) continue;
    std::optional<Vertex> v = r.vertex;
    if (!is_full) v = full.FindVertex(snapshot.NodeIdOf(r.vertex));
    if (!v) continue;  // cannot happen: a subgraph's vertices are the full snapshot's
    ++n;
    lua_pushinteger(L, static_cast<lua_Integer>(*v));
    lua_rawseti(L, -3, n);
    if (counts) {
      lua_pushinteger(L, static_cast<lua_Integer>(r.score));
    } else {
      lua_pushnumber(L, r.score);
    }
    lua_rawseti(L, -2, n);
  }
}

// tupu.degree(types, direction, label|nil) -> node indices, counts (edges counted; both ways by
// default)
int NativeDegree(lua_State* L) {
  DegreeOptions options;
  options.edge_types = CheckTypes(L, 1, "degree");
  options.direction = CheckDirection(L, 2, Direction::kBoth);
  const GraphSnapshot& snapshot = SnapshotOfTypes(L, options.edge_types);
  PushRanking(L, 3, snapshot, Degree(snapshot, options), /*counts=*/true);
  return 2;
}

// tupu.pagerank(types, direction, weighted, damping, max_iterations, label|nil) -> node indices,
// scores
int NativePageRank(lua_State* L) {
  PageRankOptions options;
  options.edge_types = CheckTypes(L, 1, "pagerank");
  options.direction = CheckDirection(L, 2, Direction::kBoth);
  options.weighted = lua_toboolean(L, 3);
  options.damping = luaL_optnumber(L, 4, options.damping);
  options.max_iterations = static_cast<int>(luaL_optinteger(L, 5, options.max_iterations));
  // On the full snapshot, leaving out the vertices the types' edges do not touch: the scores of
  // the subgraph the other algorithms use, without copying the graph into it.
  options.only_vertices_with_edges = true;
  const GraphSnapshot& snapshot = FullSnapshot(L);
  auto ranking = PageRank(snapshot, options);
  RaiseIfError(L, ranking.ok() ? Status::OK() : ranking.status(), "pagerank");
  PushRanking(L, 6, snapshot, *ranking);
  return 2;
}

// tupu.betweenness(types, direction, normalized, label|nil) -> node indices, scores
int NativeBetweenness(lua_State* L) {
  BetweennessOptions options;
  options.edge_types = CheckTypes(L, 1, "betweenness");
  options.direction = CheckDirection(L, 2, Direction::kBoth);
  options.normalized = lua_toboolean(L, 3);
  const GraphSnapshot& snapshot = SnapshotOfTypes(L, options.edge_types);
  PushRanking(L, 4, snapshot, Betweenness(snapshot, options));
  return 2;
}

// tupu.components(types) -> array of arrays of nodes, largest first
int NativeComponents(lua_State* L) {
  ComponentsOptions options;
  options.edge_types = CheckTypes(L, 1, "components");
  const GraphSnapshot& snapshot = SnapshotOfTypes(L, options.edge_types);
  Components components = ConnectedComponents(snapshot, options);
  lua_createtable(L, static_cast<int>(components.members.size()), 0);
  lua_Integer c = 0;
  for (const auto& members : components.members) {
    lua_createtable(L, static_cast<int>(members.size()), 0);
    lua_Integer m = 0;
    for (Vertex v : members) {
      PushVertex(L, snapshot, v);
      lua_rawseti(L, -2, ++m);
    }
    lua_rawseti(L, -2, ++c);
  }
  return 1;
}

// tupu.shortest_path(from id, to id, types, direction) -> {node, edge, node, ...} | nil
int NativeShortestPath(lua_State* L) {
  auto from_id = HexToId(luaL_checkstring(L, 1));
  auto to_id = HexToId(luaL_checkstring(L, 2));
  PathOptions options;
  options.edge_types = CheckTypes(L, 3, "shortest_path");
  options.direction = CheckDirection(L, 4, Direction::kBoth);
  const GraphSnapshot& snapshot = SnapshotOfTypes(L, options.edge_types);
  // An endpoint that no chosen edge touches is not in the subgraph: no path.
  auto from = from_id ? snapshot.FindVertex(*from_id) : std::nullopt;
  auto to = to_id ? snapshot.FindVertex(*to_id) : std::nullopt;
  if (!from || !to) return 0;
  auto path = ShortestPath(snapshot, *from, *to, options);
  if (!path.ok()) {
    if (path.status().IsNotFound()) return 0;
    RaiseIfError(L, path.status(), "shortest_path");
  }
  lua_createtable(L, static_cast<int>(path->vertices.size() + path->edges.size()), 0);
  lua_Integer n = 0;
  for (size_t i = 0; i < path->vertices.size(); ++i) {
    if (i > 0) {
      PushSnapshotEdge(L, snapshot, path->edges[i - 1]);
      lua_rawseti(L, -2, ++n);
    }
    PushVertex(L, snapshot, path->vertices[i]);
    lua_rawseti(L, -2, ++n);
  }
  return 1;
}

// tupu.export(fact ids, path [, format]): writes the subgraph of those facts through graph/export.h.
int NativeExport(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  std::string path = luaL_checkstring(L, 2);
  if (RuntimeOf(L)->options().sandbox) {
    RaiseAtUserLine(L, "export: writing files is not allowed in the sandbox (" + path + ")");
  }
  std::optional<ExportFormat> format;
  if (!lua_isnoneornil(L, 3)) {
    std::string name = luaL_checkstring(L, 3);
    format = ParseExportFormat(name);
    if (!format) {
      RaiseAtUserLine(L, "export: unknown format \"" + name +
                             "\" (expected graphml, gexf, dot, json or csv)");
    }
  } else {
    format = ExportFormatForPath(path);
    if (!format) {
      RaiseAtUserLine(L, "export: cannot tell the format of \"" + path +
                             "\" (use .graphml, .gexf, .dot, .json or .csv, or pass a format)");
    }
  }
  std::unordered_set<FactId> wanted;
  lua_Integer n = luaL_len(L, 1);
  wanted.reserve(static_cast<size_t>(n));
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, 1, i);
    size_t len = 0;
    const char* hex = lua_tolstring(L, -1, &len);
    if (hex != nullptr) {
      if (auto id = HexToId(std::string_view(hex, len))) wanted.insert(*id);
    }
    lua_pop(L, 1);
  }
  const GraphSnapshot& full = FullSnapshot(L);
  const PropertyGraph& g = full.graph();
  std::vector<Edge> edges;
  edges.reserve(wanted.size());
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (wanted.count(g[*e].id) != 0) edges.push_back(*e);
  }
  auto sub = full.Subgraph(edges);
  RaiseIfError(L, ExportToPath(*sub, *format, path), "export");
  return 0;
}

int CollectSnapshotCache(lua_State* L) {
  static_cast<SnapshotCache*>(lua_touserdata(L, 1))->~SnapshotCache();
  return 0;
}

constexpr luaL_Reg kSnapshotNatives[] = {
    {"node", NativeNode},
    {"find", NativeFind},
    {"scan_vertices", NativeScanVertices},
    {"schema_counts", NativeSchemaCounts},
    {"scan_edges", NativeScanEdges},
    {"walk", NativeWalk},
    {"fill_vertex", NativeFillVertex},
    {"edge_at", NativeEdgeAt},
    {"degree", NativeDegree},
    {"pagerank", NativePageRank},
    {"betweenness", NativeBetweenness},
    {"components", NativeComponents},
    {"shortest_path", NativeShortestPath},
    {"export", NativeExport},
    {nullptr, nullptr},
};

}  // namespace

void MarkSnapshotStale(lua_State* L) { CacheOf(L).stale = true; }

std::optional<NodeId> NodeIdOfVertex(lua_State* L, int64_t v) {
  // The snapshot in hand, even when stale: writes change properties, never the set of nodes, so
  // its numbering still holds (and a loop of writes does not reload the graph per write).
  SnapshotCache& cache = CacheOf(L);
  const GraphSnapshot& snapshot = cache.full ? *cache.full : FullSnapshot(L);
  if (v < 0 || static_cast<size_t>(v) >= snapshot.num_vertices()) return std::nullopt;
  return snapshot.NodeIdOf(static_cast<Vertex>(v));
}

void AddSnapshotNatives(lua_State* L) {
  void* memory = lua_newuserdatauv(L, sizeof(SnapshotCache), 0);
  new (memory) SnapshotCache();
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, CollectSnapshotCache);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, kSnapshotKey);
  luaL_setfuncs(L, kSnapshotNatives, 0);
}

}  // namespace tupu
