// n:annotate / n:annotations / g:V{note=} through a LuaRuntime over a real RocksDB store: a runtime
// opened for writing (tupu run --write) annotates and its next queries and exports see the note;
// a read-only runtime refuses with an error that says to use --write; bad arguments name the step.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/document.h"
#include "scripting/lua_runtime.h"
#include "scripting/store_provider.h"
#include "lua_test_util.h"
#include "store/graph_store.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::LuaRunner;
using testing::MakeEntity;
using testing::MakeFact;
using testing::TempDir;

// "<person>来到<office>调研。": a Document node, the person, the office; VISITED and MENTIONED_IN.
ExtractedDocument Visit(const std::string& key, const std::string& person,
                        const std::string& office) {
  ExtractedDocument doc;
  doc.source_key = key;
  doc.origin = key;
  doc.text = person + "来到" + office + "调研。";
  doc.sentences = {{0, static_cast<uint32_t>(doc.text.size())}};
  EntityRecord page = MakeEntity(NodeLabel::kDocument, key);
  EntityRecord who = MakeEntity(NodeLabel::kPerson, person);
  EntityRecord org = MakeEntity(NodeLabel::kOrganization, office);
  doc.entities = {page, who, org};
  const TextSpan all{0, static_cast<uint32_t>(doc.text.size())};
  doc.facts = {MakeFact(EdgeType::kVisited, who, org, all),
               MakeFact(EdgeType::kMentionedIn, who, page, all)};
  return doc;
}

class AnnotationBindingTest : public LuaRunner {
 protected:
  void SetUp() override {
    auto store = GraphStore::Open(db_path(), StoreOptions{});
    ASSERT_OK(store.status());
    ASSERT_OK((*store)->Ingest(Visit("news/1.txt", "王建国", "城建局")));
    ASSERT_OK((*store)->Ingest(Visit("news/2.txt", "李明", "城建局")));
  }
  std::string db_path() const { return dir_.Sub("g.db"); }

  void MakeRuntime(bool write, RuntimeOptions options = {}) {
    runtime_.reset();
    StoreProviders stores = StoreProvidersFor(db_path(), write, /*wait_for_lock=*/false);
    UseRuntime(LuaRuntime::Create(options, std::move(stores.read), std::move(stores.write)));
  }
  Properties StoredNotes(const std::string& person) {
    StoreOptions options;
    options.read_only = true;
    auto store = GraphStore::Open(db_path(), options);
    EXPECT_OK(store.status());
    if (!store.ok()) return {};
    auto notes = (*store)->Annotations(MakeNodeId(NodeLabel::kPerson, person));
    EXPECT_OK(notes.status());
    return notes.ok() ? *notes : Properties{};
  }

  TempDir dir_;
};

TEST_F(AnnotationBindingTest, WriteThenQueryAndExportSeeTheNote) {
  MakeRuntime(/*write=*/true);
  EXPECT_EQ(Run("print(g:V{note='watch'}:count())"), "0\n");  // the snapshot is loaded here
  Run("local v = g:V{name='王建国'}:first()\n"
      "assert(v:annotate('watch', '跟进城建局') == v)\n"
      "print(v['note.watch'], v.props['note.watch'], v:get('note.watch'))");
  EXPECT_EQ(output_, "跟进城建局\t跟进城建局\t跟进城建局\n");
  // Queries after the write: the V source, has() through the merged properties, and nodes reached
  // by a walk.
  EXPECT_EQ(Run("print(g:V{note='watch'}:values('name'):first())"), "王建国\n");
  EXPECT_EQ(Run("print(g:V{label='Person'}:has('note.watch'):count())"), "1\n");
  EXPECT_EQ(Run("print(g:V{note=true}:count(), g:V{note='other'}:count())"), "1\t0\n");
  EXPECT_EQ(Run("print(g:V{name='城建局'}:in_('VISITED')"
                ":has('note.watch', P.contains('城建')):count())"),
            "1\n");
  // The snapshot itself was reloaded: an export written after the write carries the note.
  std::string path = dir_.Sub("visits.graphml");
  Run("g:E('VISITED'):subgraph():export('" + path + "')");
  EXPECT_NE(testing::ReadFileOrDie(path).find("跟进城建局"), std::string::npos);

  // n:annotations() reads the store; numbers are kept as text; nil removes.
  EXPECT_EQ(Run("local v = g:V{name='王建国'}:first()\n"
                "v:annotate('score', 3)\n"
                "local a = v:annotations()\n"
                "print(a.watch, a.score, type(a.score))"),
            "跟进城建局\t3\tstring\n");
  Run("g:V{name='王建国'}:first():annotate('watch', nil)");
  EXPECT_EQ(Run("local v = g:V{name='王建国'}:first()\n"
                "print(v['note.watch'], v:annotations().watch, g:V{note='watch'}:count(), "
                "g:V{note='score'}:count())"),
            "nil\tnil\t0\t1\n");
  runtime_.reset();  // releases the writer lock
  EXPECT_EQ(StoredNotes("王建国"), (Properties{{"score", "3"}}));
}

TEST_F(AnnotationBindingTest, ManyWritesFromAWalkWithoutReadingBetween) {
  MakeRuntime(/*write=*/true);
  // Nodes reached by a walk are filled lazily; annotating them must not need their fields.
  Run("local people = g:V{name='城建局'}:in_('VISITED'):list()\n"
      "for i, p in ipairs(people) do p:annotate('seen', tostring(i)) end");
  EXPECT_EQ(Run("print(g:V{note='seen'}:count())"), "2\n");
  runtime_.reset();
  EXPECT_EQ(StoredNotes("李明").size(), 1u);
  EXPECT_EQ(StoredNotes("王建国").size(), 1u);
}

TEST_F(AnnotationBindingTest, ReadOnlyRuntimeRefusesAndSaysToUseWrite) {
  MakeRuntime(/*write=*/false);
  std::string error = RunError("g:V{name='王建国'}:first():annotate('watch', '1')");
  EXPECT_NE(error.find("test:1:"), std::string::npos) << error;  // the user's line
  EXPECT_NE(error.find("annotate"), std::string::npos) << error;
  EXPECT_NE(error.find("--write"), std::string::npos) << error;
  // Reading annotations needs no --write.
  EXPECT_EQ(Run("print(next(g:V{name='王建国'}:first():annotations()))"), "nil\n");
  EXPECT_TRUE(StoredNotes("王建国").empty());
}

TEST_F(AnnotationBindingTest, BadArgumentsNameTheStep) {
  MakeRuntime(/*write=*/true);
  const std::string wang = "g:V{name='王建国'}:first()";
  EXPECT_NE(RunError(wang + ":annotate(1, 'x')").find("annotate: expected a key"),
            std::string::npos);
  EXPECT_NE(RunError(wang + ":annotate('k', {})").find("annotate: expected a value"),
            std::string::npos);
  EXPECT_NE(RunError("g:V{name='王建国'}:first():annotate('a\\nb', 'x')").find("annotation key"),
            std::string::npos);
  EXPECT_NE(RunError("g:V{note=5}").find("V: expected note ="), std::string::npos);
}

TEST_F(AnnotationBindingTest, SandboxAndWriteTogether) {
  // The sandbox limits the language (no io/os), not the data: annotations still work.
  RuntimeOptions sandbox;
  sandbox.sandbox = true;
  MakeRuntime(/*write=*/true, sandbox);
  EXPECT_EQ(Run("print(io == nil, os == nil)"), "true\ttrue\n");
  Run("g:V{name='李明'}:first():annotate('watch', 'x')");
  runtime_.reset();
  EXPECT_EQ(StoredNotes("李明"), (Properties{{"watch", "x"}}));
}

TEST_F(AnnotationBindingTest, WriterOpenFailsWhileAnotherWriterHoldsTheDatabase) {
  auto other = GraphStore::Open(db_path(), StoreOptions{});  // the writer (this process)
  ASSERT_OK(other.status());
  MakeRuntime(/*write=*/true);
  std::string error = RunError("print(g:V{}:count())");
  EXPECT_NE(error.find("cannot open the database"), std::string::npos) << error;
  EXPECT_NE(error.find("being written by process"), std::string::npos) << error;
  // Without --write the same script reads beside the writer.
  MakeRuntime(/*write=*/false);
  EXPECT_EQ(Run("print(g:V{label='Person'}:count())"), "2\n");
}

}  // namespace
}  // namespace tupu
