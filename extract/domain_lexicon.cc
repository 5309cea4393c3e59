// Lexicon loading (see domain_lexicon.h): parses the embedded files once.
#include "extract/domain_lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <utility>

#include "extract/domain_text.h"

namespace tupu::domain {

extern const std::pair<std::string_view, std::string_view> kLexiconFiles[];
extern const int kLexiconFiles_count;

Lexicon::Lexicon(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    std::u32string word = ToU32(line);
    max_length_ = std::max(max_length_, word.size());
    first_chars_.insert(word.front());
    last_chars_.insert(word.back());
    words_.insert(std::move(word));
  }
}

const Lexicon& Lexicon::Get(std::string_view name) {
  static const auto* all = [] {
    auto* m = new std::map<std::string_view, std::unique_ptr<Lexicon>>;
    for (int i = 0; i < kLexiconFiles_count; ++i)
      m->emplace(kLexiconFiles[i].first,
                 std::unique_ptr<Lexicon>(new Lexicon(kLexiconFiles[i].second)));
    return m;
  }();
  auto it = all->find(name);
  if (it == all->end()) {
    std::fprintf(stderr, "tupu: no lexicon extract/lexicon/%.*s.txt in this build\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return *it->second;
}

size_t Lexicon::LongestAt(std::u32string_view s, size_t i) const {
  if (i >= s.size() || first_chars_.count(s[i]) == 0) return 0;
  for (size_t n = std::min(max_length_, s.size() - i); n > 0; --n)
    if (words_.count(std::u32string(s.substr(i, n)))) return n;
  return 0;
}

size_t Lexicon::LongestEndingAt(std::u32string_view s, size_t end) const {
  if (end > s.size() || end == 0 || last_chars_.count(s[end - 1]) == 0) return 0;
  for (size_t n = std::min(max_length_, end); n > 0; --n)
    if (words_.count(std::u32string(s.substr(end - n, n)))) return n;
  return 0;
}

}  // namespace tupu::domain
