// Word grouping and BIO conversion of lac_small tags (see lac_words.h).
#include "extract/lac_words.h"

namespace tupu {
namespace {

// True when the character at i starts a new word.
bool StartsWord(const std::vector<std::string>& tags, size_t i) {
  if (i == 0 || IsLacBeginTag(tags[i])) return true;
  return LacTagKind(tags[i]) != LacTagKind(tags[i - 1]);
}

}  // namespace

std::string_view LacTagKind(std::string_view char_tag) {
  if (char_tag.size() > 2 && char_tag[char_tag.size() - 2] == '-' &&
      (char_tag.back() == 'B' || char_tag.back() == 'I')) {
    return char_tag.substr(0, char_tag.size() - 2);
  }
  return char_tag;
}

bool IsLacBeginTag(std::string_view char_tag) {
  return char_tag.size() > 2 && char_tag.ends_with("-B");
}

bool IsLacEntityKind(std::string_view kind) { return kind == "PER" || kind == "LOC" || kind == "ORG"; }

std::vector<TaggedWord> GroupLacWords(std::string_view text, const std::vector<uint32_t>& byte_offsets,
                                      const std::vector<std::string>& char_tags) {
  std::vector<TaggedWord> words;
  for (size_t i = 0; i < char_tags.size(); ++i) {
    if (StartsWord(char_tags, i)) {
      TaggedWord word;
      word.tag = std::string(LacTagKind(char_tags[i]));
      word.cp_begin = static_cast<uint32_t>(i);
      word.byte_begin = byte_offsets[i];
      words.push_back(std::move(word));
    }
    words.back().cp_end = static_cast<uint32_t>(i + 1);
    words.back().byte_end = byte_offsets[i + 1];
  }
  for (TaggedWord& word : words) {
    word.text = std::string(text.substr(word.byte_begin, word.byte_end - word.byte_begin));
  }
  return words;
}

std::vector<std::string> LacTagsToBio(const std::vector<std::string>& char_tags) {
  std::vector<std::string> bio(char_tags.size(), std::string(1, 'O'));
  for (size_t i = 0; i < char_tags.size(); ++i) {
    std::string_view kind = LacTagKind(char_tags[i]);
    if (IsLacEntityKind(kind)) bio[i] = (StartsWord(char_tags, i) ? "B-" : "I-") + std::string(kind);
  }
  return bio;
}

}  // namespace tupu
