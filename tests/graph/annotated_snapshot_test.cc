// The user's annotations in the graph snapshot and its exports, on the real RocksDB store: shown
// as vertex properties note.<key> beside the extracted ones, gone with their node while no
// document mentions it and back with it, and a GraphML export that carries one read back by
// networkx (Debian's /usr/bin/python3).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

#include "common/document.h"
#include "graph/export.h"
#include "graph/export_json.h"
#include "graph/graph_snapshot.h"
#include "store/graph_store.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::MakeEntity;
using testing::MakeFact;

EntityRecord Entity(NodeLabel label, const std::string& name, Properties props = {}) {
  EntityRecord e = MakeEntity(label, name);
  e.props = std::move(props);
  return e;
}

// "<person>来到<office>调研。" under `key`: a Document node, the person, the office, a VISITED and
// a MENTIONED_IN fact. The person carries an extracted property `watch` (to show that a note of
// the same key does not collide with it).
ExtractedDocument Visit(const std::string& key, const std::string& person,
                        const std::string& office) {
  ExtractedDocument doc;
  doc.source_key = key;
  doc.origin = key;
  doc.text = person + "来到" + office + "调研。";
  doc.sentences = {{0, static_cast<uint32_t>(doc.text.size())}};
  EntityRecord page = Entity(NodeLabel::kDocument, key);
  EntityRecord who = Entity(NodeLabel::kPerson, person, {{"watch", "extracted"}});
  EntityRecord org = Entity(NodeLabel::kOrganization, office);
  doc.entities = {page, who, org};
  const TextSpan all{0, static_cast<uint32_t>(doc.text.size())};
  doc.facts = {MakeFact(EdgeType::kVisited, who, org, all),
               MakeFact(EdgeType::kMentionedIn, who, page, all)};
  return doc;
}

std::shared_ptr<const GraphSnapshot> Load(const GraphStore& store, SnapshotFilter filter = {}) {
  auto snap = GraphSnapshot::Load(store, filter);
  EXPECT_OK(snap.status());
  return snap.ok() ? *snap : nullptr;
}

const std::string* Prop(const GraphSnapshot& s, NodeId id, const std::string& key) {
  auto v = s.FindVertex(id);
  if (!v) return nullptr;
  return FindProperty(s.VertexProperties(*v), key);
}

class AnnotatedSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = GraphStore::Open(dir_.Sub("g.db"), StoreOptions{});
    ASSERT_OK(store.status());
    store_ = std::move(store).value();
    ASSERT_OK(store_->Ingest(Visit("news/1.txt", "王建国", "城建局")));
    ASSERT_OK(store_->Ingest(Visit("news/2.txt", "李明", "教育局")));
  }
  testing::TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  const NodeId wang_ = MakeNodeId(NodeLabel::kPerson, "王建国");
  const NodeId li_ = MakeNodeId(NodeLabel::kPerson, "李明");
};

TEST_F(AnnotatedSnapshotTest, NotesAreVertexPropertiesBesideTheExtractedOnes) {
  auto before = Load(*store_);
  ASSERT_OK(store_->Annotate(wang_, "watch", "跟进 <项目> & \"预算\""));
  ASSERT_OK(store_->Annotate(wang_, "关注", "是"));
  auto s = Load(*store_);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->num_vertices(), before->num_vertices());
  ASSERT_NE(Prop(*s, wang_, "note.watch"), nullptr);
  EXPECT_EQ(*Prop(*s, wang_, "note.watch"), "跟进 <项目> & \"预算\"");
  EXPECT_EQ(*Prop(*s, wang_, "note.关注"), "是");
  EXPECT_EQ(*Prop(*s, wang_, "watch"), "extracted");  // the extracted property is untouched
  EXPECT_EQ(Prop(*s, li_, "note.watch"), nullptr);
  EXPECT_EQ(*Prop(*s, li_, "watch"), "extracted");
  // Filtered loads merge them too.
  SnapshotFilter people;
  people.labels = {NodeLabel::kPerson};
  auto persons = Load(*store_, people);
  EXPECT_EQ(*Prop(*persons, wang_, "note.关注"), "是");
  // And the JSON export shows them.
  std::ostringstream json;
  ASSERT_OK(WriteJson(*s, json));
  EXPECT_NE(json.str().find("\"note.关注\":\"是\""), std::string::npos) << json.str();

  ASSERT_OK(store_->Annotate(wang_, "关注", ""));
  EXPECT_EQ(Prop(*Load(*store_), wang_, "note.关注"), nullptr);
}

TEST_F(AnnotatedSnapshotTest, NodeWithoutDocumentsIsAbsentAndComesBackWithItsNote) {
  ASSERT_OK(store_->Annotate(li_, "watch", "1"));
  ASSERT_OK(store_->RemoveDocument(MakeDocId("news/2.txt")));
  auto s = Load(*store_);
  EXPECT_FALSE(s->FindVertex(li_).has_value());  // no vertex for a note alone
  EXPECT_TRUE(s->FindVertex(wang_).has_value());
  ASSERT_OK(store_->Ingest(Visit("news/2.txt", "李明", "教育局")));
  s = Load(*store_);
  ASSERT_NE(Prop(*s, li_, "note.watch"), nullptr);
  EXPECT_EQ(*Prop(*s, li_, "note.watch"), "1");
}

TEST_F(AnnotatedSnapshotTest, GraphmlWithANoteReadsBackInNetworkx) {
  ASSERT_OK(store_->Annotate(wang_, "watch", "跟进 <项目> & \"预算\""));
  ASSERT_OK(store_->Annotate(wang_, "关注", "是"));
  auto s = Load(*store_);
  std::string path = dir_.Sub("g.graphml");
  ASSERT_OK(ExportToPath(*s, ExportFormat::kGraphml, path));
  std::string script =
      "import json, sys, networkx as nx\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "print(json.dumps({d['name']: {k: v for k, v in d.items() if k.startswith('note.')}\n"
      "                  for _, d in g.nodes(data=True)}, ensure_ascii=False))\n";
  std::string script_path = dir_.Sub("read.py");
  testing::WriteFileOrDie(script_path, script);
  auto [exit_code, out] =
      testing::RunCommand(std::string(TUPU_PYTHON) + " '" + script_path + "' '" + path + "'");
  ASSERT_EQ(exit_code, 0) << out;
  auto seen = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(seen.is_discarded()) << out;
  EXPECT_EQ(seen["王建国"]["note.watch"], "跟进 <项目> & \"预算\"") << out;
  EXPECT_EQ(seen["王建国"]["note.关注"], "是") << out;
  EXPECT_TRUE(seen["李明"].empty()) << out;
}

}  // namespace
}  // namespace tupu
