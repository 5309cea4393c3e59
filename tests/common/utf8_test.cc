// Tests of the UTF-8 helpers on Chinese text, broken bytes and display widths.
#include "common/utf8.h"

#include <gtest/gtest.h>

namespace tupu {
namespace {

TEST(Utf8Test, DecodesChineseWithByteOffsets) {
  DecodedText d = DecodeUtf8("高新区a1");
  ASSERT_EQ(d.code_points.size(), 5u);
  EXPECT_EQ(d.code_points[0], U'高');
  EXPECT_EQ(d.code_points[3], U'a');
  EXPECT_EQ(d.byte_offsets, (std::vector<uint32_t>{0, 3, 6, 9, 10, 11}));
}

TEST(Utf8Test, InvalidBytesBecomeReplacementCharacters) {
  std::string bad = "张\xff红\xe5\x86";  // a stray byte and a truncated sequence
  size_t where = 0;
  EXPECT_FALSE(IsValidUtf8(bad, &where));
  EXPECT_EQ(where, 3u);
  size_t replaced = 0;
  std::string fixed = RepairUtf8(bad, &replaced);
  EXPECT_EQ(replaced, 3u);
  EXPECT_TRUE(IsValidUtf8(fixed));
  EXPECT_EQ(fixed, "张\uFFFD红\uFFFD\uFFFD");
}

TEST(Utf8Test, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));
  EXPECT_TRUE(IsValidUtf8("\xf0\x9f\x98\x80"));  // emoji, outside the BMP
  EXPECT_TRUE(IsValidUtf8("\uFFFD"));            // a real U+FFFD is valid text
}

TEST(Utf8Test, DisplayWidthCountsCjkAsTwoColumns) {
  EXPECT_EQ(DisplayWidth("张红军"), 6u);
  EXPECT_EQ(DisplayWidth("ab"), 2u);
  EXPECT_EQ(DisplayWidth("，"), 2u);
  EXPECT_EQ(CodePointCount("张红军ab"), 5u);
}

}  // namespace
}  // namespace tupu
