// One writer, many readers: a second writer gets Busy naming the writer's pid (in this process and
// from another process), --wait waits for it, and read-only stores open and scan while a writer
// process keeps ingesting, seeing a fixed snapshot until Refresh.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <thread>

#include "store/graph_store.h"
#include "store_test_util.h"
#include "test_util.h"

extern char** environ;

namespace tupu {
namespace {

using testing::TempDir;
using testing::VisitReport;
using namespace std::chrono_literals;

// The n-th of a stream of distinct visit reports (distinct texts: no duplicates).
ExtractedDocument NumberedReport(int n) {
  ExtractedDocument doc = VisitReport("stream/" + std::to_string(n) + ".txt");
  doc.text += "第" + std::to_string(n) + "条。";
  return doc;
}

StoreOptions ReaderOptions() {
  StoreOptions options;
  options.read_only = true;
  return options;
}

uint64_t DocumentCount(const GraphStore& store) {
  auto counts = store.Counts();
  EXPECT_OK(counts);
  return counts.ok() ? counts->documents : 0;
}

bool WaitForFile(const std::string& path, std::chrono::seconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!std::filesystem::exists(path)) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

class StoreConcurrencyTest : public ::testing::Test {
 protected:
  std::string db_path() const { return dir_.Sub("db"); }
  TempDir dir_;
};

TEST_F(StoreConcurrencyTest, SecondWriterInThisProcessIsBusy) {
  auto first = GraphStore::Open(db_path(), StoreOptions{});
  ASSERT_OK(first);
  auto second = GraphStore::Open(db_path(), StoreOptions{});
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.status().IsBusy()) << second.status().ToString();
  const std::string& msg = second.status().message();
  EXPECT_NE(msg.find("database " + db_path() + " is being written by process " +
                     std::to_string(getpid())),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("wait for it or pass --wait"), std::string::npos) << msg;
}

TEST_F(StoreConcurrencyTest, WaitForLockWaitsUntilTheWriterCloses) {
  auto first = GraphStore::Open(db_path(), StoreOptions{});
  ASSERT_OK(first);
  std::unique_ptr<GraphStore> holder = std::move(first).value();
  ASSERT_OK(holder->Ingest(VisitReport("news/visit.txt")));
  StoreOptions wait;
  wait.wait_for_lock = true;
  auto waiter = std::async(std::launch::async, [&] { return GraphStore::Open(db_path(), wait); });
  EXPECT_EQ(waiter.wait_for(300ms), std::future_status::timeout);  // still waiting
  holder.reset();
  ASSERT_EQ(waiter.wait_for(20s), std::future_status::ready);
  auto opened = waiter.get();
  ASSERT_OK(opened);
  EXPECT_EQ(DocumentCount(**opened), 1u);
}

TEST_F(StoreConcurrencyTest, ReaderSeesASnapshotUntilRefresh) {
  auto writer = GraphStore::Open(db_path(), StoreOptions{});
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->Ingest(NumberedReport(1)));
  auto reader = GraphStore::Open(db_path(), ReaderOptions());
  ASSERT_OK(reader);
  EXPECT_EQ(DocumentCount(**reader), 1u);
  ASSERT_OK((*writer)->Ingest(NumberedReport(2)));
  EXPECT_EQ(DocumentCount(**reader), 1u);  // consistent: nothing moves under a reader
  ASSERT_OK((*reader)->Refresh());
  EXPECT_EQ(DocumentCount(**reader), 2u);
  auto wang = (*reader)->FindNode(NodeLabel::kPerson, "王建国");
  ASSERT_OK(wang);
  auto node = (*reader)->GetNode(*wang);
  ASSERT_OK(node);
  EXPECT_EQ(node->mentions, 2u);
  // Several readers at once, and a reader outliving the writer.
  auto reader2 = GraphStore::Open(db_path(), ReaderOptions());
  ASSERT_OK(reader2);
  writer->reset();
  EXPECT_EQ(DocumentCount(**reader2), 2u);
}

// Not a test on its own: the writer process of the test below (skipped unless it is started as
// that process, with TUPU_TEST_WRITER_DB set). Ingests a stream of documents until told to stop.
TEST(StoreWriterProcess, KeepsIngesting) {
  const char* db = std::getenv("TUPU_TEST_WRITER_DB");
  if (db == nullptr) GTEST_SKIP() << "helper process of WriterInAnotherProcess";
  const std::string dir = std::filesystem::path(db).parent_path().string();
  auto writer = GraphStore::Open(db, StoreOptions{});
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->Ingest(NumberedReport(0)));
  testing::WriteFileOrDie(dir + "/ready", "");
  auto until = std::chrono::steady_clock::now() + 60s;
  for (int n = 1; !std::filesystem::exists(dir + "/stop"); ++n) {
    ASSERT_LT(std::chrono::steady_clock::now(), until) << "never told to stop";
    ASSERT_OK((*writer)->Ingest(NumberedReport(n)));
    std::this_thread::sleep_for(20ms);
  }
}

TEST_F(StoreConcurrencyTest, WriterInAnotherProcess) {
  // Start this test binary again as the writer process.
  std::string env_db = "TUPU_TEST_WRITER_DB=" + db_path();
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e) env.push_back(*e);
  env.push_back(env_db.data());
  env.push_back(nullptr);
  std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
  std::string filter = "--gtest_filter=StoreWriterProcess.KeepsIngesting";
  char* argv[] = {exe.data(), filter.data(), nullptr};
  pid_t child = 0;
  ASSERT_EQ(posix_spawn(&child, exe.c_str(), nullptr, nullptr, argv, env.data()), 0);
  struct Reaper {  // the child is stopped and reaped whatever happens below
    pid_t pid;
    std::string stop;
    int status = -1;
    void Stop() {
      if (pid == 0) return;
      testing::WriteFileOrDie(stop, "");
      waitpid(pid, &status, 0);
      pid = 0;
    }
    ~Reaper() { Stop(); }
  } reaper{child, dir_.Sub("stop")};
  ASSERT_TRUE(WaitForFile(dir_.Sub("ready"), 30s)) << "writer process did not start";

  // A second writer: Busy at once, naming the writer's pid.
  auto second = GraphStore::Open(db_path(), StoreOptions{});
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.status().IsBusy());
  EXPECT_NE(second.status().message().find("being written by process " + std::to_string(child)),
            std::string::npos)
      << second.status().message();

  // Readers open and scan while it writes, and catch up on request.
  auto reader = GraphStore::Open(db_path(), ReaderOptions());
  ASSERT_OK(reader);
  uint64_t first_count = DocumentCount(**reader);
  EXPECT_GE(first_count, 1u);
  size_t edges = 0;
  ASSERT_OK((*reader)->ForEachEdge([&](const StoredEdge& e) {
    edges += (*reader)->GetNode(e.src).ok() && (*reader)->GetNode(e.dst).ok();
    return true;
  }));
  EXPECT_EQ(edges, 5 * first_count);  // every edge of the snapshot has both endpoints
  uint64_t later = first_count;
  for (int i = 0; i < 200 && later == first_count; ++i) {
    std::this_thread::sleep_for(20ms);
    ASSERT_OK((*reader)->Refresh());
    later = DocumentCount(**reader);
  }
  EXPECT_GT(later, first_count);

  // --wait: a writer waits for the process to finish, then opens.
  StoreOptions wait;
  wait.wait_for_lock = true;
  auto waiter = std::async(std::launch::async, [&] { return GraphStore::Open(db_path(), wait); });
  EXPECT_EQ(waiter.wait_for(200ms), std::future_status::timeout);
  reaper.Stop();
  EXPECT_TRUE(WIFEXITED(reaper.status) && WEXITSTATUS(reaper.status) == 0);
  ASSERT_EQ(waiter.wait_for(20s), std::future_status::ready);
  auto opened = waiter.get();
  ASSERT_OK(opened);
  EXPECT_GT(DocumentCount(**opened), later - 1);
}

}  // namespace
}  // namespace tupu
