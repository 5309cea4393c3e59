// Tests of GraphStore on RocksDB with hand-built Chinese visit reports: ingest, lookups, scans,
// idempotent re-ingest, replace, duplicate, remove, reopen, schema mismatch and bad paths.
#include "store/graph_store.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "store/raw_edit.h"
#include "store/store_keys.h"
#include "store_test_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::ChangedVisitReport;
using testing::MeetingReport;
using testing::TempDir;
using testing::VisitReport;

NodeId PersonId(const std::string& name) { return MakeNodeId(NodeLabel::kPerson, name); }
NodeId OrgId(const std::string& name) { return MakeNodeId(NodeLabel::kOrganization, name); }

class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { OpenWriter(); }

  void OpenWriter() {
    store_.reset();
    auto opened = GraphStore::Open(db_path(), StoreOptions{});
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
  }
  std::string db_path() const { return dir_.Sub("db"); }

  IngestOutcome::Kind IngestKind(const ExtractedDocument& doc) {
    auto outcome = store_->Ingest(doc);
    EXPECT_OK(outcome);
    return outcome.ok() ? outcome->kind : IngestOutcome::Kind::kDuplicate;
  }
  // The stored totals, checked against a scan of everything each time.
  StoreCounts Counts() {
    auto counts = store_->Counts();
    EXPECT_OK(counts);
    StoreCounts scanned;
    EXPECT_OK(store_->ForEachDocument([&](const StoredDocument&) { return ++scanned.documents; }));
    EXPECT_OK(store_->ForEachNode([&](const StoredNode&) { return ++scanned.nodes; }));
    EXPECT_OK(store_->ForEachEdge([&](const StoredEdge&) { return ++scanned.edges; }));
    if (!counts.ok()) return StoreCounts{};
    EXPECT_EQ(counts->documents, scanned.documents);
    EXPECT_EQ(counts->nodes, scanned.nodes);
    EXPECT_EQ(counts->edges, scanned.edges);
    return *counts;
  }
  std::vector<StoredEdge> OutEdges(NodeId node, const EdgeType* type = nullptr) {
    std::vector<StoredEdge> edges;
    EXPECT_OK(store_->ForEachOutEdge(node, type, [&](const StoredEdge& e) {
      edges.push_back(e);
      return true;
    }));
    return edges;
  }
  std::vector<StoredEdge> InEdges(NodeId node, const EdgeType* type = nullptr) {
    std::vector<StoredEdge> edges;
    EXPECT_OK(store_->ForEachInEdge(node, type, [&](const StoredEdge& e) {
      edges.push_back(e);
      return true;
    }));
    return edges;
  }
  // Every node as "Label:name", sorted: a compact picture of the graph.
  std::vector<std::string> NodeNames() {
    std::vector<std::string> names;
    EXPECT_OK(store_->ForEachNode([&](const StoredNode& n) {
      names.push_back(std::string(NodeLabelName(n.label)) + ":" + n.name);
      return true;
    }));
    std::sort(names.begin(), names.end());
    return names;
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(GraphStoreTest, IngestWritesNodesEdgesAndDocument) {
  auto outcome = store_->Ingest(VisitReport("news/visit.txt"));
  ASSERT_OK(outcome);
  EXPECT_EQ(outcome->kind, IngestOutcome::Kind::kAdded);
  EXPECT_EQ(outcome->doc, MakeDocId("news/visit.txt"));
  EXPECT_EQ(outcome->nodes, 5u);
  EXPECT_EQ(outcome->edges, 5u);

  StoreCounts counts = Counts();
  EXPECT_EQ(counts.documents, 1u);
  EXPECT_EQ(counts.nodes, 5u);
  EXPECT_EQ(counts.edges, 5u);
  EXPECT_EQ(NodeNames(), (std::vector<std::string>{"Document:news/visit.txt",
                                                   "Organization:东湖区政府", "Organization:城建局",
                                                   "Person:刘晓红", "Person:王建国"}));

  auto wang = store_->GetNode(PersonId("王建国"));
  ASSERT_OK(wang);
  EXPECT_EQ(wang->name, "王建国");
  EXPECT_EQ(wang->aliases, std::vector<std::string>{"王区长"});
  EXPECT_EQ(wang->mentions, 1u);
  auto bureau = store_->GetNode(OrgId("城建局"));
  ASSERT_OK(bureau);
  EXPECT_EQ(bureau->kind, "government");
  auto page = store_->GetNode(MakeDocId("news/visit.txt"));
  ASSERT_OK(page);
  EXPECT_EQ(page->label, NodeLabel::kDocument);
  EXPECT_EQ(*FindProperty(page->props, "title"), "区领导到城建局调研");
}

TEST_F(GraphStoreTest, LookupsByNameAliasAndSourceKey) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  auto by_name = store_->FindNode(NodeLabel::kPerson, "王建国");
  ASSERT_OK(by_name);
  EXPECT_EQ(*by_name, PersonId("王建国"));
  auto by_alias = store_->FindNode(NodeLabel::kPerson, "王区长");
  ASSERT_OK(by_alias);
  EXPECT_EQ(*by_alias, PersonId("王建国"));
  // Labels are part of the name: no Organization is called 王建国, and prefixes do not match.
  EXPECT_TRUE(store_->FindNode(NodeLabel::kOrganization, "王建国").status().IsNotFound());
  EXPECT_TRUE(store_->FindNode(NodeLabel::kPerson, "王建").status().IsNotFound());

  auto doc_id = store_->FindDocument("news/visit.txt");
  ASSERT_OK(doc_id);
  EXPECT_TRUE(store_->FindDocument("news/other.txt").status().IsNotFound());
  auto doc = store_->GetDocument(*doc_id);
  ASSERT_OK(doc);
  EXPECT_EQ(doc->text, "东湖区区长王建国来到城建局调研。副区长刘晓红陪同。");
  EXPECT_EQ(doc->date, "2024-10-30");
  EXPECT_EQ(doc->sentences.size(), 2u);
  auto second = store_->SentenceText(*doc_id, 1);
  ASSERT_OK(second);
  EXPECT_EQ(*second, "副区长刘晓红陪同。");
  auto beyond = store_->SentenceText(*doc_id, 9);
  ASSERT_OK(beyond);
  EXPECT_EQ(*beyond, "");
  EXPECT_TRUE(store_->GetNode(PersonId("无此人")).status().IsNotFound());
}

TEST_F(GraphStoreTest, EdgeScansByNodeAndType) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  const NodeId wang = PersonId("王建国");
  EXPECT_EQ(OutEdges(wang).size(), 4u);  // HOLDS_POSITION, VISITED, MENTIONED_IN, CO_MENTIONED
  const EdgeType visited = EdgeType::kVisited;
  auto visits = OutEdges(wang, &visited);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].dst, OrgId("城建局"));
  EXPECT_EQ(visits[0].doc, MakeDocId("news/visit.txt"));
  EXPECT_EQ(*FindProperty(visits[0].props, "date"), "2024-10-30");
  auto doc = store_->GetDocument(visits[0].doc);
  ASSERT_OK(doc);
  EXPECT_EQ(doc->text.substr(visits[0].span.begin, visits[0].span.end - visits[0].span.begin),
            "王建国来到城建局");

  const EdgeType accompanied = EdgeType::kAccompanied;
  auto companions = InEdges(wang, &accompanied);
  ASSERT_EQ(companions.size(), 1u);
  EXPECT_EQ(companions[0].src, PersonId("刘晓红"));
  EXPECT_EQ(companions[0].sentence, 1u);
  EXPECT_EQ(InEdges(OrgId("城建局")).size(), 2u);  // VISITED and CO_MENTIONED

  size_t all = 0;
  ASSERT_OK(store_->ForEachEdge([&](const StoredEdge&) { return ++all < 100; }));
  EXPECT_EQ(all, 5u);
  size_t stopped = 0;
  ASSERT_OK(store_->ForEachEdge([&](const StoredEdge&) { return ++stopped < 2; }));
  EXPECT_EQ(stopped, 2u);
  // A fact id is the hash of (doc, type, src, dst, span): the same on every run.
  EXPECT_EQ(visits[0].id, store_keys::MakeFactId(visits[0].doc, EdgeType::kVisited, wang,
                                                 OrgId("城建局"), visits[0].span.begin,
                                                 visits[0].span.end));
}

TEST_F(GraphStoreTest, ReingestOfUnchangedDocumentChangesNothing) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  ASSERT_OK(store_->Ingest(MeetingReport("news/meeting.txt")));
  StoreCounts before = Counts();
  auto wang_before = store_->GetNode(PersonId("王建国"));
  ASSERT_OK(wang_before);
  EXPECT_EQ(IngestKind(VisitReport("news/visit.txt")), IngestOutcome::Kind::kUnchanged);
  EXPECT_EQ(IngestKind(MeetingReport("news/meeting.txt")), IngestOutcome::Kind::kUnchanged);
  StoreCounts after = Counts();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.nodes, before.nodes);
  EXPECT_EQ(after.edges, before.edges);
  auto wang_after = store_->GetNode(PersonId("王建国"));
  ASSERT_OK(wang_after);
  EXPECT_EQ(wang_after->mentions, wang_before->mentions);
}

TEST_F(GraphStoreTest, ChangedDocumentReplacesItsFacts) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  EXPECT_EQ(IngestKind(ChangedVisitReport("news/visit.txt")), IngestOutcome::Kind::kReplaced);
  // 刘晓红 and 东湖区政府 were only in the old version; 陈志远 is new.
  EXPECT_EQ(NodeNames(), (std::vector<std::string>{"Document:news/visit.txt",
                                                   "Organization:城建局", "Person:王建国",
                                                   "Person:陈志远"}));
  EXPECT_TRUE(store_->FindNode(NodeLabel::kPerson, "刘晓红").status().IsNotFound());
  EXPECT_EQ(Counts().edges, 2u);
  EXPECT_EQ(Counts().documents, 1u);
  const EdgeType visited = EdgeType::kVisited;
  auto visits = OutEdges(PersonId("王建国"), &visited);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(*FindProperty(visits[0].props, "date"), "11-02");
  auto wang = store_->GetNode(PersonId("王建国"));
  ASSERT_OK(wang);
  EXPECT_EQ(wang->mentions, 1u);  // the new version's count, not old + new
  auto doc = store_->GetDocument(MakeDocId("news/visit.txt"));
  ASSERT_OK(doc);
  EXPECT_EQ(doc->text.rfind("11月2日", 0), 0u);
  // Back to the first text: replaced again, and the graph is the first one.
  EXPECT_EQ(IngestKind(VisitReport("news/visit.txt")), IngestOutcome::Kind::kReplaced);
  EXPECT_EQ(Counts().nodes, 5u);
  EXPECT_EQ(Counts().edges, 5u);
  EXPECT_TRUE(store_->FindNode(NodeLabel::kPerson, "陈志远").status().IsNotFound());
}

TEST_F(GraphStoreTest, SameTextUnderAnotherKeyIsDuplicate) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  StoreCounts before = Counts();
  auto outcome = store_->Ingest(VisitReport("mirror/visit-copy.txt"));
  ASSERT_OK(outcome);
  EXPECT_EQ(outcome->kind, IngestOutcome::Kind::kDuplicate);
  EXPECT_EQ(outcome->duplicate_of, MakeDocId("news/visit.txt"));
  EXPECT_EQ(Counts().documents, before.documents);
  EXPECT_EQ(Counts().edges, before.edges);
  EXPECT_TRUE(store_->FindDocument("mirror/visit-copy.txt").status().IsNotFound());
}

TEST_F(GraphStoreTest, MentionsSumOverDocumentsAndRemoveKeepsThemConsistent) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  ASSERT_OK(store_->Ingest(MeetingReport("news/meeting.txt")));
  auto wang = store_->GetNode(PersonId("王建国"));
  ASSERT_OK(wang);
  EXPECT_EQ(wang->mentions, 3u);  // 1 + 2
  EXPECT_EQ(wang->aliases, (std::vector<std::string>{"王区长", "王建国同志"}));
  auto by_new_alias = store_->FindNode(NodeLabel::kPerson, "王建国同志");
  ASSERT_OK(by_new_alias);

  ASSERT_OK(store_->RemoveDocument(MakeDocId("news/visit.txt")));
  wang = store_->GetNode(PersonId("王建国"));
  ASSERT_OK(wang);
  EXPECT_EQ(wang->mentions, 2u);
  EXPECT_TRUE(store_->GetNode(PersonId("刘晓红")).status().IsNotFound());
  EXPECT_TRUE(store_->FindDocument("news/visit.txt").status().IsNotFound());
  EXPECT_EQ(Counts().documents, 1u);
  EXPECT_EQ(Counts().edges, 2u);
  EXPECT_TRUE(InEdges(PersonId("王建国")).empty());  // the ACCOMPANIED edge went with its doc

  ASSERT_OK(store_->RemoveDocument(MakeDocId("news/meeting.txt")));
  StoreCounts empty = Counts();
  EXPECT_EQ(empty.documents, 0u);
  EXPECT_EQ(empty.nodes, 0u);
  EXPECT_EQ(empty.edges, 0u);
  // The names index went with the nodes, aliases included.
  EXPECT_TRUE(store_->FindNode(NodeLabel::kPerson, "王区长").status().IsNotFound());
  EXPECT_TRUE(store_->FindNode(NodeLabel::kPerson, "王建国").status().IsNotFound());
  EXPECT_TRUE(store_->RemoveDocument(MakeDocId("news/visit.txt")).IsNotFound());
  // Re-ingesting after removal adds it again.
  EXPECT_EQ(IngestKind(VisitReport("news/visit.txt")), IngestOutcome::Kind::kAdded);
}

TEST_F(GraphStoreTest, SharedAliasResolvesToTheCanonicalOwnerFirst) {
  ExtractedDocument doc = VisitReport("news/visit.txt");
  // 刘晓红 is also called 王区长 here (a tagging mistake, or two people sharing a short form).
  doc.entities[2].aliases = {"王区长", "王建国"};
  ASSERT_OK(store_->Ingest(doc));
  auto found = store_->FindNode(NodeLabel::kPerson, "王建国");
  ASSERT_OK(found);
  EXPECT_EQ(*found, PersonId("王建国"));  // canonical name beats an alias
  auto alias = store_->FindNode(NodeLabel::kPerson, "王区长");
  ASSERT_OK(alias);
  EXPECT_TRUE(*alias == PersonId("王建国") || *alias == PersonId("刘晓红"));
  ASSERT_OK(store_->Ingest(ChangedVisitReport("news/visit.txt")));  // 刘晓红 goes
  auto still = store_->FindNode(NodeLabel::kPerson, "王区长");
  ASSERT_OK(still);
  EXPECT_EQ(*still, PersonId("王建国"));
}

TEST_F(GraphStoreTest, FindNodesListsNamesakesThenAliasOwners) {
  ExtractedDocument doc = VisitReport("news/visit.txt");
  EntityRecord namesake = doc.entities[1];  // 王建国 of another scope: another node
  namesake.scope = "source:某报";
  namesake.aliases.clear();
  doc.entities.push_back(namesake);
  doc.entities[2].aliases = {"王建国"};  // 刘晓红, also written 王建国
  ASSERT_OK(store_->Ingest(doc));
  auto found = store_->FindNodes(NodeLabel::kPerson, "王建国");
  ASSERT_OK(found);
  ASSERT_EQ(found->size(), 3u);
  std::set<NodeId> canonical = {(*found)[0], (*found)[1]};
  EXPECT_EQ(canonical, (std::set<NodeId>{PersonId("王建国"), namesake.key().id()}));
  EXPECT_EQ((*found)[2], PersonId("刘晓红"));
  auto scanned = store_->GraphStore::FindNodes(NodeLabel::kPerson, "王建国");  // the default
  ASSERT_OK(scanned);
  EXPECT_EQ(*scanned, *found);
  auto none = store_->FindNodes(NodeLabel::kOrganization, "王建国");
  ASSERT_OK(none);
  EXPECT_TRUE(none->empty());
}

TEST_F(GraphStoreTest, UnchangedTextWithOtherCurationIsReplaced) {
  auto with_rules = [](const std::string& rules) {
    ExtractedDocument doc = VisitReport("news/visit.txt");
    if (!rules.empty()) SetProperty(&doc.entities[0].props, kCurationStampProperty, rules);
    return doc;
  };
  const NodeId page = MakeNodeId(NodeLabel::kDocument, "news/visit.txt");
  ASSERT_OK(store_->Ingest(with_rules("")));
  EXPECT_EQ(IngestKind(with_rules("alias Person 王建国 王某")), IngestOutcome::Kind::kReplaced);
  EXPECT_EQ(IngestKind(with_rules("alias Person 王建国 王某")), IngestOutcome::Kind::kUnchanged);
  auto stamped = store_->GetNode(page);
  ASSERT_OK(stamped);
  EXPECT_NE(FindProperty(stamped->props, kCurationStampProperty), nullptr);
  // The rule removed: replaced again, and the stamp goes with it (else every ingest would
  // replace the page).
  EXPECT_EQ(IngestKind(with_rules("")), IngestOutcome::Kind::kReplaced);
  auto plain = store_->GetNode(page);
  ASSERT_OK(plain);
  EXPECT_EQ(FindProperty(plain->props, kCurationStampProperty), nullptr);
  EXPECT_NE(FindProperty(plain->props, "title"), nullptr) << "the page's own properties stay";
  EXPECT_EQ(IngestKind(with_rules("")), IngestOutcome::Kind::kUnchanged);
  Counts();
}

// A database made by older rules: re-ingesting the same archive after an upgrade brings each page
// up to the new rules instead of keeping it as it was.
TEST_F(GraphStoreTest, UnchangedTextFromOtherRulesIsReplaced) {
  auto made_by = [](const std::string& rules) {
    ExtractedDocument doc = VisitReport("news/visit.txt");
    if (!rules.empty()) SetProperty(&doc.entities[0].props, kRulesStampProperty, rules);
    return doc;
  };
  ASSERT_OK(store_->Ingest(made_by("")));  // before pages were stamped
  EXPECT_EQ(IngestKind(made_by("v2")), IngestOutcome::Kind::kReplaced);
  EXPECT_EQ(IngestKind(made_by("v2")), IngestOutcome::Kind::kUnchanged);
  EXPECT_EQ(IngestKind(made_by("v3")), IngestOutcome::Kind::kReplaced);
  Counts();
}

TEST_F(GraphStoreTest, FactWithUnknownEndpointIsRefused) {
  ExtractedDocument doc = VisitReport("news/visit.txt");
  doc.facts[1].dst = EntityKey{NodeLabel::kOrganization, "不在实体表里的单位", ""};
  auto outcome = store_->Ingest(doc);
  ASSERT_FALSE(outcome.ok());
  EXPECT_TRUE(outcome.status().IsInvalidArgument());
  EXPECT_NE(outcome.status().message().find("不在实体表里的单位"), std::string::npos);
  EXPECT_NE(outcome.status().message().find("news/visit.txt"), std::string::npos);
  EXPECT_EQ(Counts().documents, 0u);  // nothing half-written

  ExtractedDocument bad_span = VisitReport("news/visit.txt");
  bad_span.facts[0].span = {0, 100000};
  EXPECT_TRUE(store_->Ingest(bad_span).status().IsInvalidArgument());
}

TEST_F(GraphStoreTest, ReopenKeepsEverything) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  ASSERT_OK(store_->Ingest(MeetingReport("news/meeting.txt")));
  StoreCounts before = Counts();
  OpenWriter();
  StoreCounts after = Counts();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.nodes, before.nodes);
  EXPECT_EQ(after.edges, before.edges);
  EXPECT_EQ(IngestKind(VisitReport("news/visit.txt")), IngestOutcome::Kind::kUnchanged);
}

TEST_F(GraphStoreTest, OtherSchemaVersionIsAClearError) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  store_.reset();
  std::string version;
  store_keys::AppendBigEndian32(99, &version);
  ASSERT_OK(WriteRawForTesting(db_path(), "meta", store_keys::kSchemaVersionKey, version));
  for (bool read_only : {false, true}) {
    StoreOptions options;
    options.read_only = read_only;
    auto opened = GraphStore::Open(db_path(), options);
    ASSERT_FALSE(opened.ok());
    const std::string& msg = opened.status().message();
    EXPECT_TRUE(opened.status().code() == Status::Code::kNotSupported) << msg;
    EXPECT_NE(msg.find("schema 99"), std::string::npos) << msg;
    EXPECT_NE(msg.find("reads schema " + std::to_string(kSchemaVersion)), std::string::npos) << msg;
    EXPECT_NE(msg.find("newer tupu"), std::string::npos) << msg;
    EXPECT_NE(msg.find(db_path()), std::string::npos) << msg;
  }
}

TEST_F(GraphStoreTest, ReadOnlyStoreRefusesWrites) {
  ASSERT_OK(store_->Ingest(VisitReport("news/visit.txt")));
  StoreOptions options;
  options.read_only = true;
  auto reader = GraphStore::Open(db_path(), options);
  ASSERT_OK(reader);
  auto outcome = (*reader)->Ingest(MeetingReport("news/meeting.txt"));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), Status::Code::kNotSupported);
  EXPECT_TRUE((*reader)->RemoveDocument(MakeDocId("news/visit.txt")).code() ==
              Status::Code::kNotSupported);
}

class StoreOpenTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

TEST_F(StoreOpenTest, PathThatIsAFileIsInvalidArgumentNamingIt) {
  std::string file = dir_.Sub("notes.txt");
  testing::WriteFileOrDie(file, "不是数据库");
  auto opened = GraphStore::Open(file, StoreOptions{});
  ASSERT_FALSE(opened.ok());
  EXPECT_TRUE(opened.status().IsInvalidArgument());
  EXPECT_NE(opened.status().message().find(file), std::string::npos);
  EXPECT_NE(opened.status().message().find("is a file"), std::string::npos);
}

TEST_F(StoreOpenTest, FolderThatCannotBeCreatedIsIOErrorNamingIt) {
  // Running as root makes chmod ineffective, so the unwritable place is a folder under a file.
  std::string file = dir_.Sub("plain-file");
  testing::WriteFileOrDie(file, "x");
  std::string path = file + "/tupu.db";
  auto opened = GraphStore::Open(path, StoreOptions{});
  ASSERT_FALSE(opened.ok());
  EXPECT_TRUE(opened.status().IsIOError()) << opened.status().ToString();
  EXPECT_NE(opened.status().message().find(path), std::string::npos);
  EXPECT_NE(opened.status().message().find("pass --db"), std::string::npos);
  // /proc refuses new folders even to root.
  auto in_proc = GraphStore::Open("/proc/tupu-test.db", StoreOptions{});
  ASSERT_FALSE(in_proc.ok());
  EXPECT_TRUE(in_proc.status().IsIOError()) << in_proc.status().ToString();
}

TEST_F(StoreOpenTest, ReadOnlyFolderIsIOErrorWhenNotRoot) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions (see the test above)";
  std::filesystem::create_directories(dir_.Sub("ro"));
  std::filesystem::permissions(dir_.Sub("ro"), std::filesystem::perms::owner_read |
                                                   std::filesystem::perms::owner_exec);
  auto opened = GraphStore::Open(dir_.Sub("ro"), StoreOptions{});
  ASSERT_FALSE(opened.ok());
  EXPECT_TRUE(opened.status().IsIOError());
  EXPECT_NE(opened.status().message().find("not writable"), std::string::npos);
}

TEST_F(StoreOpenTest, NonEmptyFolderWithoutDatabaseIsRefused) {
  testing::WriteFileOrDie(dir_.Sub("thesis.docx"), "x");
  auto opened = GraphStore::Open(dir_.path(), StoreOptions{});
  ASSERT_FALSE(opened.ok());
  EXPECT_TRUE(opened.status().IsInvalidArgument());
  EXPECT_NE(opened.status().message().find("holds no tupu database"), std::string::npos);
}

TEST_F(StoreOpenTest, ReaderOfMissingDatabaseIsNotFoundSayingWhatToDo) {
  StoreOptions options;
  options.read_only = true;
  auto opened = GraphStore::Open(dir_.Sub("nothing-here"), options);
  ASSERT_FALSE(opened.ok());
  EXPECT_TRUE(opened.status().IsNotFound());
  EXPECT_NE(opened.status().message().find("tupu ingest"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("nothing-here")));  // a reader creates nothing
}

}  // namespace
}  // namespace tupu
