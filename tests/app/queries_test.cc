// Golden-output tests of queries/*.lua: ingest seeds/ with the built `tupu`, run each query with
// `tupu run`, compare with tests/golden/queries/<name>.out.
//
// The goldens follow extraction: when extraction improves, regenerate them and review the diff:
//   TUPU_UPDATE_GOLDEN=1 ctest -R QueriesTest      (or: TUPU_UPDATE_GOLDEN=1 build/tests/app/app_tests --gtest_filter='QueriesTest.*')
//   git diff tests/golden/queries
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace tupu::testing {
namespace {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout only: stderr goes to the test log
};

// Runs `command` through /bin/sh in the source folder, so documents get keys like "seeds/x.txt".
CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  std::string full = "cd '" + SourceDir() + "' && " + command;
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

class QueriesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_dir_ = new TempDir();
    CommandResult ingest =
        // fp32: the golden outputs are the exact reference tagger's (the default may be int16).
        RunCommand(Quote(TUPU_BINARY) + " ingest --precision fp32 --db " + Quote(Db()) +
                   " seeds > /dev/null");
    ingest_exit_code_ = ingest.exit_code;
  }
  static void TearDownTestSuite() {
    delete db_dir_;
    db_dir_ = nullptr;
  }
  void SetUp() override { ASSERT_EQ(ingest_exit_code_, 0) << "tupu ingest of seeds/ failed"; }

  static std::string Db() { return db_dir_->Sub("tupu.db"); }

  // `tupu run --db DB queries/<script> args...`; fails the test on a non-zero exit.
  static std::string RunQuery(const std::string& script, const std::string& args = "") {
    CommandResult r = RunCommand(Quote(TUPU_BINARY) + " run --db " + Quote(Db()) + " queries/" +
                                 script + (args.empty() ? "" : " " + args));
    EXPECT_EQ(r.exit_code, 0) << script << " " << args << " failed; stdout:\n" << r.out;
    return r.out;
  }

  static void ExpectGolden(const std::string& name, const std::string& actual) {
    std::string path = SourceDir() + "/tests/golden/queries/" + name + ".out";
    const char* update = std::getenv("TUPU_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
      WriteFileOrDie(path, actual);
      return;
    }
    ASSERT_TRUE(std::filesystem::exists(path))
        << path << " is missing; create it with TUPU_UPDATE_GOLDEN=1 (see the top of this file)";
    EXPECT_EQ(ReadFileOrDie(path), actual)
        << "output of " << name << " differs from " << path
        << "; if the change is intended, regenerate with TUPU_UPDATE_GOLDEN=1 and review the diff";
  }

  // The most active official, found by a query rather than named here: test code never holds
  // names from the seeds (quality is also measured on articles nobody has here).
  static std::string TopOfficial(int rank) {
    CommandResult r = RunCommand(
        Quote(TUPU_BINARY) + " run --db " + Quote(Db()) +
        " -e 'local d = g:degree{edges=\"VISITED\", direction=\"out\", label=\"Person\"} "
        "io.write(d[" + std::to_string(rank) + "] and d[" + std::to_string(rank) + "].name or \"\")'");
    return r.out;
  }

  static TempDir* db_dir_;
  static int ingest_exit_code_;
};
TempDir* QueriesTest::db_dir_ = nullptr;
int QueriesTest::ingest_exit_code_ = -1;

TEST_F(QueriesTest, Visits) {
  std::string out = RunQuery("visits.lua");
  EXPECT_NE(out.find("| official"), std::string::npos) << out;
  ExpectGolden("visits", out);
  ExpectGolden("visits_csv", RunQuery("visits.lua", "csv"));
}

TEST_F(QueriesTest, Timeline) {
  std::string who = TopOfficial(1);
  ASSERT_FALSE(who.empty()) << "no official with a visit in the seeds";
  std::string out = RunQuery("timeline.lua", Quote(who));
  EXPECT_EQ(out.rfind(who, 0), 0u) << out;
  ExpectGolden("timeline", out);
}

TEST_F(QueriesTest, Accompany) { ExpectGolden("accompany", RunQuery("accompany.lua")); }
TEST_F(QueriesTest, Offices) { ExpectGolden("offices", RunQuery("offices.lua")); }
TEST_F(QueriesTest, TopPeople) { ExpectGolden("top_people", RunQuery("top_people.lua", "10")); }

TEST_F(QueriesTest, Path) {
  std::string a = TopOfficial(1), b = TopOfficial(2);
  ASSERT_FALSE(a.empty() || b.empty());
  std::string out = RunQuery("path.lua", Quote(a) + " " + Quote(b));
  EXPECT_NE(out.find(a), std::string::npos);
  ExpectGolden("path", out);
}

TEST_F(QueriesTest, ExportVisitsWritesGraphmlThatNetworkxReads) {
  TempDir out_dir;
  std::string file = out_dir.Sub("visits.graphml");
  std::string out = RunQuery("export_visits.lua", Quote(file));
  ASSERT_TRUE(std::filesystem::exists(file));
  // "wrote N nodes and M visits to FILE": the counts must be what networkx reads back.
  CommandResult nx = RunCommand(std::string(TUPU_PYTHON) +
                                " -c 'import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
                                "print(\"wrote %d nodes and %d visits to\" % (g.number_of_nodes(), "
                                "g.number_of_edges()))' " + Quote(file));
  ASSERT_EQ(nx.exit_code, 0);
  EXPECT_EQ(out.substr(0, out.find(" to ")), nx.out.substr(0, nx.out.find(" to")));
  ExpectGolden("export_visits", out.substr(0, out.find(" to ")) + "\n");
}

TEST_F(QueriesTest, ReportIsMarkdown) {
  std::string out = RunQuery("report.lua");
  EXPECT_EQ(out.rfind("# Officials and their visits", 0), 0u);
  ExpectGolden("report", out);
}

// A position named by several articles is one line: its dates, its number of documents and the
// earliest quote; a new title in the same organisation is said (made-up articles, not the seeds).
TEST_F(QueriesTest, ReportGroupsPositionsAndSaysWhenTheTitleChanged) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("news.jsonl"),
                 "{\"id\":\"a\",\"text\":\"本报讯 5月8日,县委副书记周明远到城关镇调研。\"}\n"
                 "{\"id\":\"b\",\"text\":\"本报讯 6月2日,县委副书记周明远到城南街道调研。\"}\n"
                 "{\"id\":\"c\",\"text\":\"本报讯 10月9日,县委书记周明远到河西乡调研。\"}\n");
  const std::string db = Quote(dir.Sub("t.db"));
  ASSERT_EQ(RunCommand(Quote(TUPU_BINARY) + " ingest -q --precision fp32 --db " + db + " " +
                       Quote(dir.Sub("news.jsonl"))).exit_code, 0);
  CommandResult r = RunCommand(Quote(TUPU_BINARY) + " run --db " + db + " queries/report.lua");
  ASSERT_EQ(r.exit_code, 0);
  const std::string deputy = "- 县委副书记 — 05-08 to 06-02, 2 documents\n\n"
                             "  > 本报讯 5月8日,县委副书记周明远到城关镇调研。 — *a*\n";
  const std::string chief = "- 县委书记 — 10-09, 1 document\n";
  EXPECT_NE(r.out.find(deputy + chief), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Title changed at 县委: 副书记 (05-08) → 书记 (10-09)."), std::string::npos)
      << r.out;
}

TEST_F(QueriesTest, ScriptErrorsNameFileAndLine) {
  TempDir dir;
  std::string script = dir.Sub("bad.lua");
  WriteFileOrDie(script, "local x = 1\nprint(x.y.z)\n");
  CommandResult r = RunCommand(Quote(TUPU_BINARY) + " run --db " + Quote(Db()) + " " +
                               Quote(script) + " 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad.lua:2: attempt to index"), std::string::npos) << r.out;
  WriteFileOrDie(script, "print(\n");
  r = RunCommand(Quote(TUPU_BINARY) + " run --db " + Quote(Db()) + " " + Quote(script) + " 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad.lua:2:"), std::string::npos) << r.out;
}

TEST_F(QueriesTest, RunExecuteAndSandbox) {
  CommandResult r = RunCommand(Quote(TUPU_BINARY) + " run --db " + Quote(Db()) +
                               " -e 'print(g:V{label=\"Person\"}:count() > 0)'");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "true\n");
  r = RunCommand(Quote(TUPU_BINARY) + " run --sandbox --db " + Quote(Db()) +
                 " -e 'print(os.getenv(\"HOME\"))' 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("attempt to index a nil value (global 'os')"), std::string::npos) << r.out;
  r = RunCommand(Quote(TUPU_BINARY) + " run --sandbox --max-instructions 100000 -e 'while true do end' 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("instruction budget of 100000 exceeded"), std::string::npos) << r.out;
  r = RunCommand(Quote(TUPU_BINARY) + " run --db /nonexistent/db -e 'print(g:V():count())' 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("(command line):1: g: cannot open the database"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tupu::testing
