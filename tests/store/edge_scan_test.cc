// Tests of GraphStore::ScanEdges on RocksDB (the snapshot loader's fast scan) and of the property
// codec it hands out: same edges, order and evidence as ForEachEdge, batches larger than one
// buffer, early stop, and Corruption for a damaged value.
#include <string>
#include <vector>

#include "store/graph_store.h"
#include "store/raw_edit.h"
#include "store/store_keys.h"
#include "store/value_codec.h"
#include "store_test_util.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::Entity;
using testing::Fact;
using testing::TempDir;

// A document whose `n` facts all differ by span: n VISITED edges from one person to one office,
// dated over a few days so that property sets repeat.
ExtractedDocument ManyVisits(const std::string& source_key, int n) {
  ExtractedDocument doc;
  doc.source_key = source_key;
  doc.origin = source_key;
  for (int i = 0; i < n; ++i) doc.text += "王建国来到城建局调研。";
  doc.sentences.push_back({0, static_cast<uint32_t>(doc.text.size())});
  EntityRecord wang = Entity(NodeLabel::kPerson, "王建国", 1);
  EntityRecord bureau = Entity(NodeLabel::kOrganization, "城建局", 1, "government");
  doc.entities = {wang, bureau};
  const uint32_t step = static_cast<uint32_t>(std::string("王建国来到城建局调研。").size());
  for (int i = 0; i < n; ++i) {
    FactRecord f = Fact(EdgeType::kVisited, wang, bureau, doc.text, "王建国", 0);
    f.span = {static_cast<uint32_t>(i) * step, static_cast<uint32_t>(i) * step + 9};
    SetProperty(&f.props, "date", "2024-10-" + std::to_string(10 + i % 5));
    if (i % 2 == 0) SetProperty(&f.props, "time", "上午");
    doc.facts.push_back(std::move(f));
  }
  return doc;
}

class EdgeScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = GraphStore::Open(dir_.Sub("db"), StoreOptions{});
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
  }

  struct Scanned {
    StoredEdge edge;
    size_t batch = 0;
  };
  std::vector<Scanned> ScanAll(size_t stop_after = SIZE_MAX) {
    std::vector<Scanned> out;
    size_t batches = 0;
    auto on_batch = [&](const EdgeView* views, size_t count) {
      EXPECT_GE(count, 1u);
      ++batches;
      for (size_t i = 0; i < count; ++i) {
        Scanned s;
        s.batch = batches;
        s.edge.id = views[i].id;
        s.edge.src = views[i].src;
        s.edge.dst = views[i].dst;
        s.edge.type = views[i].type;
        s.edge.doc = views[i].doc;
        s.edge.sentence = views[i].sentence;
        s.edge.span = views[i].span;
        auto props = DecodeProperties(views[i].encoded_props);
        EXPECT_OK(props);
        if (props.ok()) s.edge.props = *props;
        out.push_back(std::move(s));
      }
      return out.size() < stop_after;
    };
    EXPECT_OK(ScanEdgeBatches(*store_, on_batch));
    return out;
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(EdgeScanTest, SameEdgesAndOrderAsForEachEdge) {
  ASSERT_OK(store_->Ingest(testing::VisitReport("news/a.txt")));
  ASSERT_OK(store_->Ingest(testing::MeetingReport("news/b.txt")));
  ASSERT_OK(store_->Ingest(ManyVisits("news/many.txt", 9000)));  // more than one batch
  std::vector<StoredEdge> expected;
  ASSERT_OK(store_->ForEachEdge([&](const StoredEdge& e) {
    expected.push_back(e);
    return true;
  }));
  ASSERT_GT(expected.size(), 9000u);

  std::vector<Scanned> scanned = ScanAll();
  ASSERT_EQ(scanned.size(), expected.size());
  EXPECT_GT(scanned.back().batch, 1u);
  for (size_t i = 0; i < expected.size(); ++i) {
    const StoredEdge& a = expected[i];
    const StoredEdge& b = scanned[i].edge;
    ASSERT_EQ(a.id, b.id) << i;
    EXPECT_EQ(a.src, b.src);
    EXPECT_EQ(a.dst, b.dst);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.doc, b.doc);
    EXPECT_EQ(a.sentence, b.sentence);
    EXPECT_EQ(a.span, b.span);
    EXPECT_EQ(a.props, b.props) << i;
  }
}

TEST_F(EdgeScanTest, StopsWhenTheCallbackSaysSo) {
  ASSERT_OK(store_->Ingest(ManyVisits("news/many.txt", 9000)));
  std::vector<Scanned> scanned = ScanAll(/*stop_after=*/1);
  ASSERT_FALSE(scanned.empty());
  EXPECT_LT(scanned.size(), 9000u);     // stopped ...
  EXPECT_EQ(scanned.back().batch, 1u);  // ... after the first batch
}

TEST_F(EdgeScanTest, EmptyStoreCallsNothing) {
  EXPECT_TRUE(ScanAll().empty());
}

TEST_F(EdgeScanTest, DamagedValueIsCorruption) {
  ASSERT_OK(store_->Ingest(testing::VisitReport("news/a.txt")));
  store_keys::EdgeKeyParts first;
  ASSERT_OK(store_->ForEachEdge([&](const StoredEdge& e) {
    first = {e.src, e.type, e.dst, e.id};
    return false;
  }));
  store_.reset();
  ASSERT_OK(WriteRawForTesting(dir_.Sub("db"), "out", store_keys::OutKey(first),
                               std::string("\x01\x02", 2)));
  auto opened = GraphStore::Open(dir_.Sub("db"), StoreOptions{});
  ASSERT_OK(opened);
  store_ = std::move(opened).value();
  auto on_batch = [](const EdgeView*, size_t) { return true; };
  Status s = ScanEdgeBatches(*store_, on_batch);
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
}

TEST_F(EdgeScanTest, NodeScanMatchesForEachNode) {
  ASSERT_OK(store_->Ingest(testing::VisitReport("news/a.txt")));
  ASSERT_OK(store_->Ingest(testing::MeetingReport("news/b.txt")));  // an alias added to 王建国
  std::vector<StoredNode> expected;
  ASSERT_OK(store_->ForEachNode([&](const StoredNode& n) {
    expected.push_back(n);
    return true;
  }));
  std::vector<StoredNode> scanned;
  auto on_batch = [&](const NodeView* views, size_t count) {
    for (size_t i = 0; i < count; ++i) {
      StoredNode n;
      n.id = views[i].id;
      n.label = views[i].label;
      n.name = views[i].name;
      n.kind = views[i].kind;
      n.mentions = views[i].mentions;
      auto aliases = DecodeAliases(views[i].encoded_aliases);
      auto props = DecodeProperties(views[i].encoded_props);
      EXPECT_OK(aliases);
      EXPECT_OK(props);
      if (aliases.ok()) n.aliases = *aliases;
      if (props.ok()) n.props = *props;
      scanned.push_back(std::move(n));
    }
    return true;
  };
  ASSERT_OK(ScanNodeBatches(*store_, on_batch));
  ASSERT_EQ(scanned.size(), expected.size());
  bool some_alias = false, some_props = false;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(scanned[i].id, expected[i].id);
    EXPECT_EQ(scanned[i].label, expected[i].label);
    EXPECT_EQ(scanned[i].name, expected[i].name);
    EXPECT_EQ(scanned[i].kind, expected[i].kind);
    EXPECT_EQ(scanned[i].mentions, expected[i].mentions);
    EXPECT_EQ(scanned[i].aliases, expected[i].aliases) << expected[i].name;
    EXPECT_EQ(scanned[i].props, expected[i].props) << expected[i].name;
    some_alias |= !expected[i].aliases.empty();
    some_props |= !expected[i].props.empty();
  }
  EXPECT_TRUE(some_alias && some_props);  // the comparison saw both kinds of encoded bytes

  // A damaged node value stops the scan with Corruption.
  store_.reset();
  ASSERT_OK(WriteRawForTesting(dir_.Sub("db"), "nodes", store_keys::IdKey(expected[0].id),
                               std::string("\x01\x01\x09" "ab", 5)));
  auto opened = GraphStore::Open(dir_.Sub("db"), StoreOptions{});
  ASSERT_OK(opened);
  store_ = std::move(opened).value();
  auto ignore = [](const NodeView*, size_t) { return true; };
  Status s = ScanNodeBatches(*store_, ignore);
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
}

TEST(PropertyCodecTest, AliasesRoundTrip) {
  std::vector<std::string> aliases = {"王书记", "王建国同志"};
  auto decoded = DecodeAliases(EncodeAliases(aliases));
  ASSERT_OK(decoded);
  EXPECT_EQ(*decoded, aliases);
  EXPECT_EQ(EncodeAliases({}), std::string(1, '\0'));  // what the loader's fast path expects
  EXPECT_FALSE(DecodeAliases(EncodeAliases(aliases).substr(0, 5)).ok());
}

TEST(PropertyCodecTest, RoundTripsAndRejectsDamage) {
  Properties props = {{"date", "2024-10-30"}, {"title", "副区长"}};
  std::string bytes = EncodeProperties(props);
  auto decoded = DecodeProperties(bytes);
  ASSERT_OK(decoded);
  EXPECT_EQ(*decoded, props);
  EXPECT_EQ(EncodeProperties(props), bytes);  // equal sets, equal bytes (what interning keys on)
  auto empty = DecodeProperties(EncodeProperties({}));
  ASSERT_OK(empty);
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(DecodeProperties(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(DecodeProperties(bytes + "x").ok());

  EdgeValue value;
  value.doc = 42;
  value.sentence = 3;
  value.span = {5, 17};
  value.props = props;
  std::string encoded = EncodeEdge(value);
  EdgeView view;
  ASSERT_OK(ParseEdgeValue(encoded, &view));
  EXPECT_EQ(view.doc, 42u);
  EXPECT_EQ(view.sentence, 3u);
  EXPECT_EQ(view.span, (TextSpan{5, 17}));
  EXPECT_EQ(view.encoded_props, bytes);
  EXPECT_FALSE(ParseEdgeValue(encoded.substr(0, 4), &view).ok());
}

}  // namespace
}  // namespace tupu
