// The bad inputs of the domain-layer issue: no Chinese, a title with no name, a name-like string
// at a line end, an impossible date, a chain of 50 titles, a 10,000-item 、 list, invalid UTF-8.
// Each must give sane output (no crash, bounded work, no invented facts).
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using testing::CountLabel;
using testing::ExtractText;
using testing::FindFacts;
using testing::HasEntity;

TEST(DomainBadInput, NoChinese) {
  auto d = ExtractText("Hello world.\nThe mayor visited the plant on 12/3. 12345 !!!\n");
  EXPECT_EQ(CountLabel(d, NodeLabel::kPerson), 0);
  EXPECT_EQ(CountLabel(d, NodeLabel::kOrganization), 0);
  EXPECT_EQ(CountLabel(d, NodeLabel::kDocument), 1);
  EXPECT_FALSE(d.sentences.empty());
}

TEST(DomainBadInput, EmptyText) {
  auto d = ExtractText("");
  EXPECT_EQ(d.entities.size(), 1u);  // the Document node
  EXPECT_TRUE(d.sentences.empty());
}

TEST(DomainBadInput, TitleWithNoNameAfterIt) {
  auto d = ExtractText("会议由管委会副主任主持。党工委书记。\n");
  EXPECT_EQ(CountLabel(d, NodeLabel::kPerson), 0);
  EXPECT_TRUE(FindFacts(d, EdgeType::kHoldsPosition, "", "").empty());
}

TEST(DomainBadInput, NameLikeStringAtALineEnd) {
  auto d = ExtractText("东风村党支部书记\n\n刘\n");
  EXPECT_EQ(CountLabel(d, NodeLabel::kPerson), 0);
}

TEST(DomainBadInput, ImpossibleDate) {
  auto d = ExtractText("2月30日,县委书记陈立新到李家村调研。");
  auto v = FindFacts(d, EdgeType::kVisited, "陈立新", "李家村");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(testing::Prop(v[0], "date"), "");  // no date rather than a wrong one
}

TEST(DomainBadInput, FiftyTitleChain) {
  std::string text = "东湖区";
  for (int i = 0; i < 49; ++i) text += "党工委副书记、";
  text += "管委会主任赵立群到桃源办事处调研。";
  auto d = ExtractText(text);
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "赵立群"));
  auto held = FindFacts(d, EdgeType::kHoldsPosition, "赵立群", "");
  EXPECT_GE(held.size(), 1u);
  EXPECT_LE(held.size(), 16u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "赵立群", "桃源办事处").size(), 1u);
}

TEST(DomainBadInput, TenThousandItemList) {
  // Made-up village names from two character pools: 10,000 distinct items.
  const std::u32string a = U"东西南北上下前后左右中新老大小金银铜铁石木水火土山河湖海林田花草竹松柏梅兰菊";
  const std::u32string b = U"庄湾坡岭沟店桥塘岗营寨堡屯集坪洼滩坝园港";
  std::string text = "9月1日,县委书记陈立新到";
  int n = 0;
  for (size_t i = 0; i < a.size() && n < 10000; ++i)
    for (size_t j = 0; j < a.size() && n < 10000; ++j)
      for (size_t k = 0; k < b.size() && n < 10000; ++k, ++n) {
        if (n) text += "、";
        std::u32string item{a[i], a[j], b[k], U'村'};
        for (char32_t c : item) {
          std::string utf8;
          // Minimal UTF-8 encoding (all BMP).
          if (c < 0x800) {
            utf8 += static_cast<char>(0xC0 | (c >> 6));
            utf8 += static_cast<char>(0x80 | (c & 0x3F));
          } else {
            utf8 += static_cast<char>(0xE0 | (c >> 12));
            utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            utf8 += static_cast<char>(0x80 | (c & 0x3F));
          }
          text += utf8;
        }
      }
  text += "调研。";
  auto d = ExtractText(text);
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "陈立新"));
  // Long sentences are cut, so only the first piece is read as the visit list; what matters is
  // that the output stays proportional and no pair explosion happens in co-mentions.
  const auto visits = FindFacts(d, EdgeType::kVisited, "陈立新", "");
  EXPECT_GE(visits.size(), 1u);
  EXPECT_LE(visits.size(), 10000u);
  EXPECT_LT(d.facts.size(), 200000u);
}

TEST(DomainBadInput, InvalidUtf8IsRefusedWithAReason) {
  Extractor extractor(nullptr);
  SourceDocument doc;
  doc.source_key = "bad.txt";
  doc.origin = "bad.txt";
  doc.text = std::string("县委书记\xff\xfe陈立新", 16);
  auto r = extractor.Extract(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsInvalidArgument());
  EXPECT_NE(r.status().message().find("bad.txt"), std::string::npos);
}

}  // namespace
}  // namespace tupu
