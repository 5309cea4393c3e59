// The summary line of `tupu ingest` and its exit code, read through the binary for every mix of
// good and bad inputs: the count of ingested documents never has the skipped ones subtracted (it
// once printed 18446744073709551615 for one binary file), and the tagger arithmetic that ran is
// named. Rules only (--no-tagger) where the tagger does not matter, so the mixes run fast.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "app/cli_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::RunTupu;
using testing::ShellQuote;
using testing::TempDir;
using testing::WriteFileOrDie;

constexpr int kOk = 0, kPartial = 3;

// The numbers of "ingested N documents (a new, b replaced, c unchanged, d duplicates, e skipped)".
struct Summary {
  long ingested = -1, added = -1, replaced = -1, unchanged = -1, duplicates = -1, skipped = -1;
  std::string tagger;
  bool operator==(const Summary&) const = default;
};

Summary ParseSummary(const std::string& err) {
  static const std::regex kLine(
      R"(ingested (\d+) documents \((\d+) new, (\d+) replaced, (\d+) unchanged, (\d+) duplicates, )"
      R"((\d+) skipped\): .*, tagger ([^\n]+))");
  std::smatch m;
  Summary s;
  if (!std::regex_search(err, m, kLine)) return s;
  s = {std::stol(m[1]), std::stol(m[2]), std::stol(m[3]), std::stol(m[4]),
       std::stol(m[5]), std::stol(m[6]), m[7]};
  return s;
}

// What one run said and how it ended.
struct Outcome {
  int exit_code;
  Summary summary;
};

class IngestSummaryTest : public ::testing::Test {
 protected:
  // `tupu ingest --no-tagger --db DB paths...` (paths relative to the test folder).
  Outcome Ingest(const std::string& paths, const std::string& flags = "--no-tagger") {
    auto r = RunTupu("ingest " + flags + " --db " + ShellQuote(dir_.Sub("t.db")) + " " + paths, "",
                     dir_.path());
    return {r.exit_code, ParseSummary(r.err)};
  }
  void Good(const std::string& name, const std::string& town) {
    WriteFileOrDie(dir_.Sub(name), "本报讯 3月2日,县委书记王建设来到" + town + "调研。\n");
  }
  void Binary(const std::string& name) {
    WriteFileOrDie(dir_.Sub(name), std::string("\x7f" "ELF\0\0\1\2", 8));
  }
  static Summary Counts(long ingested, long added, long unchanged, long duplicates, long skipped) {
    return {ingested, added, 0, unchanged, duplicates, skipped, "off (rules only)"};
  }

  TempDir dir_;
};

TEST_F(IngestSummaryTest, OnlyGoodInputs) {
  Good("a.txt", "城关镇");
  Good("b.txt", "城南街道");
  Outcome o = Ingest("a.txt b.txt");
  EXPECT_EQ(o.exit_code, kOk);
  EXPECT_EQ(o.summary, Counts(2, 2, 0, 0, 0));
}

TEST_F(IngestSummaryTest, OnlyABadInputCountsNothingIngested) {
  Binary("a.bin.txt");
  Outcome o = Ingest("a.bin.txt");
  EXPECT_EQ(o.exit_code, kPartial);
  EXPECT_EQ(o.summary, Counts(0, 0, 0, 0, 1));
  // A path that does not exist is a skipped input as well.
  o = Ingest("missing.txt");
  EXPECT_EQ(o.exit_code, kPartial);
  EXPECT_EQ(o.summary, Counts(0, 0, 0, 0, 1));
}

TEST_F(IngestSummaryTest, GoodAndBadInputsCountEachOnce) {
  Good("a.txt", "城关镇");
  Binary("b.txt");
  Outcome o = Ingest("a.txt b.txt");
  EXPECT_EQ(o.exit_code, kPartial);
  EXPECT_EQ(o.summary, Counts(1, 1, 0, 0, 1));
  // A broken line of a .jsonl is skipped; the lines around it go in.
  WriteFileOrDie(dir_.Sub("c.jsonl"),
                 "{\"id\":\"n1\",\"text\":\"县长李四来到河东村调研。\"}\n{\"id\":\"n2\",\"text\": oops}\n"
                 "{\"id\":\"n3\",\"text\":\"镇长赵五出席会议。\"}\n");
  o = Ingest("c.jsonl b.txt");
  EXPECT_EQ(o.exit_code, kPartial);
  EXPECT_EQ(o.summary, Counts(2, 2, 0, 0, 2));
}

TEST_F(IngestSummaryTest, EmptyFolderIngestsNothingAndIsNoError) {
  std::filesystem::create_directories(dir_.Sub("empty"));
  Outcome o = Ingest("empty");
  EXPECT_EQ(o.exit_code, kOk);
  EXPECT_EQ(o.summary, Counts(0, 0, 0, 0, 0));
}

TEST_F(IngestSummaryTest, DuplicatesAndUnchangedReingest) {
  Good("a.txt", "城关镇");
  Good("b.txt", "城关镇");  // the same text under another name
  Outcome o = Ingest("a.txt b.txt");
  EXPECT_EQ(o.exit_code, kOk);
  EXPECT_EQ(o.summary, Counts(2, 1, 0, 1, 0));
  o = Ingest("a.txt b.txt");  // again, nothing changed
  EXPECT_EQ(o.exit_code, kOk);
  EXPECT_EQ(o.summary, Counts(2, 0, 1, 1, 0));
  Binary("c.txt");
  o = Ingest("a.txt c.txt");  // unchanged beside a bad one
  EXPECT_EQ(o.exit_code, kPartial);
  EXPECT_EQ(o.summary, Counts(1, 0, 1, 0, 1));
}

TEST_F(IngestSummaryTest, NamesTheTaggerArithmeticThatRan) {
  Good("a.txt", "城关镇");
  EXPECT_EQ(Ingest("a.txt", "--precision fp32").summary.tagger, "fp32");
  EXPECT_EQ(Ingest("a.txt", "--precision int16").summary.tagger.substr(0, 7), "int16 (");
  // auto: the int16 kernel where the CPU has AVX2, fp32 where it would be the portable loop.
  std::string chosen = Ingest("a.txt", "").summary.tagger;
  EXPECT_TRUE(chosen == "fp32" || chosen == "int16 (avx2)" || chosen == "int16 (avx-vnni)") << chosen;
}

}  // namespace
}  // namespace tupu
