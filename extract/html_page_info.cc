// Publication lines and their labelled values (see html_page_info.h).
#include "extract/html_page_info.h"

#include <array>

#include "common/utf8.h"

namespace tupu::html {
namespace {

// A publication line is short; a paragraph that happens to say 时间： is long or ends a sentence.
constexpr size_t kMaxInfoLineChars = 100;

constexpr std::array<std::string_view, 8> kDateLabels = {
    "发布时间", "发布日期", "发表时间", "发稿时间", "更新时间", "日期", "时间", "发布于"};
constexpr std::array<std::string_view, 4> kSourceLabels = {"信息来源", "文章来源", "稿件来源",
                                                           "来源"};
constexpr std::array<std::string_view, 8> kOtherLabels = {
    "作者", "字号", "浏览次数", "点击数", "阅读次数", "访问量", "责任编辑", "编辑"};

// The bytes of a colon at `at` (full-width or ASCII), else 0.
size_t ColonAt(std::string_view line, size_t at) {
  if (line.substr(at, 3) == "：") return 3;
  if (line.substr(at, 1) == ":") return 1;
  return 0;
}

// The length in bytes of the blank at `at` (space, tab, ideographic space, NBSP), else 0.
size_t BlankAt(std::string_view line, size_t at) {
  if (line[at] == ' ' || line[at] == '\t') return 1;
  if (line.substr(at, 3) == "\xE3\x80\x80") return 3;
  if (line.substr(at, 2) == "\xC2\xA0") return 2;
  return 0;
}

// Position just past `label` and its colon (blanks after the colon skipped), or npos.
template <size_t N>
size_t AfterLabel(std::string_view line, const std::array<std::string_view, N>& labels) {
  for (std::string_view label : labels) {
    for (size_t at = line.find(label); at != std::string_view::npos;
         at = line.find(label, at + 1)) {
      size_t pos = at + label.size();
      while (pos < line.size() && BlankAt(line, pos) > 0) pos += BlankAt(line, pos);
      const size_t colon = pos < line.size() ? ColonAt(line, pos) : 0;
      if (colon == 0) continue;
      pos += colon;
      while (pos < line.size() && BlankAt(line, pos) > 0) pos += BlankAt(line, pos);
      return pos;
    }
  }
  return std::string_view::npos;
}

bool HasAnyLabel(std::string_view line) {
  return AfterLabel(line, kDateLabels) != std::string_view::npos ||
         AfterLabel(line, kSourceLabels) != std::string_view::npos ||
         AfterLabel(line, kOtherLabels) != std::string_view::npos;
}

}  // namespace

bool IsPageInfoLine(std::string_view line) {
  if (CodePointCount(line) > kMaxInfoLineChars) return false;
  if (line.find("。") != std::string_view::npos) return false;
  return HasAnyLabel(line);
}

std::string InfoValue(std::string_view line, InfoLabel label) {
  const size_t begin =
      label == InfoLabel::kDate ? AfterLabel(line, kDateLabels) : AfterLabel(line, kSourceLabels);
  if (begin == std::string_view::npos) return "";
  std::string_view rest = line.substr(begin);
  // A date value has a blank between day and time (2023-05-30 09:12): keep up to the next label.
  size_t end = rest.size();
  for (size_t i = 0; i < rest.size(); ++i) {
    if (BlankAt(rest, i) == 0) continue;
    if (label == InfoLabel::kSource || HasAnyLabel(rest.substr(i))) {
      end = i;
      break;
    }
  }
  return std::string(rest.substr(0, end));
}

}  // namespace tupu::html
