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

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms, proleptic Gregorian).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

// 上周三, 上星期五, 本周一, 下周日 at s[k]: the week relative to the context's and the day in it.
bool WeekdayAt(std::u32string_view s, size_t k, DateMention* m, size_t* len) {
  static const std::pair<std::u32string_view, int> kWeeks[] = {
      {U"上星期", -1}, {U"上周", -1}, {U"本周", 0}, {U"这周", 0}, {U"下星期", 1}, {U"下周", 1}};
  static const std::u32string_view kDays = U"一二三四五六日";
  for (const auto& [word, weeks] : kWeeks) {
    if (s.substr(k, word.size()) != word || k + word.size() >= s.size()) continue;
    const char32_t c = s[k + word.size()];
    const size_t day = c == U'天' ? 6 : kDays.find(c);
    if (day == std::u32string_view::npos) return false;
    m->relative = true;
    m->relative_weeks = weeks;
    m->weekday = static_cast<int>(day) + 1;
    *len = word.size() + 1;
    return true;
  }
  return false;
}

// The day of `m` (上周三) in the week of the context's date, weeks counted from it.
std::string ResolveWeekday(const DateMention& m, const DateContext& ctx) {
  if (ctx.year == 0 || !IsValidDay(ctx.year, ctx.month, ctx.day)) return "";
  const long today = DaysFromCivil(ctx.year, ctx.month, ctx.day);
  const long monday = today - ((today + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
  int y = 0, mo = 0, d = 0;
  CivilFromDays(monday + 7L * m.relative_weeks + (m.weekday - 1), &y, &mo, &d);
  return Format(y, mo, d);
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
    if (!found && WeekdayAt(s, k, &m, &len)) {
      k += len;
      found = true;
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
  if (m.relative && m.weekday > 0) return ResolveWeekday(m, ctx);
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
