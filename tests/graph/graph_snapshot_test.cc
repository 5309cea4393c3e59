// GraphSnapshot: loading from a store (all of it and filtered), the id and name indexes, weights,
// document keys, subgraphs and the canonical order that makes exports reproducible.
#include "graph/graph_snapshot.h"

#include <gtest/gtest.h>

#include <set>

#include "memory_store_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::MakeSampleStore;

std::shared_ptr<const GraphSnapshot> LoadOrDie(const GraphStore& store, SnapshotFilter filter = {}) {
  auto snapshot = GraphSnapshot::Load(store, filter);
  EXPECT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  return snapshot.ok() ? *snapshot : nullptr;
}

TEST(GraphSnapshotTest, LoadsEveryNodeAndEdge) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  EXPECT_EQ(snap->num_vertices(), 9u);
  EXPECT_EQ(snap->num_edges(), 10u);
  const PropertyGraph& g = snap->graph();

  auto wang = snap->FindVertex(MakeNodeId(NodeLabel::kPerson, "王建国"));
  ASSERT_TRUE(wang.has_value());
  EXPECT_EQ(g[*wang].name, "王建国");
  EXPECT_EQ(g[*wang].aliases, std::vector<std::string>{"王书记"});
  EXPECT_FALSE(snap->FindVertex(12345).has_value());

  // Two visits of the same office are two edges.
  auto office = snap->FindVertex(MakeNodeId(NodeLabel::kOrganization, "高新区管委会"));
  ASSERT_TRUE(office.has_value());
  int visits = 0;
  for (auto [e, end] = boost::out_edges(*wang, g); e != end; ++e) {
    if (g[*e].type == EdgeType::kVisited && boost::target(*e, g) == *office) ++visits;
  }
  EXPECT_EQ(visits, 2);
  int in_visits = 0;
  for (auto [e, end] = boost::in_edges(*office, g); e != end; ++e) {
    if (g[*e].type == EdgeType::kVisited) ++in_visits;
  }
  EXPECT_EQ(in_visits, 2);
}

TEST(GraphSnapshotTest, FindsByNameAndAlias) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  auto by_alias = snap->FindByName("王书记");
  ASSERT_EQ(by_alias.size(), 1u);
  EXPECT_EQ(snap->graph()[by_alias[0]].name, "王建国");
  EXPECT_EQ(snap->FindByName("管委会", NodeLabel::kOrganization).size(), 1u);
  EXPECT_TRUE(snap->FindByName("管委会", NodeLabel::kPerson).empty());
  EXPECT_TRUE(snap->FindByName("没有这个人").empty());
}

TEST(GraphSnapshotTest, CoMentionWeightComesFromItsProperty) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  const PropertyGraph& g = snap->graph();
  std::multiset<double> co, other;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    (g[*e].type == EdgeType::kCoMentioned ? co : other).insert(g[*e].weight);
  }
  EXPECT_EQ(co, (std::multiset<double>{1.0, 3.0}));
  EXPECT_EQ(other.count(1.0), other.size());
}

TEST(GraphSnapshotTest, FiltersByLabel) {
  auto store = MakeSampleStore();
  SnapshotFilter filter;
  filter.labels = {NodeLabel::kPerson};
  auto snap = LoadOrDie(*store, filter);
  ASSERT_NE(snap, nullptr);
  EXPECT_EQ(snap->num_vertices(), 4u);
  // Only person-person edges survive: ACCOMPANIED and two CO_MENTIONED.
  EXPECT_EQ(snap->num_edges(), 3u);
  // The documents those edges cite keep their keys although Document nodes are gone.
  EXPECT_EQ(snap->DocumentKey(MakeDocId("news/a.txt")), "news/a.txt");
  EXPECT_EQ(snap->DocumentKey(MakeDocId("news/b.txt")), "news/b.txt");
  EXPECT_EQ(snap->DocumentKey(42), "");
}

TEST(GraphSnapshotTest, FiltersByEdgeTypeAndDropsIsolated) {
  auto store = MakeSampleStore();
  SnapshotFilter filter;
  filter.edge_types = {EdgeType::kVisited};
  auto all_vertices = LoadOrDie(*store, filter);
  ASSERT_NE(all_vertices, nullptr);
  EXPECT_EQ(all_vertices->num_vertices(), 9u);
  EXPECT_EQ(all_vertices->num_edges(), 3u);

  filter.drop_isolated = true;
  auto visits = LoadOrDie(*store, filter);
  ASSERT_NE(visits, nullptr);
  EXPECT_EQ(visits->num_vertices(), 3u);  // 王建国, 高新区管委会, 东湖公园
  EXPECT_EQ(visits->num_edges(), 3u);
  EXPECT_TRUE(visits->FindByName("东湖公园").size() == 1);
  EXPECT_TRUE(visits->FindByName("李明华").empty());
}

TEST(GraphSnapshotTest, OrderIsCanonical) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  const PropertyGraph& g = snap->graph();
  for (Vertex v = 1; v < snap->num_vertices(); ++v) EXPECT_LT(g[v - 1].id, g[v].id);
  std::vector<std::tuple<NodeId, EdgeType, NodeId, FactId>> keys;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    keys.emplace_back(g[boost::source(*e, g)].id, g[*e].type, g[boost::target(*e, g)].id,
                      g[*e].id);
  }
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

TEST(GraphSnapshotTest, SubgraphKeepsTheEdgesAndTheirEndpoints) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  const PropertyGraph& g = snap->graph();
  std::vector<Edge> visits;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (g[*e].type == EdgeType::kVisited) visits.push_back(*e);
  }
  visits.push_back(visits.front());  // listed twice, kept once
  auto sub = snap->Subgraph(visits);
  EXPECT_EQ(sub->num_edges(), 3u);
  EXPECT_EQ(sub->num_vertices(), 3u);
  ASSERT_EQ(sub->FindByName("王书记").size(), 1u);
  EXPECT_EQ(sub->DocumentKey(MakeDocId("news/b.txt")), "news/b.txt");
  EXPECT_EQ(snap->Subgraph({})->num_vertices(), 0u);

  // Edges given out of order still come out in canonical order.
  std::vector<Edge> all;
  for (auto [e, end] = boost::edges(g); e != end; ++e) all.push_back(*e);
  std::reverse(all.begin(), all.end());
  auto reversed = snap->Subgraph(all);
  const PropertyGraph& r = reversed->graph();
  std::vector<FactId> original_order, subgraph_order;
  for (auto [e, end] = boost::edges(g); e != end; ++e) original_order.push_back(g[*e].id);
  for (auto [e, end] = boost::edges(r); e != end; ++e) subgraph_order.push_back(r[*e].id);
  EXPECT_EQ(subgraph_order, original_order);
}

TEST(GraphSnapshotTest, EmptyStoreGivesEmptySnapshot) {
  testing::MemoryGraphStore empty;
  auto snap = LoadOrDie(empty);
  ASSERT_NE(snap, nullptr);
  EXPECT_EQ(snap->num_vertices(), 0u);
  EXPECT_EQ(snap->num_edges(), 0u);
}

}  // namespace
}  // namespace tupu
