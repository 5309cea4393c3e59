// End-to-end tests of `tupu ingest` and `tupu export` through the built binary: the README flow on
// the seeds, idempotent re-ingest, replacement of a changed document, and every bad input of the
// end-to-end issue (each is named on stderr, the rest goes on, the exit code tells).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "app/cli_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::RunShell;
using testing::RunTupu;
using testing::ShellQuote;
using testing::TempDir;
using testing::WriteFileOrDie;

constexpr int kPartial = 3;

std::string Db(const TempDir& dir) { return ShellQuote(dir.Sub("t.db")); }

nlohmann::json ExportJson(const std::string& db) {
  auto r = RunTupu("export --db " + db + " --format json -o -");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out.substr(0, 500);
  return j;
}

TEST(IngestCliTest, SeedsGoInAndReingestChangesNothing) {
  TempDir dir;
  auto first = RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(testing::SeedsDir()));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("5 new"), std::string::npos) << first.err;
  nlohmann::json before = ExportJson(Db(dir));
  ASSERT_TRUE(before.contains("nodes"));
  EXPECT_GT(before["nodes"].size(), 20u);
  EXPECT_GT(before["edges"].size(), 20u);

  auto second = RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(testing::SeedsDir()));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("0 new"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("5 unchanged"), std::string::npos) << second.err;
  EXPECT_EQ(ExportJson(Db(dir)).dump(), before.dump());
}

TEST(IngestCliTest, ChangedDocumentReplacesItsFacts) {
  TempDir dir;
  std::string page = dir.Sub("page.txt");
  WriteFileOrDie(page, "本报讯 3月2日,县委书记王建设来到城关镇调研。\n");
  ASSERT_EQ(RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(page)).exit_code, 0);
  WriteFileOrDie(page, "本报讯 3月9日,县委书记王建设来到城南街道调研。\n");
  auto r = RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(page));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 replaced"), std::string::npos) << r.err;
  std::string all = ExportJson(Db(dir)).dump();
  EXPECT_EQ(all.find("城关镇"), std::string::npos) << "facts of the old text must be gone";
  EXPECT_EQ(ExportJson(Db(dir))["nodes"].size(),
            [&] {
              TempDir fresh;
              EXPECT_EQ(RunTupu("ingest --db " + Db(fresh) + " " + ShellQuote(page)).exit_code, 0);
              return ExportJson(Db(fresh))["nodes"].size();
            }());
}

TEST(IngestCliTest, FolderWithBadFilesIngestsTheGoodOnesAndNamesTheBad) {
  TempDir dir;
  std::string in = dir.Sub("in");
  std::filesystem::create_directories(in);
  std::filesystem::copy(testing::SeedsDir(), in);
  WriteFileOrDie(in + "/empty.txt", "");
  WriteFileOrDie(in + "/binary.txt", std::string("\x7f" "ELF\0\0\1\2", 8));
  WriteFileOrDie(in + "/latin1.txt", "caf\xe9 cr\xe8me \xff\xfe");
  std::filesystem::copy(testing::TestDataDir() + "/gb18030_page.txt", in + "/gbk.txt");
  auto r = RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(in));
  EXPECT_EQ(r.exit_code, kPartial) << r.err;
  for (const char* name : {"empty.txt", "binary.txt", "latin1.txt"}) {
    EXPECT_NE(r.err.find(name), std::string::npos) << name << " not named in:\n" << r.err;
  }
  EXPECT_EQ(r.err.find("gbk.txt"), std::string::npos) << "GB18030 is converted, not refused";
  EXPECT_NE(r.err.find("6 new"), std::string::npos) << r.err;  // 5 seeds + the GB18030 page
}

TEST(IngestCliTest, JsonLinesWithABrokenLineNamesTheLine) {
  TempDir dir;
  std::string file = dir.Sub("news.jsonl");
  WriteFileOrDie(file,
                 "{\"id\":\"n1\",\"text\":\"本报讯 县长李四来到河东村调研。\",\"date\":\"2023-04-01\"}\n"
                 "{\"id\":\"n2\",\"text\": oops}\n"
                 "{\"id\":\"n3\",\"text\":\"镇长赵五出席会议。\"}\n");
  auto r = RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(file));
  EXPECT_EQ(r.exit_code, kPartial) << r.err;
  EXPECT_NE(r.err.find("news.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 new"), std::string::npos) << r.err;
}

TEST(IngestCliTest, StdinIsADocument) {
  TempDir dir;
  auto r = RunTupu("ingest --db " + Db(dir) + " -", "本报讯 市长周六来到开发区调研。\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 new"), std::string::npos) << r.err;
}

TEST(IngestCliTest, HugeOneLineFileIsRefusedByNameQuickly) {
  TempDir dir;
  std::string huge = dir.Sub("huge.txt");
  {
    std::FILE* f = std::fopen(huge.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::string chunk;
    for (int i = 0; i < 1000; ++i) chunk += "县委书记来到村里调研,";
    for (size_t written = 0; written < (50u << 20); written += chunk.size()) {
      std::fwrite(chunk.data(), 1, chunk.size(), f);
    }
    std::fclose(f);
  }
  auto r = RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(huge) + " " +
                   ShellQuote(testing::SeedsDir() + "/000_3b17dd4f54496f26.txt"));
  EXPECT_EQ(r.exit_code, kPartial) << r.err;
  EXPECT_NE(r.err.find("huge.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 new"), std::string::npos) << r.err;
}

TEST(IngestCliTest, DbPathThatIsAFileOrUnwritableIsAClearError) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("afile"), "x");
  auto r = RunTupu("ingest --db " + ShellQuote(dir.Sub("afile")) + " " +
                   ShellQuote(testing::SeedsDir()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("afile"), std::string::npos) << r.err;
  // /proc refuses new folders even to root: stands in for a read-only folder.
  r = RunTupu("ingest --db /proc/tupu-test.db " + ShellQuote(testing::SeedsDir()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/proc/tupu-test.db"), std::string::npos) << r.err;
}

TEST(IngestCliTest, SecondWriterIsToldWhoHoldsTheDatabase) {
  TempDir dir;
  // A writer that holds the database while it waits for stdin (a fifo we keep open).
  std::string fifo = dir.Sub("fifo");
  ASSERT_EQ(RunShell("mkfifo " + ShellQuote(fifo)).exit_code, 0);
  std::string holder = ShellQuote(TUPU_BINARY) + " ingest -q --db " + Db(dir) + " - <" +
                       ShellQuote(fifo) + " >/dev/null 2>&1 & echo $! > " +
                       ShellQuote(dir.Sub("pid")) + "; exec 3>" + ShellQuote(fifo) +
                       "; sleep 31.5 <&-";
  std::thread keeper([&] { RunShell(holder); });
  bool locked = false;
  testing::CommandResult r;
  for (int i = 0; i < 100 && !locked; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    r = RunTupu("ingest --db " + Db(dir) + " " + ShellQuote(testing::SeedsDir()));
    locked = r.exit_code == 1 && r.err.find("being written") != std::string::npos;
  }
  EXPECT_TRUE(locked) << r.err;
  RunShell("pkill -f 'sleep 31.5' ; kill $(cat " + ShellQuote(dir.Sub("pid")) + ") 2>/dev/null");
  keeper.join();
}

TEST(IngestCliTest, UnknownOptionAndMissingArgumentsAreUsageErrors) {
  EXPECT_EQ(RunTupu("ingest --bogus x").exit_code, 2);
  EXPECT_EQ(RunTupu("ingest").exit_code, 2);
  EXPECT_EQ(RunTupu("frobnicate").exit_code, 2);
  auto help = RunTupu("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("ingest"), std::string::npos);
}

}  // namespace
}  // namespace tupu
