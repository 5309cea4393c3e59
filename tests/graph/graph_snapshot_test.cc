// GraphSnapshot: loading from a store (all of it and filtered), the id and name indexes, weights,
// document keys, subgraphs and the canonical order that makes exports reproducible.
#include "graph/graph_snapshot.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

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
  EXPECT_EQ(snap->Name(*wang), "王建国");
  EXPECT_EQ(snap->Aliases(*wang), std::vector<std::string>{"王书记"});
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
  EXPECT_EQ(snap->Name(by_alias[0]), "王建国");
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
    (g[*e].type == EdgeType::kCoMentioned ? co : other).insert(snap->Weight(*e));
  }
  EXPECT_EQ(co, (std::multiset<double>{1.0, 3.0}));
  EXPECT_EQ(other.count(1.0), other.size());
}

// Ctrl-C during a long first load: keep_going is asked between batches (nodes, then edges), and
// false stops the load with Aborted.
TEST(GraphSnapshotTest, KeepGoingFalseStopsTheLoad) {
  auto store = MakeSampleStore();
  for (int allowed : {0, 1}) {  // stop at the first node batch; at the first edge batch
    SCOPED_TRACE(allowed);
    int asked = 0;
    SnapshotFilter filter;
    filter.keep_going = [&] { return asked++ < allowed; };
    auto snap = GraphSnapshot::Load(*store, filter);
    ASSERT_FALSE(snap.ok());
    EXPECT_TRUE(snap.status().IsAborted()) << snap.status().ToString();
    EXPECT_EQ(asked, allowed + 1);
  }
  int asked = 0;
  SnapshotFilter filter;
  filter.keep_going = [&] { return ++asked > 0; };
  auto snap = LoadOrDie(*store, filter);
  ASSERT_NE(snap, nullptr);
  EXPECT_EQ(snap->num_edges(), 10u);
  EXPECT_GE(asked, 2);
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

TEST(GraphSnapshotTest, PropertySetsAreInternedAndAccessorsReadThem) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  const PropertyGraph& g = snap->graph();
  std::vector<Edge> edges;
  for (auto [e, end] = boost::edges(g); e != end; ++e) edges.push_back(*e);
  // Equal sets are one pool entry (same address); different sets are different entries.
  size_t shared = 0;
  for (const Edge& a : edges) {
    for (const Edge& b : edges) {
      bool equal = snap->EdgeProperties(a) == snap->EdgeProperties(b);
      EXPECT_EQ(equal, &snap->EdgeProperties(a) == &snap->EdgeProperties(b));
      if (equal && !(a == b)) ++shared;
    }
  }
  EXPECT_GT(shared, 0u);  // 10-30 is the date of a visit and of an accompaniment

  // Every edge reads back what the store holds.
  std::map<FactId, StoredEdge> stored;
  ASSERT_OK(store->ForEachEdge([&](const StoredEdge& e) {
    stored[e.id] = e;
    return true;
  }));
  for (const Edge& e : edges) {
    const StoredEdge& want = stored.at(snap->FactIdOf(e));
    EXPECT_EQ(snap->NodeIdOf(snap->Source(e)), want.src);
    EXPECT_EQ(snap->NodeIdOf(snap->Target(e)), want.dst);
    EXPECT_EQ(snap->Type(e), want.type);
    EXPECT_EQ(snap->Doc(e), want.doc);
    EXPECT_EQ(snap->DocKey(e), snap->DocumentKey(want.doc));
    EXPECT_EQ(snap->Sentence(e), want.sentence);
    EXPECT_EQ(snap->Span(e), want.span);
    EXPECT_EQ(snap->EdgeProperties(e), want.props);
  }
  auto office = snap->FindVertex(MakeNodeId(NodeLabel::kOrganization, "高新区管委会"));
  ASSERT_TRUE(office.has_value());
  EXPECT_EQ(snap->Kind(*office), "government");
  EXPECT_EQ(snap->Label(*office), NodeLabel::kOrganization);
  auto doc = snap->FindVertex(MakeDocId("news/a.txt"));
  ASSERT_TRUE(doc.has_value());
  auto stored_doc = store->GetNode(MakeDocId("news/a.txt"));
  ASSERT_OK(stored_doc);
  EXPECT_EQ(snap->VertexProperties(*doc), stored_doc->props);
  EXPECT_EQ(snap->Mentions(*doc), stored_doc->mentions);
  EXPECT_GT(snap->MemoryBytes(), edges.size() * sizeof(EdgeProps));
}

TEST(GraphSnapshotTest, InEdgesComeBySourceThenTypeThenFact) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  const PropertyGraph& g = snap->graph();
  size_t total = 0;
  for (Vertex v = 0; v < snap->num_vertices(); ++v) {
    std::vector<std::tuple<NodeId, EdgeType, FactId>> keys;
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
      EXPECT_EQ(snap->Target(*e), v);
      keys.emplace_back(snap->NodeIdOf(snap->Source(*e)), snap->Type(*e), snap->FactIdOf(*e));
    }
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
    total += keys.size();
  }
  EXPECT_EQ(total, snap->num_edges());
}

TEST(GraphSnapshotTest, SubgraphSharesThePools) {
  auto store = MakeSampleStore();
  auto snap = LoadOrDie(*store);
  ASSERT_NE(snap, nullptr);
  std::vector<Edge> all;
  for (auto [e, end] = boost::edges(snap->graph()); e != end; ++e) all.push_back(*e);
  auto sub = snap->Subgraph({all.back()});
  ASSERT_EQ(sub->num_edges(), 1u);
  Edge only = *boost::edges(sub->graph()).first;
  EXPECT_EQ(&sub->EdgeProperties(only), &snap->EdgeProperties(all.back()));
  EXPECT_EQ(&sub->Name(sub->Source(only)), &snap->Name(snap->Source(all.back())));
  EXPECT_EQ(sub->Weight(only), snap->Weight(all.back()));
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
