// The date of a whole document (see domain_document_date.h).
#include "extract/domain_document_date.h"

#include <vector>

#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

// A masthead or publication line is short; the first paragraphs may be long and tell of other days.
constexpr size_t kHeaderLines = 6;
constexpr size_t kHeaderLineMaxChars = 60;

struct DigitRun {
  size_t begin = 0;
  std::string_view digits;
};

std::vector<DigitRun> DigitRuns(std::string_view s) {
  std::vector<DigitRun> runs;
  for (size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    runs.push_back({i, s.substr(i, j - i)});
    i = j;
  }
  return runs;
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool Plausible(int y, int m, int d) { return y >= 1949 && y <= 2100 && IsValidDay(y, m, d); }

// Years that written dates in names use; 8 digits of other numbers (ids) rarely pass as one.
bool SetIfPlausible(int y, int m, int d, DateContext* out) {
  if (!Plausible(y, m, d)) return false;
  *out = {y, m, d};
  return true;
}

bool IsNameSeparator(char c) { return c == '-' || c == '_' || c == '/' || c == '.'; }

// The date that starts at runs[i], alone or with the next one or two runs, when only one
// separator stands between them.
bool DateAtRun(std::string_view s, const std::vector<DigitRun>& runs, size_t i, DateContext* out) {
  auto next_follows = [&](size_t k) {
    if (k + 1 >= runs.size()) return false;
    const size_t gap_begin = runs[k].begin + runs[k].digits.size();
    return runs[k + 1].begin == gap_begin + 1 && IsNameSeparator(s[gap_begin]);
  };
  const std::string_view r = runs[i].digits;
  if (r.size() == 8)
    return SetIfPlausible(Number(r.substr(0, 4)), Number(r.substr(4, 2)), Number(r.substr(6, 2)),
                          out);
  if (!next_follows(i)) return false;
  const std::string_view r2 = runs[i + 1].digits;
  if (r.size() == 4 && r2.size() == 4) {  // 2023/0530
    return SetIfPlausible(Number(r), Number(r2.substr(0, 2)), Number(r2.substr(2, 2)), out);
  }
  if (r.size() == 6 && r2.size() <= 2) {  // 202305/30
    return SetIfPlausible(Number(r.substr(0, 4)), Number(r.substr(4, 2)), Number(r2), out);
  }
  if (r.size() == 4 && r2.size() <= 2 && next_follows(i + 1) && runs[i + 2].digits.size() <= 2) {
    return SetIfPlausible(Number(r), Number(r2), Number(runs[i + 2].digits), out);  // 2023-05-30
  }
  return false;
}

}  // namespace

bool DateInName(std::string_view name, DateContext* out) {
  const std::vector<DigitRun> runs = DigitRuns(name);
  bool found = false;
  for (size_t i = 0; i < runs.size(); ++i) {
    DateContext date;
    if (DateAtRun(name, runs, i, &date)) {
      *out = date;
      found = true;
    }
  }
  return found;
}

bool DatelineInText(std::string_view text, DateContext* out) {
  size_t lines = 0;
  for (size_t pos = 0; pos < text.size() && lines < kHeaderLines;) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::u32string line = ToU32(text.substr(pos, nl - pos));
    pos = nl + 1;
    bool blank = true;
    for (char32_t c : line) blank = blank && (IsBlank(c) || c == U'\r');
    if (blank) continue;
    ++lines;
    if (line.size() > kHeaderLineMaxChars) continue;
    for (const DateMention& m : FindDates(line)) {
      if (m.year && m.month && m.day && !m.relative) {
        *out = {m.year, m.month, m.day};
        return true;
      }
    }
  }
  return false;
}

bool DocumentDate(const SourceDocument& doc, DateContext* out) {
  DateContext given;
  const bool has_given = !doc.date.empty() && ParseDocumentDate(doc.date, &given);
  if (has_given && given.year > 0) {
    *out = given;
    return true;
  }
  // The address names the article; a file's name may be anything the user chose.
  if (DatelineInText(doc.text, out) || DateInName(doc.url, out) ||
      DateInName(doc.source_key, out) || DateInName(doc.origin, out)) {
    return true;
  }
  if (has_given) *out = given;
  return has_given;
}

}  // namespace tupu::domain
