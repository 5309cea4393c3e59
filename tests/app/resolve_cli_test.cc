// End to end through the built binary, on made-up pages written into a temp folder that is also
// the working folder (where `tupu ingest` finds tupu-curation.txt by itself): a bad rule fails the
// ingest naming file:line; `not-same-as` splits a name per document and `tupu resolve --explain`
// says why (scopes) and which rule; adding or removing a rule reaches pages whose text did not
// change; `same-as` merges two names into one node; an `alias` finds the node and survives the
// re-ingest of a changed page. Scopes set by the domain pass are not needed: these rules make
// their own. Every name is made up.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/cli_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::CommandResult;
using testing::RunTupu;
using testing::ShellQuote;
using testing::TempDir;
using testing::WriteFileOrDie;

constexpr char kPageA[] = "本报讯 5月6日,桐岭县县长邬晓岚来到城南街道调研。\n";
constexpr char kPageB[] = "本报讯 6月8日,桐岭县县长邬晓岚到县医院检查工作。\n";
constexpr char kPageC[] = "本报讯 7月9日,桐岭县副县长邬小岚到县一中检查工作。\n";

class ResolveCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFileOrDie(dir_.Sub("a.txt"), kPageA);
    WriteFileOrDie(dir_.Sub("b.txt"), kPageB);
  }
  // `tupu ARGS` run in the temp folder; relative paths (a.txt) are the pages' source keys.
  CommandResult Tupu(const std::string& args) { return RunTupu(args, "", dir_.path()); }
  std::string Ingest(const std::string& paths = "a.txt b.txt") {
    CommandResult r = Tupu("ingest --db t.db " + paths);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.err;
  }
  std::string Explain(const std::string& name, const std::string& extra = "") {
    CommandResult r = Tupu("resolve --db t.db --explain " + ShellQuote(name) + " " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return r.out;
  }
  void Rules(const std::string& text) { WriteFileOrDie(dir_.Sub("tupu-curation.txt"), text); }

  TempDir dir_;
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(ResolveCliTest, BadRuleFailsTheIngestByLine) {
  Rules("# made-up rules\nalias Person 邬晓岚\n");
  CommandResult r = Tupu("ingest --db t.db a.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "tupu-curation.txt:2: alias takes")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("t.db"))) << "nothing is done before the rules";

  CommandResult missing = Tupu("ingest --db t.db --curation nosuch.txt a.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(Has(missing.err, "nosuch.txt")) << missing.err;
}

TEST_F(ResolveCliTest, NotSameAsSplitsPerDocumentAndExplainSaysWhy) {
  Ingest();
  std::string merged = Explain("邬晓岚", "--label Person");
  EXPECT_TRUE(Has(merged, "1 node(s) named or aliased 邬晓岚")) << merged;
  EXPECT_TRUE(Has(merged, "documents: 2")) << merged;
  EXPECT_TRUE(
      Has(merged, "merged: its mentions in 2 documents have the same label, name and scope"))
      << merged;
  EXPECT_TRUE(Has(merged, "县长 @ ")) << merged;

  // The rule reaches pages whose text is unchanged: they are replaced, not skipped.
  Rules("not-same-as Person 邬晓岚   # two people of one name\n");
  std::string summary = Ingest();
  EXPECT_TRUE(Has(summary, "curation: 1 rule(s) from tupu-curation.txt")) << summary;
  EXPECT_TRUE(Has(summary, "2 replaced")) << summary;
  std::string apart = Explain("邬晓岚", "--label Person");
  EXPECT_TRUE(Has(apart, "2 node(s) named or aliased 邬晓岚")) << apart;
  // Files of the working folder have the source "." (their folder); the rule keeps each
  // document's mentions to it.
  EXPECT_TRUE(Has(apart, "scope: source:.|document:a.txt")) << apart;
  EXPECT_TRUE(Has(apart, "scope: source:.|document:b.txt")) << apart;
  EXPECT_TRUE(Has(apart,
                  "kept apart from the other Person 邬晓岚: their scopes differ "
                  "('source:.|document:a.txt' here, 'source:.|document:b.txt' there)"))
      << apart;
  EXPECT_TRUE(Has(apart, "curated: not-same-as Person 邬晓岚")) << apart;

  auto json = nlohmann::json::parse(Explain("邬晓岚", "--label Person --format json"));
  ASSERT_EQ(json.size(), 2u);
  EXPECT_EQ(json[0]["documents"].size(), 1u);
  EXPECT_EQ(json[0]["curated"][0], "not-same-as Person 邬晓岚");

  // Without the rule the pages are one person again, and no trace of the rule stays.
  std::filesystem::remove(dir_.Sub("tupu-curation.txt"));
  EXPECT_TRUE(Has(Ingest(), "2 replaced"));
  EXPECT_TRUE(Has(Ingest(), "2 unchanged"));
  std::string again = Explain("邬晓岚", "--label Person");
  EXPECT_TRUE(Has(again, "1 node(s)")) << again;
  EXPECT_FALSE(Has(again, "curated:")) << again;
  CommandResult check = Tupu("check --db t.db");
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

// A paper's folder mapped to its county: its bare bodies are that county's, its officials that
// city's, and its pages carry the region.
TEST_F(ResolveCliTest, SourceRegionPlacesAPapersBareBodies) {
  std::filesystem::create_directories(dir_.Sub("paper"));
  WriteFileOrDie(dir_.Sub("paper/1.txt"), "5月6日，县委书记邬正平到柳河村调研。县委副书记、县长卢海川陪同。\n");
  Rules("source-region paper 福建省三明市将乐县\n");
  ASSERT_EQ(Tupu("ingest --db t.db paper").exit_code, 0);
  std::string body = Explain("县委", "--label Organization");
  EXPECT_TRUE(Has(body, "Organization 将乐县委  scope: -")) << body;
  EXPECT_TRUE(Has(body, "region: 福建省/三明市/将乐县")) << body;
  std::string person = Explain("邬正平");
  EXPECT_TRUE(Has(person, "scope: 福建省/三明市")) << person;
  EXPECT_TRUE(Has(person, "书记 @ 将乐县委")) << person;
}

// `tupu extract` shows what ingest would store: the same rules, from the same file.
TEST_F(ResolveCliTest, ExtractAppliesTheRulesIngestWould) {
  Rules("not-same-as Person 邬晓岚\n");
  CommandResult r = Tupu("extract --no-tagger a.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "|document:a.txt")) << r.out;
  CommandResult missing = Tupu("extract --no-tagger --curation nosuch.txt a.txt");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(Has(missing.err, "nosuch.txt")) << missing.err;
}

TEST_F(ResolveCliTest, SameAsMergesTwoNamesIntoOneNode) {
  WriteFileOrDie(dir_.Sub("c.txt"), kPageC);
  WriteFileOrDie(dir_.Sub("rules.txt"), "same-as Person 邬小岚 source:. = 邬晓岚 source:.\n");
  CommandResult r = Tupu("ingest --db t.db --curation rules.txt a.txt c.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = Explain("邬小岚", "--label Person");
  EXPECT_TRUE(Has(out, "1 node(s) named or aliased 邬小岚")) << out;
  EXPECT_TRUE(Has(out, "Person 邬晓岚  scope: source:.")) << out;
  EXPECT_TRUE(Has(out, "found by its alias 邬小岚")) << out;
  EXPECT_TRUE(Has(out, "documents: 2")) << out;
  EXPECT_TRUE(Has(out, "scope source (")) << out;
  EXPECT_TRUE(Has(out, "curated: same-as Person 邬小岚 source:. = 邬晓岚 source:.")) << out;
}

TEST_F(ResolveCliTest, AliasIsFoundAndSurvivesAChangedPage) {
  Rules("alias\tPerson\t邬晓岚\t邬老师\n");
  Ingest();
  std::string found = Explain("邬老师");
  EXPECT_TRUE(Has(found, "Person 邬晓岚")) << found;
  EXPECT_TRUE(Has(found, "found by its alias 邬老师")) << found;

  WriteFileOrDie(dir_.Sub("a.txt"), std::string(kPageA) + "本报讯 5月7日,邬晓岚到县图书馆调研。\n");
  EXPECT_TRUE(Has(Ingest(), "1 replaced"));
  std::string after = Explain("邬老师");
  EXPECT_TRUE(Has(after, "documents: 2")) << after;
  EXPECT_TRUE(Has(after, "curated: alias Person 邬晓岚 邬老师")) << after;

  CommandResult none = Tupu("resolve --db t.db --explain 无此人");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_TRUE(Has(none.out, "0 node(s)")) << none.out;
}

}  // namespace
}  // namespace tupu
