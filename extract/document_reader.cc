// DocumentReader: files, folders and stdin to SourceDocuments (see document_reader.h).
#include "extract/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/text_encoding.h"

namespace tupu {
namespace fs = std::filesystem;
namespace {

enum class FileKind { kText, kJsonLines, kUnsupported };

FileKind KindOf(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".txt" || ext == ".md" || ext == ".text" || ext == ".markdown") return FileKind::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonLines;
  return FileKind::kUnsupported;
}

std::string NormalisedKey(const fs::path& path) { return path.lexically_normal().string(); }

std::string ErrnoText() { return std::strerror(errno); }

// A JSON value as document metadata: strings as they are, numbers as written, else empty.
std::string MetadataField(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return "";
}

// Parses one .jsonl line. `origin` is "<file>:<line>".
Result<SourceDocument> ParseJsonRecord(const std::string& line,
                                       const std::string& origin, size_t max_bytes) {
  nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return Status::InvalidArgument("invalid JSON");
  if (!record.is_object()) return Status::InvalidArgument("a line must be a JSON object");
  auto text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    return Status::InvalidArgument("no \"text\" string field");
  }
  SourceDocument doc;
  doc.text = text->get<std::string>();  // nlohmann validates UTF-8 while parsing
  if (doc.text.size() > max_bytes) return Status::InvalidArgument("text larger than the limit");
  std::string id = MetadataField(record, "id");
  // The record's own id is the stable key: re-exported archives keep it across file names.
  doc.source_key = id.empty() ? origin : id;
  doc.origin = origin;
  doc.title = MetadataField(record, "title");
  doc.date = MetadataField(record, "date");
  doc.source = MetadataField(record, "source");
  doc.url = MetadataField(record, "url");
  return doc;
}

}  // namespace

uint64_t DocumentReader::TotalBytes(const std::string& path) {
  if (path == "-") return 0;
  std::error_code ec;
  fs::path p(path);
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  uint64_t total = 0;
  if (!fs::is_directory(p, ec)) return 0;
  for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && KindOf(it->path()) != FileKind::kUnsupported) {
      total += it->file_size(ec);
    }
  }
  return total;
}

Status DocumentReader::ReadText(std::istream& in, const std::string& key,
                                const DocumentSink& on_document, const ErrorSink& on_error) const {
  auto fail = [&](Status s) {
    on_error(key, s);
    return s;
  };
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (bytes.size() > options_.max_document_bytes) {
      return fail(Status::InvalidArgument("larger than " +
                                          std::to_string(options_.max_document_bytes >> 20) +
                                          " MB; split it or use .jsonl"));
    }
  }
  if (in.bad()) return fail(Status::IOError("read failed: " + ErrnoText()));
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    return fail(Status::InvalidArgument("empty file: nothing to ingest"));
  }
  auto decoded = DecodeInputText(bytes);
  if (!decoded.ok()) return fail(decoded.status());
  SourceDocument doc;
  doc.source_key = key;
  doc.origin = key;
  doc.text = std::move(decoded->utf8);
  on_document(std::move(doc));
  return Status::OK();
}

// A broken line is reported with its number and skipped; the rest of the file goes on.
Status DocumentReader::ReadJsonLines(std::istream& in, const std::string& origin,
                                     const DocumentSink& on_document,
                                     const ErrorSink& on_error) const {
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = origin + ":" + std::to_string(line_no);
    auto doc = ParseJsonRecord(line, where, options_.max_document_bytes);
    if (!doc.ok()) {
      on_error(where, doc.status());
      continue;
    }
    on_document(std::move(doc).value());
  }
  Status s;
  if (in.bad()) s = Status::IOError("read failed: " + ErrnoText());
  else if (line_no == 0) s = Status::InvalidArgument("empty file: nothing to ingest");
  if (!s.ok()) on_error(origin, s);
  return s;
}

Status DocumentReader::ReadStream(std::istream& in, Format format, const std::string& key,
                                  const DocumentSink& on_document,
                                  const ErrorSink& on_error) const {
  return format == Format::kJsonLines ? ReadJsonLines(in, key, on_document, on_error)
                                      : ReadText(in, key, on_document, on_error);
}

Status DocumentReader::Read(const std::string& path, const DocumentSink& on_document,
                            const ErrorSink& on_error) const {
  auto fail = [&](const std::string& origin, Status s) {
    on_error(origin, s);
    return s;
  };

  auto read_file = [&](const fs::path& file, bool explicitly_named) -> Status {
    std::string key = NormalisedKey(file);
    FileKind kind = KindOf(file);
    if (kind == FileKind::kUnsupported && !explicitly_named) return Status::OK();  // not ours
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(key, Status::IOError("cannot open: " + ErrnoText()));
    return ReadStream(in, kind == FileKind::kJsonLines ? Format::kJsonLines : Format::kText, key,
                      on_document, on_error);
  };

  if (path == "-") {
    // stdin: JSON lines when the first non-blank character opens an object, else one text
    // document. Streamed, like a file: a large .jsonl on stdin is never held whole.
    std::cin >> std::ws;
    bool json_lines = std::cin.peek() == '{';
    return ReadStream(std::cin, json_lines ? Format::kJsonLines : Format::kText, "<stdin>",
                      on_document, on_error);
  }

  std::error_code ec;
  fs::path root(path);
  fs::file_status st = fs::status(root, ec);
  if (ec || !fs::exists(st)) return fail(path, Status::NotFound("no such file or folder"));
  if (fs::is_regular_file(st)) return read_file(root, /*explicitly_named=*/true);
  if (!fs::is_directory(st)) return fail(path, Status::InvalidArgument("not a file or folder"));

  // Name order, so that two runs over one folder ingest in the same order.
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code file_ec;
    if (it->is_regular_file(file_ec) && KindOf(it->path()) != FileKind::kUnsupported) {
      files.push_back(it->path());
    }
  }
  if (ec) on_error(path, Status::IOError("cannot list folder: " + ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& file : files) read_file(file, /*explicitly_named=*/false).PermitUncheckedError();
  return Status::OK();
}

}  // namespace tupu
