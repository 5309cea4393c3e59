// The document's date and the full dates it gives to `5月23日` in the text (made-up articles):
// from the metadata, a masthead or publication line, the page's address, the file or folder name.
#include "extract/domain_document_date.h"

#include <gtest/gtest.h>

#include "extract/domain_text.h"
#include "extract/extractor_test_util.h"

namespace tupu {
namespace {

using domain::DateContext;
using testing::FindFacts;
using testing::Prop;

constexpr char kVisit[] = "5月23日上午,县长周明远到青石镇调研春耕工作。";

std::string VisitDate(const SourceDocument& doc) {
  Extractor extractor(nullptr);
  auto r = extractor.Extract(doc);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return "?";
  auto visits = FindFacts(*r, EdgeType::kVisited, "周明远", "青石镇");
  return visits.size() == 1 ? Prop(visits[0], "date") : "no single visit";
}

SourceDocument Doc(const std::string& key, const std::string& text) {
  SourceDocument doc;
  doc.source_key = doc.origin = key;
  doc.text = text;
  return doc;
}

TEST(DocumentDate, NamesWithDates) {
  DateContext d;
  ASSERT_TRUE(domain::DateInName("archive/20230530.txt", &d));
  EXPECT_EQ(d.year, 2023);
  EXPECT_EQ(d.month, 5);
  EXPECT_EQ(d.day, 30);
  ASSERT_TRUE(domain::DateInName("http://www.example.gov.cn/art/2021/0304/art_12_345.html", &d));
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20210304);
  ASSERT_TRUE(domain::DateInName("mirror/xwzx/202112/t20211207_998877.shtml", &d));
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20211207);
  ASSERT_TRUE(domain::DateInName("2019-11-02/page.html", &d));
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20191102);
  ASSERT_TRUE(domain::DateInName("news/202206/15/c_1.htm", &d));
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20220615);
  // Ids, hashes and impossible days are not dates.
  EXPECT_FALSE(domain::DateInName("000_3b17dd4f54496f26.txt", &d));
  EXPECT_FALSE(domain::DateInName("page_123456789.html", &d));
  EXPECT_FALSE(domain::DateInName("20230231.txt", &d));
  EXPECT_FALSE(domain::DateInName("id_88880530.txt", &d));
}

TEST(DocumentDate, DatelineOnlyInTheFirstShortLines) {
  DateContext d;
  ASSERT_TRUE(domain::DatelineInText("青山日报\n2022年5月17日 星期二\n\n# 标题\n正文。", &d));
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20220517);
  ASSERT_TRUE(
      domain::DatelineInText("# 标题\n发布时间：2021-09-08 10:30 来源：某区融媒体中心\n", &d));
  EXPECT_EQ(d.year * 10000 + d.month * 100 + d.day, 20210908);
  // A year told deep in a long paragraph is about another time.
  EXPECT_FALSE(domain::DatelineInText(
      "# 标题\n回顾历史,这座桥始建于1958年10月1日,经过多次维修加固,至今仍在使用,"
      "成为当地群众出行的重要通道和一道亮丽的风景线。",
      &d));
}

TEST(DocumentDate, MetadataGivesTheYear) {
  SourceDocument doc = Doc("a.txt", kVisit);
  EXPECT_EQ(VisitDate(doc), "05-23");  // nothing gives a year: as before
  doc.date = "2023-05-24 08:00";
  EXPECT_EQ(VisitDate(doc), "2023-05-23");
}

TEST(DocumentDate, FileOrFolderNameGivesTheYear) {
  EXPECT_EQ(VisitDate(Doc("archive/2022-05-25/visit.txt", kVisit)), "2022-05-23");
  EXPECT_EQ(VisitDate(Doc("archive/20210601_county.txt", kVisit)), "2021-05-23");
}

TEST(DocumentDate, MastheadGivesTheYearAndYesterday) {
  const std::string page =
      "青山日报\n2020年5月24日 星期日\n\n# 县长到青石镇调研\n"
      "本报讯 昨天上午,县长周明远到青石镇调研春耕工作。\n";
  EXPECT_EQ(VisitDate(Doc("paper.txt", page)), "2020-05-23");
}

TEST(DocumentDate, GivenDateWithoutYearTakesTheYearFromTheName) {
  SourceDocument doc = Doc("2019/0523/a.txt", kVisit);
  doc.date = "05-23";
  EXPECT_EQ(VisitDate(doc), "2019-05-23");
}

TEST(DocumentDate, AcrossTheYearsEnd) {
  // An article of early January tells of late December: the year before, then back to January.
  SourceDocument doc =
      Doc("a.txt", "12月30日，县长周明远到青石镇调研春耕工作。1月3日，周明远到柳湾村调研。");
  doc.date = "2023-01-05";
  Extractor extractor(nullptr);
  auto r = extractor.Extract(doc);
  ASSERT_TRUE(r.ok());
  auto december = FindFacts(*r, EdgeType::kVisited, "周明远", "青石镇");
  auto january = FindFacts(*r, EdgeType::kVisited, "周明远", "柳湾村");
  ASSERT_EQ(december.size(), 1u);
  ASSERT_EQ(january.size(), 1u);
  EXPECT_EQ(Prop(december[0], "date"), "2022-12-30");
  EXPECT_EQ(Prop(january[0], "date"), "2023-01-03");
  // An announcement of the coming months stays in the article's year.
  domain::DateMention september;
  september.month = 9;
  september.day = 1;
  EXPECT_EQ(domain::ResolveDate(september, {2023, 5, 20}), "2023-09-01");
  EXPECT_EQ(domain::ResolveDate(september, {2023, 1, 10}), "2022-09-01");
}

TEST(DocumentDate, WeekdaysOfLastAndThisWeek) {
  // 2023-05-24 was a Wednesday.
  auto resolve = [](const char* text) {
    const auto dates = domain::FindDates(domain::ToU32(text));
    return dates.size() == 1 ? domain::ResolveDate(dates[0], {2023, 5, 24}) : "not one date";
  };
  EXPECT_EQ(resolve("上周三上午"), "2023-05-17");
  EXPECT_EQ(resolve("上星期日"), "2023-05-21");
  EXPECT_EQ(resolve("本周一"), "2023-05-22");
  EXPECT_EQ(resolve("下周五"), "2023-06-02");
  EXPECT_EQ(domain::FindDates(domain::ToU32("上周末和这周边")).size(), 0u);
  // Without a year the weekday cannot be known: no date rather than a wrong one.
  const auto dates = domain::FindDates(domain::ToU32("上周三"));
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(domain::ResolveDate(dates[0], {0, 5, 24}), "");

  SourceDocument doc = Doc("a.txt", "上周三，县长周明远到青石镇调研春耕工作。");
  doc.date = "2023-05-24";
  EXPECT_EQ(VisitDate(doc), "2023-05-17");
}

TEST(DocumentDate, DocumentNodeCarriesDateUrlAndSource) {
  SourceDocument doc = Doc("saved/page.html", std::string("# 县长到青石镇调研\n") + kVisit);
  doc.url = "https://www.example.gov.cn/xw/2023/0524/c1.html";
  doc.source = "青山县人民政府网";
  Extractor extractor(nullptr);
  auto r = extractor.Extract(doc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date, "2023-05-24");
  const EntityRecord* page = nullptr;
  for (const auto& e : r->entities)
    if (e.label == NodeLabel::kDocument && e.name == "saved/page.html") page = &e;
  ASSERT_NE(page, nullptr);
  ASSERT_NE(FindProperty(page->props, "url"), nullptr);
  EXPECT_EQ(*FindProperty(page->props, "url"), doc.url);
  ASSERT_NE(FindProperty(page->props, "source"), nullptr);
  EXPECT_EQ(*FindProperty(page->props, "source"), "青山县人民政府网");
  EXPECT_EQ(*FindProperty(page->props, "date"), "2023-05-24");
}

}  // namespace
}  // namespace tupu
