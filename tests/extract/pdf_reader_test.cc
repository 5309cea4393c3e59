// The PDF reader on made-up e-paper PDFs, written by tests/extract/make_test_pdfs.py (reportlab)
// into a temporary folder: reading order across columns drawn out of order, words broken across
// lines joined, the masthead's date on every page, and bad PDFs (scan, password, damaged) refused
// with the reason. The layout rules alone are tested on boxes placed by hand.
#include "extract/pdf_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/document_reader.h"
#include "extract/extractor_test_util.h"
#include "extract/pdf_layout.h"
#include "test_util.h"

namespace tupu {
namespace {

namespace fs = std::filesystem;

class PdfReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto r = testing::RunCommand(std::string(TUPU_PYTHON) + " " + testing::SourceDir() +
                                       "/tests/extract/make_test_pdfs.py " + dir_->path());
    ASSERT_EQ(r.exit_code, 0) << r.out
                              << "\n(needs python3-reportlab: scripts/install-deps.sh --test)";
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Pdf(const std::string& name) { return dir_->Sub(name); }

  static std::vector<pdf::PdfPage> Pages(const std::string& name, Status* status,
                                         pdf::PdfReadResult* result) {
    std::vector<pdf::PdfPage> pages;
    *status = pdf::ReadPdfFile(
        Pdf(name), [&](pdf::PdfPage&& p) { pages.push_back(std::move(p)); }, result);
    return pages;
  }

  static testing::TempDir* dir_;
};
testing::TempDir* PdfReaderTest::dir_ = nullptr;

TEST_F(PdfReaderTest, ColumnsInReadingOrderWithTheMastheadDate) {
  Status s;
  pdf::PdfReadResult result;
  auto pages = Pages("epaper.pdf", &s, &result);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(result.pages, 3);
  EXPECT_EQ(result.pages_without_text, std::vector<int>{3});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].number, 1);
  EXPECT_EQ(pages[0].date, "2022-05-17");
  EXPECT_EQ(pages[0].paper, "青山日报");
  // The masthead is page furniture (its date is kept); the headline is a `#` heading; each
  // column's paragraphs come whole, the left column before the right, broken words joined; the
  // paragraph that runs on into the next column is joined by the article splitter.
  EXPECT_EQ(pages[0].text,
            "# 周明远到石桥镇调研乡村振兴工作\n\n"
            "本报讯 5月16日上午，县长周明远到石桥镇调研乡村振兴工作，县政府办公室主任林晓东陪同。\n"
            "周明远先后来到石桥镇柳湾村、青山经济开发区和石桥镇农产品加工园管委会，实地查看特色产"
            "业发展情况，详细了解村集体经济收入和群众增收\n\n"
            "情况。\n"
            "周明远强调，要坚持农业农村优先发展，不断拓宽群众增收渠道。\n"
            "当天下午，周明远还到县农业农村局调研，听取工作汇报。\n");
  // Page 2 has no masthead: it is of the same issue.
  EXPECT_EQ(pages[1].number, 2);
  EXPECT_EQ(pages[1].date, "2022-05-17");
  EXPECT_EQ(pages[1].paper, "青山日报");
}

TEST_F(PdfReaderTest, VisitsOnThePageGetTheMastheadYear) {
  Status s;
  pdf::PdfReadResult result;
  auto pages = Pages("epaper.pdf", &s, &result);
  ASSERT_FALSE(pages.empty());
  SourceDocument doc;
  doc.source_key = doc.origin = "epaper.pdf#page=1";
  doc.text = pages[0].text;
  doc.date = pages[0].date;
  auto d = Extractor(nullptr).Extract(doc);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  auto visits = testing::FindFacts(*d, EdgeType::kVisited, "周明远", "");
  ASSERT_FALSE(visits.empty());
  for (const FactRecord* v : visits) {
    const std::string date = testing::Prop(v, "date");
    EXPECT_EQ(date, "2022-05-16") << v->dst.name;  // 5月16日 in an issue of 2022
  }
}

TEST_F(PdfReaderTest, BadPdfsAreRefusedWithTheReason) {
  Status s;
  pdf::PdfReadResult result;
  Pages("scan.pdf", &s, &result);
  EXPECT_NE(s.ToString().find("no text layer"), std::string::npos) << s.ToString();
  Pages("encrypted.pdf", &s, &result);
  EXPECT_NE(s.ToString().find("encrypted"), std::string::npos) << s.ToString();
  for (const char* name : {"broken.pdf", "not_a_pdf.pdf"}) {
    Pages(name, &s, &result);
    EXPECT_NE(s.ToString().find("not a readable PDF"), std::string::npos) << name << s.ToString();
  }
}

TEST_F(PdfReaderTest, PageWithOnlyAMastheadGivesNoDocument) {
  Status s;
  pdf::PdfReadResult result;
  auto pages = Pages("masthead_only.pdf", &s, &result);
  EXPECT_TRUE(s.ok()) << s.ToString();  // it has text: not a scan
  EXPECT_TRUE(pages.empty());
  EXPECT_TRUE(result.pages_without_text.empty());
}

TEST_F(PdfReaderTest, FiveHundredPagesOneAtATime) {
  size_t pages = 0, dated = 0;
  pdf::PdfReadResult result;
  const auto start = std::chrono::steady_clock::now();
  Status s = pdf::ReadPdfFile(
      Pdf("issue_500_pages.pdf"),
      [&](pdf::PdfPage&& p) {
        ++pages;
        dated += p.date == "2022-05-17";
      },
      &result);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(pages, 500u);
  EXPECT_EQ(dated, 500u);
  EXPECT_LT(seconds, 60) << "500 small pages should read in seconds";
}

// Through DocumentReader: one document per page, keyed `file.pdf#page=N`; every bad file named.
TEST_F(PdfReaderTest, FolderOfPdfs) {
  DocumentReader reader;
  std::vector<SourceDocument> docs;
  std::vector<std::string> errors;
  ASSERT_TRUE(reader
                  .Read(
                      dir_->path(), [&](SourceDocument&& d) { docs.push_back(std::move(d)); },
                      [&](const std::string& origin, const Status& st) {
                        errors.push_back(fs::path(origin).filename().string() + ": " +
                                         st.ToString());
                      })
                  .ok());
  EXPECT_EQ(docs.size(), 502u);
  ASSERT_EQ(errors.size(), 5u) << ::testing::PrintToString(errors);
  EXPECT_EQ(errors[0].rfind("broken.pdf: ", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("encrypted.pdf: ", 0), 0u) << errors[1];
  EXPECT_NE(errors[2].find("epaper.pdf: "), std::string::npos) << errors[2];
  EXPECT_NE(errors[2].find("page(s) 3"), std::string::npos) << errors[2];
  EXPECT_EQ(errors[3].rfind("not_a_pdf.pdf: ", 0), 0u) << errors[3];
  EXPECT_EQ(errors[4].rfind("scan.pdf: ", 0), 0u) << errors[4];  // masthead_only.pdf: no error
  ASSERT_FALSE(docs.empty());
  EXPECT_EQ(fs::path(docs[0].source_key).filename().string(), "epaper.pdf#page=1");
  EXPECT_EQ(docs[0].date, "2022-05-17");
  EXPECT_EQ(docs[0].source, "青山日报");
}

// Boxes placed by hand: two columns whose paragraphs line up row for row (the case a cut across
// the page first would read across), under a headline that spans both.
TEST(PdfLayout, AlignedColumnsAreReadOneAfterTheOther) {
  auto box = [](const char* text, double x, double y, double w) {
    return pdf::TextBox{text, x, y, w, 10, false};
  };
  std::vector<pdf::TextBox> boxes = {
      {"大标题横跨两栏", 0, 0, 300, 20, false},
      box("左一甲", 0, 40, 100),
      box("右一甲", 200, 40, 100),
      box("左一乙", 0, 55, 40),
      box("右一乙", 200, 55, 40),
      box("左二甲", 0, 80, 100),
      box("右二甲", 200, 80, 100),
  };
  std::string text;
  for (const auto& b : pdf::ReadingOrderBlocks(boxes))
    text += (b.headline ? "# " : "") + b.text + "|";
  EXPECT_EQ(text, "# 大标题横跨两栏|左一甲左一乙|左二甲|右一甲右一乙|右二甲|");
}

TEST(PdfLayout, LatinWordsKeepTheirSpaceAndLoseTheBreakHyphen) {
  std::vector<pdf::TextBox> boxes = {
      {"Green", 0, 0, 100, 10, false},
      {"devel-", 0, 12, 100, 10, false},
      {"opment", 0, 24, 100, 10, false},
  };
  auto blocks = pdf::ReadingOrderBlocks(boxes);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "Green development");
}

}  // namespace
}  // namespace tupu
