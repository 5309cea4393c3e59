// Tests of DocumentReader and the encoding detection on good and bad inputs: text and .jsonl files,
// folders, GB18030, binary, invalid UTF-8, empty and oversized files, broken .jsonl lines.
#include "extract/document_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "extract/text_encoding.h"
#include "test_util.h"

namespace tupu {
namespace {

using testing::ReadFileOrDie;
using testing::TempDir;
using testing::WriteFileOrDie;

struct Collected {
  std::vector<SourceDocument> docs;
  std::vector<std::pair<std::string, Status>> errors;
};

Collected ReadAll(const std::string& path, ReaderOptions options = {}) {
  Collected c;
  DocumentReader reader(options);
  reader
      .Read(
          path, [&](SourceDocument&& d) { c.docs.push_back(std::move(d)); },
          [&](const std::string& origin, const Status& s) { c.errors.emplace_back(origin, s); })
      .PermitUncheckedError();
  return c;
}

TEST(DocumentReaderTest, ReadsSeedFolderInNameOrder) {
  Collected c = ReadAll(testing::SeedsDir());
  ASSERT_EQ(c.docs.size(), 5u);
  EXPECT_TRUE(c.errors.empty());
  for (size_t i = 1; i < c.docs.size(); ++i) EXPECT_LT(c.docs[i - 1].source_key, c.docs[i].source_key);
  EXPECT_NE(c.docs[0].text.find("本报讯"), std::string::npos);
  EXPECT_EQ(c.docs[0].source_key, c.docs[0].origin);
}

TEST(DocumentReaderTest, SourceKeyIsLexicallyNormalised) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("a.txt"), "县长到村里调研。");
  Collected c1 = ReadAll(dir.path() + "/./a.txt");
  Collected c2 = ReadAll(dir.path() + "/a.txt");
  ASSERT_EQ(c1.docs.size(), 1u);
  EXPECT_EQ(c1.docs[0].source_key, c2.docs[0].source_key);
}

TEST(DocumentReaderTest, ConvertsGb18030ToUtf8) {
  Collected c = ReadAll(testing::TestDataDir() + "/gb18030_page.txt");
  ASSERT_EQ(c.docs.size(), 1u) << (c.errors.empty() ? "" : c.errors[0].second.ToString());
  EXPECT_EQ(c.docs[0].text, ReadFileOrDie(testing::TestDataDir() + "/gb18030_page.utf8.txt"));
}

TEST(DocumentReaderTest, RefusesBinaryAndInvalidUtf8ByName) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("binary.txt"), std::string("abc\0\x01\x02" "def", 9));
  WriteFileOrDie(dir.Sub("latin.txt"), "\xfa\x80\x81 not text \xc3\x28 \xff");
  for (const char* name : {"binary.txt", "latin.txt"}) {
    Collected c = ReadAll(dir.Sub(name));
    EXPECT_TRUE(c.docs.empty()) << name;
    ASSERT_EQ(c.errors.size(), 1u) << name;
    EXPECT_NE(c.errors[0].first.find(name), std::string::npos);
    EXPECT_TRUE(c.errors[0].second.IsInvalidArgument()) << c.errors[0].second.ToString();
  }
}

TEST(DocumentReaderTest, EmptyFileIsSkippedWithReason) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("empty.txt"), "  \n\n");
  Collected c = ReadAll(dir.Sub("empty.txt"));
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].second.message().find("empty"), std::string::npos);
}

TEST(DocumentReaderTest, OversizedFileIsRefusedNotLoaded) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("huge.txt"), std::string(3000, 'x'));
  ReaderOptions options;
  options.max_document_bytes = 1000;
  Collected c = ReadAll(dir.Sub("huge.txt"), options);
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].second.message().find("larger than"), std::string::npos);
}

TEST(DocumentReaderTest, FolderWithOneBadFileKeepsTheGoodOnes) {
  TempDir dir;
  std::filesystem::create_directories(dir.Sub("sub"));
  WriteFileOrDie(dir.Sub("a.txt"), "市长来到社区调研。");
  WriteFileOrDie(dir.Sub("sub/b.md"), "# 标题\n\n正文。");
  WriteFileOrDie(dir.Sub("sub/bad.txt"), std::string("\0\0\0", 3));
  WriteFileOrDie(dir.Sub("notes.docx"), "PK\3\4");  // not ours: ignored in a folder
  WriteFileOrDie(dir.Sub("scan.pdf"), "%PDF-1.4");    // ours, and broken: named
  Collected c = ReadAll(dir.path());
  ASSERT_EQ(c.docs.size(), 2u);
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_NE(c.errors[0].first.find("scan.pdf"), std::string::npos);
  EXPECT_NE(c.errors[1].first.find("bad.txt"), std::string::npos);
}

TEST(DocumentReaderTest, JsonLinesWithMetadataAndABrokenLine) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("news.jsonl"),
                 "{\"id\": \"a1\", \"text\": \"书记到村里调研。\", \"title\": \"调研\", "
                 "\"date\": \"2023-05-01\", \"source\": \"某报\"}\n"
                 "{\"text\": \"broken\n"
                 "\n"
                 "{\"title\": \"no text\"}\n"
                 "{\"text\": \"县长出席会议。\"}\n");
  Collected c = ReadAll(dir.Sub("news.jsonl"));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].source_key, "a1");
  EXPECT_EQ(c.docs[0].title, "调研");
  EXPECT_EQ(c.docs[0].date, "2023-05-01");
  EXPECT_EQ(c.docs[0].source, "某报");
  EXPECT_NE(c.docs[1].source_key.find("news.jsonl:5"), std::string::npos);
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_NE(c.errors[0].first.find("news.jsonl:2"), std::string::npos);
  EXPECT_NE(c.errors[1].first.find("news.jsonl:4"), std::string::npos);
  EXPECT_NE(c.errors[1].second.message().find("text"), std::string::npos);
}

TEST(DocumentReaderTest, MissingPathIsNotFound) {
  Collected c = ReadAll("/nonexistent/tupu/path");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_TRUE(c.errors[0].second.IsNotFound());
}

TEST(TextEncodingTest, StripsUtf8BomAndConvertsUtf16) {
  auto utf8 = DecodeInputText("\xEF\xBB\xBF张三");
  ASSERT_OK(utf8.status().ok() ? Status::OK() : utf8.status());
  EXPECT_EQ(utf8->utf8, "张三");
  auto utf16 = DecodeInputText(std::string("\xFF\xFE\x20\x5F\x09\x4E", 6));  // 张三 in UTF-16LE
  ASSERT_TRUE(utf16.ok()) << utf16.status().ToString();
  EXPECT_EQ(utf16->utf8, "张三");
  EXPECT_EQ(utf16->encoding, "UTF-16LE");
}

}  // namespace
}  // namespace tupu
