// Unit tests of the domain rules on MADE-UP sentences (no names from the seed pages): title
// chains, elided prefixes, persons, organisations, dates, bylines, visits and companions.
#include <gtest/gtest.h>

#include "extract/domain_article_splitter.h"
#include "extract/domain_dates.h"
#include "extract/domain_organization_names.h"
#include "extract/domain_person_names.h"
#include "extract/domain_text.h"
#include "extract/domain_title_chain.h"
#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using testing::ExtractText;
using testing::FindFacts;
using testing::HasAlias;
using testing::HasEntity;
using testing::Prop;

TEST(DomainTitleChain, StandingCommitteeAndDeputyMayor) {
  auto d = ExtractText("市委常委、常务副市长刘建国主持召开专题会议。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "刘建国"));
  auto held = FindFacts(d, EdgeType::kHoldsPosition, "刘建国", "市委");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(Prop(held[0], "title"), "常委");
  // A 市长 without an organisation is of the city government.
  auto mayor = FindFacts(d, EdgeType::kHoldsPosition, "刘建国", "市政府");
  ASSERT_EQ(mayor.size(), 1u);
  EXPECT_EQ(Prop(mayor[0], "title"), "常务副市长");
}

TEST(DomainTitleChain, AVerbBeforeTheChainIsNoPartOfItsBody) {
  // 要认真落实县委书记甲的讲话要求: the body is 县委, and the verb is in no name.
  auto d = ExtractText("5月6日,县长王建平强调,要认真落实县委书记李卫东在全县会议上的讲话要求。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "李卫东", "县委").size(), 1u);
  EXPECT_FALSE(testing::HasAlias(d, "认真落实县委"));
  EXPECT_FALSE(testing::HasAlias(d, "认真落实县委书记李卫东"));
}

TEST(DomainTitleChain, AHeadOfARegionHoldsThePostAtItsGovernment) {
  auto d = ExtractText("4月2日,西峡县县长王建平到某某镇调研。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "王建平", "西峡县政府").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "王建平", "西峡县").size(), 0u);
}

TEST(DomainBylines, BylineRightAfterTheLeadWord) {
  auto d = ExtractText("本报讯 记者 田雨 通讯员 何丽 11月22日,副省长欧阳明辉赴南阳市调研。");
  EXPECT_EQ(FindFacts(d, EdgeType::kAuthored, "田雨", "").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kAuthored, "何丽", "").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "欧阳明辉", "南阳市").size(), 1u);
}

TEST(DomainBylines, ParenthesisedBylineInTheLead) {
  auto d = ExtractText("本报讯 (记者 陈晓梅 通讯员 何丽) 3月18日,县长刘光明到红星煤矿检查。");
  EXPECT_EQ(FindFacts(d, EdgeType::kAuthored, "陈晓梅", "").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kAuthored, "何丽", "").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "刘光明", "县政府").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "刘光明", "红星煤矿").size(), 1u);
}

TEST(DomainTitleChain, CountySecretaryVisitsVillage) {
  auto d = ExtractText("3月9日,县委书记陈立新到李家村调研春耕工作。");
  auto held = FindFacts(d, EdgeType::kHoldsPosition, "陈立新", "县委");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(Prop(held[0], "title"), "书记");
  auto visits = FindFacts(d, EdgeType::kVisited, "陈立新", "李家村");
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(Prop(visits[0], "date"), "03-09");
}

TEST(DomainTitleChain, NestedOfficeAndPartyGroupMember) {
  auto d = ExtractText("省政协研究室主任、机关党组成员王志远表示,要做好调研工作。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "王志远", "省政协研究室").size(), 1u);
}

TEST(DomainTitleChain, LaterLinksInheritTheCityOfACityCommittee) {
  auto d = ExtractText("南阳市委副书记、政法委书记韩冬梅出席会议。区领导朱红梅、梁晓东一同参加。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "韩冬梅", "南阳市委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "韩冬梅", "南阳市政法委").size(), 1u);
  // 领导 anchors names but is no position.
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "朱红梅"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "梁晓东"));
  EXPECT_TRUE(FindFacts(d, EdgeType::kHoldsPosition, "朱红梅", "").empty());
}

TEST(DomainVisits, GroupLedByAnOfficialAndVerbsEndPlaceNames) {
  auto d = ExtractText(
      "11月22日,副省长欧阳明辉率省政府调研组赴南阳市调研乡村振兴工作。"
      "随后,调研组深入到卧龙区谢庄乡王营村,走进农户家中。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "欧阳明辉", "南阳市").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "欧阳明辉", "王营村").size(), 1u);
  EXPECT_FALSE(HasAlias(d, "南阳市调研乡村"));
}

TEST(DomainTitleChain, ElidedPrefixInheritsTheChainRegion) {
  auto d = ExtractText(
      "本报讯 3月2日上午,东湖区党工委副书记、管委会主任赵立群到桃源办事处调研,"
      "桃源党工委书记、办事处主任钱明远等陪同。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "赵立群", "东湖区党工委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "赵立群", "东湖区管委会").size(), 1u);
  // 办事处 after 桃源党工委… is 桃源办事处.
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "钱明远", "桃源办事处").size(), 1u);
  auto visits = FindFacts(d, EdgeType::kVisited, "赵立群", "桃源办事处");
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(Prop(visits[0], "date"), "03-02");
  EXPECT_EQ(Prop(visits[0], "time"), "上午");
  auto acc = FindFacts(d, EdgeType::kAccompanied, "钱明远", "赵立群");
  ASSERT_EQ(acc.size(), 1u);
  EXPECT_EQ(Prop(acc[0], "date"), "03-02");
}

TEST(DomainTitleChain, CityPrefixedZoneGetsTheShortCanonicalName) {
  auto d = ExtractText("南阳高新区党工委委员、管委会副主任林国栋出席会议。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "林国栋", "高新区党工委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "林国栋", "高新区管委会").size(), 1u);
  EXPECT_TRUE(HasAlias(d, "南阳高新区党工委"));
}

TEST(DomainVisits, ListedTargetsAndNestedUnits) {
  auto d = ExtractText("6月8日,区党工委委员孙建华到青山办事处柳树社区、杨庄村调研。");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "孙建华", "柳树社区").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "孙建华", "杨庄村").size(), 1u);
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "孙建华", "青山办事处").empty());
  EXPECT_EQ(FindFacts(d, EdgeType::kPartOf, "柳树社区", "青山办事处").size(), 1u);
}

TEST(DomainVisits, DateCarriesToTheNextSentenceAndCompanyNameRunsToGongsi) {
  auto d = ExtractText(
      "本报讯 9月14日,副区长黄永明实地考察华兴智能装备制造股份有限公司。"
      "黄永明深入车间,察看生产情况。黄永明要求,企业要做好安全生产。");
  auto v = FindFacts(d, EdgeType::kVisited, "黄永明", "华兴智能装备制造股份有限公司");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(Prop(v[0], "date"), "09-14");
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "", "").size(), 1u);  // 深入车间 is no office
}

TEST(DomainVisits, PlaceBetweenZaiAndTheCue) {
  auto d = ExtractText("本报讯 4月2日,副市长黄永明在东湖区管委会调研时强调,要抓好安全生产。");
  auto v = FindFacts(d, EdgeType::kVisited, "黄永明", "东湖区管委会");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(Prop(v[0], "date"), "04-02");
}

TEST(DomainPersons, SpeakersAndNameBoundaries) {
  auto d = ExtractText("刘志强强调,要抓好落实。王强表示同意。付老师说,很好。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "刘志强"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "王强"));
  EXPECT_FALSE(HasEntity(d, NodeLabel::kPerson, "付老师"));
}

TEST(DomainPersons, TitleWithoutNameGivesNoPerson) {
  auto d = ExtractText("副主任主持会议。书记高度重视这项工作。");
  EXPECT_EQ(testing::CountLabel(d, NodeLabel::kPerson), 0);
}

TEST(DomainPersons, NameNotFollowedByAVerbKeepsItsTwoCharacterForm) {
  auto d = ExtractText("镇人大代表周芳向敬老院捐赠了一批棉被。周芳表示,这是应该做的。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kPerson, "周芳"));
  EXPECT_FALSE(HasEntity(d, NodeLabel::kPerson, "周芳向"));
}

TEST(DomainOrganizations, SuffixGrammarSplitsUnits) {
  std::u32string name = U"东湖区桃源办事处柳树社区";
  auto units = domain::SplitOrgUnits(name);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].kind, domain::UnitKind::kRegion);
  EXPECT_EQ(units[1].kind, domain::UnitKind::kPlace);
  EXPECT_EQ(units[2].kind, domain::UnitKind::kPlace);
  // Companies stay whole.
  EXPECT_EQ(domain::SplitOrgUnits(U"东方集团南阳机械研究院有限公司").size(), 1u);
  // 区域 is not 区 + 域.
  EXPECT_TRUE(domain::ContinuesWord(U"核心区域", 3));
}

TEST(DomainOrganizations, FreeTextOfficesAndNoDescriptions) {
  auto d = ExtractText("为解决群众诉求,积极与市应急管理局、县疫情防控指挥部协调,物业公司配合。");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kOrganization, "市应急管理局"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kOrganization, "县疫情防控指挥部"));
  EXPECT_FALSE(HasAlias(d, "物业公司"));
}

TEST(DomainDates, FormsAndResolution) {
  auto dates = domain::FindDates(U"10月30日上午,2月30日,昨天(22日),17日");
  ASSERT_EQ(dates.size(), 3u);  // 2月30日 is not a date, and its 30日 is not a bare day
  EXPECT_EQ(dates[0].month, 10);
  EXPECT_EQ(dates[0].day, 30);
  EXPECT_EQ(dates[0].time_of_day, "上午");
  EXPECT_EQ(dates[1].day, 22);
  EXPECT_EQ(dates[2].day, 17);
  domain::DateContext ctx{2023, 5, 23};
  EXPECT_EQ(domain::ResolveDate(dates[0], ctx), "2023-10-30");
  EXPECT_EQ(domain::ResolveDate(dates[1], ctx), "2023-05-22");
  domain::DateMention yesterday;
  yesterday.relative = true;
  yesterday.relative_days = -1;
  EXPECT_EQ(domain::ResolveDate(yesterday, domain::DateContext{2023, 3, 1}), "2023-02-28");
  EXPECT_EQ(domain::ResolveDate(dates[0], {}), "10-30");
  EXPECT_FALSE(domain::IsValidDay(2023, 2, 29));
  EXPECT_TRUE(domain::IsValidDay(2024, 2, 29));
}

TEST(DomainDates, DocumentDateGivesTheYear) {
  Extractor extractor(nullptr);
  SourceDocument doc;
  doc.source_key = "a.jsonl:1";
  doc.text = "本报讯 昨天下午,区长吴海波到金湖街道调研。";
  doc.date = "2022-11-08";
  auto r = extractor.Extract(doc);
  ASSERT_TRUE(r.ok());
  auto v = testing::FindFacts(*r, EdgeType::kVisited, "吴海波", "金湖街道");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(Prop(v[0], "date"), "2022-11-07");
  EXPECT_EQ(r->date, "2022-11-08");
}

TEST(DomainBylines, RolesContinuationAndCredit) {
  auto d = ExtractText(
      "本报讯 5月3日,镇长马国庆到东风村检查防汛工作。\n\n记者 周文斌 晨光日报 郑晓阳\n"
      "通讯员 林小燕\n何丽 文/图\n");
  auto authored = FindFacts(d, EdgeType::kAuthored, "", "");
  ASSERT_EQ(authored.size(), 4u);
  EXPECT_EQ(Prop(authored[0], "role"), "reporter");
  EXPECT_EQ(authored[1]->src.name, "郑晓阳");
  EXPECT_EQ(Prop(authored[1], "role"), "reporter");
  EXPECT_EQ(authored[3]->src.name, "何丽");
  EXPECT_EQ(Prop(authored[3], "role"), "correspondent");
  EXPECT_EQ(d.byline, "周文斌 郑晓阳 林小燕 何丽");
}

TEST(DomainArticles, LeadsAndHeadingsSplitAPage) {
  const std::string page =
      "# 区领导调研防汛工作\n\n本报讯 7月1日,副区长黄永明到东风村调研。\n\n记者 周文斌\n\n"
      "区领导督导安全生产 强化责任落实\n\n本报讯 7月2日,副区长黄永明到西山街道检查。\n\n记者 周文斌 文/图\n";
  auto d = ExtractText(page, nullptr, "page.txt");
  EXPECT_TRUE(HasEntity(d, NodeLabel::kDocument, "page.txt"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kDocument, "page.txt#1"));
  EXPECT_TRUE(HasEntity(d, NodeLabel::kDocument, "page.txt#2"));
  EXPECT_FALSE(HasEntity(d, NodeLabel::kDocument, "page.txt#3"));
  EXPECT_EQ(FindFacts(d, EdgeType::kAuthored, "周文斌", "page.txt#2").size(), 1u);
  auto v = FindFacts(d, EdgeType::kVisited, "黄永明", "西山街道");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(Prop(v[0], "date"), "07-02");
}

TEST(DomainArticles, LineBrokenInsideAWordIsJoined) {
  auto d = ExtractText("会上,区党工委委员、管委会副主任杜明轩对近期的防汛工作做了安排,区水务\n\n局"
                       "负责人汇报了情况。");
  EXPECT_TRUE(HasAlias(d, "区水务局") || HasAlias(d, "水务局"));
}

TEST(DomainFacts, SpansPointIntoTheOriginalText) {
  const std::string text = "本报讯 3月9日,县委书记陈立新到李家村调研春耕工作。";
  auto d = ExtractText(text);
  auto v = FindFacts(d, EdgeType::kVisited, "陈立新", "李家村");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(text.substr(v[0]->span.begin, v[0]->span.end - v[0]->span.begin), "陈立新到李家村");
  ASSERT_LT(v[0]->sentence, d.sentences.size());
  const TextSpan s = d.sentences[v[0]->sentence];
  EXPECT_LE(s.begin, v[0]->span.begin);
  EXPECT_GE(s.end, v[0]->span.end);
  // Every fact endpoint is an entity of the document.
  for (const auto& f : d.facts) {
    EXPECT_TRUE(HasEntity(d, f.src.label, f.src.name)) << f.src.name;
    EXPECT_TRUE(HasEntity(d, f.dst.label, f.dst.name)) << f.dst.name;
  }
}

TEST(DomainFacts, CoMentionsOncePerPairWithSentenceWeight) {
  auto d = ExtractText("县委书记陈立新到李家村调研。陈立新在李家村召开座谈会。");
  auto co = FindFacts(d, EdgeType::kCoMentioned, "", "");
  int pair = 0;
  for (const auto* f : co) {
    if ((f->src.name == "陈立新" && f->dst.name == "李家村") ||
        (f->src.name == "李家村" && f->dst.name == "陈立新")) {
      ++pair;
      EXPECT_EQ(Prop(f, "weight"), "2");
    }
  }
  EXPECT_EQ(pair, 1);
  auto mi = FindFacts(d, EdgeType::kMentionedIn, "陈立新", "test.txt");
  ASSERT_EQ(mi.size(), 1u);
  EXPECT_EQ(Prop(mi[0], "count"), "2");
}

}  // namespace
}  // namespace tupu
