// Tests of the user's annotations on nodes (GraphStore::Annotate / Annotations /
// ForEachAnnotation): they survive re-ingest, replacement and removal of the node's documents,
// read-only stores refuse to write them, an older database without the column family opens both
// ways, and `tupu check` keeps passing with annotations of nodes that are gone.
#include <filesystem>

#include "store/graph_store.h"
#include "store/raw_edit.h"
#include "store/store_check.h"
#include "store_test_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::ChangedVisitReport;
using testing::MeetingReport;
using testing::TempDir;
using testing::VisitReport;

NodeId PersonId(const std::string& name) { return MakeNodeId(NodeLabel::kPerson, name); }

class AnnotationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    OpenWriter();
    ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
    ASSERT_OK(store_->Ingest(MeetingReport("news/meeting.txt")));
  }
  void OpenWriter() {
    store_.reset();
    auto opened = GraphStore::Open(db_path(), StoreOptions{});
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
  }
  std::unique_ptr<GraphStore> OpenReader() {
    StoreOptions options;
    options.read_only = true;
    auto opened = GraphStore::Open(db_path(), options);
    EXPECT_OK(opened);
    return opened.ok() ? std::move(opened).value() : nullptr;
  }
  std::string db_path() const { return dir_.Sub("db"); }
  Properties NotesOf(const GraphStore& store, NodeId node) {
    auto notes = store.Annotations(node);
    EXPECT_OK(notes);
    return notes.ok() ? *notes : Properties{};
  }
  bool Stored(NodeId node) { return store_->GetNode(node).ok(); }
  CheckReport Check() {
    auto report = CheckDatabase(db_path(), CheckOptions{});
    EXPECT_OK(report);
    return report.ok() ? *report : CheckReport{};
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  const NodeId wang_ = PersonId("王建国");  // in both reports
  const NodeId liu_ = PersonId("刘晓红");   // only in the visit report's first version
};

TEST_F(AnnotationsTest, SetReadReplaceAndRemove) {
  ASSERT_OK(store_->Annotate(wang_, "watch", "跟进城建局项目"));
  ASSERT_OK(store_->Annotate(wang_, "tag", "区长"));
  ASSERT_OK(store_->Annotate(liu_, "watch", "yes"));
  // Key order, per node.
  EXPECT_EQ(NotesOf(*store_, wang_),
            (Properties{{"tag", "区长"}, {"watch", "跟进城建局项目"}}));
  ASSERT_OK(store_->Annotate(wang_, "watch", "done"));
  EXPECT_EQ(NotesOf(*store_, wang_), (Properties{{"tag", "区长"}, {"watch", "done"}}));
  ASSERT_OK(store_->Annotate(wang_, "tag", ""));  // empty value: removed
  EXPECT_EQ(NotesOf(*store_, wang_), (Properties{{"watch", "done"}}));

  std::vector<std::pair<NodeId, Properties>> all;
  ASSERT_OK(store_->ForEachAnnotation([&](NodeId id, const Properties& notes) {
    all.emplace_back(id, notes);
    return true;
  }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_LT(all[0].first, all[1].first);  // id order
  for (const auto& [id, notes] : all) {
    EXPECT_TRUE(id == wang_ || id == liu_);
    EXPECT_EQ(notes.size(), 1u);
  }
  EXPECT_TRUE(NotesOf(*store_, PersonId("陈志远")).empty());
}

TEST_F(AnnotationsTest, SurviveReingestReplacementAndRemoval) {
  ASSERT_OK(store_->Annotate(wang_, "watch", "1"));
  ASSERT_OK(store_->Annotate(liu_, "note", "副区长"));

  // The same documents again: nothing changes, the notes stay.
  ASSERT_EQ(store_->Ingest(VisitReport("news/visit.txt"))->kind, IngestOutcome::Kind::kUnchanged);
  // The visit report changed: 刘晓红 is no longer in it, so her node goes; her note stays.
  ASSERT_EQ(store_->Ingest(ChangedVisitReport("news/visit.txt"))->kind,
            IngestOutcome::Kind::kReplaced);
  EXPECT_FALSE(Stored(liu_));
  EXPECT_EQ(NotesOf(*store_, liu_), (Properties{{"note", "副区长"}}));
  EXPECT_EQ(NotesOf(*store_, wang_), (Properties{{"watch", "1"}}));
  // A note of a node that is gone is not corruption.
  CheckReport report = Check();
  EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems[0]);
  EXPECT_EQ(report.annotations, 2u);

  // The first version back: 刘晓红 returns, with her note (content-addressed ids).
  ASSERT_EQ(store_->Ingest(VisitReport("news/visit.txt"))->kind, IngestOutcome::Kind::kReplaced);
  EXPECT_TRUE(Stored(liu_));
  EXPECT_EQ(NotesOf(*store_, liu_), (Properties{{"note", "副区长"}}));

  // Every document of 王建国 removed: the node goes, the note stays (and survives a reopen).
  ASSERT_OK(store_->RemoveDocument(MakeDocId("news/visit.txt")));
  ASSERT_OK(store_->RemoveDocument(MakeDocId("news/meeting.txt")));
  EXPECT_FALSE(Stored(wang_));
  OpenWriter();
  EXPECT_EQ(NotesOf(*store_, wang_), (Properties{{"watch", "1"}}));
  store_.reset();
  EXPECT_TRUE(Check().ok());
}

TEST_F(AnnotationsTest, RulesOfAnnotate) {
  Status missing = store_->Annotate(PersonId("无此人"), "watch", "1");
  EXPECT_TRUE(missing.IsNotFound()) << missing.ToString();
  // Removing works on any id (notes of vanished nodes can be cleared).
  EXPECT_OK(store_->Annotate(PersonId("无此人"), "watch", ""));
  EXPECT_TRUE(store_->Annotate(wang_, "", "x").IsInvalidArgument());
  EXPECT_TRUE(store_->Annotate(wang_, std::string(kMaxAnnotationKeyBytes + 1, 'k'), "x")
                  .IsInvalidArgument());
  EXPECT_TRUE(store_->Annotate(wang_, "a\nb", "x").IsInvalidArgument());
  EXPECT_TRUE(store_->Annotate(wang_, "score:int", "x").IsInvalidArgument());
  EXPECT_TRUE(store_->Annotate(wang_, "key", "\xff\xfe").IsInvalidArgument());
  EXPECT_TRUE(store_->Annotate(wang_, "key", std::string("a\0b", 3)).IsInvalidArgument());
  EXPECT_OK(store_->Annotate(wang_, "关注", "第一行\n第二行\t制表"));
  EXPECT_EQ(NotesOf(*store_, wang_), (Properties{{"关注", "第一行\n第二行\t制表"}}));
}

TEST_F(AnnotationsTest, ReadOnlyStoreRefusesWithAClearMessageAndSeesCommittedNotes) {
  ASSERT_OK(store_->Annotate(wang_, "watch", "1"));
  store_.reset();
  auto reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  Status refused = reader->Annotate(wang_, "watch", "2");
  EXPECT_TRUE((refused.code() == Status::Code::kNotSupported)) << refused.ToString();
  EXPECT_NE(refused.message().find("read-only"), std::string::npos) << refused.ToString();
  EXPECT_NE(refused.message().find("--write"), std::string::npos) << refused.ToString();
  EXPECT_EQ(NotesOf(*reader, wang_), (Properties{{"watch", "1"}}));
}

TEST_F(AnnotationsTest, OlderDatabaseWithoutTheColumnFamily) {
  store_.reset();
  ASSERT_OK(DropColumnFamilyForTesting(db_path(), "annotations"));
  ASSERT_FALSE(DropColumnFamilyForTesting(db_path(), "annotations").ok());  // it is gone
  // A reader opens it, sees no annotations and no error; check passes.
  {
    auto reader = OpenReader();
    ASSERT_NE(reader, nullptr);
    EXPECT_TRUE(NotesOf(*reader, wang_).empty());
    size_t seen = 0;
    EXPECT_OK(reader->ForEachAnnotation([&](NodeId, const Properties&) { return ++seen > 0; }));
    EXPECT_EQ(seen, 0u);
    EXPECT_TRUE(reader->Annotate(wang_, "watch", "1").code() == Status::Code::kNotSupported);
    auto counts = reader->Counts();
    ASSERT_OK(counts);
    EXPECT_EQ(counts->documents, 2u);
  }
  EXPECT_TRUE(Check().ok());
  // A writer creates the column family; the data is untouched and annotations work.
  OpenWriter();
  EXPECT_TRUE(Stored(wang_));
  ASSERT_OK(store_->Annotate(wang_, "watch", "1"));
  store_.reset();
  auto reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(NotesOf(*reader, wang_), (Properties{{"watch", "1"}}));
  reader.reset();
  EXPECT_TRUE(Check().ok());
  EXPECT_OK(DropColumnFamilyForTesting(db_path(), "annotations"));  // the writer made it again
}

}  // namespace
}  // namespace tupu
