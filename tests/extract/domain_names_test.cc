// Unit tests of person names the genre writes without a Han surname or with a separator, on
// made-up sentences: names after a title (巴特尔-like Mongolian names, dotted Uyghur names), and
// that the usual words after a title are still no names.
#include <gtest/gtest.h>

#include "extract/domain_person_names.h"
#include "extract/domain_text.h"
#include "extract/domain_title_chain.h"
#include "extract/extractor_test_util.h"
#include "extract/lac_tagger.h"

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
  // A frequent word after a title is the sentence going on (common_words.txt), not a name
  // without a surname.
  EXPECT_TRUE(TitledNames("学院副院长结合调研情况作了讲话。").empty());
  EXPECT_TRUE(TitledNames("会上,主任近期对工作作出部署。").empty());
}

TEST(DomainNames, RarerSurnamesAndNamesBeforeACommission) {
  auto d = ExtractText("受县委书记缑立平委托,县委副书记、县长习文远主持会议。县领导占海林参加会议。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "缑立平"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "习文远"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "占海林"));
  // 受 opens no organisation: 缑立平 is the county committee's secretary.
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "缑立平", "县委").size(), 1u);
}

TEST(DomainNames, AListAfterOneTitleSharesIt) {
  auto d = ExtractText("7月2日,区委常委会召开会议。区委常委罗远山、林青禾、韦东出席会议。");
  for (const char* name : {"罗远山", "林青禾", "韦东"}) {
    const auto facts = FindFacts(d, EdgeType::kHoldsPosition, name, "区委");
    ASSERT_EQ(facts.size(), 1u) << name;
    EXPECT_EQ(testing::Prop(facts[0], "title"), "常委") << name;
  }
}

TEST(DomainNames, AListOfMostlyKnownNamesCompletesItself) {
  // 郑远 and 卢明 are known from their titles; 柯楠 and 万昕 only from standing in the list.
  auto d = ExtractText("县委常委郑远、卢明出席会议。专家组郑远、卢明、柯楠、万昕参加调研。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "柯楠"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "万昕"));
  // A list of things with one name in it stays a list of things.
  auto things = ExtractText("副县长郑远察看了王庄、李庄、张湾三个村。");
  EXPECT_FALSE(HasEntity(things, NodeLabel::kPerson, "李庄"));
}

TEST(DomainNames, TitlesSharedAbbreviatedAndOfTheLevel) {
  auto d = ExtractText(
      "市委常委、统战部长罗远山陪同。青禾协会副会长兼秘书长韦东出席。"
      "县委常委、县委统战部部长林海,人大常委会副主任卢明出席。会议要求深入贯彻郑远航总书记重要讲话精神。");
  // 统战部长: the department's head.
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "罗远山", "市委统战部").size(), 1u);
  // 兼: the second title is of the same organisation.
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "韦东", "青禾协会").size(), 2u);
  // The county's people's congress, not its party committee's.
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "卢明", "县人大常委会").size(), 1u);
  // A full name right before 总书记, even inside a clause: the party's central committee.
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "郑远航", "党中央").size(), 1u);
}

TEST(DomainNames, MembersAndPastureLevelsAreNoNames) {
  // 成员单位: after a weak anchor, a frequent word is the noun the title belongs to.
  auto d = ExtractText("区安委会成员单位负责人参加检查。");
  EXPECT_FALSE(HasEntity(d, NodeLabel::kPerson, "单位"));
  EXPECT_FALSE(domain::IsPlausibleName(U"鲁苏木"));
  EXPECT_FALSE(domain::IsPlausibleName(U"彦嘎查"));
}

TEST(DomainNames, AQuotedWordIsAThingEvenWhereTheTaggerSeesAPerson) {
  // The tagger reads the typhoon's name as a person where the article drops the quotes.
  auto tagger = LacTagger::Load({});
  if (!tagger.ok()) GTEST_SKIP() << "lac_small model not available";
  auto d = ExtractText("“黄蜂”来袭,9月2日,副市长郑远赴港口检查防台工作。据悉,黄蜂将于5日登陆。",
                       tagger.value().get());
  EXPECT_FALSE(HasEntity(d, NodeLabel::kPerson, "黄蜂"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "郑远"));
}

TEST(DomainNames, DeputiesOfALevelsCongress) {
  auto d = ExtractText("5月2日,副市长郑远走访联系了市级人大代表罗青禾,听取意见建议。");
  const auto facts = FindFacts(d, EdgeType::kHoldsPosition, "罗青禾", "市人大");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(testing::Prop(facts[0], "title"), "人大代表");
}

TEST(DomainNames, AFullNameBeforeDaiBiaoIsItsVerb) {
  auto d = ExtractText("1月29日,青川县召开大会。县委常委、开发区管委会主任郑远代表平台发言。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "郑远", "青川县委").size(), 1u);
  EXPECT_FALSE(domain::IsRoleNotName(U"郑远", U"代表平台发言"));
}

}  // namespace
}  // namespace tupu
