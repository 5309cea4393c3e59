// Tests of CheckDatabase (`tupu check`): a sound database passes; deliberately damaged ones (a
// missing in twin, a stray or missing names entry, a lost node, an unlisted fact, a corrupt
// value) are each reported; --repair rebuilds names and in, and says what it cannot fix.
#include "store/store_check.h"

#include "store/graph_store.h"
#include "store/raw_edit.h"
#include "store/store_keys.h"
#include "store_test_util.h"

namespace tupu {
namespace {

namespace keys = store_keys;
using testing::TempDir;

class StoreCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = GraphStore::Open(db_path(), StoreOptions{});
    ASSERT_OK(store);
    ASSERT_OK((*store)->Ingest(testing::VisitReport("news/visit.txt")));
    ASSERT_OK((*store)->Ingest(testing::MeetingReport("news/meeting.txt")));
    // The VISITED edge 王建国 -> 城建局, whose keys the tests damage.
    EdgeType visited = EdgeType::kVisited;
    ASSERT_OK((*store)->ForEachOutEdge(wang_, &visited, [&](const StoredEdge& e) {
      visit_ = {e.src, e.type, e.dst, e.id};
      visit_doc_ = e.doc;
      return false;
    }));
    ASSERT_NE(visit_.fact, 0u);
  }

  std::string db_path() const { return dir_.Sub("db"); }
  CheckReport Check(bool repair = false) {
    CheckOptions options;
    options.repair = repair;
    auto report = CheckDatabase(db_path(), options);
    EXPECT_OK(report);
    return report.ok() ? *report : CheckReport{};
  }
  static bool Mentions(const std::vector<std::string>& problems, const std::string& text) {
    for (const auto& p : problems) {
      if (p.find(text) != std::string::npos) return true;
    }
    return false;
  }

  TempDir dir_;
  const NodeId wang_ = MakeNodeId(NodeLabel::kPerson, "王建国");
  keys::EdgeKeyParts visit_;
  DocId visit_doc_ = 0;
};

TEST_F(StoreCheckTest, SoundDatabasePasses) {
  CheckReport report = Check();
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.problem_count, 0u) << (report.problems.empty() ? "" : report.problems[0]);
  EXPECT_EQ(report.documents, 2u);
  EXPECT_EQ(report.edges, 7u);
  EXPECT_EQ(report.nodes, 7u);  // 2 documents, 王建国, 刘晓红, 城建局, 东湖区政府, 区政府常务会议
  EXPECT_GT(report.names, report.nodes);  // plus aliases
}

TEST_F(StoreCheckTest, MissingInTwinIsFoundAndRepaired) {
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kIn, keys::InKey(visit_), std::nullopt));
  CheckReport report = Check();
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(Mentions(report.problems, "VISITED edge Person 王建国 -> Organization 城建局"));
  EXPECT_TRUE(Mentions(report.problems, "in twin missing"));
  CheckReport repaired = Check(/*repair=*/true);
  EXPECT_TRUE(repaired.ok());
  EXPECT_EQ(repaired.in_fixed, 1u);
  EXPECT_TRUE(Check().ok());
}

TEST_F(StoreCheckTest, StrayInEntryIsFoundAndRepaired) {
  keys::EdgeKeyParts ghost = visit_;
  ghost.fact ^= 1;
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kIn, keys::InKey(ghost), ""));
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 1u);
  EXPECT_TRUE(Mentions(report.problems, "in entry without its out edge"));
  CheckReport repaired = Check(true);
  EXPECT_TRUE(repaired.ok());
  EXPECT_EQ(repaired.in_fixed, 1u);
}

TEST_F(StoreCheckTest, NamesIndexDamageIsFoundAndRepaired) {
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kNames,
                               keys::NameKey(NodeLabel::kPerson, "王区长", wang_), std::nullopt));
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kNames,
                               keys::NameKey(NodeLabel::kPerson, "假名字", wang_), std::string(1, '\0')));
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 2u);
  EXPECT_TRUE(Mentions(report.problems, "Person 王建国: alias '王区长' missing from the names index"));
  EXPECT_TRUE(Mentions(report.problems, "names entry '假名字'"));
  CheckReport repaired = Check(true);
  EXPECT_TRUE(repaired.ok());
  EXPECT_EQ(repaired.names_fixed, 2u);
  auto store = GraphStore::Open(db_path(), StoreOptions{});
  ASSERT_OK(store);
  auto found = (*store)->FindNode(NodeLabel::kPerson, "王区长");
  ASSERT_OK(found);
  EXPECT_EQ(*found, wang_);
  EXPECT_TRUE((*store)->FindNode(NodeLabel::kPerson, "假名字").status().IsNotFound());
}

TEST_F(StoreCheckTest, LostNodeIsReportedAndNotRepairable) {
  NodeId bureau = MakeNodeId(NodeLabel::kOrganization, "城建局");
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kNodes, keys::IdKey(bureau), std::nullopt));
  CheckReport report = Check();
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(Mentions(report.problems, "target node missing"));
  EXPECT_TRUE(Mentions(report.problems, "refers to missing node " + IdToHex(bureau)));
  CheckReport repaired = Check(true);
  EXPECT_FALSE(repaired.ok());
  EXPECT_GT(repaired.problems_after_repair, 0u);
  EXPECT_TRUE(Mentions(repaired.remaining, "target node missing"));
}

TEST_F(StoreCheckTest, UnlistedFactAndCorruptValueAreReported) {
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kDocFacts,
                               keys::DocFactKey(visit_doc_, keys::kTagOut, keys::OutKey(visit_)),
                               std::nullopt));
  NodeId liu = MakeNodeId(NodeLabel::kPerson, "刘晓红");
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kNodes, keys::IdKey(liu), "\x01\x01garbage"));
  CheckReport report = Check();
  EXPECT_TRUE(Mentions(report.problems, "not listed under its document"));
  EXPECT_TRUE(Mentions(report.problems, "node " + IdToHex(liu) + ": stored node value is corrupt"));
  // Reading the corrupt node through the store is a Corruption status, not a crash.
  StoreOptions read_only;
  read_only.read_only = true;
  auto store = GraphStore::Open(db_path(), read_only);
  ASSERT_OK(store);
  EXPECT_TRUE((*store)->GetNode(liu).status().IsCorruption());
  EXPECT_TRUE((*store)->ForEachNode([](const StoredNode&) { return true; }).IsCorruption());
}

TEST_F(StoreCheckTest, WrongTotalsAreFoundAndRepaired) {
  std::string wrong;
  for (uint64_t v : {5, 5, 5}) keys::AppendBigEndian64(v, &wrong);
  ASSERT_OK(WriteRawForTesting(db_path(), keys::kMeta, keys::kCountsKey, wrong));
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 1u);
  EXPECT_TRUE(Mentions(report.problems, "stored totals"));
  EXPECT_TRUE(Check(true).ok());
  auto store = GraphStore::Open(db_path(), StoreOptions{});
  ASSERT_OK(store);
  auto counts = (*store)->Counts();
  ASSERT_OK(counts);
  EXPECT_EQ(counts->documents, 2u);
  EXPECT_EQ(counts->nodes, 7u);
  EXPECT_EQ(counts->edges, 7u);
}

TEST_F(StoreCheckTest, MissingDatabaseIsAnError) {
  auto report = CheckDatabase(dir_.Sub("nowhere"), CheckOptions{});
  ASSERT_FALSE(report.ok());
  EXPECT_TRUE(report.status().IsNotFound());
}

}  // namespace
}  // namespace tupu
