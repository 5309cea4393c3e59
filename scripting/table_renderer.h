// TextTable and its renderers: the one place that turns query results into text, in the modes the
// shell offers (table, csv, json, markdown). Table mode pads by terminal display width, so columns
// of Chinese names line up. Thread safety: pure functions over values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tupu {

struct TextTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells (missing = "")
};

enum class RenderMode { kTable, kCsv, kJson, kMarkdown };

// "table", "csv", "json", "markdown" (also "md"); nullopt otherwise.
std::optional<RenderMode> ParseRenderMode(std::string_view name);
std::string_view RenderModeName(RenderMode mode);

struct RenderOptions {
  RenderMode mode = RenderMode::kTable;
  size_t max_rows = 0;        // 0: all rows; else the rest is summarised in one line (table mode)
  size_t max_cell_width = 60; // table/markdown: longer cells are cut with "…"; 0: never cut
  bool footer = true;         // table mode: "(N rows)" after the table
};

// Renders `table`; the result ends with a newline unless it is empty.
std::string RenderTable(const TextTable& table, const RenderOptions& options);

// Cuts `text` to at most `width` display columns, ending in "…" when cut. Newlines become spaces.
std::string FitToWidth(std::string_view text, size_t width);

}  // namespace tupu
