// Date mentions and their resolution (see domain_dates.h).
#include "extract/domain_dates.h"

#include <cstdio>

#include "extract/domain_text.h"

namespace tupu::domain {
namespace {

int DigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'\uFF10' && c <= U'\uFF19') return static_cast<int>(c - U'\uFF10');  // full-width
  return -1;
}

// Chinese numerals up to 31 (十七, 二十三, 三十一) and 1..12 for months.
int ChineseNumeral(std::u32string_view s, size_t i, size_t* len) {
  static const std::u32string kDigits = U"〇一二三四五六七八九";
  auto digit = [&](size_t k) -> int {
    if (k >= s.size()) return -1;
    size_t p = kDigits.find(s[k]);
    if (s[k] == U'零') return 0;
    return p == std::u32string::npos ? -1 : static_cast<int>(p);
  };
  size_t k = i;
  int value = 0;
  int d = digit(k);
  if (d >= 0 && k + 1 < s.size() && s[k + 1] == U'十') {
    value = d * 10;
    k += 2;
    int u = digit(k);
    if (u > 0) { value += u; ++k; }
  } else if (k < s.size() && s[k] == U'十') {
    value = 10;
    ++k;
    int u = digit(k);
    if (u > 0) { value += u; ++k; }
  } else if (d > 0) {
    value = d;
    ++k;
  } else {
    return -1;
  }
  *len = k - i;
  return value;
}

// A number (ASCII/full-width digits or Chinese numerals) at s[i]; -1 if none.
int NumberAt(std::u32string_view s, size_t i, size_t* len, size_t max_digits) {
  size_t k = i;
  int value = 0;
  while (k < s.size() && k - i < max_digits && DigitValue(s[k]) >= 0) {
    value = value * 10 + DigitValue(s[k]);
    ++k;
  }
  if (k > i) {
    *len = k - i;
    return value;
  }
  return ChineseNumeral(s, i, len);
}

const std::u32string kTimesOfDay[] = {U"凌晨", U"清晨", U"早上", U"上午", U"中午", U"下午",
                                      U"傍晚", U"晚上", U"夜间", U"当晚", U"当天", U"晚"};

size_t TimeOfDayAt(std::u32string_view s, size_t i, std::string* out) {
  for (const auto& t : kTimesOfDay) {
    if (s.substr(i, t.size()) == t) {
      *out = ToUtf8(t);
      return t.size();
    }
  }
  return 0;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && year > 0 && !IsLeap(year)) return 28;
  return kDays[month - 1];
}

std::string Format(int year, int month, int day) {
  char buf[32];
  if (year > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else
    std::snprintf(buf, sizeof buf, "%02d-%02d", month, day);
  return buf;
}

// The year of a `M月D日` without one, from a context date with a year: news tells of the recent
// past and announces the coming months, so a month far after the context's is of the year before
// (`12月30日` in an article of 2023-01-05 is 2022-12-30) and one far before it of the year after
// (`1月3日` right after that 2022-12-30 is 2023-01-03). The window leans to the past: up to six
// months ahead (`9月1日起施行` announced in May) and nine behind stay in the context's year.
int NearestYear(int month, const DateContext& ctx) {
  if (ctx.year == 0 || ctx.month == 0) return ctx.year;
  const int ahead = month - ctx.month;
  if (ahead > 6) return ctx.year - 1;
  if (ahead < -9) return ctx.year + 1;
  return ctx.year;
}

}  // namespace

bool IsValidDay(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

// A numeric date YYYY-MM-DD (or with / or .) at s[k], not inside a longer number; its length in
// *len.
bool NumericDateAt(std::u32string_view s, size_t k, DateMention* m, size_t* len) {
  if (k > 0 && IsAsciiDigit(s[k - 1])) return false;
  size_t yl = 0, ml = 0, dl = 0;
  const int y = NumberAt(s, k, &yl, 4);
  if (yl != 4 || y < 1900 || y > 2100 || k + yl >= s.size()) return false;
  const char32_t sep = s[k + yl];
  if (sep != U'-' && sep != U'/' && sep != U'.') return false;
  const int mo = NumberAt(s, k + yl + 1, &ml, 2);
  const size_t at_sep2 = k + yl + 1 + ml;
  if (ml == 0 || at_sep2 >= s.size() || s[at_sep2] != sep) return false;
  const int d = NumberAt(s, at_sep2 + 1, &dl, 2);
  const size_t end = at_sep2 + 1 + dl;
  if (dl == 0 || (end < s.size() && IsAsciiDigit(s[end])) || !IsValidDay(y, mo, d)) return false;
  m->year = y;
  m->month = mo;
  m->day = d;
  m->numeric = true;
  *len = end - k;
  return true;
}

std::vector<DateMention> FindDates(std::u32string_view s) {
  std::vector<DateMention> out;
  size_t i = 0;
  while (i < s.size()) {
    DateMention m;
    size_t k = i;
    size_t len = 0;
    bool found = false;
    // Relative days.
    static const std::pair<std::u32string, int> kRelative[] = {
        {U"前天", -2}, {U"昨天", -1}, {U"昨日", -1}, {U"今天", 0}, {U"今日", 0}, {U"当日", 0}};
    for (const auto& [word, delta] : kRelative) {
      if (s.substr(k, word.size()) == word) {
        m.relative = true;
        m.relative_days = delta;
        k += word.size();
        found = true;
        // 昨天(22日): the parenthesised day wins.
        if (k < s.size() && (s[k] == U'(' || s[k] == U'\uFF08')) {
          size_t dl = 0;
          int d = NumberAt(s, k + 1, &dl, 2);
          if (d > 0 && k + 1 + dl < s.size() && (s[k + 1 + dl] == U'日' || s[k + 1 + dl] == U'号') &&
              k + 2 + dl < s.size() && (s[k + 2 + dl] == U')' || s[k + 2 + dl] == U'\uFF09')) {
            m.relative = false;
            m.day = d;
            k += dl + 3;
          }
        }
        break;
      }
    }
    if (!found && NumericDateAt(s, k, &m, &len)) {
      // 2023-05-12, 2023/5/12, 2023.05.12 (dates of publication lines and datelines)
      k += len;
      found = true;
    }
    if (!found) {
      // [YYYY年][M月][D日|号]
      int n = NumberAt(s, k, &len, 4);
      if (n >= 0 && len == 4 && k + len < s.size() && s[k + len] == U'年' && n >= 1900 && n <= 2100) {
        m.year = n;
        k += len + 1;
        found = true;
        n = NumberAt(s, k, &len, 2);
      }
      if (n >= 1 && n <= 12 && k + len < s.size() && s[k + len] == U'月' &&
          !(found && false)) {
        const size_t month_at = k;
        size_t k2 = k + len + 1;
        size_t dl = 0;
        int d = NumberAt(s, k2, &dl, 2);
        if (d >= 1 && k2 + dl < s.size() && (s[k2 + dl] == U'日' || s[k2 + dl] == U'号')) {
          if (IsValidDay(m.year, n, d)) {
            m.month = n;
            m.day = d;
            k = k2 + dl + 1;
            found = true;
          } else {
            // 2月30日: not a date; skip it whole so that 30日 is not read as a bare day.
            i = k2 + dl + 1;
            continue;
          }
        } else if (month_at == k) {
          m.month = n;
          k = k + len + 1;
          found = true;
        }
      } else if (!found && n >= 1 && n <= 31 && k + len < s.size() &&
                 (s[k + len] == U'日') && (i == 0 || !IsAsciiDigit(s[i - 1])) &&
                 (i == 0 || s[i - 1] != U'月')) {
        // A bare day: 17日. Only digits (Chinese numerals + 日 are too often words: 一日游).
        if (DigitValue(s[k]) >= 0) {
          m.day = n;
          k += len + 1;
          found = true;
        }
      }
    }
    if (!found) {
      ++i;
      continue;
    }
    size_t t = TimeOfDayAt(s, k, &m.time_of_day);
    k += t;
    m.begin = i;
    m.end = k;
    out.push_back(m);
    i = k;
  }
  return out;
}

std::string ResolveDate(const DateMention& m, const DateContext& ctx) {
  int year = m.year ? m.year : ctx.year;
  int month = m.month;
  int day = m.day;
  if (m.relative) {
    if (ctx.day == 0 || ctx.month == 0) return "";
    month = ctx.month;
    day = ctx.day + m.relative_days;
    if (day < 1) {
      month -= 1;
      if (month < 1) {
        month = 12;
        if (year) year -= 1;
      }
      day += DaysInMonth(year, month);
    }
    return Format(year, month, day);
  }
  if (day == 0) return "";  // a month or a year only: no day to put on an event
  if (m.year == 0 && month > 0) year = NearestYear(month, ctx);
  if (month == 0) {
    if (ctx.month == 0) return "";
    month = ctx.month;
    // A bare day after the context's day usually means the previous month (昨天(30日) on the 1st).
    if (ctx.day > 0 && day > ctx.day + 1) {
      month -= 1;
      if (month < 1) {
        month = 12;
        if (year) year -= 1;
      }
    }
  }
  if (!IsValidDay(year, month, day)) return "";
  return Format(year, month, day);
}

bool ParseDocumentDate(std::string_view text, DateContext* out) {
  int y = 0, mo = 0, d = 0;
  if (std::sscanf(std::string(text).c_str(), "%d-%d-%d", &y, &mo, &d) == 3 ||
      std::sscanf(std::string(text).c_str(), "%d/%d/%d", &y, &mo, &d) == 3) {
    if (y >= 1900 && IsValidDay(y, mo, d)) {
      *out = {y, mo, d};
      return true;
    }
  }
  auto dates = FindDates(ToU32(text));
  for (const auto& m : dates) {
    if (m.month && m.day) {
      *out = {m.year, m.month, m.day};
      return true;
    }
  }
  if (std::sscanf(std::string(text).c_str(), "%d-%d", &mo, &d) == 2 && IsValidDay(0, mo, d)) {
    *out = {0, mo, d};
    return true;
  }
  return false;
}

}  // namespace tupu::domain
