// The snapshot and exports on the real RocksDB GraphStore: documents ingested through Ingest, then
// loaded, filtered, exported and read back, re-ingest leaving the export byte-identical.
#include <gtest/gtest.h>

#include <sstream>

#include "common/document.h"
#include "graph/algorithms.h"
#include "graph/export_json.h"
#include "graph/graph_snapshot.h"
#include "store/graph_store.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::MakeEntity;

FactRecord Fact(EdgeType type, const EntityRecord& src, const EntityRecord& dst,
                const std::string& text, const std::string& evidence, Properties props) {
  FactRecord f;
  f.type = type;
  f.src = src.key();
  f.dst = dst.key();
  f.sentence = 0;
  auto begin = static_cast<uint32_t>(text.find(evidence));
  f.span = {begin, begin + static_cast<uint32_t>(evidence.size())};
  f.props = std::move(props);
  return f;
}

// "区长王建国来到城建局调研,副区长刘晓红陪同。" under `key`, with its Document node.
ExtractedDocument Report(const std::string& key, const std::string& office) {
  ExtractedDocument doc;
  doc.source_key = key;
  doc.origin = key;
  doc.text = "区长王建国来到" + office + "调研,副区长刘晓红陪同。";
  doc.date = "2024-10-30";
  doc.sentences = {{0, static_cast<uint32_t>(doc.text.size())}};
  EntityRecord page = MakeEntity(NodeLabel::kDocument, key);
  EntityRecord wang = MakeEntity(NodeLabel::kPerson, "王建国", {"王区长"});
  EntityRecord liu = MakeEntity(NodeLabel::kPerson, "刘晓红");
  EntityRecord org = MakeEntity(NodeLabel::kOrganization, office, {}, "government");
  doc.entities = {page, wang, liu, org};
  doc.facts = {Fact(EdgeType::kVisited, wang, org, doc.text, "王建国来到" + office, {{"date", "10-30"}}),
               Fact(EdgeType::kAccompanied, liu, wang, doc.text, "刘晓红陪同", {{"date", "10-30"}}),
               Fact(EdgeType::kCoMentioned, wang, liu, doc.text, "王建国", {{"weight", "2"}}),
               Fact(EdgeType::kMentionedIn, wang, page, doc.text, "王建国", {{"count", "1"}})};
  return doc;
}

std::string JsonOf(const GraphStore& store) {
  auto snap = GraphSnapshot::Load(store);
  EXPECT_TRUE(snap.ok()) << snap.status().ToString();
  std::ostringstream out;
  EXPECT_OK(WriteJson(**snap, out));
  return out.str();
}

TEST(RealStoreTest, IngestLoadExport) {
  testing::TempDir dir;
  auto store = GraphStore::Open(dir.Sub("g.db"), StoreOptions{});
  ASSERT_OK(store.status());
  ASSERT_TRUE((*store)->Ingest(Report("news/1.txt", "城建局")).ok());
  ASSERT_TRUE((*store)->Ingest(Report("news/2.txt", "教育局")).ok());

  auto snap = GraphSnapshot::Load(**store);
  ASSERT_OK(snap.status());
  const GraphSnapshot& s = **snap;
  // 2 documents, 王建国, 刘晓红, 2 offices; 4 facts per document.
  EXPECT_EQ(s.num_vertices(), 6u);
  EXPECT_EQ(s.num_edges(), 8u);
  auto wang = s.FindByName("王区长", NodeLabel::kPerson);
  ASSERT_EQ(wang.size(), 1u);
  DegreeOptions visits;
  visits.edge_types = {EdgeType::kVisited};
  visits.direction = Direction::kOut;
  Ranking r = Degree(s, visits);
  EXPECT_EQ(s.Name(r[0].vertex), "王建国");
  EXPECT_EQ(r[0].score, 2);
  for (auto [e, end] = boost::edges(s.graph()); e != end; ++e) {
    const EdgeProps& p = s.graph()[*e];
    const std::string& key = s.DocumentKey(s.Doc(*e));
    EXPECT_TRUE(key == "news/1.txt" || key == "news/2.txt") << key;
    EXPECT_EQ(s.DocKey(*e), s.DocumentKey(s.Doc(*e)));
    if (p.type == EdgeType::kCoMentioned) {
      EXPECT_EQ(s.Weight(*e), 2.0);
    }
  }

  SnapshotFilter people;
  people.labels = {NodeLabel::kPerson};
  auto persons = GraphSnapshot::Load(**store, people);
  ASSERT_OK(persons.status());
  EXPECT_EQ((*persons)->num_vertices(), 2u);
  EXPECT_EQ((*persons)->num_edges(), 4u);  // ACCOMPANIED and CO_MENTIONED, twice

  // Re-ingesting the same documents changes nothing, down to the byte.
  std::string before = JsonOf(**store);
  ASSERT_TRUE((*store)->Ingest(Report("news/1.txt", "城建局")).ok());
  EXPECT_EQ(JsonOf(**store), before);
  EXPECT_NE(before.find("\"doc\":\"news/2.txt\""), std::string::npos);
}

TEST(RealStoreTest, ReadOnlySnapshotOfAWrittenDatabase) {
  testing::TempDir dir;
  {
    auto writer = GraphStore::Open(dir.Sub("g.db"), StoreOptions{});
    ASSERT_OK(writer.status());
    ASSERT_TRUE((*writer)->Ingest(Report("news/1.txt", "城建局")).ok());
  }
  StoreOptions read_only;
  read_only.read_only = true;
  read_only.create_if_missing = false;
  auto reader = GraphStore::Open(dir.Sub("g.db"), read_only);
  ASSERT_OK(reader.status());
  auto snap = GraphSnapshot::Load(**reader);
  ASSERT_OK(snap.status());
  EXPECT_EQ((*snap)->num_edges(), 4u);
}

}  // namespace
}  // namespace tupu
