// Connected components, shortest paths and the shared algorithm support (see algorithms.h).
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <deque>
#include <tuple>

#include "graph/algorithm_support.h"
#include "graph/algorithms.h"

namespace tupu {

std::vector<std::pair<Vertex, Vertex>> SimplePairs(const GraphSnapshot& snapshot,
                                                   const std::vector<EdgeType>& edge_types,
                                                   Direction direction) {
  const PropertyGraph& g = snapshot.graph();
  EdgeTypeSet wanted(edge_types);
  std::vector<std::pair<Vertex, Vertex>> pairs;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (!wanted.Contains(g[*e].type)) continue;
    Vertex u = boost::source(*e, g), v = boost::target(*e, g);
    if (u == v) continue;
    if (direction == Direction::kIn || (direction == Direction::kBoth && v < u)) std::swap(u, v);
    pairs.emplace_back(u, v);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

Ranking RankScores(const GraphSnapshot& snapshot, const std::vector<double>& scores,
                   const std::vector<bool>* keep) {
  Ranking ranking;
  ranking.reserve(scores.size());
  for (Vertex v = 0; v < scores.size(); ++v) {
    if (keep == nullptr || (*keep)[v]) ranking.push_back({v, scores[v]});
  }
  std::sort(ranking.begin(), ranking.end(), [&](const RankedVertex& a, const RankedVertex& b) {
    if (a.score != b.score) return a.score > b.score;
    const std::string& name_a = snapshot.Name(a.vertex);
    const std::string& name_b = snapshot.Name(b.vertex);
    if (name_a != name_b) return name_a < name_b;
    return snapshot.NodeIdOf(a.vertex) < snapshot.NodeIdOf(b.vertex);
  });
  return ranking;
}

Components ConnectedComponents(const GraphSnapshot& snapshot, const ComponentsOptions& options) {
  const size_t n = snapshot.num_vertices();
  auto pairs = SimplePairs(snapshot, options.edge_types, Direction::kBoth);
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected simple(pairs.begin(), pairs.end(), n);
  std::vector<size_t> raw(n);
  size_t count = n == 0 ? 0
                        : boost::connected_components(
                              simple, boost::make_iterator_property_map(
                                          raw.begin(), boost::get(boost::vertex_index, simple)));
  Components result;
  result.members.resize(count);
  for (Vertex v = 0; v < n; ++v) result.members[raw[v]].push_back(v);  // ascending already
  std::sort(result.members.begin(), result.members.end(),
            [](const std::vector<Vertex>& a, const std::vector<Vertex>& b) {
              if (a.size() != b.size()) return a.size() > b.size();
              return a.front() < b.front();
            });
  result.component_of.assign(n, 0);
  for (size_t c = 0; c < result.members.size(); ++c) {
    for (Vertex v : result.members[c]) result.component_of[v] = c;
  }
  return result;
}

Result<GraphPath> ShortestPath(const GraphSnapshot& snapshot, Vertex from, Vertex to,
                               const PathOptions& options) {
  const PropertyGraph& g = snapshot.graph();
  const size_t n = boost::num_vertices(g);
  if (from >= n || to >= n) return Status::InvalidArgument("shortest_path: vertex out of range");
  EdgeTypeSet wanted(options.edge_types);
  constexpr Vertex kUnseen = static_cast<Vertex>(-1);
  std::vector<Vertex> parent(n, kUnseen);
  std::vector<Edge> via(n);
  std::deque<Vertex> queue{from};
  parent[from] = from;
  while (!queue.empty() && parent[to] == kUnseen) {
    Vertex u = queue.front();
    queue.pop_front();
    auto visit = [&](const Edge& e, Vertex next) {
      if (!wanted.Contains(g[e].type) || parent[next] != kUnseen) return;
      parent[next] = u;
      via[next] = e;
      queue.push_back(next);
    };
    if (options.direction != Direction::kIn) {
      for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) visit(*e, boost::target(*e, g));
    }
    if (options.direction != Direction::kOut) {
      for (auto [e, end] = boost::in_edges(u, g); e != end; ++e) visit(*e, boost::source(*e, g));
    }
  }
  if (parent[to] == kUnseen) {
    return Status::NotFound("no path from " + snapshot.Name(from) + " to " + snapshot.Name(to));
  }
  GraphPath path;
  for (Vertex v = to; v != from; v = parent[v]) {
    path.vertices.push_back(v);
    path.edges.push_back(via[v]);
  }
  path.vertices.push_back(from);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.edges.begin(), path.edges.end());
  return path;
}

}  // namespace tupu
