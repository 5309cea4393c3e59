// Format dispatch and atomic file output for the exporters (see export.h).
#include "graph/export.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "graph/export_csv.h"
#include "graph/export_dot.h"
#include "graph/export_gexf.h"
#include "graph/export_graphml.h"
#include "graph/export_json.h"

namespace tupu {

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  for (ExportFormat f : {ExportFormat::kJson, ExportFormat::kGraphml, ExportFormat::kGexf,
                         ExportFormat::kDot, ExportFormat::kCsv}) {
    if (ExportFormatName(f) == name) return f;
  }
  return std::nullopt;
}

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kJson: return "json";
    case ExportFormat::kGraphml: return "graphml";
    case ExportFormat::kGexf: return "gexf";
    case ExportFormat::kDot: return "dot";
    case ExportFormat::kCsv: return "csv";
  }
  return "json";
}

std::optional<ExportFormat> ExportFormatForPath(std::string_view path) {
  if (!path.empty() && path.back() == '/') return ExportFormat::kCsv;
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".json") return ExportFormat::kJson;
  if (ext == ".graphml" || ext == ".xml") return ExportFormat::kGraphml;
  if (ext == ".gexf") return ExportFormat::kGexf;
  if (ext == ".dot" || ext == ".gv") return ExportFormat::kDot;
  if (ext == ".csv") return ExportFormat::kCsv;
  return std::nullopt;
}

Status ExportToStream(const GraphSnapshot& snapshot, ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kJson: return WriteJson(snapshot, out);
    case ExportFormat::kGraphml: return WriteGraphml(snapshot, out);
    case ExportFormat::kGexf: return WriteGexf(snapshot, out);
    case ExportFormat::kDot: return WriteDot(snapshot, out);
    case ExportFormat::kCsv:
      return Status::NotSupported("csv is two files (nodes.csv, edges.csv): give a folder");
  }
  return Status::InvalidArgument("unknown export format");
}

Status ExportToPath(const GraphSnapshot& snapshot, ExportFormat format, const std::string& path) {
  if (format == ExportFormat::kCsv) {
    if (path == "-") {
      return Status::InvalidArgument("csv writes two files (nodes.csv, edges.csv): -o FOLDER");
    }
    // "x.csv" as a folder name would surprise: drop the extension's meaning, keep the name.
    return WriteCsvFolder(snapshot, path);
  }
  if (path == "-") return ExportToStream(snapshot, format, std::cout);

  std::string temp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(path + ": cannot open for writing: " + std::strerror(errno));
    Status s = ExportToStream(snapshot, format, out);
    out.close();
    if (s.ok() && !out) s = Status::IOError("closing the file failed");
    if (!s.ok()) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return s.WithContext(path);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return Status::IOError(path + ": cannot move the finished export into place: " + ec.message());
  }
  return Status::OK();
}

}  // namespace tupu
