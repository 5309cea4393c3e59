// Export of a snapshot in any supported format: the one entry point `tupu export` and the Lua
// `:export(path)` use. The per-format writers live in export_<format>.h.
// Thread safety: reads the snapshot only; any number may run at once.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

enum class ExportFormat { kJson, kGraphml, kGexf, kDot, kCsv };

// "json", "graphml", "gexf", "dot", "csv" (exactly these); nullopt otherwise.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
std::string_view ExportFormatName(ExportFormat format);
// By the file's extension: .json, .graphml/.xml, .gexf, .dot/.gv, .csv or a trailing '/' (csv).
std::optional<ExportFormat> ExportFormatForPath(std::string_view path);

// Writes one stream. CSV is two files and is refused here (NotSupported): use ExportToPath.
[[nodiscard]] Status ExportToStream(const GraphSnapshot& snapshot, ExportFormat format,
                                    std::ostream& out);

// Writes `path` ("-" = standard output). The file appears whole or not at all: it is written
// beside `path` and renamed over it at the end. CSV: `path` is a folder that gets nodes.csv and
// edges.csv (created when missing; "-" is refused).
[[nodiscard]] Status ExportToPath(const GraphSnapshot& snapshot, ExportFormat format,
                                  const std::string& path);

}  // namespace tupu
