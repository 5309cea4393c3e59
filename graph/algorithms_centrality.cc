// Degree, PageRank and betweenness (see algorithms.h).
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include "graph/algorithm_support.h"
#include "graph/algorithms.h"

namespace tupu {

Ranking Degree(const GraphSnapshot& snapshot, const DegreeOptions& options) {
  const PropertyGraph& g = snapshot.graph();
  const size_t n = boost::num_vertices(g);
  std::vector<double> score(n, 0.0);
  EdgeTypeSet wanted(options.edge_types);
  for (Vertex v = 0; v < n; ++v) {
    std::unordered_set<Vertex> neighbours;
    auto count = [&](const Edge& e, Vertex other) {
      if (!wanted.Contains(g[e].type)) return;
      if (options.distinct_neighbours) {
        neighbours.insert(other);
      } else {
        score[v] += options.weighted ? snapshot.Weight(e) : 1.0;
      }
    };
    if (options.direction != Direction::kIn) {
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) count(*e, boost::target(*e, g));
    }
    if (options.direction != Direction::kOut) {
      for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) count(*e, boost::source(*e, g));
    }
    if (options.distinct_neighbours) score[v] = static_cast<double>(neighbours.size());
  }
  return RankScores(snapshot, score);
}

Result<Ranking> PageRank(const GraphSnapshot& snapshot, const PageRankOptions& options) {
  if (!(options.damping >= 0.0 && options.damping < 1.0)) {
    return Status::InvalidArgument("pagerank: damping must be in [0, 1)");
  }
  if (options.max_iterations <= 0) {
    return Status::InvalidArgument("pagerank: max_iterations must be positive");
  }
  const PropertyGraph& g = snapshot.graph();
  const size_t n = boost::num_vertices(g);
  if (n == 0) return Ranking{};

  // Arcs as the walk sees them, with the weight each passes on.
  struct Arc {
    uint32_t from;
    uint32_t to;
    double weight;
  };
  std::vector<Arc> arcs;
  std::vector<double> out_weight(n, 0.0);
  EdgeTypeSet wanted(options.edge_types);
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (!wanted.Contains(g[*e].type)) continue;
    auto u = static_cast<uint32_t>(boost::source(*e, g));
    auto v = static_cast<uint32_t>(boost::target(*e, g));
    double w = options.weighted ? snapshot.Weight(*e) : 1.0;
    if (options.direction != Direction::kIn) arcs.push_back({u, v, w});
    if (options.direction != Direction::kOut) arcs.push_back({v, u, w});
  }
  for (const Arc& a : arcs) out_weight[a.from] += a.weight;
  for (Arc& a : arcs) a.weight /= out_weight[a.from];
  // Grouping arcs by target keeps the writes of one iteration sequential.
  std::sort(arcs.begin(), arcs.end(),
            [](const Arc& a, const Arc& b) { return std::tie(a.to, a.from) < std::tie(b.to, b.from); });

  const double d = options.damping;
  const double inv_n = 1.0 / static_cast<double>(n);
  std::vector<double> rank(n, inv_n), next(n);
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    double dangling = 0.0;
    for (size_t v = 0; v < n; ++v) {
      if (out_weight[v] == 0.0) dangling += rank[v];
    }
    const double base = (1.0 - d) * inv_n + d * dangling * inv_n;
    std::fill(next.begin(), next.end(), base);
    for (const Arc& a : arcs) next[a.to] += d * rank[a.from] * a.weight;
    double change = 0.0;
    for (size_t v = 0; v < n; ++v) change += std::fabs(next[v] - rank[v]);
    rank.swap(next);
    if (change < options.tolerance) break;
  }
  return RankScores(snapshot, rank);
}

Ranking Betweenness(const GraphSnapshot& snapshot, const BetweennessOptions& options) {
  const PropertyGraph& g = snapshot.graph();
  const size_t n = boost::num_vertices(g);
  std::vector<std::pair<Vertex, Vertex>> pairs = SimplePairs(snapshot, options.edge_types,
                                                             options.direction);
  std::vector<double> centrality(n, 0.0);
  if (options.direction == Direction::kBoth) {
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected simple(pairs.begin(), pairs.end(), n);
    boost::brandes_betweenness_centrality(
        simple, boost::make_iterator_property_map(centrality.begin(),
                                                  boost::get(boost::vertex_index, simple)));
  } else {
    using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Directed simple(pairs.begin(), pairs.end(), n);
    boost::brandes_betweenness_centrality(
        simple, boost::make_iterator_property_map(centrality.begin(),
                                                  boost::get(boost::vertex_index, simple)));
  }
  // Boost already halves the undirected sums (each unordered pair counted once); networkx's
  // normalisation divides by the number of ordered pairs (directed) or unordered pairs (undirected).
  double scale = 1.0;
  if (options.normalized && n > 2) {
    scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    if (options.direction == Direction::kBoth) scale *= 2.0;
  }
  for (double& c : centrality) c *= scale;
  return RankScores(snapshot, centrality);
}

}  // namespace tupu
