// The saved-page reader on made-up pages (tests/testdata/html/): the main text and the metadata
// of each page are pinned in tests/golden/html/<page>.txt. After checking a change, regenerate with
//   TUPU_UPDATE_GOLDEN=1 build/tests/extract/extract_tests --gtest_filter='*HtmlReader*'
// Pages that hold no article (an index, frames only, a file cut short) are refused with a reason.
#include "extract/html_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "extract/document_reader.h"
#include "extract/html_metadata.h"
#include "test_util.h"

namespace tupu {
namespace {

namespace fs = std::filesystem;

std::string PageDir() { return testing::TestDataDir() + "/html"; }

// What a reader of the page should get: metadata, then the text.
std::string GoldenView(const html::HtmlPage& page) {
  std::ostringstream out;
  out << "title: " << page.meta.title << "\n"
      << "date: " << page.meta.date << "\n"
      << "source: " << page.meta.source << "\n"
      << "url: " << page.meta.url << "\n"
      << "encoding: " << page.encoding << "\n"
      << "---\n"
      << page.text;
  return out.str();
}

class HtmlReaderGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(HtmlReaderGolden, MainTextAndMetadata) {
  const std::string name = GetParam();
  auto page = html::ReadHtmlPage(testing::ReadFileOrDie(PageDir() + "/" + name));
  ASSERT_TRUE(page.ok()) << name << ": " << page.status().ToString();
  const std::string got = GoldenView(*page);
  const fs::path golden = fs::path(testing::SourceDir()) / "tests/golden/html" / (name + ".txt");
  if (std::getenv("TUPU_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(golden.parent_path());
    testing::WriteFileOrDie(golden.string(), got);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " missing: run with TUPU_UPDATE_GOLDEN=1";
  EXPECT_EQ(got, testing::ReadFileOrDie(golden.string())) << name;
}

INSTANTIATE_TEST_SUITE_P(Pages, HtmlReaderGolden,
                         ::testing::Values("gov_article.html", "html5_article.html",
                                           "table_layout_gb2312.htm", "gbk_meta_charset.html",
                                           "t20190415_3344", "sidebar_prose.html",
                                           "related_in_body.html", "split_body.html",
                                           "br_text.html", "unmarked_comments.html",
                                           "long_footer.html", "table_rows.html",
                                           "div_paragraphs.html"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

std::string RefusalOf(const std::string& name) {
  auto page = html::ReadHtmlPage(testing::ReadFileOrDie(PageDir() + "/" + name));
  return page.ok() ? "read: " + page->text : page.status().ToString();
}

TEST(HtmlReader, IndexPageIsNoArticle) {
  EXPECT_NE(RefusalOf("index_page.html").find("no article in the page"), std::string::npos)
      << RefusalOf("index_page.html");
}

TEST(HtmlReader, FramesOnlyNameTheFramedPages) {
  const std::string why = RefusalOf("frames.html");
  EXPECT_NE(why.find("only frames"), std::string::npos) << why;
  EXPECT_NE(why.find("content_20230530.html"), std::string::npos) << why;
}

TEST(HtmlReader, TruncatedPageIsRefused) {
  const std::string why = RefusalOf("truncated.html");
  EXPECT_NE(why.find("truncated"), std::string::npos) << why;
}

TEST(HtmlReader, HostileNestingIsRefusedBeforeParsing) {
  // Parsing is quadratic in the nesting depth: such a page would take minutes.
  std::string page = "<html><body>";
  for (int i = 0; i < 100001; ++i) page += "<div>";
  page += "这是一段正文。";
  auto read = html::ReadHtmlPage(page);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().ToString().find("tags"), std::string::npos) << read.status().ToString();
}

TEST(HtmlReader, GbkPageDeclaredWithMetaCharset) {
  // GBK bytes, declared with <meta charset=gbk>: read as GB18030 (its superset), not as UTF-8.
  auto gbk = html::ReadHtmlPage(testing::ReadFileOrDie(PageDir() + "/gbk_meta_charset.html"));
  ASSERT_TRUE(gbk.ok()) << gbk.status().ToString();
  EXPECT_EQ(gbk->encoding, "GB18030");
  EXPECT_NE(gbk->text.find("南湖街道党工委书记冯秋实主持召开社区治理工作推进会"),
            std::string::npos);
  EXPECT_EQ(gbk->meta.title, "南湖街道召开社区治理工作推进会");
  EXPECT_EQ(gbk->meta.source, "南湖街道党政办");
}

TEST(HtmlReader, TitleWithoutSiteName) {
  EXPECT_EQ(html::TitleWithoutSiteName("县长到石桥镇调研_青山县人民政府"), "县长到石桥镇调研");
  EXPECT_EQ(html::TitleWithoutSiteName("青山新闻网 | 县长到石桥镇调研工作"),
            "县长到石桥镇调研工作");
  EXPECT_EQ(html::TitleWithoutSiteName("县长到石桥镇调研 - 青山新闻"), "县长到石桥镇调研");
  EXPECT_EQ(html::TitleWithoutSiteName("没有网站名的标题"), "没有网站名的标题");
}

TEST(HtmlReader, SniffsPagesWithoutExtension) {
  EXPECT_TRUE(html::LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(html::LooksLikeHtml("<!-- saved from url=(0020)http://a.cn/b.html -->\n<HTML>"));
  EXPECT_FALSE(html::LooksLikeHtml("# 标题\n正文<b>不是网页</b>"));
  EXPECT_FALSE(html::LooksLikeHtml("<!-- never closed"));
}

// A browser's "save complete page" writes `Page_files/` beside `Page.html`, with the framed widgets
// (share buttons, adverts) as pages of their own: not articles, not read, not reported.
TEST(HtmlReader, SavedPageResourceFoldersAreNotRead) {
  testing::TempDir dir;
  fs::copy(PageDir() + "/gov_article.html", dir.Sub("县长调研.html"));
  fs::create_directories(dir.Sub("县长调研_files"));
  fs::copy(PageDir() + "/index_page.html", dir.Sub("县长调研_files/share_widget.html"));
  fs::create_directories(dir.Sub("other_files"));  // no page of that name: an ordinary folder
  fs::copy(PageDir() + "/br_text.html", dir.Sub("other_files/page.html"));
  DocumentReader reader;
  std::vector<std::string> read, skipped;
  ASSERT_TRUE(reader
                  .Read(
                      dir.path(), [&](SourceDocument&& d) { read.push_back(d.origin); },
                      [&](const std::string& origin, const Status&) { skipped.push_back(origin); })
                  .ok());
  EXPECT_EQ(read.size(), 2u) << ::testing::PrintToString(read);
  EXPECT_TRUE(skipped.empty()) << ::testing::PrintToString(skipped);
  EXPECT_EQ(
      DocumentReader::TotalBytes(dir.path()),
      fs::file_size(dir.Sub("县长调研.html")) + fs::file_size(dir.Sub("other_files/page.html")));
}

// Through DocumentReader: a folder of saved pages gives one document per page with an article,
// the others reported by name; pages without an extension are found by their content.
TEST(HtmlReader, FolderOfSavedPages) {
  DocumentReader reader;
  std::vector<SourceDocument> docs;
  std::vector<std::string> skipped;
  ASSERT_TRUE(reader
                  .Read(
                      PageDir(), [&](SourceDocument&& d) { docs.push_back(std::move(d)); },
                      [&](const std::string& origin, const Status& s) {
                        skipped.push_back(fs::path(origin).filename().string() + ": " +
                                          s.ToString());
                      })
                  .ok());
  EXPECT_EQ(docs.size(), 13u);
  ASSERT_EQ(skipped.size(), 3u) << ::testing::PrintToString(skipped);
  EXPECT_EQ(skipped[0].rfind("frames.html", 0), 0u) << skipped[0];
  EXPECT_EQ(skipped[1].rfind("index_page.html", 0), 0u) << skipped[1];
  EXPECT_EQ(skipped[2].rfind("truncated.html", 0), 0u) << skipped[2];
  size_t dated = 0;
  for (const auto& d : docs) {
    EXPECT_FALSE(d.title.empty()) << d.origin;
    EXPECT_TRUE(d.date.empty() || d.date.size() == 10u) << d.origin << " date " << d.date;
    dated += !d.date.empty();
    EXPECT_EQ(d.text.rfind("# ", 0), 0u) << d.origin;
  }
  EXPECT_EQ(dated, 8u);  // five pages state no date of their own (the extractor looks further)
  // Keyed by the canonical address when it names an article, else by the file's path.
  bool keyed_by_address = false, keyed_by_path = false;
  for (const auto& d : docs) {
    keyed_by_address |=
        d.source_key == "https://news.hexi.example.cn/local/2022/1108/c1024-55512.html";
    keyed_by_path |= d.source_key == d.origin;
  }
  EXPECT_TRUE(keyed_by_address);
  EXPECT_TRUE(keyed_by_path);
}

}  // namespace
}  // namespace tupu
