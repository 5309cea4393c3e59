// Algorithms on small graphs with known answers, and PageRank and betweenness against networkx
// (Debian's /usr/bin/python3) on the sample graph within 1e-6.
#include "graph/algorithms.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "graph/export_json.h"
#include "memory_store_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::MakeSampleStore;

class AlgorithmsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = MakeSampleStore();
    auto snap = GraphSnapshot::Load(*store_);
    ASSERT_TRUE(snap.ok()) << snap.status().ToString();
    snap_ = *snap;
  }
  Vertex V(const std::string& name) const {
    auto found = snap_->FindByName(name);
    EXPECT_EQ(found.size(), 1u) << name;
    return found.empty() ? 0 : found[0];
  }
  const std::string& Name(Vertex v) const { return snap_->Name(v); }
  double ScoreOf(const Ranking& r, const std::string& name) const {
    for (const auto& rv : r) {
      if (Name(rv.vertex) == name) return rv.score;
    }
    ADD_FAILURE() << name << " not ranked";
    return -1;
  }

  std::unique_ptr<testing::MemoryGraphStore> store_;
  std::shared_ptr<const GraphSnapshot> snap_;
};

TEST_F(AlgorithmsTest, DegreeCountsEdgesOrNeighbours) {
  Ranking all = Degree(*snap_);
  ASSERT_EQ(all.size(), 9u);
  EXPECT_EQ(Name(all[0].vertex), "王建国");
  EXPECT_EQ(all[0].score, 7);  // 3 visits, 1 position, 1 co-mention, 1 mentioned-in; 1 accompanied
  EXPECT_EQ(ScoreOf(all, "news/b.txt"), 0);

  DegreeOptions visits;
  visits.edge_types = {EdgeType::kVisited};
  visits.direction = Direction::kOut;
  EXPECT_EQ(ScoreOf(Degree(*snap_, visits), "王建国"), 3);
  visits.distinct_neighbours = true;
  EXPECT_EQ(ScoreOf(Degree(*snap_, visits), "王建国"), 2);
  visits.direction = Direction::kIn;
  visits.distinct_neighbours = false;
  EXPECT_EQ(ScoreOf(Degree(*snap_, visits), "高新区管委会"), 2);

  DegreeOptions weighted;
  weighted.edge_types = {EdgeType::kCoMentioned};
  weighted.weighted = true;
  Ranking co = Degree(*snap_, weighted);
  EXPECT_EQ(Name(co[0].vertex), "李明华");
  EXPECT_EQ(co[0].score, 4);
  // Ties are broken by name, so the order is reproducible.
  for (size_t i = 1; i < co.size(); ++i) {
    if (co[i - 1].score == co[i].score) {
      EXPECT_LT(Name(co[i - 1].vertex), Name(co[i].vertex));
    }
  }
}

nlohmann::json NetworkxReference(const GraphSnapshot& snap, const std::string& types,
                                 const std::string& direction) {
  testing::TempDir dir;
  std::string path = dir.Sub("g.json");
  {
    std::ofstream out(path);
    EXPECT_OK(WriteJson(snap, out));
  }
  std::string cmd = std::string(TUPU_PYTHON) + " '" + testing::SourceDir() +
                    "/tests/graph/networkx_algorithms.py' '" + path + "' " + types + " " +
                    direction + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while (pipe && (n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  EXPECT_EQ(pipe ? ::pclose(pipe) : -1, 0) << out;
  auto j = nlohmann::json::parse(out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << out;
  return j;
}

void ExpectMatches(const GraphSnapshot& snap, const Ranking& ours, const nlohmann::json& theirs) {
  ASSERT_EQ(ours.size(), theirs.size());
  for (const auto& rv : ours) {
    std::string id = IdToHex(snap.graph()[rv.vertex].id);
    ASSERT_TRUE(theirs.contains(id)) << id;
    EXPECT_NEAR(rv.score, theirs[id].get<double>(), 1e-6) << snap.Name(rv.vertex);
  }
}

TEST_F(AlgorithmsTest, PageRankMatchesNetworkx) {
  auto ours = PageRank(*snap_);
  ASSERT_OK(ours.status());
  double sum = 0;
  for (const auto& rv : *ours) sum += rv.score;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  auto ref = NetworkxReference(*snap_, "all", "out");
  ExpectMatches(*snap_, *ours, ref["pagerank"]);
  EXPECT_EQ(Name((*ours)[0].vertex), "news/a.txt");  // the reporter and 王建国 both point at it
}

TEST_F(AlgorithmsTest, WeightedUndirectedPageRankMatchesNetworkx) {
  PageRankOptions options;
  options.edge_types = {EdgeType::kCoMentioned, EdgeType::kAccompanied};
  options.direction = Direction::kBoth;
  auto ours = PageRank(*snap_, options);
  ASSERT_OK(ours.status());
  auto ref = NetworkxReference(*snap_, "CO_MENTIONED,ACCOMPANIED", "both");
  ExpectMatches(*snap_, *ours, ref["pagerank"]);
  EXPECT_EQ(Name((*ours)[0].vertex), "李明华");
}

// PageRank over the full snapshot, leaving out the vertices no chosen edge touches, is PageRank on
// the subgraph of those edges: same vertices, same scores to the last bit, same order.
TEST_F(AlgorithmsTest, PageRankOfTheTouchedVerticesIsThePageRankOfTheSubgraph) {
  for (auto direction : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
    for (auto types : std::vector<std::vector<EdgeType>>{
             {EdgeType::kVisited}, {EdgeType::kAccompanied, EdgeType::kHoldsPosition}, {}}) {
      std::vector<Edge> chosen;
      for (auto [e, end] = boost::edges(snap_->graph()); e != end; ++e) {
        if (types.empty() || std::find(types.begin(), types.end(), snap_->Type(*e)) != types.end())
          chosen.push_back(*e);
      }
      auto sub = snap_->Subgraph(chosen);
      PageRankOptions options;
      options.edge_types = types;
      options.direction = direction;
      auto expected = PageRank(*sub, options);
      options.only_vertices_with_edges = true;
      auto actual = PageRank(*snap_, options);
      ASSERT_OK(expected.status());
      ASSERT_OK(actual.status());
      ASSERT_EQ(actual->size(), expected->size());
      ASSERT_LT(actual->size(), snap_->num_vertices());  // some vertices were left out
      for (size_t i = 0; i < actual->size(); ++i) {
        EXPECT_EQ(snap_->NodeIdOf((*actual)[i].vertex), sub->NodeIdOf((*expected)[i].vertex));
        EXPECT_EQ((*actual)[i].score, (*expected)[i].score);
      }
    }
  }
}

TEST_F(AlgorithmsTest, PageRankRejectsBadOptions) {
  PageRankOptions options;
  options.damping = 1.0;
  EXPECT_TRUE(PageRank(*snap_, options).status().IsInvalidArgument());
  options.damping = 0.85;
  options.max_iterations = 0;
  EXPECT_TRUE(PageRank(*snap_, options).status().IsInvalidArgument());
}

TEST_F(AlgorithmsTest, BetweennessMatchesNetworkx) {
  auto undirected_ref = NetworkxReference(*snap_, "all", "both");
  ExpectMatches(*snap_, Betweenness(*snap_), undirected_ref["betweenness"]);
  BetweennessOptions raw;
  raw.normalized = false;
  ExpectMatches(*snap_, Betweenness(*snap_, raw), undirected_ref["betweenness_raw"]);

  BetweennessOptions directed;
  directed.direction = Direction::kOut;
  auto directed_ref = NetworkxReference(*snap_, "all", "out");
  ExpectMatches(*snap_, Betweenness(*snap_, directed), directed_ref["betweenness"]);
  // 王建国 joins 李明华/陈晨's side to the offices and places: the most between.
  EXPECT_EQ(Name(Betweenness(*snap_)[0].vertex), "王建国");
}

TEST(AlgorithmsOnAPathTest, BetweennessOfAChainIsKnown) {
  // A - B - C - D as co-mentions, and E alone: undirected raw betweenness B = C = 2.
  testing::MemoryGraphStore store;
  std::vector<StoredNode> nodes;
  for (const char* name : {"甲", "乙", "丙", "丁", "戊"}) {
    nodes.push_back(testing::MakeNode(NodeLabel::kPerson, name));
    store.PutNode(nodes.back());
  }
  for (int i = 0; i + 1 < 4; ++i) {
    store.PutEdge(testing::MakeEdge(EdgeType::kCoMentioned, nodes[i], nodes[i + 1], "d", i,
                                    {{"weight", "1"}}));
  }
  auto snap = GraphSnapshot::Load(store);
  ASSERT_OK(snap.status());
  BetweennessOptions raw;
  raw.normalized = false;
  Ranking r = Betweenness(**snap, raw);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ((*snap)->Name(r[0].vertex), "丙");  // tie with 乙, broken by name order
  EXPECT_DOUBLE_EQ(r[0].score, 2.0);
  EXPECT_DOUBLE_EQ(r[1].score, 2.0);
  EXPECT_DOUBLE_EQ(r[4].score, 0.0);
  Ranking normalized = Betweenness(**snap);
  EXPECT_DOUBLE_EQ(normalized[0].score, 2.0 * 2.0 / (4.0 * 3.0));

  Components c = ConnectedComponents(**snap);
  ASSERT_EQ(c.members.size(), 2u);
  EXPECT_EQ(c.members[0].size(), 4u);
  EXPECT_EQ(c.members[1].size(), 1u);
}

TEST_F(AlgorithmsTest, ConnectedComponents) {
  Components all = ConnectedComponents(*snap_);
  ASSERT_EQ(all.members.size(), 2u);  // news/b.txt has no edge of its own
  EXPECT_EQ(all.members[0].size(), 8u);
  ASSERT_EQ(all.members[1].size(), 1u);
  EXPECT_EQ(Name(all.members[1][0]), "news/b.txt");
  EXPECT_EQ(all.component_of[V("赵小红")], 0u);

  ComponentsOptions visits;
  visits.edge_types = {EdgeType::kVisited};
  Components v = ConnectedComponents(*snap_, visits);
  ASSERT_EQ(v.members.size(), 7u);
  EXPECT_EQ(v.members[0].size(), 3u);
  EXPECT_EQ(v.component_of[V("东湖公园")], v.component_of[V("王建国")]);
  EXPECT_NE(v.component_of[V("李明华")], v.component_of[V("王建国")]);
}

TEST_F(AlgorithmsTest, ShortestPathFollowsDirectionAndTypes) {
  auto both = ShortestPath(*snap_, V("赵小红"), V("高新区管委会"));
  ASSERT_OK(both.status());
  ASSERT_EQ(both->vertices.size(), 3u);
  EXPECT_EQ(Name(both->vertices[1]), "李明华");
  ASSERT_EQ(both->edges.size(), 2u);
  EXPECT_EQ(snap_->graph()[both->edges[1]].type, EdgeType::kHoldsPosition);

  PathOptions out;
  out.direction = Direction::kOut;
  EXPECT_TRUE(ShortestPath(*snap_, V("赵小红"), V("高新区管委会"), out).status().IsNotFound());
  auto via_host = ShortestPath(*snap_, V("李明华"), V("东湖公园"), out);
  ASSERT_OK(via_host.status());
  EXPECT_EQ(Name(via_host->vertices[1]), "王建国");

  PathOptions only_visits;
  only_visits.edge_types = {EdgeType::kVisited};
  EXPECT_TRUE(ShortestPath(*snap_, V("李明华"), V("东湖公园"), only_visits).status().IsNotFound());

  auto self = ShortestPath(*snap_, V("王建国"), V("王建国"));
  ASSERT_OK(self.status());
  EXPECT_EQ(self->vertices.size(), 1u);
  EXPECT_TRUE(self->edges.empty());
}

TEST(AlgorithmsOnEmptyGraphTest, EverythingIsEmpty) {
  testing::MemoryGraphStore empty;
  auto snap = GraphSnapshot::Load(empty);
  ASSERT_OK(snap.status());
  EXPECT_TRUE(Degree(**snap).empty());
  auto pr = PageRank(**snap);
  ASSERT_OK(pr.status());
  EXPECT_TRUE(pr->empty());
  EXPECT_TRUE(Betweenness(**snap).empty());
  EXPECT_TRUE(ConnectedComponents(**snap).members.empty());
}

}  // namespace
}  // namespace tupu
