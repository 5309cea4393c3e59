// The tagger's normalisation: one character in, one out (so offsets survive), full-width forms
// to half-width, the measured extra mappings, and byte offsets that point into the original.
#include "extract/text_normalizer.h"

#include <gtest/gtest.h>

namespace tupu {
namespace {

TEST(TextNormalizerTest, FullWidthToHalfWidth) {
  EXPECT_EQ(NormalizeCharForTagger(U'，'), U',');
  EXPECT_EQ(NormalizeCharForTagger(U'：'), U':');
  EXPECT_EQ(NormalizeCharForTagger(U'１'), U'1');
  EXPECT_EQ(NormalizeCharForTagger(U'Ａ'), U'A');
  EXPECT_EQ(NormalizeCharForTagger(U'（'), U'(');
  EXPECT_EQ(NormalizeCharForTagger(0x3000), U' ');  // ideographic space
}

TEST(TextNormalizerTest, MeasuredExtraMappings) {
  EXPECT_EQ(NormalizeCharForTagger(U'。'), U'.');
  EXPECT_EQ(NormalizeCharForTagger(U'、'), U',');
  EXPECT_EQ(NormalizeCharForTagger(U'“'), U'"');
  EXPECT_EQ(NormalizeCharForTagger(U'》'), U'"');
  EXPECT_EQ(NormalizeCharForTagger(U'’'), U'\'');
}

TEST(TextNormalizerTest, LeavesHanziAndMultiCharExpansionsAlone) {
  EXPECT_EQ(NormalizeCharForTagger(U'张'), U'张');
  EXPECT_EQ(NormalizeCharForTagger(U'㈱'), U'㈱');   // NFKC gives three characters: kept
  EXPECT_EQ(NormalizeCharForTagger(U'…'), U'…');   // NFKC gives "...": kept
  EXPECT_EQ(NormalizeCharForTagger(U'\U0001F600'), U'\U0001F600');
  EXPECT_EQ(NormalizeCharForTagger(U'\U0001D400'), U'A');  // mathematical bold A (astral)
}

TEST(TextNormalizerTest, OffsetsPointIntoTheOriginal) {
  std::string text = "５月，王\xff刚。";
  TaggerText t = DecodeForTagger(text, true);
  EXPECT_EQ(t.code_points, U"5月,王\uFFFD刚.");
  ASSERT_EQ(t.byte_offsets.size(), t.code_points.size() + 1);
  EXPECT_EQ(t.byte_offsets, (std::vector<uint32_t>{0, 3, 6, 9, 12, 13, 16, 19}));
  EXPECT_EQ(t.invalid_sequences, 1u);
  TaggerText raw = DecodeForTagger(text, false);
  EXPECT_EQ(raw.code_points, U"５月，王\uFFFD刚。");
  EXPECT_EQ(raw.byte_offsets, t.byte_offsets);
}

TEST(TextNormalizerTest, EmptyAndNul) {
  EXPECT_TRUE(DecodeForTagger("", true).code_points.empty());
  EXPECT_EQ(DecodeForTagger("", true).byte_offsets, std::vector<uint32_t>{0});
  TaggerText t = DecodeForTagger(std::string("a\0b", 3), true);
  EXPECT_EQ(t.code_points, std::u32string(U"a\0b", 3));
}

TEST(TextNormalizerTest, BreakStrength) {
  EXPECT_EQ(TaggerBreakStrength(U'。'), 2);
  EXPECT_EQ(TaggerBreakStrength(U'.'), 2);
  EXPECT_EQ(TaggerBreakStrength(U'，'), 1);
  EXPECT_EQ(TaggerBreakStrength(U' '), 1);
  EXPECT_EQ(TaggerBreakStrength(U'张'), 0);
}

}  // namespace
}  // namespace tupu
