// Tests of the store's value encoding: round trips of real values, and corrupt bytes (truncated,
// wrong version, trailing, random flips) always give Corruption and never crash.
#include "store/value_codec.h"

#include <random>

#include "store/store_keys.h"
#include "store_test_util.h"

namespace tupu {
namespace {

class ValueCodecTest : public ::testing::Test {
 protected:
  NodeValue SampleNode() const {
    NodeValue v;
    v.node.label = NodeLabel::kPerson;
    v.node.name = "王建国";
    v.node.aliases = {"王区长", "王建国同志"};
    v.node.kind = "";
    v.node.mentions = 7;
    v.node.props = {{"title", "区长"}};
    v.documents = 3;
    return v;
  }
  EdgeValue SampleEdge() const {
    return EdgeValue{0x0123456789abcdefULL, 4, {12, 40}, {{"date", "2024-10-30"}, {"time", "上午"}}};
  }
  StoredDocument SampleDocument() const {
    StoredDocument d;
    d.source_key = "news/2024/visit.txt";
    d.origin = "news/2024/visit.txt";
    d.title = "区领导到城建局调研";
    d.date = "2024-10-30";
    d.byline = "记者 某某";
    d.text = "东湖区区长王建国来到城建局调研。";
    d.content_hash = Hash64(d.text);
    d.sentences = {{0, static_cast<uint32_t>(d.text.size())}};
    return d;
  }
};

TEST_F(ValueCodecTest, NodeRoundTrip) {
  auto decoded = DecodeNode(EncodeNode(SampleNode()));
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->node.name, "王建国");
  EXPECT_EQ(decoded->node.aliases, (std::vector<std::string>{"王区长", "王建国同志"}));
  EXPECT_EQ(decoded->node.label, NodeLabel::kPerson);
  EXPECT_EQ(decoded->node.mentions, 7u);
  EXPECT_EQ(decoded->documents, 3u);
  EXPECT_EQ(decoded->node.props, (Properties{{"title", "区长"}}));
}

TEST_F(ValueCodecTest, EdgeRoundTrip) {
  auto decoded = DecodeEdge(EncodeEdge(SampleEdge()));
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->doc, 0x0123456789abcdefULL);
  EXPECT_EQ(decoded->sentence, 4u);
  EXPECT_EQ(decoded->span, (TextSpan{12, 40}));
  EXPECT_EQ(decoded->props.size(), 2u);
  EXPECT_EQ(*FindProperty(decoded->props, "time"), "上午");
}

TEST_F(ValueCodecTest, DocumentRoundTrip) {
  StoredDocument d = SampleDocument();
  auto decoded = DecodeDocument(EncodeDocument(d));
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->text, d.text);
  EXPECT_EQ(decoded->byline, "记者 某某");
  EXPECT_EQ(decoded->content_hash, d.content_hash);
  EXPECT_EQ(decoded->sentences, d.sentences);
}

TEST_F(ValueCodecTest, EveryTruncationIsCorruption) {
  const std::string node = EncodeNode(SampleNode());
  const std::string edge = EncodeEdge(SampleEdge());
  const std::string doc = EncodeDocument(SampleDocument());
  for (size_t n = 0; n < node.size(); ++n) {
    EXPECT_TRUE(DecodeNode(node.substr(0, n)).status().IsCorruption()) << n;
  }
  for (size_t n = 0; n < edge.size(); ++n) {
    EXPECT_TRUE(DecodeEdge(edge.substr(0, n)).status().IsCorruption()) << n;
  }
  for (size_t n = 0; n < doc.size(); ++n) {
    EXPECT_TRUE(DecodeDocument(doc.substr(0, n)).status().IsCorruption()) << n;
  }
}

TEST_F(ValueCodecTest, WrongVersionAndTrailingBytesAreCorruption) {
  std::string node = EncodeNode(SampleNode());
  node[0] = 2;
  auto bad_version = DecodeNode(node);
  ASSERT_TRUE(bad_version.status().IsCorruption());
  EXPECT_NE(bad_version.status().message().find("tupu check"), std::string::npos);
  EXPECT_TRUE(DecodeEdge(EncodeEdge(SampleEdge()) + "x").status().IsCorruption());
  EXPECT_TRUE(DecodeDocument(EncodeDocument(SampleDocument()) + "x").status().IsCorruption());
}

TEST_F(ValueCodecTest, HugeLengthsAreCorruptionNotAllocation) {
  // version, label, then a string length of 2^63: must be refused before allocating.
  std::string node = {1, 1};
  for (int i = 0; i < 9; ++i) node.push_back(static_cast<char>(0xff));
  node.push_back(0x7f);
  EXPECT_TRUE(DecodeNode(node).status().IsCorruption());
  // A varint longer than ten bytes.
  std::string edge(1, 1);
  edge += std::string(8, 'x') + std::string(12, static_cast<char>(0x80));
  EXPECT_TRUE(DecodeEdge(edge).status().IsCorruption());
}

TEST_F(ValueCodecTest, RandomByteFlipsNeverCrash) {
  std::mt19937 rng(20241030);
  const std::string inputs[] = {EncodeNode(SampleNode()), EncodeEdge(SampleEdge()),
                                EncodeDocument(SampleDocument())};
  size_t refused = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = inputs[round % 3];
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    // Whatever the outcome, it is a value or Corruption.
    auto n = DecodeNode(bytes);
    auto e = DecodeEdge(bytes);
    auto d = DecodeDocument(bytes);
    for (const Status* s : {&n.status(), &e.status(), &d.status()}) {
      if (!s->ok()) {
        EXPECT_TRUE(s->IsCorruption()) << s->ToString();
        ++refused;
      }
    }
  }
  EXPECT_GT(refused, 3000u);  // most mutations are caught (each input fails 2 of 3 decoders)
}

TEST(StoreKeysTest, EdgeKeysAreBigEndianAndRoundTrip) {
  store_keys::EdgeKeyParts e{0x0102030405060708ULL, EdgeType::kVisited, 0xa1a2a3a4a5a6a7a8ULL, 42};
  std::string out = store_keys::OutKey(e);
  ASSERT_EQ(out.size(), store_keys::kEdgeKeySize);
  EXPECT_EQ(static_cast<unsigned char>(out[0]), 0x01);
  EXPECT_EQ(static_cast<unsigned char>(out[7]), 0x08);
  EXPECT_EQ(static_cast<unsigned char>(out[9]), 2);  // VISITED, low byte of the type
  auto back = store_keys::ParseOutKey(out);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->src, e.src);
  EXPECT_EQ(back->dst, e.dst);
  EXPECT_EQ(back->fact, 42u);
  auto twin = store_keys::ParseInKey(store_keys::InKey(e));
  ASSERT_TRUE(twin.has_value());
  EXPECT_EQ(twin->src, e.src);
  EXPECT_EQ(twin->dst, e.dst);
  EXPECT_FALSE(store_keys::ParseOutKey("short").has_value());
  // Big-endian ids sort numerically.
  EXPECT_LT(store_keys::IdKey(255), store_keys::IdKey(256));
}

TEST(StoreKeysTest, NameKeysRoundTrip) {
  std::string key = store_keys::NameKey(NodeLabel::kOrganization, "城建局", 77);
  auto parts = store_keys::ParseNameKey(key);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->label, NodeLabel::kOrganization);
  EXPECT_EQ(parts->name, "城建局");
  EXPECT_EQ(parts->node, 77u);
  EXPECT_FALSE(store_keys::ParseNameKey("x").has_value());
}

}  // namespace
}  // namespace tupu
