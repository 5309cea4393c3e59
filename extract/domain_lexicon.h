// Lexicons of the domain layer: the general words of the genre (cue verbs, group nouns, generic
// place words, ...) kept as data files in extract/lexicon/NAME.txt, one word a line, `#` starts a
// comment. The files are compiled into the binary (cmake/EmbedFiles.cmake), so rules read
// data, not arrays spread through the code, and nothing is looked up on disk at run time.
// Thread safety: lexicons are built once on first use (thread-safe static init) and immutable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace tupu::domain {

class Lexicon {
 public:
  // The lexicon of extract/lexicon/`name`.txt. REQUIRES: the file exists (checked at startup of
  // any rule that uses it: an unknown name aborts, as a missing table would not compile).
  static const Lexicon& Get(std::string_view name);

  bool Contains(std::u32string_view word) const { return words_.count(std::u32string(word)) > 0; }
  // Length of the longest word that starts at s[i], 0 when none.
  size_t LongestAt(std::u32string_view s, size_t i) const;
  // Length of the longest word that ends at s[end), 0 when none.
  size_t LongestEndingAt(std::u32string_view s, size_t end) const;
  // True when `s` starts with one of the words.
  bool IsPrefixOf(std::u32string_view s) const { return LongestAt(s, 0) > 0; }
  size_t size() const { return words_.size(); }

 private:
  explicit Lexicon(std::string_view text);
  std::unordered_set<std::u32string> words_;
  size_t max_length_ = 0;
  // First and last characters of the words: most positions of a text start or end no word, and
  // these reject them without building a key (the rules ask at every character).
  std::unordered_set<char32_t> first_chars_, last_chars_;
};

}  // namespace tupu::domain
