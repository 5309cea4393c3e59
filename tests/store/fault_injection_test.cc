// I/O faults during ingest (issue 4): a file system that fails every write after N operations, as
// an I/O error or a full disk, and a real full disk (a small tmpfs, when this process may mount).
// After the fault: Ingest returns a clear IOError naming the cause, every document committed before
// is there and whole after reopening on a healthy disk, `tupu check` passes, and ingest goes on.
#include "store/fault_injection.h"

#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/graph_store.h"
#include "store/store_check.h"
#include "store_test_util.h"

namespace tupu::testing {
namespace {

constexpr int kDocuments = 30;

// Document i: a visit report of its own (distinct text, so never a duplicate) with a village of
// its own, so that a document half written would show as missing nodes or edges.
ExtractedDocument NumberedReport(int i) {
  ExtractedDocument doc = VisitReport("report-" + std::to_string(i) + ".txt");
  std::string extra = "王建国到第" + std::to_string(i) + "村走访。";
  uint32_t begin = static_cast<uint32_t>(doc.text.size());
  doc.text += extra;
  doc.sentences.push_back({begin, static_cast<uint32_t>(doc.text.size())});
  EntityRecord village = Entity(NodeLabel::kPlace, "第" + std::to_string(i) + "村", 1);
  const EntityRecord& wang = doc.entities[1];
  FactRecord visit = Fact(EdgeType::kVisited, wang, village, doc.text, extra, 2);
  doc.entities.push_back(village);
  doc.facts.push_back(visit);
  return doc;
}

// Edges per document, and the document's text, as a healthy store holds them.
struct DocumentContent {
  std::string text;
  size_t edges = 0;
  bool operator==(const DocumentContent&) const = default;
};

std::map<DocId, DocumentContent> ContentOf(const GraphStore& store) {
  std::map<DocId, DocumentContent> content;
  EXPECT_OK(store.ForEachDocument([&](const StoredDocument& d) {
    content[d.id].text = d.text;
    return true;
  }));
  EXPECT_OK(store.ForEachEdge([&](const StoredEdge& e) {
    ++content[e.doc].edges;
    return true;
  }));
  return content;
}

bool MentionsCause(const Status& s, InjectedFault fault) {
  const char* cause =
      fault == InjectedFault::kNoSpace ? "No space left on device" : "injected I/O error";
  return s.message().find(cause) != std::string::npos;
}

class FaultInjectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The reference: all documents ingested on a healthy disk, counting the file operations.
    TempDir dir;
    auto counter = FaultInjection::Create({.armed = false});
    StoreOptions options;
    options.fault_injection = counter;
    auto store = GraphStore::Open(dir.Sub("db"), options);
    ASSERT_OK(store);
    uint64_t before_ingest = counter->operations();
    for (int i = 0; i < kDocuments; ++i) ASSERT_OK((*store)->Ingest(NumberedReport(i)));
    ingest_operations_ = counter->operations() - before_ingest;
    open_operations_ = before_ingest;
    reference_ = new std::map<DocId, DocumentContent>(ContentOf(**store));
  }
  static void TearDownTestSuite() {
    delete reference_;
    reference_ = nullptr;
  }

  // Reopens `path` on the healthy disk and checks what the issue asks after a fault: the database
  // opens, check passes, the first `committed` documents are whole, no other document is half
  // there; then ingests every document and expects the reference content.
  void ExpectRecovered(const std::string& path, int committed) {
    if (committed == 0 && !std::filesystem::exists(path + "/CURRENT")) {
      // The fault came before RocksDB made its first files whole: a folder without a database.
      // tupu refuses it (it might be the user's) but must say why and what to do.
      auto refused = GraphStore::Open(path, StoreOptions{});
      if (!refused.ok()) {
        EXPECT_TRUE(refused.status().IsInvalidArgument()) << refused.status().ToString();
        EXPECT_NE(refused.status().message().find("pass --db a new or empty folder"),
                  std::string::npos) << refused.status().ToString();
        return;
      }
    }
    {
      auto store = GraphStore::Open(path, StoreOptions{});
      ASSERT_OK(store);
      std::map<DocId, DocumentContent> content = ContentOf(**store);
      for (int i = 0; i < kDocuments; ++i) {
        DocId id = NumberedReport(i).id();
        auto found = content.find(id);
        if (i < committed) {
          ASSERT_NE(found, content.end()) << "committed document " << i << " lost";
        }
        if (found != content.end()) {
          EXPECT_EQ(found->second, reference_->at(id)) << "document " << i << " is half there";
        }
      }
    }
    auto report = CheckDatabase(path, CheckOptions{});
    ASSERT_OK(report);
    EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems.front());
    auto store = GraphStore::Open(path, StoreOptions{});
    ASSERT_OK(store);
    for (int i = 0; i < kDocuments; ++i) ASSERT_OK((*store)->Ingest(NumberedReport(i)));
    EXPECT_EQ(ContentOf(**store), *reference_);
  }

  // Ingests until the first failure; returns how many documents were committed (kDocuments when
  // none failed) and the failing Status in *failure.
  static int IngestUntilFailure(GraphStore* store, Status* failure) {
    for (int i = 0; i < kDocuments; ++i) {
      auto outcome = store->Ingest(NumberedReport(i));
      if (!outcome.ok()) {
        *failure = outcome.status();
        return i;
      }
    }
    return kDocuments;
  }

  static uint64_t ingest_operations_;
  static uint64_t open_operations_;
  static std::map<DocId, DocumentContent>* reference_;
};

uint64_t FaultInjectionTest::ingest_operations_ = 0;
uint64_t FaultInjectionTest::open_operations_ = 0;
std::map<DocId, DocumentContent>* FaultInjectionTest::reference_ = nullptr;

TEST_F(FaultInjectionTest, IngestWritesFilesSoFaultsCanLandInIt) {
  // Each document is at least one write-ahead-log append: the faults below land mid-ingest.
  EXPECT_GE(ingest_operations_, static_cast<uint64_t>(kDocuments));
  EXPECT_GT(open_operations_, 0u);
  EXPECT_EQ(reference_->size(), static_cast<size_t>(kDocuments));
}

// For fault points spread over the whole ingest, both kinds of fault.
TEST_F(FaultInjectionTest, FailedWriteStopsIngestAndKeepsWhatWasCommitted) {
  for (InjectedFault fault : {InjectedFault::kIOError, InjectedFault::kNoSpace}) {
    for (uint64_t step = 0; step < 6; ++step) {
      uint64_t fail_after = step * (ingest_operations_ - 1) / 5;  // 0 .. the last write
      SCOPED_TRACE("fault " + std::to_string(static_cast<int>(fault)) + " after " +
                   std::to_string(fail_after) + " of " + std::to_string(ingest_operations_) +
                   " ingest writes");
      TempDir dir;
      std::string path = dir.Sub("db");
      auto injection = FaultInjection::Create({.fault = fault, .armed = false});
      int committed = 0;
      {
        StoreOptions options;
        options.fault_injection = injection;
        auto store = GraphStore::Open(path, options);
        ASSERT_OK(store);
        injection->Arm(fail_after);
        Status failure;
        committed = IngestUntilFailure(store->get(), &failure);
        ASSERT_LT(committed, kDocuments) << "the fault never reached ingest";
        EXPECT_TRUE(failure.IsIOError()) << failure.ToString();
        EXPECT_TRUE(MentionsCause(failure, fault)) << failure.ToString();
        // The store stays stopped: no later document slips in after a lost one.
        // It is refused by the store itself, without reaching RocksDB (whose 7.8 can abort on a
        // WAL write after a failed one).
        auto next = (*store)->Ingest(NumberedReport(kDocuments - 1));
        EXPECT_FALSE(next.ok());
        EXPECT_NE(next.status().ToString().find("an earlier write to this database failed"),
                  std::string::npos)
            << next.status().ToString();
        EXPECT_GT(injection->failures(), 0u);
      }  // closing flushes through the failing disk too: that must not break anything either
      injection->Disarm();
      ExpectRecovered(path, committed);
    }
  }
}

TEST_F(FaultInjectionTest, FaultWhileOpeningIsAClearErrorAndLeavesAUsableFolder) {
  for (InjectedFault fault : {InjectedFault::kIOError, InjectedFault::kNoSpace}) {
    for (uint64_t fail_after : {uint64_t{0}, open_operations_ / 2, open_operations_ - 1}) {
      SCOPED_TRACE("after " + std::to_string(fail_after) + " of " +
                   std::to_string(open_operations_) + " writes of Open");
      TempDir dir;
      std::string path = dir.Sub("db");
      auto injection = FaultInjection::Create({.fault = fault, .fail_after = fail_after});
      {
        StoreOptions options;
        options.fault_injection = injection;
        auto store = GraphStore::Open(path, options);
        if (!store.ok()) {
          EXPECT_TRUE(store.status().IsIOError()) << store.status().ToString();
          EXPECT_TRUE(MentionsCause(store.status(), fault)) << store.status().ToString();
        } else {
          Status failure;
          EXPECT_EQ(IngestUntilFailure(store->get(), &failure), 0);
          EXPECT_TRUE(MentionsCause(failure, fault)) << failure.ToString();
        }
      }
      ExpectRecovered(path, 0);
    }
  }
}

TEST_F(FaultInjectionTest, FailingSyncsLoseNothingThatIngestReportedCommitted) {
  // Ingest does not sync (a power cut may lose the last documents, never half of one); a disk
  // whose syncs fail is then noticed when the writer closes and flushes.
  for (InjectedFault fault : {InjectedFault::kIOError, InjectedFault::kNoSpace}) {
    TempDir dir;
    std::string path = dir.Sub("db");
    auto injection = FaultInjection::Create(
        {.fault = fault, .operations = FaultedOperations::kSyncsOnly, .armed = false});
    int committed = 0;
    {
      StoreOptions options;
      options.fault_injection = injection;
      auto store = GraphStore::Open(path, options);
      ASSERT_OK(store);
      injection->Arm(0);
      Status failure;
      committed = IngestUntilFailure(store->get(), &failure);
      if (committed < kDocuments) {
        EXPECT_TRUE(MentionsCause(failure, fault)) << failure.ToString();
      }
    }
    EXPECT_GT(injection->failures(), 0u) << "no sync was made to fail";
    injection->Disarm();
    ExpectRecovered(path, committed);
  }
}

TEST_F(FaultInjectionTest, DescribeNamesTheCause) {
  auto full = FaultInjection::Create({.fault = InjectedFault::kNoSpace, .fail_after = 7});
  EXPECT_EQ(full->Describe(), "No space left on device (injected after 7 writes)");
  auto broken = FaultInjection::Create(
      {.operations = FaultedOperations::kSyncsOnly, .fail_after = 2});
  EXPECT_EQ(broken->Describe(), "injected I/O error (injected after 2 syncs)");
}

// A real full disk: a 2 MB tmpfs. Needs the right to mount (root in a container that allows it);
// skipped otherwise.
TEST_F(FaultInjectionTest, RealFullDiskStopsIngestAndRecoversWhenSpaceIsFreed) {
  TempDir dir;
  std::string mount_point = dir.Sub("small-disk");
  std::filesystem::create_directories(mount_point);
  if (mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=2m") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << ")";
  }
  struct Unmount {
    std::string path;
    ~Unmount() { umount2(path.c_str(), MNT_DETACH); }
  } unmount{mount_point};
  std::string path = mount_point + "/db";
  int committed = 0;
  Status failure;
  {
    auto store = GraphStore::Open(path, StoreOptions{});
    ASSERT_OK(store);
    // Documents of ~60 KB: the 2 MB disk is full after a few dozen.
    for (int i = 0; i < 1000; ++i) {
      ExtractedDocument doc = NumberedReport(i % kDocuments);
      doc.source_key = "big-" + std::to_string(i);
      for (auto& e : doc.entities) {
        if (e.label == NodeLabel::kDocument) e.name = doc.source_key;
      }
      for (auto& f : doc.facts) {
        if (f.dst.label == NodeLabel::kDocument) f.dst.name = doc.source_key;
      }
      doc.text += std::string(60000, 'x') + std::to_string(i);
      auto outcome = (*store)->Ingest(doc);
      if (!outcome.ok()) {
        failure = outcome.status();
        break;
      }
      ++committed;
    }
  }
  ASSERT_FALSE(failure.ok()) << "the disk never filled up";
  EXPECT_TRUE(failure.IsIOError()) << failure.ToString();
  EXPECT_NE(failure.message().find("No space left on device"), std::string::npos)
      << failure.ToString();
  EXPECT_GT(committed, 0);
  // Space is freed: the disk grows, the database opens with every committed document.
  ASSERT_EQ(mount("tmpfs", mount_point.c_str(), "tmpfs", MS_REMOUNT, "size=64m"), 0)
      << std::strerror(errno);
  auto report = CheckDatabase(path, CheckOptions{});
  ASSERT_OK(report);
  EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems.front());
  auto store = GraphStore::Open(path, StoreOptions{});
  ASSERT_OK(store);
  for (int i = 0; i < committed; ++i) {
    auto id = (*store)->FindDocument("big-" + std::to_string(i));
    ASSERT_OK(id);
    auto doc = (*store)->GetDocument(*id);
    ASSERT_OK(doc);
    EXPECT_EQ(doc->text.size() - NumberedReport(i % kDocuments).text.size(),
              60000 + std::to_string(i).size());
  }
}

}  // namespace
}  // namespace tupu::testing
