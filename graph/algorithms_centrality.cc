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

  // The arcs the walk follows (edges, reversed edges or both), laid out by target as a CSR of
  // in-arcs: the arcs into v are [first_arc[v], first_arc[v + 1]), their sources ascending. Built
  // with two counting passes over the snapshot's own adjacency (no sort), so that each iteration
  // reads the arcs in one sequential sweep and writes each rank once.
  const bool forward = options.direction != Direction::kIn;
  const bool backward = options.direction != Direction::kOut;
  EdgeTypeSet wanted(options.edge_types);
  auto for_each_arc_from = [&](Vertex u, auto&& visit) {
    if (forward) {
      for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) {
        if (wanted.Contains(g[*e].type)) visit(boost::target(*e, g), *e);
      }
    }
    if (backward) {
      for (auto [e, end] = boost::in_edges(u, g); e != end; ++e) {
        if (wanted.Contains(g[*e].type)) visit(boost::source(*e, g), *e);
      }
    }
  };
  auto weight_of = [&](Edge e) { return options.weighted ? snapshot.Weight(e) : 1.0; };
  std::vector<double> out_weight(n, 0.0);
  std::vector<uint32_t> first_arc(n + 1, 0);
  // The vertices in the walk: all, or those an arc touches (every chosen edge is an arc).
  std::vector<bool> in_walk(n, !options.only_vertices_with_edges);
  for (Vertex u = 0; u < n; ++u) {
    for_each_arc_from(u, [&](Vertex to, Edge e) {
      out_weight[u] += weight_of(e);
      ++first_arc[to + 1];
      in_walk[u] = true;
      in_walk[to] = true;
    });
  }
  size_t walk_size = 0;
  for (size_t v = 0; v < n; ++v) walk_size += in_walk[v] ? 1 : 0;
  if (walk_size == 0) return Ranking{};
  for (size_t v = 0; v < n; ++v) first_arc[v + 1] += first_arc[v];
  std::vector<uint32_t> arc_source(first_arc[n]);
  std::vector<double> arc_share(first_arc[n]);  // the part of its source's rank the arc passes on
  std::vector<uint32_t> next_slot(first_arc.begin(), first_arc.end() - 1);
  for (Vertex u = 0; u < n; ++u) {
    for_each_arc_from(u, [&](Vertex to, Edge e) {
      uint32_t k = next_slot[to]++;
      arc_source[k] = u;
      arc_share[k] = weight_of(e) / out_weight[u];
    });
  }
  next_slot = {};

  const double d = options.damping;
  const double inv_n = 1.0 / static_cast<double>(walk_size);
  std::vector<double> rank(n, 0.0), next(n, 0.0), passed(n);
  double dangling = 0.0;  // rank held by vertices without out-arcs, spread evenly
  for (size_t v = 0; v < n; ++v) {
    if (!in_walk[v]) continue;
    rank[v] = inv_n;
    if (out_weight[v] == 0.0) dangling += rank[v];
  }
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    const double base = (1.0 - d) * inv_n + d * dangling * inv_n;
    for (size_t u = 0; u < n; ++u) passed[u] = d * rank[u];
    double change = 0.0, next_dangling = 0.0;
    for (size_t v = 0; v < n; ++v) {
      if (!in_walk[v]) continue;  // outside the walk: rank 0, and not ranked
      double sum = base;
      for (uint32_t k = first_arc[v]; k < first_arc[v + 1]; ++k) {
        sum += passed[arc_source[k]] * arc_share[k];
      }
      next[v] = sum;
      change += std::fabs(sum - rank[v]);
      if (out_weight[v] == 0.0) next_dangling += sum;
    }
    rank.swap(next);
    dangling = next_dangling;
    if (change < options.tolerance) break;
  }
  return RankScores(snapshot, rank, &in_walk);
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
