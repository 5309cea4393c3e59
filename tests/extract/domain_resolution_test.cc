// Resolution on made-up sentences: each article's region (domain_article_region.h) and the scope
// every name gets from its document alone (domain_resolution.h). The places are real (the
// gazetteer's), the people and the events made up.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "extract/domain_article_region.h"
#include "extract/domain_gazetteer.h"
#include "extract/domain_text.h"
#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using testing::ExtractText;

ExtractedDocument ExtractFrom(const std::string& text, const std::string& key, const std::string& source = "",
                              const std::string& region = "") {
  SourceDocument doc;
  doc.source_key = key;
  doc.origin = key;
  doc.text = text;
  doc.source = source;
  doc.region = region;
  return testing::ExtractDocument(doc);
}

const EntityRecord* Entity(const ExtractedDocument& d, NodeLabel label, const std::string& name) {
  for (const auto& e : d.entities)
    if (e.label == label && e.name == name) return &e;
  return nullptr;
}

// The scope of the entity, or "<none>" when the document has no such entity.
std::string ScopeOf(const ExtractedDocument& d, NodeLabel label, const std::string& name) {
  const EntityRecord* e = Entity(d, label, name);
  return e == nullptr ? "<none>" : e->scope;
}

std::string RegionOf(const ExtractedDocument& d) {
  const EntityRecord* page = Entity(d, NodeLabel::kDocument, d.source_key);
  const std::string* region = page ? FindProperty(page->props, "region") : nullptr;
  return region ? *region : "";
}

const domain::Division* Only(const char* name) {
  auto named = domain::Gazetteer::Get().Named(domain::ToU32(name));
  return named.size() == 1 ? named.front() : nullptr;
}

TEST(ArticleRegion, RegionPathsAndAncestors) {
  const domain::Division* county = Only("西峡县");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(domain::RegionPath(county), "河南省/南阳市/西峡县");
  EXPECT_EQ(domain::ToUtf8(domain::AncestorAt(county, domain::DivisionLevel::kCity)->name), "南阳市");
  // A district of a municipality: the statistics' 市辖区 is skipped.
  auto chaoyang = domain::Gazetteer::Get().Named(U"朝阳区");
  ASSERT_EQ(chaoyang.size(), 2u);
  std::set<std::string> paths;
  for (auto* d : chaoyang) paths.insert(domain::RegionPath(d));
  EXPECT_TRUE(paths.count("北京市/朝阳区")) << *paths.begin();
}

TEST(ArticleRegion, TextOfARegionResolvesAmbiguousNamesByTheirCity) {
  EXPECT_EQ(domain::RegionPath(domain::ResolveRegionText("连云港市海州区")), "江苏省/连云港市/海州区");
  EXPECT_EQ(domain::RegionPath(domain::ResolveRegionText("阜新市海州区")), "辽宁省/阜新市/海州区");
  EXPECT_EQ(domain::ResolveRegionText("海州区"), nullptr);  // two of them: which is not said
}

TEST(ArticleRegion, MostOfTheArticlesPlacesMakeItsRegion) {
  auto d = ExtractText("3月2日,西峡县县长甲乙丙在西峡县丁戊镇调研。南阳市副市长己庚陪同。", nullptr, "a.txt");
  EXPECT_EQ(RegionOf(d), "河南省/南阳市/西峡县");
}

TEST(ArticleRegion, AnArticleNamingOnlyItsCountyQualifiesTheCitysBodies) {
  auto d = ExtractText("3月20日,将乐县召开会议,传达市委、市政府有关会议精神。", nullptr, "a.txt");
  EXPECT_TRUE(testing::HasEntity(d, NodeLabel::kOrganization, "三明市委"));
  EXPECT_TRUE(testing::HasAlias(d, "市委"));
}

TEST(ArticleRegion, TheArchivesRegionQualifiesBareBodies) {
  auto d = ExtractFrom("5月6日,县委书记甲乙丙到某某村调研。", "a.txt", "", "河南省南阳市西峡县");
  EXPECT_TRUE(testing::HasEntity(d, NodeLabel::kOrganization, "西峡县委"));
  EXPECT_EQ(RegionOf(d), "河南省/南阳市/西峡县");
}

TEST(Resolution, BareBodiesBelongToTheirSource) {
  auto a = ExtractFrom("5月6日,市委书记甲乙丙主持召开市委常委会会议。", "a/1.txt", "东方日报");
  auto b = ExtractFrom("5月6日,市委书记丁戊己主持召开市委常委会会议。", "b/1.txt");
  EXPECT_EQ(ScopeOf(a, NodeLabel::kOrganization, "市委"), "source:东方日报");
  EXPECT_EQ(ScopeOf(b, NodeLabel::kOrganization, "市委"), "source:b");  // the folder of the file
  EXPECT_NE(Entity(a, NodeLabel::kOrganization, "市委")->key().id(),
            Entity(b, NodeLabel::kOrganization, "市委")->key().id());
}

TEST(Resolution, AnAddressOnTheFirstLineNamesTheSource) {
  auto d = ExtractFrom("https://news.example.cn/2023/0506/1.html\n5月6日,市委书记甲乙丙主持召开会议。", "x/1.txt");
  EXPECT_EQ(ScopeOf(d, NodeLabel::kOrganization, "市委"), "source:news.example.cn");
}

TEST(Resolution, SameNamedDistrictsAreScopedByTheirCity) {
  auto a = ExtractText("4月1日,阜新市海州区委书记甲乙丙到海州区某某街道调研。", nullptr, "a.txt");
  auto b = ExtractText("4月1日,连云港市海州区委书记丁戊己到海州区调研。", nullptr, "b.txt");
  EXPECT_EQ(ScopeOf(a, NodeLabel::kOrganization, "海州区委"), "辽宁省/阜新市/海州区");
  EXPECT_EQ(ScopeOf(b, NodeLabel::kOrganization, "海州区委"), "江苏省/连云港市/海州区");
  // Named from the lowest region, with the written form as an alias.
  EXPECT_TRUE(testing::HasAlias(a, "阜新市海州区委"));
}

TEST(Resolution, TheCityWrittenBeforeADistrictSaysWhichItIs) {
  // The article's places disagree (五龙街道 is 阜新's); the name as written still says which.
  auto d = ExtractText("4月2日,中共连云港市海州区委书记甲乙丙到五龙街道调研。", nullptr, "a.txt");
  EXPECT_EQ(ScopeOf(d, NodeLabel::kOrganization, "海州区委"), "江苏省/连云港市/海州区");
  EXPECT_EQ(ScopeOf(d, NodeLabel::kPerson, "甲乙丙"), "江苏省/连云港市");
}

TEST(Resolution, APartysNameBeforeTheRegionIsNoPlace) {
  auto d = ExtractText("4月2日,民盟南阳市委副主委李文涛到某某村调研。", nullptr, "a.txt");
  EXPECT_EQ(ScopeOf(d, NodeLabel::kPerson, "李文涛"), "河南省/南阳市");
}

TEST(Resolution, AUniqueRegionNeedsNoScope) {
  auto d = ExtractText("3月2日,西峡县委书记甲乙丙到某某镇调研。", nullptr, "a.txt");
  EXPECT_EQ(ScopeOf(d, NodeLabel::kOrganization, "西峡县委"), "");
}

TEST(Resolution, PersonsTakeThePrefectureOfTheirBodies) {
  auto county = ExtractText("3月2日,西峡县委书记甲乙丙到某某镇调研。", nullptr, "a.txt");
  auto city = ExtractText("5月9日,南阳市副市长甲乙丙到某某公司调研。", nullptr, "b.txt");
  EXPECT_EQ(ScopeOf(county, NodeLabel::kPerson, "甲乙丙"), "河南省/南阳市");
  // Promoted within the city: the same node.
  EXPECT_EQ(ScopeOf(city, NodeLabel::kPerson, "甲乙丙"), "河南省/南阳市");
  auto elsewhere = ExtractText("3月2日,将乐县委书记甲乙丙到某某镇调研。", nullptr, "c.txt");
  EXPECT_EQ(ScopeOf(elsewhere, NodeLabel::kPerson, "甲乙丙"), "福建省/三明市");
}

TEST(Resolution, NationalLeadersHaveNoScope) {
  auto d = ExtractText("会议传达学习了严承志总书记重要讲话精神。西峡县委书记丁戊己主持。", nullptr, "a.txt");
  EXPECT_EQ(ScopeOf(d, NodeLabel::kPerson, "严承志"), "");
}

TEST(Resolution, ReportersBelongToTheirPaper) {
  auto d = ExtractFrom("西峡县召开会议\n本报记者 李文涛\n3月2日,西峡县召开会议。", "a/1.txt", "东方日报");
  EXPECT_EQ(ScopeOf(d, NodeLabel::kPerson, "李文涛"), "source:东方日报");
}

TEST(Resolution, FactsCarryTheScopesOfTheirEnds) {
  auto d = ExtractFrom("5月6日,市委书记甲乙丙到某某公司调研。", "a/1.txt", "东方日报");
  for (const auto* f : testing::FindFacts(d, EdgeType::kHoldsPosition, "甲乙丙", "")) {
    EXPECT_EQ(f->src.scope, ScopeOf(d, NodeLabel::kPerson, "甲乙丙"));
    EXPECT_EQ(f->dst.scope, "source:东方日报");
  }
}

TEST(Resolution, RegionsLinkUpToTheirProvince) {
  auto d = ExtractText("3月2日,西峡县委书记甲乙丙在西峡县调研。", nullptr, "a.txt");
  EXPECT_EQ(testing::FindFacts(d, EdgeType::kPartOf, "西峡县", "南阳市").size(), 1u);
  EXPECT_EQ(testing::FindFacts(d, EdgeType::kPartOf, "南阳市", "河南省").size(), 1u);
}

}  // namespace
}  // namespace tupu
