// LacTagger on real sentences and on bad input: words with byte and code-point offsets into the
// original text, batch = one by one, and no crash on empty, punctuation-only, OOV, astral,
// invalid UTF-8, NUL bytes or a 1 MB line.
#include <gtest/gtest.h>

#include <thread>

#include "common/utf8.h"
#include "extract/lac_words.h"
#include "lac_test_util.h"

namespace tupu {
namespace {

class LacTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::LacModelInstalled()) return;
    auto loaded = LacTagger::Load(LacOptions{});
    ASSERT_OK(loaded.status());
    tagger_ = std::move(loaded).value().release();
    LacOptions raw;
    raw.normalize = false;
    auto loaded_raw = LacTagger::Load(raw);
    ASSERT_OK(loaded_raw.status());
    raw_tagger_ = std::move(loaded_raw).value().release();
  }
  static void TearDownTestSuite() {
    delete tagger_;
    delete raw_tagger_;
  }
  void SetUp() override { TUPU_REQUIRE_LAC_MODEL(); }

  // Every word's text is its byte span of `text`, the spans tile the text, and the code-point
  // spans agree with the byte spans.
  static void ExpectConsistent(std::string_view text, const TaggedSentence& s) {
    DecodedText decoded = DecodeUtf8(text);
    ASSERT_EQ(s.char_tags.size(), decoded.code_points.size());
    uint32_t cp = 0, byte = 0;
    for (const TaggedWord& w : s.words) {
      EXPECT_EQ(w.cp_begin, cp);
      EXPECT_EQ(w.byte_begin, byte);
      EXPECT_LT(w.cp_begin, w.cp_end);
      EXPECT_EQ(w.byte_begin, decoded.byte_offsets[w.cp_begin]);
      EXPECT_EQ(w.byte_end, decoded.byte_offsets[w.cp_end]);
      EXPECT_EQ(w.text, text.substr(w.byte_begin, w.byte_end - w.byte_begin));
      cp = w.cp_end;
      byte = w.byte_end;
    }
    EXPECT_EQ(cp, decoded.code_points.size());
    EXPECT_EQ(byte, text.size());
  }

  static const LacTagger* tagger_;
  static const LacTagger* raw_tagger_;
};
const LacTagger* LacTaggerTest::tagger_ = nullptr;
const LacTagger* LacTaggerTest::raw_tagger_ = nullptr;

TEST_F(LacTaggerTest, FindsPersonAndPlaceWithOffsets) {
  std::string text = "李明来到杭州市调研。";
  TaggedSentence s = tagger_->Tag(text);
  ExpectConsistent(text, s);
  ASSERT_FALSE(s.words.empty());
  EXPECT_EQ(s.words[0].text, "李明");
  EXPECT_EQ(s.words[0].tag, "PER");
  EXPECT_EQ(s.words[0].byte_end, 6u);
  EXPECT_EQ(s.words[0].cp_end, 2u);
  bool found_place = false;
  for (const auto& w : s.words) found_place |= w.text == "杭州市" && w.tag == "LOC";
  EXPECT_TRUE(found_place);
}

TEST_F(LacTaggerTest, NormalisedOffsetsPointIntoTheOriginal) {
  std::string text = "５月１１日，王刚在北京主持会议。";  // full-width digits and comma
  TaggedSentence s = tagger_->Tag(text);
  ExpectConsistent(text, s);
  bool found = false;
  for (const auto& w : s.words) found |= w.text == "王刚" && w.tag == "PER";
  EXPECT_TRUE(found);
  EXPECT_EQ(s.words[0].tag, "TIME");
  EXPECT_EQ(s.words[0].text.substr(0, 3), "５");
}

TEST_F(LacTaggerTest, BatchEqualsOneByOneAcrossThreads) {
  std::vector<std::string> texts = {"新华社北京电", "", "国务院总理会见了来访的客人。",
                                    "他说：“我们一定要把工作做好。”", "a", "２０２０年"};
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<TaggedSentence> batch = tagger_->TagBatch(views);
  ASSERT_EQ(batch.size(), texts.size());
  std::vector<std::vector<std::string>> threaded(texts.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < texts.size(); ++i) {
    threads.emplace_back([&, i] { threaded[i] = tagger_->Tag(texts[i]).char_tags; });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(batch[i].char_tags, threaded[i]) << texts[i];
    ExpectConsistent(texts[i], batch[i]);
  }
}

TEST_F(LacTaggerTest, EmptyLine) {
  TaggedSentence s = tagger_->Tag("");
  EXPECT_TRUE(s.char_tags.empty());
  EXPECT_TRUE(s.words.empty());
}

TEST_F(LacTaggerTest, OnlyPunctuationAndSpaces) {
  for (std::string text : {"，。！？", "   ", "\t \t", "……——", "!!!"}) {
    TaggedSentence s = tagger_->Tag(text);
    ExpectConsistent(text, s);
    for (const auto& tag : LacTagsToBio(s.char_tags)) EXPECT_EQ(tag, "O") << text;
  }
}

TEST_F(LacTaggerTest, OutOfVocabularyAndAstralCharacters) {
  std::string text = "张三😀去了𠀀𠀁村ꙮ";  // emoji, CJK extension B, a rare Cyrillic letter
  TaggedSentence s = tagger_->Tag(text);
  ExpectConsistent(text, s);
  EXPECT_EQ(s.char_tags.size(), 9u);
  EXPECT_EQ(s.invalid_utf8_bytes, 0u);
}

TEST_F(LacTaggerTest, InvalidUtf8IsTaggedAsReplacementAndCounted) {
  std::string text = "王\xff\xfe刚在\xe4\xb8北京";  // two stray bytes and a truncated sequence
  TaggedSentence s = tagger_->Tag(text);
  ExpectConsistent(text, s);
  EXPECT_EQ(s.invalid_utf8_bytes, 4u);
  std::string real_replacement = "a\xEF\xBF\xBD" "b";  // a genuine U+FFFD is not invalid
  EXPECT_EQ(tagger_->Tag(real_replacement).invalid_utf8_bytes, 0u);
}

TEST_F(LacTaggerTest, NulBytes) {
  std::string text("李明\0在\0北京", 17);
  TaggedSentence s = tagger_->Tag(text);
  ExpectConsistent(text, s);
  EXPECT_EQ(s.char_tags.size(), 7u);
}

TEST_F(LacTaggerTest, OneMegabyteLineIsCutAndStaysConsistent) {
  std::string sentence = "市长王刚在北京市调研，并主持召开工作会议。";
  std::string text;
  while (text.size() < (1u << 20)) text += sentence;
  text += "没有标点的结尾";
  for (int i = 0; i < 700; ++i) text += "字";  // a piece with no break character at all
  TaggedSentence s = tagger_->Tag(text);
  ExpectConsistent(text, s);
  // Cuts fall after sentence ends, so each repeat is tagged nearly as the sentence alone (the
  // model sees the preceding sentences of its piece, which may change a few tags).
  std::vector<std::string> alone = tagger_->Tag(sentence).char_tags;
  size_t n = alone.size();
  size_t same = 0, total = 0;
  for (size_t start = 0; start + n <= s.char_tags.size() - 707; start += n) {
    for (size_t k = 0; k < n; ++k, ++total) same += s.char_tags[start + k] == alone[k];
  }
  EXPECT_GE(same * 100, total * 90) << same << "/" << total;
  size_t persons = 0;
  for (const auto& w : s.words) persons += w.text == "王刚" && w.tag == "PER";
  EXPECT_GE(persons * 100, total / n * 90);
}

TEST_F(LacTaggerTest, WordsFollowBeginTagsAndKindChanges) {
  std::string text = "ABCD";
  std::vector<uint32_t> offsets = {0, 1, 2, 3, 4};
  std::vector<std::string> tags = {"PER-B", "PER-I", "LOC-I", "n-B"};
  std::vector<TaggedWord> words = GroupLacWords(text, offsets, tags);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].text, "AB");
  EXPECT_EQ(words[1].text, "C");
  EXPECT_EQ(words[1].tag, "LOC");
  EXPECT_EQ(LacTagsToBio(tags), (std::vector<std::string>{"B-PER", "I-PER", "B-LOC", "O"}));
  EXPECT_EQ(LacTagsToBio({"TIME-B", "TIME-I", "O"}), (std::vector<std::string>{"O", "O", "O"}));
}

}  // namespace
}  // namespace tupu
