// Unit tests of four patterns of county and town news, each on MADE-UP sentences: bare-level
// titles (镇长, 乡党委, 街道党工委, 县长) belonging to the one place of that level the article named,
// group visits (检查组一行来到甲、乙) credited to the group's leader, 带队检查本镇辖区…工作 being no
// visit to the leader's own town, and headline visits that only summarise the body.
#include <gtest/gtest.h>

#include "extract/domain_org_naming.h"
#include "extract/domain_text.h"
#include "extract/extractor_test_util.h"
#include "extract/lac_tagger.h"

namespace tupu {
namespace {

using testing::ExtractText;
using testing::FindFacts;
using testing::HasAlias;
using testing::Prop;

// --- 1. Bare-level titles after the article named the place --------------------------------

TEST(DomainBareLevels, TownshipTitlesBelongToTheNamedTownship) {
  auto d = ExtractText(
      "为做好汛期准备,梨花乡近日开展隐患排查。乡党委书记石坚带队检查,乡党委副书记、乡长庞悦,"
      "乡党委委员、副乡长闻笛陪同。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "石坚", "梨花乡党委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "庞悦", "梨花乡党委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "庞悦", "梨花乡政府").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "闻笛", "梨花乡政府").size(), 1u);
  EXPECT_TRUE(HasAlias(d, "乡党委"));  // the bare form stays findable
}

TEST(DomainBareLevels, StreetBodiesBelongToTheNamedStreet) {
  auto d = ExtractText(
      "3月2日,区民政局局长鲍宁来到松林街道调研。街道党工委书记车凯,街道党工委副书记、"
      "办事处主任柏雪陪同。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "车凯", "松林街道党工委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "柏雪", "松林街道党工委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "柏雪", "松林街道办事处").size(), 1u);
}

TEST(DomainBareLevels, ATownNamedOnlyThroughItsPartyCommitteeCounts) {
  // 杏林镇 appears only inside 杏林镇党委: the later bare 镇党委/镇长 are still that town's.
  auto d = ExtractText(
      "6月8日,杏林镇党委书记郁青带队检查防汛工作。镇党委副书记、镇长韦澜陪同检查。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "韦澜", "杏林镇党委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "韦澜", "杏林镇政府").size(), 1u);
}

TEST(DomainBareLevels, TwoPlacesOfALevelLeaveTheBodyBare) {
  // Two towns named: which one's 镇长 is not said, so nothing is guessed.
  auto d = ExtractText("5月3日,县长荣辉先后来到桂花镇、石门镇调研。镇党委书记廖洁,镇长路平陪同。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "廖洁", "镇党委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "路平", "镇政府").size(), 1u);
  EXPECT_TRUE(FindFacts(d, EdgeType::kHoldsPosition, "路平", "石门镇政府").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kHoldsPosition, "路平", "桂花镇政府").empty());
}

TEST(DomainBareLevels, NotePlaceCountsLevelsAndRejectsNonNames) {
  domain::OrgContext ctx;
  EXPECT_EQ(domain::NotePlace(U"青山县", &ctx), U'县');
  EXPECT_EQ(domain::NotePlace(U"青山县", &ctx), U'县');  // the same place again: still one
  EXPECT_EQ(ctx.OnlyPlaceOf(U'县'), U"青山县");
  EXPECT_EQ(domain::NotePlace(U"云岭街道", &ctx), U'街');
  EXPECT_EQ(domain::NotePlace(U"高新区", &ctx), 0);    // a zone, not a district
  EXPECT_EQ(domain::NotePlace(U"按照省", &ctx), 0);    // a phrase cut too early
  EXPECT_EQ(domain::NotePlace(U"全县", &ctx), 0);
  EXPECT_EQ(domain::NotePlace(U"白水县", &ctx), U'县');
  EXPECT_TRUE(ctx.OnlyPlaceOf(U'县').empty());         // two counties: none is "the" county
  EXPECT_TRUE(ctx.OnlyPlaceOf(U'镇').empty());
}

TEST(DomainBareLevels, PlaceOpeningALongerPhraseIsNamedToo) {
  // Rules only: 平阳县谋划实施…项目 is one phrase, but it opens with the county.
  auto d = ExtractText("今年以来,平阳县谋划实施重点项目30个。县委副书记、县长温岚出席。市委市政府高度重视。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "温岚", "平阳县政府").size(), 1u);
  domain::OrgContext ctx;
  EXPECT_EQ(domain::NotePlace(U"市委市", &ctx), 0);  // 市委市政府 names no city
}

TEST(DomainBareLevels, CountyNamedOnlyInFreeTextWithTheTagger) {
  // 平阳县谋划… is no organisation phrase; the tagger's LOC still names the county.
  auto tagger = LacTagger::Load({});
  if (!tagger.ok()) GTEST_SKIP() << "lac_small model not available";
  auto d = ExtractText("今年以来,平阳县谋划实施重点项目30个。4月9日,县委副书记、县长温岚到城东新区调研。",
                       tagger.value().get());
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "温岚", "平阳县委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "温岚", "平阳县政府").size(), 1u);
}

TEST(DomainBareLevels, ACountyTheGazetteerNoLongerKnows) {
  // An old archive names a county since renamed; the tagger still reads it as a place, after
  // the bare 县委 it qualifies. (A made-up one-character county: 禾县.)
  auto tagger = LacTagger::Load({});
  if (!tagger.ok()) GTEST_SKIP() << "lac_small model not available";
  auto d = ExtractText("2月8日,县委书记温岚主持召开常委会议。会议审议了《关于评选禾县劳动模范的请示》。",
                       tagger.value().get());
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "温岚", "禾县县委").size(), 1u);
}

// --- 2. Group visits --------------------------------------------------------------------------

TEST(DomainGroupVisits, GroupOfTheLeaderVisitsEachListedPlaceWithTheDateInForce) {
  auto d = ExtractText(
      "7月4日,市农业农村局局长严立带队督导三秋生产。县农业农村局局长孟涛陪同。\n"
      "督导组一行先后来到丰收粮食合作社、红旗村。\n"
      "7月5日,督导组一行又走进青禾农机有限公司和永安供销社,实地察看了南湾水库、河口村。");
  auto coop = FindFacts(d, EdgeType::kVisited, "严立", "丰收粮食合作社");
  ASSERT_EQ(coop.size(), 1u);
  EXPECT_EQ(Prop(coop[0], "date"), "07-04");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "严立", "红旗村").size(), 1u);
  auto machines = FindFacts(d, EdgeType::kVisited, "严立", "青禾农机有限公司");
  ASSERT_EQ(machines.size(), 1u);
  EXPECT_EQ(Prop(machines[0], "date"), "07-05");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "严立", "永安供销社").size(), 1u);  // 甲和乙
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "严立", "南湾水库").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "严立", "河口村").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "孟涛", "严立").size(), 1u);
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "孟涛", "").empty());
}

TEST(DomainGroupVisits, MarketsAndAFirstItemWithoutSuffix) {
  auto d = ExtractText(
      "副区长华力带队检查食品安全。检查组一行实地察看了城西码头、北关农贸市场、鸿运蔬菜批发市场。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "华力", "北关农贸市场").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "华力", "鸿运蔬菜批发市场").size(), 1u);
}

TEST(DomainGroupVisits, GroupWordsAreNoCuesAndInspectionVerbsAre) {
  // 率调研组来我县调研: 调研组 names the group; the visit is the later clause's.
  auto d = ExtractText(
      "8月4日,省人大常委会副主任邱原率调研组来我县调研。调研组一行深入平湖镇文化站、县图书馆,"
      "在杨湾村察看了村容村貌。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "邱原", "平湖镇文化站").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "邱原", "县图书馆").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "邱原", "杨湾村").size(), 1u);  // 在甲察看
  for (const auto* f : FindFacts(d, EdgeType::kVisited, "邱原", "")) {
    EXPECT_EQ(f->dst.name.find("组"), std::string::npos) << f->dst.name;
    EXPECT_EQ(f->dst.name.find("村容"), std::string::npos) << f->dst.name;
  }
}

// --- 3. 带队检查辖区…工作 is no visit to the leader's own place -----------------------------

TEST(DomainOwnJurisdiction, CheckingTheWorkOfTheOwnTownIsNoVisit) {
  auto d = ExtractText(
      "6月1日,云溪镇党委书记万青带队检查云溪镇辖区安全生产工作,随后来到顺达物流有限公司。");
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "万青", "云溪镇").empty());
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "万青", "顺达物流有限公司").size(), 1u);
  // Someone else's town is a place he went to.
  auto other = ExtractText("6月2日,县应急管理局局长岑峰带队检查云溪镇辖区安全生产工作。");
  EXPECT_EQ(FindFacts(other, EdgeType::kVisited, "岑峰", "云溪镇").size(), 1u);
  // 辖区 before a place says whose it is; the place is still visited, under its own name.
  auto school = ExtractText("6月3日,镇长项明带队走进辖区桃园小学,检查校园安全。");
  EXPECT_EQ(FindFacts(school, EdgeType::kVisited, "项明", "桃园小学").size(), 1u);
}

// --- 4. Headline visits ---------------------------------------------------------------------

TEST(DomainHeadlineVisits, HeadlineRepeatingTheBodyIsDropped) {
  auto d = ExtractText(
      "# 市长齐远到高新区调研\n\n"
      "本报讯 8月6日,市长齐远到高新技术产业开发区调研科技创新工作。\n");
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "齐远", "高新区").empty());
  auto body = FindFacts(d, EdgeType::kVisited, "齐远", "");
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(Prop(body[0], "date"), "08-06");
}

TEST(DomainHeadlineVisits, HeadlineAloneIsKeptWithTheArticleDate) {
  auto d = ExtractText(
      "# 副市长莫岚到东郊水厂检查\n\n"
      "本报讯 9月12日上午,副市长莫岚在检查中强调,要确保供水安全。\n");
  auto v = FindFacts(d, EdgeType::kVisited, "莫岚", "东郊水厂");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(Prop(v[0], "date"), "09-12");
}

}  // namespace
}  // namespace tupu
