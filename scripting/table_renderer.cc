// Renderers of TextTable (see table_renderer.h). Widths are display columns (common/utf8.h), not
// bytes or code points: a Chinese character takes two columns on a terminal.
#include "scripting/table_renderer.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace tupu {
namespace {

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Cell(const TextTable& table, size_t row, size_t col) {
  const auto& cells = table.rows[row];
  return col < cells.size() ? cells[col] : std::string();
}

size_t ShownRows(const TextTable& table, const RenderOptions& options) {
  if (options.max_rows == 0) return table.rows.size();
  return std::min(options.max_rows, table.rows.size());
}

void AppendPadded(std::string* out, const std::string& text, size_t width) {
  out->append(text);
  size_t used = DisplayWidth(text);
  if (used < width) out->append(width - used, ' ');
}

std::string RenderBoxed(const TextTable& table, const RenderOptions& options) {
  const size_t ncols = table.columns.size();
  const size_t nrows = ShownRows(table, options);
  std::vector<std::vector<std::string>> cells(nrows + 1, std::vector<std::string>(ncols));
  std::vector<size_t> widths(ncols, 0);
  for (size_t c = 0; c < ncols; ++c) {
    cells[0][c] = FitToWidth(table.columns[c], options.max_cell_width);
    widths[c] = DisplayWidth(cells[0][c]);
  }
  for (size_t r = 0; r < nrows; ++r) {
    for (size_t c = 0; c < ncols; ++c) {
      cells[r + 1][c] = FitToWidth(Cell(table, r, c), options.max_cell_width);
      widths[c] = std::max(widths[c], DisplayWidth(cells[r + 1][c]));
    }
  }
  std::string rule = "+";
  for (size_t w : widths) rule += std::string(w + 2, '-') + "+";
  rule += "\n";
  std::string out = rule;
  for (size_t r = 0; r <= nrows; ++r) {
    out += "|";
    for (size_t c = 0; c < ncols; ++c) {
      out += " ";
      AppendPadded(&out, cells[r][c], widths[c]);
      out += " |";
    }
    out += "\n";
    if (r == 0) out += rule;
  }
  out += rule;
  // Appended piece by piece, not as `"(" + std::to_string(...) + ...`: g++ 12 at -O3 warns
  // -Wrestrict inside operator+(const char*, std::string&&) (a known false positive, GCC bug
  // 105329), and appending is what we mean anyway. The same holds in RenderMarkdown.
  if (nrows < table.rows.size()) {
    out += "... ";
    out += std::to_string(table.rows.size() - nrows);
    out += " more rows (";
    out += std::to_string(table.rows.size());
    out += " in all; .maxrows 0 shows all)\n";
  } else if (options.footer) {
    out += "(";
    out += std::to_string(table.rows.size());
    out += table.rows.size() == 1 ? " row)\n" : " rows)\n";
  }
  return out;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string RenderCsv(const TextTable& table, const RenderOptions& options) {
  std::string out;
  auto line = [&](const std::vector<std::string>& fields, size_t n) {
    for (size_t c = 0; c < n; ++c) {
      if (c > 0) out.push_back(',');
      out += CsvField(c < fields.size() ? fields[c] : std::string());
    }
    out += "\n";
  };
  line(table.columns, table.columns.size());
  for (size_t r = 0; r < ShownRows(table, options); ++r) line(table.rows[r], table.columns.size());
  return out;
}

std::string RenderJson(const TextTable& table, const RenderOptions& options) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (size_t r = 0; r < ShownRows(table, options); ++r) {
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (size_t c = 0; c < table.columns.size(); ++c) row[table.columns[c]] = Cell(table, r, c);
    rows.push_back(std::move(row));
  }
  // Replace, not throw, on bad UTF-8: a rendering must never fail.
  return rows.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string MarkdownCell(const std::string& text, size_t max_width) {
  std::string out;
  for (char c : FitToWidth(text, max_width)) {
    if (c == '|') out += "\\";
    out.push_back(c);
  }
  return out;
}

std::string RenderMarkdown(const TextTable& table, const RenderOptions& options) {
  std::string out = "|";
  for (const auto& col : table.columns) {
    out += " ";
    out += MarkdownCell(col, options.max_cell_width);
    out += " |";
  }
  out += "\n|";
  for (size_t c = 0; c < table.columns.size(); ++c) out += " --- |";
  out += "\n";
  for (size_t r = 0; r < ShownRows(table, options); ++r) {
    out += "|";
    for (size_t c = 0; c < table.columns.size(); ++c) {
      out += " ";
      out += MarkdownCell(Cell(table, r, c), options.max_cell_width);
      out += " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::optional<RenderMode> ParseRenderMode(std::string_view name) {
  if (name == "table" || name == "box") return RenderMode::kTable;
  if (name == "csv") return RenderMode::kCsv;
  if (name == "json") return RenderMode::kJson;
  if (name == "markdown" || name == "md") return RenderMode::kMarkdown;
  return std::nullopt;
}

std::string_view RenderModeName(RenderMode mode) {
  switch (mode) {
    case RenderMode::kTable: return "table";
    case RenderMode::kCsv: return "csv";
    case RenderMode::kJson: return "json";
    case RenderMode::kMarkdown: return "markdown";
  }
  return "table";
}

std::string FitToWidth(std::string_view text, size_t width) {
  std::string line = OneLine(text);
  if (width == 0 || DisplayWidth(line) <= width) return line;
  std::string out;
  size_t used = 0;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t start = pos;
    int w = DisplayWidth(DecodeUtf8At(line, &pos));
    if (used + w + 1 > width) break;  // keep one column for the ellipsis
    out.append(line, start, pos - start);
    used += w;
  }
  return out + "…";
}

std::string RenderTable(const TextTable& table, const RenderOptions& options) {
  switch (options.mode) {
    case RenderMode::kTable: return RenderBoxed(table, options);
    case RenderMode::kCsv: return RenderCsv(table, options);
    case RenderMode::kJson: return RenderJson(table, options);
    case RenderMode::kMarkdown: return RenderMarkdown(table, options);
  }
  return {};
}

}  // namespace tupu
