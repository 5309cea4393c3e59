// Dates in news text: 2022年5月11日下午, 10月30日上午, 1月5日, 17日, 昨天(22日), 今天, 上周三, 近日.
// Found as code-point ranges; resolved to YYYY-MM-DD when a year is known (stated or from the
// document date), MM-DD when not. Impossible dates (2月30日) are not dates.
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tupu::domain {

struct DateMention {
  size_t begin = 0, end = 0;  // code points in the searched text
  int year = 0;               // 0: not stated
  int month = 0;              // 0: not stated (a bare 17日)
  int day = 0;                // 0: only a year or month
  int relative_days = 0;      // 昨天 = -1, 今天 = 0, 前天 = -2 (only when `relative`)
  int relative_weeks = 0;     // 上周三 = -1, 本周三 = 0, 下周三 = 1 (only when `weekday`)
  int weekday = 0;            // 1 (周一) .. 7 (周日) for 上周三 and kin; 0 otherwise
  bool relative = false;
  bool numeric = false;       // written 2023-05-12 (publication lines, datelines)
  std::string time_of_day;    // 上午, 下午, 晚上, ... (empty when not stated)
};

// All dates in `s`, left to right.
std::vector<DateMention> FindDates(std::u32string_view s);

// True for a real calendar day (leap years when `year` is known; 2月29日 allowed without one).
bool IsValidDay(int year, int month, int day);

// Context for resolution: the last full date seen (document date or earlier mention).
struct DateContext {
  int year = 0, month = 0, day = 0;
};

// "YYYY-MM-DD" / "MM-DD" / "" for a mention, filling year, month or day from the context
// (a bare 17日 takes the context's month; 昨天 counts back from the context's day, 上周三 from
// its week, which needs its year; a 5月23日
// takes the context's year, or the one before or after across a year's end: 12月30日 in an
// article of 2023-01-05 is 2022-12-30).
std::string ResolveDate(const DateMention& m, const DateContext& ctx);

// Parses "2022-05-11", "2022年5月11日", "2022/5/11", "05-11" into a context; false if none.
bool ParseDocumentDate(std::string_view text, DateContext* out);

}  // namespace tupu::domain
