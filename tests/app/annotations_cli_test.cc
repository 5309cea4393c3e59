// End to end through the built binary, on the seeds: `tupu run --write` annotates a node; the note
// survives re-ingest of the same pages and of a changed page; when the node's only page changes so
// that it no longer mentions the node, the node leaves the graph but the note stays (and `tupu
// check` passes), and it shows again when the page comes back. Without --write a script is
// refused with a message naming --write; while `tupu shell --write` holds the database, a second
// writer is refused naming it; a GraphML export with the note reads back in networkx.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "app/cli_util.h"
#include "test_util.h"

namespace tupu {
namespace {

namespace fs = std::filesystem;
using testing::RunShell;
using testing::RunTupu;
using testing::ShellQuote;
using testing::TempDir;

class AnnotationsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(testing::SeedsDir(), seeds(), fs::copy_options::recursive);
    EXPECT_NE(IngestSummary().find("5 new"), std::string::npos);
  }
  std::string seeds() const { return dir_.Sub("seeds"); }
  std::string db() const { return ShellQuote(dir_.Sub("t.db")); }
  // What `tupu ingest` of the seeds folder says on stderr ("... 5 new, 0 replaced ...").
  std::string IngestSummary() {
    auto r = RunTupu("ingest --db " + db() + " " + ShellQuote(seeds()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.err;
  }
  // Output of `tupu run [--write] -e CODE`; fails the test on a non-zero exit.
  std::string Lua(const std::string& code, bool write = false) {
    auto r = RunTupu(std::string("run ") + (write ? "--write " : "") + "--db " + db() + " -e " +
                     ShellQuote(code));
    EXPECT_EQ(r.exit_code, 0) << code << "\n" << r.err;
    return r.out;
  }

  TempDir dir_;
};

TEST_F(AnnotationsCliTest, NoteSurvivesReingestAndOutlivesItsNode) {
  // A person mentioned by one page only (found, not named: the seeds' names stay out of code).
  std::string found = Lua(
      "local v = g:V{label='Person'}:where(function(v) return v:out('MENTIONED_IN'):count() == 1 "
      "end):first()\n"
      "print(v.id) print(v:out('MENTIONED_IN'):first().name)");
  std::istringstream lines(found);
  std::string id, doc_name;
  ASSERT_TRUE(std::getline(lines, id) && std::getline(lines, doc_name)) << found;
  ASSERT_EQ(id.size(), 16u) << found;
  // Its page: the Document node is named after the file (plus "#n" for an article of a page).
  std::string page = doc_name.substr(0, doc_name.find('#'));
  ASSERT_TRUE(fs::exists(page)) << doc_name;
  const std::string node = "g:V{id='" + id + "'}";

  // Without --write: refused, saying what to do; nothing written.
  auto refused = RunTupu("run --db " + db() + " -e " +
                         ShellQuote(node + ":first():annotate('watch', '关注此人')"));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("read-only"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--write"), std::string::npos) << refused.err;
  EXPECT_EQ(Lua("print(g:V{note='watch'}:count())"), "0\n");

  // With --write; the same run's next query sees it, and so does a later run.
  EXPECT_EQ(Lua(node + ":first():annotate('watch', '关注此人')\n"
                "print(g:V{note='watch'}:values('id'):first())",
                /*write=*/true),
            id + "\n");
  EXPECT_EQ(Lua("print(" + node + ":values('note.watch'):first())"), "关注此人\n");

  // Re-ingest of the same pages changes nothing.
  EXPECT_NE(IngestSummary().find("5 unchanged"), std::string::npos);
  EXPECT_EQ(Lua("print(g:V{note='watch'}:values('id'):first())"), id + "\n");

  // Another page changed: replaced, the note stays.
  std::string other;
  for (const auto& entry : fs::directory_iterator(seeds())) {
    if (entry.path().string() != page) other = entry.path().string();
  }
  ASSERT_FALSE(other.empty());
  std::string other_text = testing::ReadFileOrDie(other);
  testing::WriteFileOrDie(other, other_text + "\n本报讯 3月9日,县委书记赵文海来到城南街道调研。\n");
  EXPECT_NE(IngestSummary().find("1 replaced"), std::string::npos);
  EXPECT_EQ(Lua("print(" + node + ":values('note.watch'):first())"), "关注此人\n");

  // The person's only page now tells another story: the node leaves the graph, the note stays.
  std::string page_text = testing::ReadFileOrDie(page);
  testing::WriteFileOrDie(page, "本报讯 5月6日,副县长钱立群来到县医院检查工作。\n");
  EXPECT_NE(IngestSummary().find("1 replaced"), std::string::npos);
  EXPECT_EQ(Lua("print(" + node + ":count(), g:V{note='watch'}:count())"), "0\t0\n");
  auto check = RunTupu("check --db " + db());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("1 annotations"), std::string::npos) << check.out;

  // The page back as it was: the node returns with its note.
  testing::WriteFileOrDie(page, page_text);
  EXPECT_NE(IngestSummary().find("1 replaced"), std::string::npos);
  EXPECT_EQ(Lua("print(" + node + ":values('note.watch'):first())"), "关注此人\n");

  // A GraphML export read by networkx carries it on that node.
  std::string graphml = dir_.Sub("g.graphml");
  auto exported = RunTupu("export --db " + db() + " --format graphml -o " + ShellQuote(graphml));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto read = RunShell(std::string(TUPU_PYTHON) + " -c " +
                       ShellQuote("import sys, networkx as nx\n"
                                  "g = nx.read_graphml(sys.argv[1])\n"
                                  "for n, d in g.nodes(data=True):\n"
                                  "    if 'note.watch' in d: print(d['note.watch'])\n") +
                       " " + ShellQuote(graphml));
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, "关注此人\n");
}

TEST_F(AnnotationsCliTest, ShellWithWriteHoldsTheDatabaseAndOthersAreToldWho) {
  std::string db_dir = dir_.Sub("t.db");
  // A shell that opens the database for writing, then idles for a few seconds.
  std::string shell = "{ echo 'print(g:counts().nodes)'; sleep 4; } | " +
                      ShellQuote(TUPU_BINARY) + " shell --write --history - --rc - --db " + db() +
                      " >/dev/null 2>&1 &";
  std::string wait = "for i in $(seq 100); do [ -f " + ShellQuote(db_dir + "/WRITER") +
                     " ] && break; sleep 0.05; done; ";
  const std::string tupu = ShellQuote(TUPU_BINARY);
  auto r = RunShell(shell + wait + tupu + " run --write --db " + db() +
                    " -e 'print(g:counts().nodes)'; echo \"exit $?\"; " + tupu + " run --db " +
                    db() + " -e 'print(g:counts().nodes > 0)'; " + tupu +
                    " run --write --wait --db " + db() +
                    " -e 'g:V{label=\"Person\"}:first():annotate(\"w\", \"1\") print(\"waited\")'"
                    "; wait");
  EXPECT_NE(r.err.find("being written by process"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(tupu shell)"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("exit 1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("true"), std::string::npos) << r.out;  // reading beside it works
  EXPECT_NE(r.out.find("waited"), std::string::npos) << r.out << r.err;  // --wait: after the shell
}

TEST_F(AnnotationsCliTest, ShellSessionSeesItsOwnNoteAtOnce) {
  auto r = RunTupu("shell --write --history - --rc - --db " + db(),
                   "print(g:V{note='w'}:count())\n"
                   "g:V{label='Person'}:first():annotate('w', 'x')\n"
                   "print(g:V{note='w'}:count())\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // The first count, the annotated node (the expression's value, as a table), the second count.
  EXPECT_EQ(r.out.substr(0, 2), "0\n") << r.out;
  ASSERT_GE(r.out.size(), 2u);
  EXPECT_EQ(r.out.substr(r.out.size() - 2), "1\n") << r.out;
  EXPECT_NE(r.out.find("(1 row)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tupu
