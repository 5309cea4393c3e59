// Unit tests of person names the genre writes without a Han surname or with a separator, on
// made-up sentences: names after a title (巴特尔-like Mongolian names, dotted Uyghur names), and
// that the usual words after a title are still no names.
#include <gtest/gtest.h>

#include "extract/domain_text.h"
#include "extract/domain_title_chain.h"
#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using testing::ExtractText;
using testing::FindFacts;
using testing::HasEntity;

std::vector<std::string> TitledNames(const std::string& text) {
  const std::u32string s = domain::ToU32(text);
  std::vector<std::string> out;
  for (const auto& t : domain::FindTitledNames(s))
    out.push_back(domain::ToUtf8(s.substr(t.name_begin, t.name_end - t.name_begin)));
  return out;
}

TEST(DomainNames, NamesWithoutAHanSurnameAfterATitle) {
  EXPECT_EQ(TitledNames("旗人大常委会副主任敖其尔先后到白音镇调研。"), std::vector<std::string>{"敖其尔"});
  EXPECT_EQ(TitledNames("旗政府副旗长苏和陪同调研。"), std::vector<std::string>{"苏和"});
  EXPECT_EQ(TitledNames("自治区人大常委会副主任艾尔肯·吐尼亚孜率视察组调研。"),
            std::vector<std::string>{"艾尔肯·吐尼亚孜"});
}

TEST(DomainNames, UnsurnamedNamesBecomePersonsWithPositions) {
  auto d = ExtractText("5月10日,旗人大常委会副主任敖其尔先后到白音镇调研。旗政府副旗长苏和陪同调研。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "敖其尔"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "苏和"));
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "苏和", "敖其尔").size(), 1u);
}

TEST(DomainNames, NamesSpacedForWidthAreJoined) {
  auto d = ExtractText("区人大常委会副主任林  青、罗远出席会议。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "林青"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "罗远"));
  EXPECT_FALSE(HasEntity(d, NodeLabel::kPerson, "林  青"));
}

TEST(DomainNames, CreditsAndNamesBeforeAHeadsTitle) {
  // A credit in brackets opening its own sentence, a glued five-character role, and a full name
  // before 省长 (which also gives the province's government).
  auto d = ExtractText("会议要求抓好落实。(罗青远)\n本网消息(全媒体记者柯林)近日,根据沈川平省长批示精神,全省开展检查。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "罗青远"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "柯林"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "沈川平"));
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "沈川平", "").size(), 1u);
}

TEST(DomainNames, WordsAfterATitleAreNotNames) {
  EXPECT_TRUE(TitledNames("县委书记主持召开会议。").empty());
  EXPECT_TRUE(TitledNames("各位主任,大家好。").empty());
}

}  // namespace
}  // namespace tupu
