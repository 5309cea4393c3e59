// Pieces the algorithm files share: a fast edge-type filter, the simple graph of chosen edges,
// and turning per-vertex scores into a Ranking. Internal to graph/.
// Thread safety: pure functions; an EdgeTypeSet is immutable after construction.
#pragma once

#include <array>
#include <utility>
#include <vector>

#include "graph/algorithms.h"

namespace tupu {

class EdgeTypeSet {
 public:
  // Empty `types`: every type.
  explicit EdgeTypeSet(const std::vector<EdgeType>& types) {
    wanted_.fill(types.empty());
    for (EdgeType t : types) {
      auto i = static_cast<size_t>(t);
      if (i < wanted_.size()) wanted_[i] = true;
    }
  }
  bool Contains(EdgeType type) const {
    auto i = static_cast<size_t>(type);
    return i < wanted_.size() && wanted_[i];
  }

 private:
  std::array<bool, 64> wanted_{};
};

// Distinct (u, v) pairs of the chosen edges, self-loops left out; for kIn reversed; for kBoth each
// unordered pair once with u < v.
std::vector<std::pair<Vertex, Vertex>> SimplePairs(const GraphSnapshot& snapshot,
                                                   const std::vector<EdgeType>& edge_types,
                                                   Direction direction);

// Every vertex with its score (only those `keep` marks, when given), ordered as Ranking promises.
Ranking RankScores(const GraphSnapshot& snapshot, const std::vector<double>& scores,
                   const std::vector<bool>* keep = nullptr);

}  // namespace tupu
