// Unit tests of tour episodes (extract/domain_episodes.h and their use in the extractor) on
// made-up articles: stops whose subject is in another sentence, group members named last, who
// is a visitor and who only a companion, and several leaders going their own ways.
#include "extract/domain_episodes.h"

#include <gtest/gtest.h>

#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using testing::ExtractText;
using testing::FindFacts;

TEST(DomainEpisode, MembersVisitTheLeadersStops) {
  domain::Episode e;
  domain::Stop first;
  first.actor = 1;
  first.target = 10;
  first.date = "05-01";
  domain::Stop second = first;
  second.target = 11;
  e.AddStop(first);
  e.AddStop(second);
  e.AddMember(1, 2, {});
  e.AddMember(1, 2, {});  // once
  e.AddMember(1, 1, {});  // not with himself
  auto visits = e.Visits([](int, int) { return false; });
  EXPECT_EQ(visits.size(), 4u);
  auto companions = e.MemberCompanions();
  ASSERT_EQ(companions.size(), 1u);
  EXPECT_EQ(companions[0].companion, 2);
  EXPECT_EQ(companions[0].host, 1);
  // The skip function drops a visit (the visitor's own office).
  EXPECT_EQ(e.Visits([](int visitor, int) { return visitor == 2; }).size(), 2u);
}

TEST(DomainEpisode, StopsOfATourOverSeveralParagraphs) {
  auto d = ExtractText(
      "6月3日,副县长韩青到白石镇检查安全生产工作。县应急局局长罗平参加检查。\n"
      "在白石镇青峰矿业公司,韩青一行查看了井下作业面。\n"
      "随后,韩青来到白石镇卫生院、溪口村,详细了解情况。\n");
  for (const char* stop : {"青峰矿业公司", "白石镇卫生院", "溪口村"}) {
    const bool leader = !FindFacts(d, EdgeType::kVisited, "韩青", stop).empty() ||
                        !FindFacts(d, EdgeType::kVisited, "韩青", std::string("白石镇") + stop).empty();
    EXPECT_TRUE(leader) << stop;
  }
  // 参加检查: a member of the group, so a visitor of its stops and a companion of its leader.
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "罗平", "溪口村").empty());
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "罗平", "韩青").size(), 1u);
}

TEST(DomainEpisode, MembersNamedInTheClosingLine) {
  auto d = ExtractText(
      "4月9日,市政协主席沈川率调研组开展专题调研。调研组先后前往青山县、绿水县。\n"
      "市政协秘书长孟凡参加调研。\n");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "沈川", "绿水县").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "孟凡", "绿水县").empty());
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "孟凡", "沈川").size(), 1u);
}

TEST(DomainEpisode, CompanionsAreNotVisitors) {
  auto d = ExtractText("5月6日,县长梅岭到东坡村调研。副县长齐远陪同调研。\n在东坡村茶园,梅岭察看了茶叶长势。\n");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "梅岭", "").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "齐远", "").empty());
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "齐远", "梅岭").size(), 1u);
}

TEST(DomainEpisode, HostBeforeAnAccompanyFrame) {
  // 甲在乙、丙陪同下: 甲 hosts, though he has not acted before in the article.
  auto d = ExtractText("8月6日,县长梅岭在副县长齐远,县水利局局长柯平等陪同下,先后来到东坡水库、西河闸站。");
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "齐远", "梅岭").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "柯平", "梅岭").size(), 1u);
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "梅岭", "西河闸站").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "齐远", "").empty());
}

TEST(DomainEpisode, HostAfterAnAccompanyFrame) {
  auto d = ExtractText("8月6日,在副县长齐远的陪同下,市长梅岭先后来到东坡水库、西河闸站。");
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "齐远", "梅岭").size(), 1u);
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "梅岭", "西河闸站").empty());
}

TEST(DomainEpisode, CountsConjunctionsAndOfficesInLists) {
  auto d = ExtractText(
      "3月15日,区长孙明一行来到石桥街道杏花村、柳树村两个村,察看防火物资储备情况。\n"
      "随后,孙明前往河西镇林场和区应急管理局指挥中心,听取工作汇报。\n"
      "区政府副区长何平一同参加调研。\n");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "孙明", "柳树村").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "孙明", "河西镇林场").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "孙明", "区应急管理局指挥中心").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "孙明", "两个村").empty());
  // 区政府 before a title is a body, not a person.
  EXPECT_FALSE(testing::HasEntity(d, NodeLabel::kPerson, "区政府"));
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "何平", "孙明").size(), 1u);
}

TEST(DomainEpisode, HostNamedAfterTheAccompanyCue) {
  auto d = ExtractText("5月20日,市委书记梅岭陪同副省长罗远到白鹭县调研。\n罗远一行先后来到白鹭县青山村、绿水合作社。\n");
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "梅岭", "罗远").size(), 1u);
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "罗远", "绿水合作社").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "梅岭", "").empty());
}

TEST(DomainEpisode, LeadersWhoWentTheirOwnWays) {
  auto d = ExtractText(
      "2月5日,镇党委书记杜衡、镇长柳青分别带队走访企业,副镇长石磊参加活动。\n"
      "杜衡一行先后走访了远大食品、青禾农业等重点企业。\n"
      "柳青一行来到华强五金、东升纺织等企业。\n");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "杜衡", "远大食品").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "柳青", "东升纺织").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "杜衡", "东升纺织").empty());
  // Whose group 石磊 joined the text does not say.
  EXPECT_TRUE(FindFacts(d, EdgeType::kAccompanied, "石磊", "").empty());
}

TEST(DomainEpisode, UnnamedPeopleMakeNoVisitOfTheLeader) {
  auto d = ExtractText("县长梅岭到东坡村调研。\n班子领导多次带队深入企业,实地调研青禾农业、远大食品等重点企业。\n");
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "梅岭", "青禾农业").empty());
}

}  // namespace
}  // namespace tupu

namespace tupu {
namespace {

TEST(DomainDates, PublicationLineDatesABareDay) {
  // The publication line (2023-05-12) gives the month of 11日; the lead's day is the visit's.
  auto d = ExtractText("发布时间:2023-05-12 10:20 来源:县政府网\n11日上午,县长梅岭到东坡村调研。");
  auto v = FindFacts(d, EdgeType::kVisited, "梅岭", "东坡村");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(testing::Prop(v[0], "date"), "2023-05-11");
}

}  // namespace
}  // namespace tupu

namespace tupu {
namespace {

TEST(DomainEpisode, SeveralPersonsAsOneSubject) {
  auto d = ExtractText("6月5日,市领导罗青、柯远先后来到东湖街道、西山镇督导防汛工作。");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "罗青", "西山镇").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "柯远", "西山镇").empty());
  auto two = ExtractText("7月2日,县委书记罗青和县长柯远一同来到白鹭乡,调研茶叶生产。");
  EXPECT_FALSE(FindFacts(two, EdgeType::kVisited, "罗青", "白鹭乡").empty());
  EXPECT_FALSE(FindFacts(two, EdgeType::kVisited, "柯远", "白鹭乡").empty());
}

TEST(DomainEpisode, ComradeAfterAName) {
  auto d = ExtractText("近日,市人大常委会副主任罗青同志带领视察组来到创新产业园。");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "罗青", "创新产业园").empty());
}

TEST(DomainEpisode, ADelegationNamedByItsTitleChains) {
  // 甲,乙一行: both travel; the first named leads, hosts accompany him; 甲一行 later is both.
  auto d = ExtractText(
      "3月8日,青川县委书记郑远航,县委副书记、县长韦立一行到白沙镇考察。镇党委书记卢明陪同。\n"
      "郑远航一行先后来到红石村、松岭茶业,详细了解产业发展情况。\n");
  for (const char* who : {"郑远航", "韦立"})
    for (const char* stop : {"红石村", "松岭茶业"})
      EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, who, stop).empty()) << who << " " << stop;
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "卢明", "郑远航").size(), 1u);
  EXPECT_TRUE(FindFacts(d, EdgeType::kAccompanied, "卢明", "韦立").empty());
}

TEST(DomainEpisode, LeadersGoingTheirOwnWaysFormNoDelegation) {
  auto d = ExtractText(
      "2月6日,镇党委书记郑远航、镇长韦立分别带队深入企业走访。\n"
      "郑远航一行先后走访了青禾食品、远山纺织等重点企业。\n"
      "韦立一行来到松岭茶业、明溪木业等企业。\n");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "郑远航", "青禾食品").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "韦立", "青禾食品").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "韦立", "松岭茶业").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "郑远航", "松岭茶业").empty());
}

TEST(DomainEpisode, AHostWhoShowsAGroupAroundIsNoVisitor) {
  auto d = ExtractText(
      "5月9日,市政协副主席罗青带队到河湾社区视察。\n"
      "社区党委书记林禾带市政协考察团参观了社区图书馆、舞蹈室等功能室。\n");
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "林禾", "").empty());
}

TEST(DomainEpisode, StopsReadFromFramesAndOwners) {
  auto d = ExtractText(
      "6月5日,市政协主席罗青到临江区督导防汛工作。\n"
      "罗青首先来到青石水库,实地调研了水库防洪工程和蓄水、用水、调控等管理工作。"
      "在临江区防汛物资库,察看了物资储备。随后实地查看了红石村的大棚建设。\n");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "罗青", "青石水库").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "罗青", "临江区防汛物资库").empty());
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "罗青", "红石村").empty());
  // 等管理工作 closes a list of matters: no place there.
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "罗青", "水库防洪工程").empty());
  EXPECT_TRUE(FindFacts(d, EdgeType::kVisited, "罗青", "蓄水").empty());
}

TEST(DomainEpisode, AFirmsShortNameIsTheFirm) {
  auto d = ExtractText(
      "4月2日,县长韦立先后来到青禾食品、红石村调研。\n"
      "在青禾食品制品有限公司,韦立察看了生产线。\n");
  EXPECT_FALSE(testing::HasEntity(d, NodeLabel::kOrganization, "青禾食品"));
  EXPECT_TRUE(testing::HasAlias(d, "青禾食品"));
  EXPECT_EQ(FindFacts(d, EdgeType::kVisited, "韦立", "青禾食品制品有限公司").size(), 1u);
}

TEST(DomainEpisode, ParticipantsNamedAfterTheTripClaimItsStops) {
  // The lead names no one; the next line lists who took part, with no leader before them.
  auto d = ExtractText(
      "8月3日至4日,省农科院专家赴青川县开展产业调研。\n"
      "省农科院副院长罗青禾,处长郑远、卢明、韦东、柯远山参加调研。\n"
      "青川县委书记林海陪同调研。\n");
  for (const char* who : {"罗青禾", "郑远", "卢明", "韦东", "柯远山"})
    EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, who, "青川县").empty()) << who;
  // The first named leads: the host accompanies her; the participants are travellers, not
  // companions.
  EXPECT_EQ(FindFacts(d, EdgeType::kAccompanied, "林海", "罗青禾").size(), 1u);
  EXPECT_TRUE(FindFacts(d, EdgeType::kAccompanied, "郑远", "罗青禾").empty());
}

TEST(DomainEpisode, AMatterOfTheListedPlacesKeepsThemPlaces) {
  auto d = ExtractText("5月6日,县长韦立实地调研了青禾新材料有限公司项目、松岭建材有限公司等的建设情况。\n");
  EXPECT_FALSE(FindFacts(d, EdgeType::kVisited, "韦立", "松岭建材有限公司").empty());
}

}  // namespace
}  // namespace tupu
