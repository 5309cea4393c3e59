// Bylines: `记者 周明远 通讯员 李晓静`, `记者 周明远 江城日报 韩雪`, `杜若 林岚 文/图` (a byline that
// continues on the next line), and bylines glued to the end of a paragraph (`…召开。 记者 X 文/图`).
// Every name keeps its role (记者 = reporter, 通讯员 = correspondent) and its span.
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "extract/domain_text.h"

namespace tupu::domain {

struct BylineName {
  std::string name;
  std::string role;          // "reporter", "correspondent", "photographer", ...
  size_t begin = 0, end = 0;  // code points within the parsed run
};

struct Byline {
  std::vector<BylineName> names;
  bool ends_with_credit = false;  // 文/图: nothing of the byline follows on the next line
};

// Parses a whole line as a byline. `continuation` is true when the previous line was a byline
// (then a line of bare names counts); `last_role` is the role names without a keyword take.
std::optional<Byline> ParseBylineLine(const CharRun& line, bool continuation,
                                      const std::string& last_role);

// A byline glued to the end of a paragraph: returns the code-point index where it starts (the
// paragraph text is [0, start)) and fills *byline; nullopt when the paragraph has none.
std::optional<size_t> FindTrailingByline(const CharRun& paragraph, Byline* byline);

}  // namespace tupu::domain
