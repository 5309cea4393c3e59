// Creating a new database is all or nothing: the folder a user names is either left as it was
// (absent or empty) or holds a whole tupu database that readers open. A writer killed, or failing
// on a full disk, while RocksDB creates the column families must not leave a half-made folder
// that readers refuse (found by the kill test: 1 kill in 211 landed there before this).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/fault_injection.h"
#include "store/graph_store.h"
#include "store_test_util.h"

namespace tupu::testing {
namespace {

namespace fs = std::filesystem;

bool IsEmptyOrAbsent(const std::string& path) {
  std::error_code ec;
  return !fs::exists(path, ec) || fs::is_empty(path, ec);
}

// The hidden staging folders next to the database; none should outlive a finished Open.
int StagingFolders(const TempDir& dir) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    if (entry.path().filename().string().find(".creating-") != std::string::npos) ++n;
  }
  return n;
}

TEST(DatabaseCreationTest, NewDatabaseIsCompleteAndLeavesNoStagingFolder) {
  TempDir dir;
  {
    auto store = GraphStore::Open(dir.Sub("db"), StoreOptions{});
    ASSERT_OK(store);
  }
  EXPECT_EQ(StagingFolders(dir), 0);
  StoreOptions read;
  read.read_only = true;
  auto reader = GraphStore::Open(dir.Sub("db"), read);
  ASSERT_OK(reader);
  auto counts = (*reader)->Counts();
  ASSERT_OK(counts);
  EXPECT_EQ(counts->documents, 0u);
}

TEST(DatabaseCreationTest, AnExistingEmptyFolderAndATrailingSlashWork) {
  TempDir dir;
  fs::create_directories(dir.Sub("empty"));
  for (const std::string& path : {dir.Sub("empty"), dir.Sub("slash") + "/"}) {
    SCOPED_TRACE(path);
    {
      auto store = GraphStore::Open(path, StoreOptions{});
      ASSERT_OK(store);
      ASSERT_OK((*store)->Ingest(VisitReport("a.txt")));
    }
    StoreOptions read;
    read.read_only = true;
    auto reader = GraphStore::Open(path, read);
    ASSERT_OK(reader);
    EXPECT_EQ((*reader)->Counts()->documents, 1u);
  }
  EXPECT_EQ(StagingFolders(dir), 0);
}

TEST(DatabaseCreationTest, StagingFolderOfADeadCreatorIsRemoved) {
  TempDir dir;
  // A creator that was killed: its pid no longer runs (a child that has exited and been reaped).
  pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  waitpid(child, nullptr, 0);
  std::string abandoned = dir.Sub(".db.creating-" + std::to_string(child));
  fs::create_directories(fs::path(abandoned) / "half");
  // A live creator's folder (this process is alive) is left alone.
  std::string live = dir.Sub(".db.creating-" + std::to_string(getppid()));
  fs::create_directories(live);
  {
    auto store = GraphStore::Open(dir.Sub("db"), StoreOptions{});
    ASSERT_OK(store);
  }
  EXPECT_FALSE(fs::exists(abandoned));
  EXPECT_TRUE(fs::exists(live));
}

// A fault at every counted file operation of the creation: the folder is left absent or empty, or
// it is a whole database a reader opens; never something in between.
TEST(DatabaseCreationTest, AFaultAtAnyPointOfCreationLeavesNothingHalfMade) {
  uint64_t creation_operations = 0;
  {
    TempDir dir;
    auto counter = FaultInjection::Create({.armed = false});
    StoreOptions options;
    options.fault_injection = counter;
    ASSERT_OK(GraphStore::Open(dir.Sub("db"), options));
    creation_operations = counter->operations();
  }
  ASSERT_GT(creation_operations, 0u);
  // Every operation for I/O errors; every fourth for a full disk (the same code paths, and the
  // suite also runs under ASan).
  for (InjectedFault fault : {InjectedFault::kIOError, InjectedFault::kNoSpace}) {
    uint64_t step = fault == InjectedFault::kIOError ? 1 : 4;
    for (uint64_t fail_after = 0; fail_after < creation_operations; fail_after += step) {
      SCOPED_TRACE("fault after " + std::to_string(fail_after) + " of " +
                   std::to_string(creation_operations) + " operations");
      TempDir dir;
      std::string path = dir.Sub("db");
      auto injection = FaultInjection::Create({.fault = fault, .fail_after = fail_after});
      StoreOptions options;
      options.fault_injection = injection;
      bool opened = GraphStore::Open(path, options).ok();
      if (!IsEmptyOrAbsent(path)) {
        StoreOptions read;
        read.read_only = true;
        auto reader = GraphStore::Open(path, read);
        EXPECT_TRUE(reader.ok()) << (opened ? "opened" : "failed") << "; reader: "
                                 << reader.status().ToString();
      }
      EXPECT_EQ(StagingFolders(dir), 0);
      // And a healthy writer afterwards creates or opens it.
      auto healthy = GraphStore::Open(path, StoreOptions{});
      ASSERT_OK(healthy);
      ASSERT_OK((*healthy)->Ingest(VisitReport("a.txt")));
    }
  }
}

}  // namespace
}  // namespace tupu::testing
