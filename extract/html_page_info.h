// The publication line of a news page: `发布时间：2023-05-30 09:12  来源：青山县融媒体中心  字号：大 中 小`.
// Government and newspaper sites print the date and source of an article as labelled values near
// its title; these say where such a line is and what its labels hold. The line is metadata, not
// a sentence of the article.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace tupu::html {

// True for a short line holding at least one label of the publication line (发布时间, 日期, 来源,
// 作者, 字号, 浏览次数, ...) followed by a colon, and no sentence end.
bool IsPageInfoLine(std::string_view line);

// The value after the first of `labels` found in `line` with its colon (`来源：青山日报` -> 青山日报),
// up to the next blank or the next label; empty when none.
enum class InfoLabel { kDate, kSource };
std::string InfoValue(std::string_view line, InfoLabel label);

}  // namespace tupu::html
