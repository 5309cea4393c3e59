// Exports read back by the tools users read them with (networkx, igraph, Gephi's GEXF via networkx,
// xmllint, Graphviz, a CSV reader), through Debian's /usr/bin/python3: same node and edge counts as
// the JSON export, Chinese names intact, markup characters escaped, the empty graph too.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "graph/export.h"
#include "graph/export_json.h"
#include "graph/graph_snapshot.h"
#include "memory_store_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::CommandOutput;
using testing::RunCommand;

using testing::MakeEdge;
using testing::MakeNode;
using testing::TempDir;

const char kTrickyName[] = "A<B>&\"C\" 'D'";

// The sample graph plus a node whose name and edge carry every XML/DOT/CSV special character.
std::unique_ptr<testing::MemoryGraphStore> MakeTrickyStore() {
  auto store = testing::MakeSampleStore();
  StoredNode wang = MakeNode(NodeLabel::kPerson, "王建国", {"王书记"});
  StoredNode tricky = MakeNode(NodeLabel::kOrganization, kTrickyName, {"x,y", "a|b"}, "company");
  store->PutNode(tricky);
  store->PutEdge(MakeEdge(EdgeType::kDonatedTo, wang, tricky, "news/b.txt", 0,
                          {{"what", "\"书\", <10> & more\nline"}}));
  return store;
}

std::shared_ptr<const GraphSnapshot> Load(const GraphStore& store) {
  auto snap = GraphSnapshot::Load(store);
  EXPECT_TRUE(snap.ok()) << snap.status().ToString();
  return *snap;
}

// What a reader saw: {"nodes", "edges", "names"}.
nlohmann::json ReadBack(const std::string& reader, const std::string& path) {
  std::string script = testing::SourceDir() + "/tests/graph/read_back.py";
  CommandOutput r = RunCommand(std::string(TUPU_PYTHON) + " '" + script + "' " + reader + " '" + path + "'");
  EXPECT_EQ(r.exit_code, 0) << reader << ": " << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

nlohmann::json ExportJson(const GraphSnapshot& snap) {
  std::ostringstream out;
  EXPECT_OK(WriteJson(snap, out));
  auto j = nlohmann::json::parse(out.str(), nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << out.str();
  return j;
}

std::vector<std::string> JsonNames(const nlohmann::json& j) {
  std::vector<std::string> names;
  for (const auto& n : j["nodes"]) names.push_back(n["name"]);
  std::sort(names.begin(), names.end());
  return names;
}

struct ReaderCase {
  ExportFormat format;
  const char* reader;
  const char* file;  // "" for csv (a folder)
};

class ExportReadBackTest : public ::testing::TestWithParam<ReaderCase> {};

TEST_P(ExportReadBackTest, SameCountsAndNamesAsJson) {
  const ReaderCase& c = GetParam();
  auto store = MakeTrickyStore();
  auto snap = Load(*store);
  nlohmann::json expected = ExportJson(*snap);
  TempDir dir;
  std::string path = dir.Sub(*c.file ? c.file : "csv");
  ASSERT_OK(ExportToPath(*snap, c.format, path));
  nlohmann::json seen = ReadBack(c.reader, path);
  ASSERT_TRUE(seen.contains("nodes")) << seen.dump();
  EXPECT_EQ(seen["nodes"], expected["nodes"].size());
  EXPECT_EQ(seen["edges"], expected["edges"].size());
  std::vector<std::string> names = seen["names"];
  if (c.format == ExportFormat::kDot) {
    // Graphviz shows labels (names and edge types): every name must be among them.
    for (const auto& name : JsonNames(expected)) {
      EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
    }
  } else {
    EXPECT_EQ(names, JsonNames(expected));
  }
  if (c.format == ExportFormat::kGraphml || c.format == ExportFormat::kGexf) {
    CommandOutput lint = RunCommand("xmllint --noout '" + path + "'");
    EXPECT_EQ(lint.exit_code, 0) << lint.out;
  }
}

TEST_P(ExportReadBackTest, EmptyGraph) {
  const ReaderCase& c = GetParam();
  testing::MemoryGraphStore empty;
  auto snap = Load(empty);
  TempDir dir;
  std::string path = dir.Sub(*c.file ? c.file : "csv");
  ASSERT_OK(ExportToPath(*snap, c.format, path));
  nlohmann::json seen = ReadBack(c.reader, path);
  EXPECT_EQ(seen["nodes"], 0);
  EXPECT_EQ(seen["edges"], 0);
}

INSTANTIATE_TEST_SUITE_P(
    Readers, ExportReadBackTest,
    ::testing::Values(ReaderCase{ExportFormat::kGraphml, "graphml-networkx", "g.graphml"},
                      ReaderCase{ExportFormat::kGraphml, "graphml-igraph", "g.graphml"},
                      ReaderCase{ExportFormat::kGexf, "gexf-networkx", "g.gexf"},
                      ReaderCase{ExportFormat::kDot, "dot", "g.dot"},
                      ReaderCase{ExportFormat::kCsv, "csv", ""}),
    [](const auto& info) {
      std::string name = info.param.reader;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

TEST(ExportJsonTest, ShapeTheScorerReads) {
  auto store = testing::MakeSampleStore();
  auto snap = Load(*store);
  nlohmann::json j = ExportJson(*snap);
  ASSERT_EQ(j["nodes"].size(), 9u);
  ASSERT_EQ(j["edges"].size(), 10u);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& n : j["nodes"]) by_id[n["id"]] = n;
  int visits = 0;
  for (const auto& e : j["edges"]) {
    ASSERT_TRUE(by_id.contains(e["source"])) << e.dump();
    ASSERT_TRUE(by_id.contains(e["target"])) << e.dump();
    if (e["type"] == "VISITED" && by_id[e["target"]]["name"] == "高新区管委会") {
      ++visits;
      EXPECT_EQ(by_id[e["source"]]["name"], "王建国");
      EXPECT_EQ(by_id[e["source"]]["label"], "Person");
      EXPECT_EQ(by_id[e["source"]]["aliases"], nlohmann::json::array({"王书记"}));
      EXPECT_TRUE(e["doc"] == "news/a.txt" || e["doc"] == "news/b.txt") << e.dump();
      EXPECT_TRUE(e["date"] == "10-30" || e["date"] == "2024-11-02") << e.dump();
      EXPECT_EQ(e["span"], nlohmann::json::array({0, 6}));
      EXPECT_EQ(e["doc_id"], IdToHex(MakeDocId(e["doc"].get<std::string>())));
    }
    if (e["type"] == "HOLDS_POSITION" && by_id[e["source"]]["name"] == "李明华") {
      EXPECT_EQ(e["title"], "主任");
    }
    if (e["type"] == "CO_MENTIONED" && by_id[e["source"]]["name"] == "王建国") {
      EXPECT_EQ(e["weight"], 3.0);
    }
    if (e["type"] == "MENTIONED_IN") {
      EXPECT_EQ(e["count"], 2);
    }
  }
  EXPECT_EQ(visits, 2);
  for (const auto& n : j["nodes"]) {
    if (n["name"] == "news/a.txt") {
      EXPECT_EQ(n["label"], "Document");
      EXPECT_EQ(n["title"], "王建国到高新区调研");
    }
    if (n["name"] == "高新区管委会") {
      EXPECT_EQ(n["kind"], "government");
    }
  }
}

TEST(ExportJsonTest, TwoExportsAreByteIdentical) {
  auto store = MakeTrickyStore();
  std::ostringstream a, b;
  ASSERT_OK(WriteJson(*Load(*store), a));
  ASSERT_OK(WriteJson(*Load(*store), b));
  EXPECT_EQ(a.str(), b.str());
  EXPECT_NE(a.str().find("王建国"), std::string::npos) << "UTF-8 is written as is, not \\u-escaped";
}

TEST(ExportJsonTest, SpecialCharactersSurvive) {
  auto store = MakeTrickyStore();
  nlohmann::json j = ExportJson(*Load(*store));
  bool found = false;
  for (const auto& n : j["nodes"]) found |= n["name"] == kTrickyName;
  EXPECT_TRUE(found);
  bool what = false;
  for (const auto& e : j["edges"]) what |= e.value("what", "") == "\"书\", <10> & more\nline";
  EXPECT_TRUE(what);
}

TEST(ExportGraphmlTest, AttributesTheToolsNeed) {
  auto store = MakeTrickyStore();
  TempDir dir;
  std::string path = dir.Sub("g.graphml");
  ASSERT_OK(ExportToPath(*Load(*store), ExportFormat::kGraphml, path));
  std::string xml = testing::ReadFileOrDie(path);
  EXPECT_EQ(xml.find("for=\"graph\""), std::string::npos);
  EXPECT_NE(xml.find("attr.name=\"label\""), std::string::npos);
  EXPECT_NE(xml.find("attr.name=\"weight\" attr.type=\"double\""), std::string::npos);
  EXPECT_NE(xml.find("A&lt;B&gt;&amp;&quot;C&quot; &apos;D&apos;"), std::string::npos);
  EXPECT_NE(xml.find("x,y|a|b"), std::string::npos);

  // The attributes as networkx sees them.
  std::string check =
      "import networkx as nx, sys\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "n = [d for _, d in g.nodes(data=True) if d['name'] == '王建国'][0]\n"
      "assert n['label'] == '王建国' and n['node_label'] == 'Person' and n['aliases'] == '王书记', n\n"
      "e = [d for _, _, d in g.edges(data=True) if d['type'] == 'VISITED' and d['doc'] == "
      "'news/b.txt'][0]\n"
      "assert e['date'] == '2024-11-02' and e['interaction'] == 'VISITED' and e['weight'] == 1.0, e\n"
      "t = [d for _, d in g.nodes(data=True) if d['name'].startswith('A<')][0]\n"
      "assert t['name'] == sys.argv[2], t\n";
  std::string script = dir.Sub("check.py");
  testing::WriteFileOrDie(script, check);
  CommandOutput r = RunCommand(std::string(TUPU_PYTHON) + " '" + script + "' '" + path + "' '" +
                        "A<B>&\"C\" '\\''D'\\'''");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(ExportTest, FormatsByNameAndPath) {
  EXPECT_EQ(ParseExportFormat("graphml"), ExportFormat::kGraphml);
  EXPECT_EQ(ParseExportFormat("GraphML"), std::nullopt);
  EXPECT_EQ(ExportFormatForPath("out/visits.graphml"), ExportFormat::kGraphml);
  EXPECT_EQ(ExportFormatForPath("g.GEXF"), ExportFormat::kGexf);
  EXPECT_EQ(ExportFormatForPath("neo4j/"), ExportFormat::kCsv);
  EXPECT_EQ(ExportFormatForPath("notes.txt"), std::nullopt);
  for (ExportFormat f : {ExportFormat::kJson, ExportFormat::kGraphml, ExportFormat::kGexf,
                         ExportFormat::kDot, ExportFormat::kCsv}) {
    EXPECT_EQ(ParseExportFormat(ExportFormatName(f)), f);
  }
}

TEST(ExportTest, UnwritablePathIsAnErrorAndLeavesNoFile) {
  auto store = testing::MakeSampleStore();
  auto snap = Load(*store);
  Status s = ExportToPath(*snap, ExportFormat::kJson, "/nonexistent-folder/g.json");
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_NE(s.message().find("/nonexistent-folder/g.json"), std::string::npos);
  EXPECT_TRUE(ExportToPath(*snap, ExportFormat::kCsv, "-").IsInvalidArgument());
}

}  // namespace
}  // namespace tupu
