// Article and block splitting (see domain_article_splitter.h).
#include "extract/domain_article_splitter.h"

#include <algorithm>

#include <optional>

namespace tupu::domain {
namespace {

enum class LineKind { kHeading, kLead, kTitle, kBody, kByline };

struct Line {
  LineKind kind;
  CharRun run;
  int heading_level = 0;
  Byline byline;
};

bool StartsWith(const std::u32string& s, std::u32string_view p) {
  return s.size() >= p.size() && std::u32string_view(s).substr(0, p.size()) == p;
}

bool IsLead(const std::u32string& s) {
  return StartsWith(s, U"本报讯") || StartsWith(s, U"本刊讯") || StartsWith(s, U"本网讯");
}

bool HasSentenceEnd(const std::u32string& s) {
  for (char32_t c : s) {
    if (c == U'。' || c == U'!' || c == U'?' || c == U'!' || c == U'?') return true;
  }
  return false;
}

bool EndsParagraph(const std::u32string& s) {
  if (s.empty()) return true;
  char32_t c = s.back();
  return IsSentenceEnd(c) || c == U'”' || c == U'’' || c == U'」' || c == U'…' || c == U':' ||
         c == U':';
}

bool HasComma(const std::u32string& s) {
  return s.find(U',') != std::u32string::npos || s.find(U'\uFF0C') != std::u32string::npos;
}

// Title lines set words apart with spaces (科学规范管理 坚决遏制疫情扩散蔓延); paragraphs do not.
bool HasSpacedWords(const std::u32string& s) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (IsBlank(s[i]) && IsCjk(s[i - 1])) return true;
  }
  return false;
}

std::vector<Line> ReadLines(std::string_view page) {
  std::vector<Line> lines;
  // A saved article's first line may be only its address: the document's, not a sentence.
  size_t pos = LeadingAddress(page).empty() ? 0 : std::min(page.size(), page.find('\n') + 1);
  bool prev_byline = false;
  std::string last_role;
  while (pos <= page.size()) {
    size_t nl = page.find('\n', pos);
    if (nl == std::string_view::npos) nl = page.size();
    CharRun run = TrimRun(MakeRun(page.substr(pos, nl - pos), static_cast<uint32_t>(pos)));
    pos = nl + 1;
    if (run.empty()) {
      if (nl >= page.size()) break;
      continue;
    }
    Line line;
    int level = 0;
    while (level < static_cast<int>(run.size()) && run.chars[level] == U'#') ++level;
    if (level > 0) {
      line.kind = LineKind::kHeading;
      line.heading_level = level;
      line.run = TrimRun(run.Sub(level, run.size()));
      prev_byline = false;
      if (!line.run.empty()) lines.push_back(std::move(line));
      if (nl >= page.size()) break;
      continue;
    }
    line.run = run;
    if (auto b = ParseBylineLine(run, prev_byline, last_role)) {
      line.kind = LineKind::kByline;
      line.byline = *b;
      last_role = b->names.back().role;
      prev_byline = !b->ends_with_credit;
    } else {
      prev_byline = false;
      if (IsLead(run.chars))
        line.kind = LineKind::kLead;
      else if (!HasSentenceEnd(run.chars) && run.size() <= 60)
        line.kind = LineKind::kTitle;
      else
        line.kind = LineKind::kBody;
    }
    lines.push_back(std::move(line));
    if (nl >= page.size()) break;
  }
  return lines;
}

// Joins paragraph pieces broken by the layout: a long line that does not end a sentence
// continues on the next body line.
std::vector<Line> JoinBrokenLines(std::vector<Line> lines) {
  std::vector<Line> out;
  for (auto& line : lines) {
    if (!out.empty()) {
      Line& prev = out.back();
      const bool prev_open = (prev.kind == LineKind::kBody || prev.kind == LineKind::kLead ||
                              prev.kind == LineKind::kTitle) &&
                             (prev.run.size() >= 20 || HasComma(prev.run.chars)) &&
                             !EndsParagraph(prev.run.chars) &&
                             !HasSpacedWords(prev.run.chars);
      const bool next_continues = line.kind == LineKind::kBody || line.kind == LineKind::kTitle;
      if (prev_open && next_continues) {
        prev.run.AppendRun(line.run, 0, line.run.size());
        if (prev.kind == LineKind::kTitle) prev.kind = LineKind::kBody;
        continue;
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

void AddBlock(Article* article, BlockKind kind, const CharRun& run, const Byline* byline) {
  if (run.empty()) return;
  Block block;
  block.kind = kind;
  block.run = run;
  if (byline) block.byline = *byline;
  if (article->blocks.empty()) article->span.begin = run.begin.front();
  article->span.end = run.end.back();
  if (kind == BlockKind::kHeading && article->title.empty()) article->title = run.Utf8();
  article->blocks.push_back(std::move(block));
}

}  // namespace

std::string_view LeadingAddress(std::string_view page) {
  size_t b = 0;
  while (b < page.size() && (page[b] == ' ' || page[b] == '\t' || page[b] == '\r' || page[b] == '\n')) ++b;
  size_t e = page.find('\n', b);
  if (e == std::string_view::npos) e = page.size();
  std::string_view line = page.substr(b, e - b);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.substr(0, 7) != "http://" && line.substr(0, 8) != "https://") return {};
  for (char c : line)
    if (c == ' ' || c == '\t' || static_cast<unsigned char>(c) >= 0x80) return {};
  return line;
}

std::string_view AddressHost(std::string_view address) {
  const size_t scheme = address.find("://");
  if (scheme != std::string_view::npos) address.remove_prefix(scheme + 3);
  return address.substr(0, address.find_first_of("/?#:"));
}

std::vector<Article> SplitArticles(std::string_view page) {
  std::vector<Line> lines = JoinBrokenLines(ReadLines(page));
  std::vector<Article> articles(1);
  bool seen_byline = false;
  bool has_body = false;
  bool has_heading = false;
  int body_blocks = 0;
  std::vector<const Line*> pending;  // title lines after a byline: they may open the next article

  auto start_article = [&]() {
    if (!articles.back().blocks.empty()) articles.emplace_back();
    seen_byline = has_body = has_heading = false;
    body_blocks = 0;
  };
  auto flush_pending = [&]() {
    for (const Line* p : pending) {
      AddBlock(&articles.back(), BlockKind::kHeading, p->run, nullptr);
      has_heading = true;
    }
    pending.clear();
  };

  for (const Line& line : lines) {
    switch (line.kind) {
      case LineKind::kHeading: {
        // `#` after body text opens the next article; `##` only once this article has had its
        // byline (before that it is a section of the same article).
        const bool opens = has_body && (line.heading_level == 1 ||
                                        (line.heading_level == 2 && seen_byline));
        if (opens) {
          start_article();
        }
        flush_pending();
        AddBlock(&articles.back(), BlockKind::kHeading, line.run, nullptr);
        has_heading = true;
        break;
      }
      case LineKind::kTitle:
        if (seen_byline) {
          pending.push_back(&line);
        } else {
          AddBlock(&articles.back(), has_body ? BlockKind::kBody : BlockKind::kHeading, line.run,
                   nullptr);
          if (!has_body) has_heading = true;
        }
        break;
      case LineKind::kLead:
        if (has_body) start_article();
        flush_pending();
        [[fallthrough]];
      case LineKind::kBody: {
        flush_pending();
        Byline trailing;
        std::optional<size_t> cut = FindTrailingByline(line.run, &trailing);
        if (cut) {
          AddBlock(&articles.back(), BlockKind::kBody, line.run.Sub(0, *cut), nullptr);
          // Byline positions are relative to the paragraph; re-base them on the byline's run.
          size_t start = *cut;
          while (start < line.run.size() && IsBlank(line.run.chars[start])) ++start;
          for (auto& n : trailing.names) {
            n.begin -= start;
            n.end -= start;
          }
          AddBlock(&articles.back(), BlockKind::kByline, line.run.Sub(start, line.run.size()),
                   &trailing);
          seen_byline = true;
        } else {
          AddBlock(&articles.back(), BlockKind::kBody, line.run, nullptr);
        }
        has_body = true;
        ++body_blocks;
        break;
      }
      case LineKind::kByline:
        flush_pending();
        AddBlock(&articles.back(), BlockKind::kByline, line.run, &line.byline);
        seen_byline = true;
        break;
    }
  }
  flush_pending();
  if (articles.size() > 1 && articles.back().blocks.empty()) articles.pop_back();
  return articles;
}

}  // namespace tupu::domain
