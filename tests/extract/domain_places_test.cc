// Unit tests of the gazetteer (extract/domain_gazetteer.h) and of the article's places
// (extract/domain_article_places.h) on made-up sentences: full and short forms, short forms that
// are words or parts of names, and bare bodies qualified by the one place of their level.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/domain_article_places.h"
#include "extract/domain_gazetteer.h"
#include "extract/domain_org_naming.h"
#include "extract/domain_text.h"
#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using domain::Gazetteer;
using domain::ToU32;
using domain::ToUtf8;
using testing::ExtractText;
using testing::FindFacts;

std::vector<std::string> Places(const std::string& text) {
  const std::u32string s = ToU32(text);
  std::vector<std::string> out;
  for (const auto& m : Gazetteer::Get().FindPlaces(s))
    out.push_back(ToUtf8(m.division->name) + (m.short_form ? "~" : ""));
  return out;
}

TEST(DomainGazetteer, LoadsEveryLevel) {
  EXPECT_GT(Gazetteer::Get().size(), 40000u);
  ASSERT_EQ(Gazetteer::Get().Named(U"桐庐县").size(), 1u);
  const auto* county = Gazetteer::Get().Named(U"桐庐县").front();
  EXPECT_EQ(county->level, domain::DivisionLevel::kCounty);
  EXPECT_EQ(county->level_char, U'县');
  const auto* city = Gazetteer::Get().ByCode(county->parent);
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(ToUtf8(city->name), "杭州市");
  // Two districts of one name in two cities.
  EXPECT_GE(Gazetteer::Get().Named(U"朝阳区").size(), 2u);
  EXPECT_EQ(Gazetteer::Get().Named(U"正蓝旗").front()->level_char, U'旗');
}

TEST(DomainGazetteer, FullAndShortForms) {
  EXPECT_EQ(Places("婺源县委书记到上饶市汇报。"), (std::vector<std::string>{"婺源县", "上饶市"}));
  EXPECT_EQ(Places("在婺源这片土地上"), (std::vector<std::string>{"婺源县~"}));
  // A short form before a place word is part of another name.
  EXPECT_TRUE(Places("婺源路").empty());
  // Short forms that are common words are never places.
  EXPECT_TRUE(Places("和平发展").empty());
}

TEST(DomainArticlePlaces, BareBodiesTakeTheOnePlaceOfTheirLevel) {
  auto d = ExtractText(
      "3月1日,县委书记周立到白沙村调研。县委副书记、县长吴江陪同。\n在婺源这片土地上,我们要加油干。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "周立", "婺源县委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "吴江", "婺源县政府").size(), 1u);
}

TEST(DomainArticlePlaces, TwoPlacesOfALevelLeaveBodiesBare) {
  auto d = ExtractText("婺源县和桐庐县结对。县委书记周立出席。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "周立", "县委").size(), 1u);
}

TEST(DomainArticlePlaces, ShortFormsInsideNamesAreNoPlaces) {
  // 县长宁远 holds 宁远 (a county's short form): no place.
  auto d = ExtractText("县委副书记、县长宁远主持会议。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "宁远", "县委").size(), 1u);
}

TEST(DomainArticlePlaces, CompaniesInBracketsAndAfterATown) {
  // The tagger's brackets do not cut the name; the town before it is an alias's worth.
  auto d = ExtractText("在婺源县紫阳镇青禾电气(江西)有限公司,调研组查看车间。");
  EXPECT_TRUE(testing::HasAlias(d, "青禾电气(江西)有限公司"));
}

TEST(DomainArticlePlaces, ProvincialBodiesTakeTheProvince) {
  auto d = ExtractText("按照江西省政协工作部署,省政协常委、水利厅厅长周立到婺源县调研。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "周立", "江西省政协").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "周立", "江西省水利厅").size(), 1u);
}

TEST(DomainArticlePlaces, BannersHaveBodiesToo) {
  auto d = ExtractText("正蓝旗召开会议。旗委书记敖其尔主持。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "敖其尔", "正蓝旗委").size(), 1u);
}

TEST(DomainArticlePlaces, OneCharacterCountiesAndConjunctions) {
  // A county of one character keeps its level word before the committee's.
  auto d = ExtractText("8月1日,县委书记郑远到沛县经济开发区调研。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "郑远", "沛县县委").size(), 1u);
  // 和县 is a county, but 和 before a bare body is "and".
  auto e = ExtractText("会议审议了县总工会《关于评选劳动模范的请示》和县妇联《关于表彰的请示》。县委书记郑远主持会议。");
  EXPECT_EQ(FindFacts(e, EdgeType::kHoldsPosition, "郑远", "县委").size(), 1u);
}

TEST(DomainArticlePlaces, ShortFormsJiebaMisTagsAndKindsOfCounty) {
  // 仙居 is in jieba's dictionary as a rare noun: a rare word is the place, not a word.
  auto d = ExtractText("近年来,仙居坚持绿色发展。县委书记郑远主持会议。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "郑远", "仙居县委").size(), 1u);
  // 百强县 is a kind of county, no county: it leaves the one county named in charge.
  domain::OrgContext ctx;
  EXPECT_EQ(domain::NotePlace(U"百强县", &ctx), 0u);
  // A place phrase cut short at its start keeps the division at its end (徐州市沛县 read from 州).
  EXPECT_EQ(domain::NotePlace(U"州市沛县", &ctx), U'县');
  EXPECT_EQ(ctx.OnlyPlaceOf(U'县'), U"沛县");
}

TEST(DomainArticlePlaces, PhrasesThatNameNoOrganization) {
  auto d = ExtractText("5月2日,县长郑远到部分市人大代表家中走访。他要求镇村两级抓好落实,市委政府高度重视,各行政村要做好准备。");
  for (const char* junk : {"部分市人大", "镇村", "市委政府", "行政村"})
    EXPECT_FALSE(testing::HasEntity(d, NodeLabel::kOrganization, junk)) << junk;
}

TEST(DomainArticlePlaces, ATownWrittenInFullOwnsItsShortForm) {
  // 延寿镇 written in full: a bare 延寿 later is that town, not 延寿县 (a county of that short
  // name elsewhere), so the county named in full stays the article's one county.
  auto d = ExtractText(
      "9月20日,沛县县委副书记郑远深入延寿镇调研。延寿光伏项目进展顺利。"
      "镇党委书记林海,党委副书记、镇长提名人选罗青陪同。县委书记韦东出席。");
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "韦东", "沛县县委").size(), 1u);
  // The chain's 党委 is the town's committee, and a nomination is no post.
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "罗青", "延寿镇党委").size(), 1u);
  EXPECT_EQ(FindFacts(d, EdgeType::kHoldsPosition, "罗青", "").size(), 1u);
}

TEST(DomainArticlePlaces, CommitteesOfABodyAndItsSchool) {
  auto d = ExtractText("7月15日,区委常委会召开会议。区安委会主要成员单位参加。省委党校专家赴青川县调研。");
  for (const char* body : {"区委常委会", "区安委会"})
    EXPECT_TRUE(testing::HasEntity(d, NodeLabel::kOrganization, body)) << body;
  // The article is about a county of 四川省: its bare 省委 is that province's.
  EXPECT_TRUE(testing::HasEntity(d, NodeLabel::kOrganization, "四川省委党校"));
}

}  // namespace
}  // namespace tupu
