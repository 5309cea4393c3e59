// `tupu export` through the built binary on a database written with the real store: every format,
// `-o -`, the csv folder, filters, and the usage errors (exit code 2, the bad value named).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

#include "common/document.h"
#include "store/graph_store.h"
#include "test_util.h"

namespace tupu {
namespace {

struct TupuRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr
};

TupuRun Tupu(const std::string& args) {
  TupuRun r;
  FILE* pipe = ::popen((std::string(TUPU_BINARY) + " " + args + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// A database with one document: 张伟 VISITED 城建局, 刘芳 ACCOMPANIED 张伟, and its Document node.
void WriteDatabase(const std::string& path) {
  auto store = GraphStore::Open(path, StoreOptions{});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ExtractedDocument doc;
  doc.source_key = "news/visit.txt";
  doc.text = "张伟来到城建局调研,刘芳陪同。";
  doc.sentences = {{0, static_cast<uint32_t>(doc.text.size())}};
  auto entity = [](NodeLabel label, const std::string& name) {
    EntityRecord e;
    e.label = label;
    e.name = name;
    e.mentions = 1;
    return e;
  };
  EntityRecord page = entity(NodeLabel::kDocument, doc.source_key);
  EntityRecord zhang = entity(NodeLabel::kPerson, "张伟");
  EntityRecord liu = entity(NodeLabel::kPerson, "刘芳");
  EntityRecord office = entity(NodeLabel::kOrganization, "城建局");
  doc.entities = {page, zhang, liu, office};
  FactRecord visit;
  visit.type = EdgeType::kVisited;
  visit.src = zhang.key();
  visit.dst = office.key();
  visit.span = {0, 15};
  visit.props = {{"date", "03-02"}};
  FactRecord accompany = visit;
  accompany.type = EdgeType::kAccompanied;
  accompany.src = liu.key();
  accompany.dst = zhang.key();
  accompany.span = {22, 34};
  doc.facts = {visit, accompany};
  auto outcome = (*store)->Ingest(doc);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
}

class ExportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteDatabase(db_); }
  testing::TempDir dir_;
  std::string db_ = dir_.Sub("t.db");
};

TEST_F(ExportCommandTest, JsonToStdout) {
  TupuRun r = Tupu("export --db '" + db_ + "' --format json -o -");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["nodes"].size(), 4u);
  EXPECT_EQ(j["edges"].size(), 2u);
  for (const auto& e : j["edges"]) EXPECT_EQ(e["doc"], "news/visit.txt");
}

TEST_F(ExportCommandTest, EveryFormatToAFile) {
  for (const char* format : {"json", "graphml", "gexf", "dot"}) {
    std::string out = dir_.Sub(std::string("g.") + format);
    TupuRun r = Tupu("export --db '" + db_ + "' --format " + format + " -o '" + out + "'");
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.out;
    EXPECT_NE(r.out.find("4 nodes and 2 edges"), std::string::npos) << r.out;
    EXPECT_NE(testing::ReadFileOrDie(out).find("张伟"), std::string::npos) << format;
  }
  TupuRun csv = Tupu("export --db '" + db_ + "' --format csv -o '" + dir_.Sub("neo4j") + "'");
  ASSERT_EQ(csv.exit_code, 0) << csv.out;
  EXPECT_TRUE(std::filesystem::exists(dir_.Sub("neo4j/nodes.csv")));
  EXPECT_NE(testing::ReadFileOrDie(dir_.Sub("neo4j/edges.csv")).find(":START_ID,:END_ID,:TYPE"),
            std::string::npos);
}

TEST_F(ExportCommandTest, Filters) {
  TupuRun r = Tupu("export --db '" + db_ +
               "' --format json --edge-types VISITED --drop-isolated -o -");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["nodes"].size(), 2u);
  EXPECT_EQ(j["edges"].size(), 1u);
  r = Tupu("export --db '" + db_ + "' --format json --labels Person -o -");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["nodes"].size(), 2u);
  EXPECT_EQ(j["edges"].size(), 1u);  // ACCOMPANIED
}

TEST_F(ExportCommandTest, UsageErrorsNameTheBadValue) {
  TupuRun r = Tupu("export --db '" + db_ + "' --format json --labels Persn -o -");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("Persn"), std::string::npos) << r.out;
  r = Tupu("export --db '" + db_ + "' --format json --edge-types VISTED -o -");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("VISTED"), std::string::npos) << r.out;
  r = Tupu("export --db '" + db_ + "' --format xls -o -");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  r = Tupu("export --db '" + db_ + "' --format csv -o -");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  r = Tupu("export --db '" + dir_.Sub("missing.db") + "' --format json -o -");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("missing.db"))) << "export must not create a db";
}

}  // namespace
}  // namespace tupu
