// The algorithms and exports that run on the Boost.Graph snapshot (snapshot_binding.cc), over the
// sample FakeGraphStore: ranked results from graph/algorithms.h and subgraph():export() in every
// format, read back with the real readers (networkx, igraph, Graphviz) via Debian's /usr/bin/python3.
#include <cstdio>
#include <filesystem>
#include <sys/wait.h>

#include "scripting/lua_test_util.h"

namespace tupu::testing {
namespace {

using SnapshotBindingTest = LuaFixture;

// "nodes edges" as the reader saw them.
std::string ReadBackCounts(const std::string& reader, const std::string& path) {
  std::string script = SourceDir() + "/tests/graph/read_back.py";
  std::string command = std::string(TUPU_PYTHON) + " '" + script + "' " + reader + " '" + path +
                        "' | " + TUPU_PYTHON +
                        " -c 'import json,sys; j=json.load(sys.stdin); print(j[\"nodes\"], j[\"edges\"])'";
  CommandOutput r = RunCommand(command);
  EXPECT_EQ(r.exit_code, 0) << reader << ": " << r.out;
  return r.out;
}

TEST_F(SnapshotBindingTest, DegreeCountsChosenEdgesOnly) {
  EXPECT_EQ(Run("local d = g:degree{edges={'VISITED'}, direction='in'} print(#d, d[1].name, d[1].degree, d:get('西湖'))"),
            "5\t科技园\t2\t1\n");
  // Nodes no VISITED edge touches are not ranked (the graph of those edges, as networkx builds it).
  EXPECT_EQ(Run("print(g:degree{edges={'VISITED'}}:get('高新区管委会'))"), "nil\n");
}

TEST_F(SnapshotBindingTest, PageRankSumsToOneAndWeighs) {
  EXPECT_EQ(Run("local r = g:pagerank{edges={'CO_MENTIONED', 'ACCOMPANIED'}, weight='weight'} local s = 0\n"
                "for _, row in ipairs(r) do s = s + row.pagerank end print(string.format('%.6f', s), #r)"),
            "1.000000\t2\n");
  EXPECT_NE(RunError("g:pagerank{weight='title'}").find("pagerank: expected weight = \"weight\""),
            std::string::npos);
  EXPECT_NE(RunError("g:pagerank{iterations=0}").find("iterations"), std::string::npos);
}

TEST_F(SnapshotBindingTest, BetweennessNormalizedOnRequest) {
  // VISITED: 王明 -> 科技园, 第一中学; 李华 -> 科技园, 西湖. 科技园 is on every 王明/李华 path.
  EXPECT_EQ(Run("local b = g:betweenness{edges={'VISITED'}} print(b[1].name, b[1].betweenness)"),
            "科技园\t4.0\n");
  EXPECT_EQ(Run("local b = g:betweenness{edges={'VISITED'}, normalized=true} print(string.format('%.4f', b[1].betweenness))"),
            "0.6667\n");
}

TEST_F(SnapshotBindingTest, ComponentsAndShortestPath) {
  EXPECT_EQ(Run("local c = g:components{edges={'HOLDS_POSITION', 'VISITED'}} print(#c, c[1].size)"),
            "1\t6\n");
  EXPECT_EQ(Run("local p = g:shortest_path('王明', '西湖', {edges={'VISITED'}}) print(#p:nodes(), #p:edges(), p:edges()[1].type)"),
            "4\t3\tVISITED\n");
  EXPECT_EQ(Run("print(g:shortest_path('王明', '西湖', {edges={'VISITED'}, direction='out'}))"), "nil\n");
  EXPECT_EQ(Run("print(tostring(g:shortest_path('王明', '王明')))"), "王明\n");
  // Path edges are full edges: evidence works on them.
  EXPECT_EQ(Run("print(g:shortest_path('李华', '王明', {edges={'ACCOMPANIED'}}):edges()[1]:evidence().text)"),
            "李华陪同。\n");
}

TEST_F(SnapshotBindingTest, ExportEveryFormatReadsBack) {
  TempDir dir;
  struct Case {
    const char* file;
    const char* reader;
  };
  for (const Case& c : {Case{"v.graphml", "graphml-networkx"}, Case{"v.xml", "graphml-igraph"},
                        Case{"v.gexf", "gexf-networkx"}, Case{"v.dot", "dot"}, Case{"v.csv", "csv"}}) {
    std::string path = dir.Sub(c.file);
    Run("g:E('VISITED'):subgraph():export('" + path + "')");
    EXPECT_EQ(ReadBackCounts(c.reader, path), "5 4\n") << c.file;
  }
  std::string json_path = dir.Sub("v.json");
  Run("g:E('VISITED', 'ACCOMPANIED'):subgraph():export('" + json_path + "')");
  CommandOutput r = RunCommand(
      std::string(TUPU_PYTHON) + " -c 'import json,sys; j=json.load(open(sys.argv[1])); "
                                 "print(len(j[\"nodes\"]), len(j[\"edges\"]))' '" + json_path + "'");
  const std::string& counts = r.out;
  EXPECT_EQ(r.exit_code, 0) << counts;
  EXPECT_EQ(counts, "5 5\n");
  // An explicit format wins over the extension.
  std::string odd = dir.Sub("visits.out");
  Run("g:E('VISITED'):subgraph():export('" + odd + "', 'gexf')");
  EXPECT_EQ(ReadBackCounts("gexf-networkx", odd), "5 4\n");
  EXPECT_NE(RunError("g:E('VISITED'):subgraph():export('" + dir.Sub("x.txt") + "')")
                .find("export: cannot tell the format"),
            std::string::npos);
  EXPECT_NE(RunError("g:E('VISITED'):subgraph():export('x.graphml', 'png')").find("unknown format \"png\""),
            std::string::npos);
}

}  // namespace
}  // namespace tupu::testing
