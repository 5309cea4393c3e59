// Graph algorithms on a GraphSnapshot, as free functions with ranked results: degree, PageRank,
// betweenness, connected components and shortest paths. Each takes the edge types it should see
// (empty: all) and how to treat edge direction, so one snapshot serves every question.
// Thread safety: read the snapshot only; any number may run at once on one snapshot.
#pragma once

#include <cstddef>
#include <vector>

#include "common/model.h"
#include "common/result.h"
#include "graph/graph_snapshot.h"

namespace tupu {

// How an algorithm walks an edge u -> v: as stored, reversed, or both ways (undirected).
enum class Direction { kOut, kIn, kBoth };

struct RankedVertex {
  Vertex vertex;
  double score;
};
// Highest score first; ties by vertex name, then NodeId, so results are reproducible.
// Holds every vertex of the snapshot (those the chosen edges never reach score 0 or the minimum).
using Ranking = std::vector<RankedVertex>;

struct DegreeOptions {
  std::vector<EdgeType> edge_types;      // empty: all types
  Direction direction = Direction::kBoth;  // kOut: out-degree, kIn: in-degree, kBoth: both
  bool distinct_neighbours = false;      // count neighbours, not edges (two visits count once)
  bool weighted = false;                 // sum GraphSnapshot::Weight instead of counting
};
Ranking Degree(const GraphSnapshot& snapshot, const DegreeOptions& options = {});

struct PageRankOptions {
  std::vector<EdgeType> edge_types;       // empty: all types
  Direction direction = Direction::kOut;  // kBoth for symmetric relations such as CO_MENTIONED
  bool weighted = true;                   // edges pass rank in proportion to GraphSnapshot::Weight
  double damping = 0.85;                  // networkx's alpha
  int max_iterations = 200;
  double tolerance = 1e-12;  // stop when the L1 change of the rank vector falls below this
  // Leave out the vertices no chosen edge touches, as a graph built from the chosen edges would
  // (networkx from an edge list): the same scores as PageRank on the subgraph of those edges,
  // without copying the snapshot into that subgraph. They are left out of the ranking too.
  bool only_vertices_with_edges = false;
};
// The power iteration of networkx.pagerank (dangling vertices spread their rank evenly; parallel
// edges add their weights), so the numbers agree with networkx's. InvalidArgument for a damping
// outside [0, 1) or a non-positive iteration limit. Scores sum to 1 (empty graph: empty ranking).
Result<Ranking> PageRank(const GraphSnapshot& snapshot, const PageRankOptions& options = {});

struct BetweennessOptions {
  std::vector<EdgeType> edge_types;        // empty: all types
  Direction direction = Direction::kBoth;  // kBoth: undirected; kOut/kIn: directed
  bool normalized = true;                  // divide by the number of pairs, as networkx does
};
// Brandes' algorithm (boost::brandes_betweenness_centrality) on the simple graph of the chosen
// edges (parallel edges and self-loops collapse). Matches networkx.betweenness_centrality.
Ranking Betweenness(const GraphSnapshot& snapshot, const BetweennessOptions& options = {});

struct ComponentsOptions {
  std::vector<EdgeType> edge_types;  // empty: all types; direction is ignored (weak components)
};
struct Components {
  // Largest first; ties by smallest vertex. Each component's vertices ascending.
  std::vector<std::vector<Vertex>> members;
  std::vector<size_t> component_of;  // vertex -> index into members
};
Components ConnectedComponents(const GraphSnapshot& snapshot,
                               const ComponentsOptions& options = {});

struct PathOptions {
  std::vector<EdgeType> edge_types;        // empty: all types
  Direction direction = Direction::kBoth;  // kOut: follow edges as stored; kIn: against them
};
struct GraphPath {
  std::vector<Vertex> vertices;  // from ... to
  std::vector<Edge> edges;       // edges[i] joins vertices[i] and vertices[i + 1]
};
// A path with the fewest edges (breadth-first; among equals, the one through edges earlier in the
// snapshot's order). NotFound when `to` cannot be reached. REQUIRES: both vertices in the snapshot.
Result<GraphPath> ShortestPath(const GraphSnapshot& snapshot, Vertex from, Vertex to,
                               const PathOptions& options = {});

}  // namespace tupu
