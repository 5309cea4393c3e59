// End to end: a folder of saved web pages (made-up, tests/testdata/html/) ingested by the built
// binary. Visits get full dates from the page's publication date, Document nodes the page's
// address and source, queries filter by full dates, pages without an article are named and the
// exit code says so, and the same page saved twice is one document.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli_util.h"
#include "test_util.h"

namespace tupu {
namespace {

namespace fs = std::filesystem;
using testing::RunTupu;
using testing::ShellQuote;
using testing::TempDir;

constexpr int kPartial = 3;

std::string Page(const std::string& name) { return testing::TestDataDir() + "/html/" + name; }

std::string RunLua(const std::string& db, const std::string& code) {
  auto r = RunTupu("run --db " + ShellQuote(db) + " -e " + ShellQuote(code));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

class SavedPagesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(in_);
    for (const char* name :
         {"gov_article.html", "html5_article.html", "table_layout_gb2312.htm", "index_page.html"}) {
      fs::copy(Page(name), in_ + "/" + name);
    }
  }
  TempDir dir_;
  std::string in_ = dir_.Sub("saved");
  std::string db_ = dir_.Sub("t.db");
};

TEST_F(SavedPagesCliTest, VisitsGetFullDatesAndDocumentsTheirAddress) {
  auto r = RunTupu("ingest --db " + ShellQuote(db_) + " " + ShellQuote(in_));
  EXPECT_EQ(r.exit_code, kPartial) << r.err;  // the index page was skipped
  EXPECT_NE(r.err.find("index_page.html"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no article in the page"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 new"), std::string::npos) << r.err;

  // 5月29日 in a page published on 2023-05-30 is 2023-05-29; 9月7日 on 2021-09-08 is 2021-09-07.
  const std::string dates = RunLua(db_,
                                   "for e in g:E('VISITED'):order('date'):iter() do "
                                   "print(e:source().name, e:target().name, e.date) end");
  EXPECT_NE(dates.find("周明远\t柳湾村\t2023-05-29"), std::string::npos) << dates;
  EXPECT_NE(dates.find("高文斌\t东岭水库\t2021-09-07"), std::string::npos) << dates;
  EXPECT_EQ(dates.find("\t05-29"), std::string::npos) << "no visit without its year: " << dates;

  // Queries filter by full dates: the 2023 visits only.
  const std::string in_2023 =
      RunLua(db_,
             "print(g:E('VISITED'):has('date', P.between('2023-01-01', '2024-01-01')):count(), "
             "g:E('VISITED'):count())");
  EXPECT_EQ(in_2023, "3\t6\n");  // 2021: 东岭水库, 西沟塘坝, 白河堤防

  // The page's Document node carries its title, date, source and address.
  const std::string doc =
      RunLua(db_,
             "local d = g:V{label='Document', name="
             "'https://news.hexi.example.cn/local/2022/1108/c1024-55512.html'}:first() "
             "print(d:get('title'), d:get('date'), d:get('source'), d:get('url'))");
  EXPECT_EQ(doc,
            "河西区召开安全生产工作会议\t2022-11-08\t河西日报\t"
            "https://news.hexi.example.cn/local/2022/1108/c1024-55512.html\n");
  const std::string saved = RunLua(
      db_,
      "for d in g:V{label='Document'}:iter() do if d:get('title') == '白河镇开展汛后水利设施检查' "
      "then print(d:get('url'), d:get('source')) end end");
  EXPECT_EQ(
      saved,
      "http://www.baihe.example.gov.cn/xxgk/gzdt/202109/t20210908_4455667.html\t白河镇水利站\n");

  // The evidence of a fact gives the page's source and address.
  const std::string evidence = RunLua(db_,
                                      "local ev = g:V('高文斌'):outE('VISITED'):first():evidence() "
                                      "print(ev.title, ev.doc_date, ev.source, ev.url)");
  EXPECT_EQ(evidence,
            "白河镇开展汛后水利设施检查\t2021-09-08\t白河镇水利站\t"
            "http://www.baihe.example.gov.cn/xxgk/gzdt/202109/t20210908_4455667.html\n");
}

TEST_F(SavedPagesCliTest, QueriesPrintThePagesAddressAndSource) {
  ASSERT_EQ(RunTupu("ingest --db " + ShellQuote(db_) + " " + ShellQuote(in_)).exit_code, kPartial);
  auto visits = RunTupu("run --db " + ShellQuote(db_) + " " +
                        ShellQuote(testing::SourceDir() + "/queries/visits.lua") + " csv");
  ASSERT_EQ(visits.exit_code, 0) << visits.err;
  EXPECT_NE(
      visits.out.find("高文斌,白河镇党委书记,东岭水库,2021-09-07,"
                      "http://www.baihe.example.gov.cn/xxgk/gzdt/202109/t20210908_4455667.html"),
      std::string::npos)
      << visits.out;
  auto report = RunTupu("run --db " + ShellQuote(db_) + " " +
                        ShellQuote(testing::SourceDir() + "/queries/report.lua"));
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(
      report.out.find(" — *白河镇水利站, "
                      "http://www.baihe.example.gov.cn/xxgk/gzdt/202109/t20210908_4455667.html*"),
      std::string::npos)
      << report.out;
}

TEST_F(SavedPagesCliTest, SamePageSavedTwiceIsOneDocument) {
  // A page without a canonical address, saved again under another name with other chrome around
  // the article (the text is the same: a duplicate), and a page with one (the same key: unchanged).
  fs::copy(Page("gov_article.html"), in_ + "/gov_article (1).html");
  std::string again = testing::ReadFileOrDie(Page("html5_article.html"));
  again.insert(again.find("<main>"), "<div class=\"banner\">今日推荐：更多精彩内容</div>\n");
  testing::WriteFileOrDie(in_ + "/hexi_saved_again.html", again);
  auto r = RunTupu("ingest --db " + ShellQuote(db_) + " " + ShellQuote(in_));
  EXPECT_EQ(r.exit_code, kPartial) << r.err;
  EXPECT_NE(r.err.find("3 new"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 unchanged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 duplicates"), std::string::npos) << r.err;
  EXPECT_EQ(RunLua(db_, "print(g:V{label='Document'}:count())"), "3\n");
}

}  // namespace
}  // namespace tupu
