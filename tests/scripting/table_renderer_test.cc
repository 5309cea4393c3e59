// The table renderers: CJK-aware alignment, csv quoting, json, markdown, row limits.
#include "scripting/table_renderer.h"

#include <gtest/gtest.h>

#include "common/utf8.h"

namespace tupu {
namespace {

TextTable Sample() {
  return TextTable{{"name", "n"}, {{"张红军", "1"}, {"ab", "22"}}};
}

TEST(TableRendererTest, TableAlignsChineseByDisplayWidth) {
  std::string out = RenderTable(Sample(), RenderOptions{});
  EXPECT_EQ(out,
            "+--------+----+\n"
            "| name   | n  |\n"
            "+--------+----+\n"
            "| 张红军 | 1  |\n"
            "| ab     | 22 |\n"
            "+--------+----+\n"
            "(2 rows)\n");
}

TEST(TableRendererTest, MaxRowsSummarisesTheRest) {
  RenderOptions options;
  options.max_rows = 1;
  std::string out = RenderTable(Sample(), options);
  EXPECT_EQ(out.find("ab"), std::string::npos);
  EXPECT_NE(out.find("... 1 more rows (2 in all"), std::string::npos) << out;
}

TEST(TableRendererTest, LongCellsAreCutToTheWidthWithAnEllipsis) {
  EXPECT_EQ(FitToWidth("一二三四五", 6), "一二…");
  EXPECT_EQ(DisplayWidth(FitToWidth("一二三四五", 6)), 5u);
  EXPECT_EQ(FitToWidth("一二三", 6), "一二三");
  EXPECT_EQ(FitToWidth("a\nb", 0), "a b");
}

TEST(TableRendererTest, CsvQuotesWhatNeedsIt) {
  RenderOptions options;
  options.mode = RenderMode::kCsv;
  TextTable t{{"a", "b"}, {{"x,y", "say \"hi\""}, {"张", ""}}};
  EXPECT_EQ(RenderTable(t, options), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n张,\n");
}

TEST(TableRendererTest, JsonIsAnArrayOfObjectsInColumnOrder) {
  RenderOptions options;
  options.mode = RenderMode::kJson;
  EXPECT_EQ(RenderTable(Sample(), options),
            "[\n {\n  \"name\": \"张红军\",\n  \"n\": \"1\"\n },\n {\n  \"name\": \"ab\",\n  \"n\": \"22\"\n }\n]\n");
}

TEST(TableRendererTest, MarkdownEscapesPipes) {
  RenderOptions options;
  options.mode = RenderMode::kMarkdown;
  TextTable t{{"a"}, {{"x|y"}}};
  EXPECT_EQ(RenderTable(t, options), "| a |\n| --- |\n| x\\|y |\n");
}

TEST(TableRendererTest, ParsesModeNames) {
  EXPECT_EQ(ParseRenderMode("csv"), RenderMode::kCsv);
  EXPECT_EQ(ParseRenderMode("md"), RenderMode::kMarkdown);
  EXPECT_FALSE(ParseRenderMode("xml").has_value());
}

}  // namespace
}  // namespace tupu
