// Byline parsing (see domain_byline.h).
#include "extract/domain_byline.h"

#include <string_view>

#include "extract/domain_person_names.h"

namespace tupu::domain {
namespace {

struct Token {
  size_t begin, end;
  std::u32string text;
};

std::vector<Token> Tokenize(const CharRun& line, size_t from) {
  std::vector<Token> tokens;
  size_t i = from;
  while (i < line.size()) {
    while (i < line.size() && IsBlank(line.chars[i])) ++i;
    if (i >= line.size()) break;
    size_t j = i;
    while (j < line.size() && !IsBlank(line.chars[j])) ++j;
    tokens.push_back({i, j, line.chars.substr(i, j - i)});
    i = j;
  }
  return tokens;
}

// The role a keyword gives the names after it; empty when `word` is not a role keyword.
std::string RoleOf(std::u32string_view word) {
  static const std::pair<std::u32string, const char*> kRoles[] = {
      {U"本报记者", "reporter"}, {U"特约记者", "reporter"}, {U"见习记者", "reporter"},
      {U"融媒体记者", "reporter"}, {U"记者", "reporter"},   {U"通讯员", "correspondent"},
      {U"实习生", "intern"},      {U"摄影", "photographer"}, {U"摄像", "photographer"},
      {U"编辑", "editor"},        {U"责任编辑", "editor"}, {U"全媒体记者", "reporter"},
      {U"融媒记者", "reporter"},  {U"新媒体记者", "reporter"}, {U"首席记者", "reporter"},
      {U"责编", "editor"},        {U"撰稿", "writer"},      {U"审核", "editor"},
      {U"校对", "editor"},        {U"编审", "editor"},      {U"监制", "editor"}};
  for (const auto& [k, role] : kRoles) {
    if (word == k) return role;
  }
  return {};
}

bool IsCredit(std::u32string_view t) {
  return t == U"文/图" || t == U"图/文" || t == U"文/摄" || t == U"文图" || t == U"图文" ||
         t == U"文" || t == U"图" || t == U"摄";
}

// 江城日报, 经开日报: a newspaper between names (its reporter follows).
bool IsNewspaper(std::u32string_view t) {
  return t.size() >= 3 && t.size() <= 8 && t.back() == U'报';
}

// Byline words may carry a keyword glued to a name (记者周明远): split it off.
bool SplitGlued(const Token& t, std::string* role, Token* name) {
  for (size_t k = 2; k + 2 <= t.text.size() && k <= 5; ++k) {  // up to 全媒体记者
    std::string r = RoleOf(std::u32string_view(t.text).substr(0, k));
    if (!r.empty()) {
      *role = r;
      *name = {t.begin + k, t.end, t.text.substr(k)};
      return true;
    }
  }
  return false;
}

std::optional<Byline> ParseTokens(const std::vector<Token>& tokens, bool continuation,
                                  const std::string& last_role) {
  if (tokens.empty()) return std::nullopt;
  Byline byline;
  std::string role = continuation ? last_role : "";
  bool saw_keyword = false;
  for (size_t idx = 0; idx < tokens.size(); ++idx) {
    const Token& t = tokens[idx];
    std::string r = RoleOf(t.text);
    if (!r.empty()) {
      role = r;
      saw_keyword = true;
      continue;
    }
    if (IsCredit(t.text)) {
      byline.ends_with_credit = true;
      continue;
    }
    if (IsNewspaper(t.text) && !role.empty()) continue;
    Token name = t;
    std::string glued_role;
    if (SplitGlued(t, &glued_role, &name)) {
      role = glued_role;
      saw_keyword = true;
    }
    // A name, possibly with a trailing credit glued on (林岚文/图 is rare; 文/图 is a token).
    if (role.empty() || !IsPlausibleName(name.text)) return std::nullopt;
    byline.names.push_back({ToUtf8(name.text), role, name.begin, name.end});
  }
  if (!saw_keyword && !continuation) return std::nullopt;
  if (byline.names.empty()) return std::nullopt;
  return byline;
}

}  // namespace

std::optional<Byline> ParseBylineLine(const CharRun& line, bool continuation,
                                      const std::string& last_role) {
  if (line.size() > 80) return std::nullopt;
  return ParseTokens(Tokenize(line, 0), continuation, last_role);
}

std::optional<size_t> FindTrailingByline(const CharRun& paragraph, Byline* byline) {
  const std::u32string& s = paragraph.chars;
  // Look for the last 记者/通讯员 keyword that starts after a sentence end or a blank.
  for (size_t pos = s.rfind(U"记者"); pos != std::u32string::npos && pos > 0;
       pos = pos == 0 ? std::u32string::npos : s.rfind(U"记者", pos - 1)) {
    size_t start = pos;
    // Include a 本报/特约 prefix.
    if (start >= 2 && (s.substr(start - 2, 2) == U"本报" || s.substr(start - 2, 2) == U"特约"))
      start -= 2;
    if (start == 0) break;
    char32_t before = s[start - 1];
    if (!IsBlank(before) && !IsSentenceEnd(before) && before != U'”') continue;
    auto parsed = ParseTokens(Tokenize(paragraph, start), false, "");
    if (!parsed) continue;
    *byline = *parsed;
    size_t text_end = start;
    while (text_end > 0 && IsBlank(s[text_end - 1])) --text_end;
    return text_end;
  }
  return std::nullopt;
}

}  // namespace tupu::domain
