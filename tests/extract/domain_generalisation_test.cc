// Unit tests of the rules added to make the domain layer generalise beyond the sample pages, each
// on a MADE-UP sentence: companions listed over several comma clauses, hosts who only led
// (带队/率) without a named place, groups (检查组一行) credited to their leader, offices of titles
// (办公室主任, 宣传部部长), and visit targets ending in 项目/敬老院/小学/工地.
#include <gtest/gtest.h>

#include "extract/domain_person_spans.h"
#include "extract/domain_text.h"
#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using testing::ExtractText;
using testing::FindFacts;
using testing::HasAlias;
using testing::Prop;

TEST(DomainCompanions, TitledCompanionsOverSeveralCommaClauses) {
  auto d = ExtractText(
      "5月6日,县委书记方正清深入白河镇检查防汛工作。县委常委、办公室主任柳青,县水务局局长严冬陪同。");
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "柳青", "方正清").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "严冬", "方正清").size(), 1u);
  EXPECT_TRUE(FindFacts(d, EdgeType::kAccompanied, "方正清", "").empty());
}

TEST(DomainCompanions, HostWhoLedWithoutANamedPlace) {
  // 带队调研全市… names no place: no visit, but the leader is still the host of 陪同.
  auto d = ExtractText("4月2日,副市长邵明远带队调研全市工业运行情况。市工信局局长骆红、市统计局局长廖文陪同调研。");
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "骆红", "邵明远").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "廖文", "邵明远").size(), 1u);
  // 陪同调研 is the companions' verb, not a visit of theirs.
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "廖文", "").empty());
}

TEST(DomainCompanions, CompanionsInTheLeadersSentence) {
  auto d = ExtractText("县长戴玉兰带队督导秋收工作,副县长汤立,县农业农村局局长龚平陪同督导。");
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "汤立", "戴玉兰").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "龚平", "戴玉兰").size(), 1u);
  EXPECT_TRUE(FindFacts(d, EdgeType::kAccompanied, "戴玉兰", "").empty());
}

TEST(DomainGroups, InspectionGroupVisitsCreditedToItsLeader) {
  auto d = ExtractText(
      "7月1日,市长甘卫国带领检查组一行检查安全生产工作。检查组一行先后来到北郊热电厂、滨江大桥建设工地。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "甘卫国", "北郊热电厂").size(), 1u);
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "甘卫国", "").empty());
}

TEST(DomainGroups, LeaderWhoLedAnInspectionTeamWithShuai) {
  auto d = ExtractText("3月3日,市政协副主席严正率视察组视察农村公路建设。视察组一行实地察看了石桥乡敬老院。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "严正", "石桥乡敬老院").size(), 1u);
}

TEST(DomainTargets, ProjectsHomesAndSchoolsAreVisitTargets) {
  auto d = ExtractText("9月9日,区长乔文斌先后来到东港物流园扩建项目、南山镇敬老院、城北实验小学。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "乔文斌", "东港物流园扩建项目").size(), 1u);
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "乔文斌", "南山镇敬老院").empty() &&
               FindFacts(d, EdgeType::kVisited, "乔文斌", "敬老院").empty());
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "乔文斌", "城北实验小学").size(), 1u);
}

TEST(DomainGroups, ClauseWithoutASubjectKeepsTheLeader) {
  auto d = ExtractText("6月2日,市人大代表、市水利局局长包振华带领部分代表,深入到柳林乡、桥头镇视察水利工作。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "包振华", "柳林乡").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "包振华", "桥头镇").size(), 1u);
}

TEST(DomainTargets, WorksSitesAreVisitTargetsButNotFreeTextNames) {
  auto d = ExtractText("8月8日,县长伍建平来到西河治理工程现场。全县民生工程进展顺利。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "伍建平", "西河治理工程现场").size(), 1u);
  EXPECT_FALSE(HasAlias(d, "全县民生工程"));
  EXPECT_FALSE(HasAlias(d, "民生工程"));
}

TEST(DomainPositions, BureausWhoseNameHoldsZhengJuOrHe) {
  // 民政局 is a bureau although 政局 is a word; 和 inside 工业和信息化局 is part of the name.
  auto d = ExtractText("区民政局局长纪明,县工业和信息化局局长苗青出席会议。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "纪明", "区民政局").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "苗青", "县工业和信息化局").size(), 1u);
}

TEST(DomainTargets, ZoneOwnedByAStatedRegion) {
  auto d = ExtractText("3月5日,县委书记匡正在县产业集聚区调研。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "匡正", "县产业集聚区").size(), 1u);
}

TEST(DomainPositions, BareCompanyIsTheCompanyJustNamed) {
  auto d = ExtractText("6月1日,副市长车立新来到启明光电有限公司调研。在现场,公司董事长符海听取意见。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "符海", "启明光电有限公司").size(), 1u);
  // Two companies visited: the one the sentence names before 公司 is meant.
  auto two = ExtractText(
      "副市长车立新来到启明光电有限公司、远帆机械有限公司调研。在启明光电有限公司,公司董事长符海介绍情况。");
  EXPECT_EQ(FindFacts(two, EdgeType::kHoldsPosition, "符海", "启明光电有限公司").size(), 1u);
  EXPECT_TRUE(FindFacts(two, EdgeType::kHoldsPosition, "符海", "远帆机械有限公司").empty());
}

TEST(DomainPositions, DistrictHeadOfTheNamedDistrict) {
  auto d = ExtractText("河西区委常委、常务副区长龙飞陪同调研。区委书记江涛出席。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "龙飞", "河西区政府").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "江涛", "河西区委").size(), 1u);
  // A zone is not a district: 高新区 leaves 区委 bare.
  auto zone = ExtractText("高新区管委会主任柯明出席。区委书记江涛讲话。");
  EXPECT_EQ(FindFacts(zone, EdgeType::kHoldsPosition, "江涛", "区委").size(), 1u);
}

TEST(DomainPositions, OfficeNounBeforeTheTitle) {
  auto d = ExtractText("区委常委、宣传部部长宁静,市发展改革委主任岳明出席会议。");
  EXPECT_FALSE(FindFacts(d, EdgeType::kHoldsPosition, "宁静", "").empty());
  bool minister = false, director = false;
  for (const auto* f : FindFacts(d, EdgeType::kHoldsPosition, "宁静", ""))
    minister = minister || (Prop(f, "title") == "部长" && f->dst.name.find("宣传部") != std::string::npos);
  for (const auto* f : FindFacts(d, EdgeType::kHoldsPosition, "岳明", ""))
    director = director || (Prop(f, "title") == "主任" && f->dst.name.find("发展改革委") != std::string::npos);
  EXPECT_TRUE(minister);
  EXPECT_TRUE(director);
}

TEST(DomainResolution, TitleAndNameAsWrittenAreAliasesOfThePerson) {
  auto d = ExtractText("县委副书记、县长欧阳文出席会议。县水利局局长卓然陪同。");
  EXPECT_TRUE(HasAlias(d, "县长欧阳文"));
  EXPECT_TRUE(HasAlias(d, "县委副书记欧阳文"));
  EXPECT_TRUE(HasAlias(d, "县水利局局长卓然"));
}

TEST(DomainPersonSpans, TitlesAndSpeakersAddNamesTheTaggerMissed) {
  const std::u32string s = domain::ToU32("县长柯永福强调,要抓好落实。");
  auto spans = domain::RepairPersonSpans(s, {});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].first, 2u);
  EXPECT_EQ(spans[0].second, 5u);
}

TEST(DomainPersonSpans, SurnamePlusRoleShrinksToTheSurname) {
  const std::u32string s = domain::ToU32("郑先生说,项目进展顺利。");
  TaggedWord w;
  w.tag = "PER";
  w.cp_begin = 0;
  w.cp_end = 3;
  auto spans = domain::RepairPersonSpans(s, {w});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].first, 0u);
  EXPECT_EQ(spans[0].second, 1u);
}

TEST(DomainPersonSpans, AWordTheTaggerReadAsAVerbIsNoName) {
  // 主任 + 商量: the title rule alone would take 商量 for a name.
  const std::u32string s = domain::ToU32("村委会主任商量过,决定修路。");
  TaggedWord verb;
  verb.tag = "v";
  verb.cp_begin = 5;
  verb.cp_end = 7;
  EXPECT_TRUE(domain::RepairPersonSpans(s, {verb}).empty());
}

}  // namespace
}  // namespace tupu
