// DocumentReader: files, folders and stdin to SourceDocuments (see document_reader.h).
#include "extract/document_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <vector>

#include "extract/domain_article_splitter.h"
#include "extract/html_reader.h"
#include "extract/pdf_reader.h"
#include "extract/text_encoding.h"

namespace tupu {
namespace fs = std::filesystem;
namespace {

enum class FileKind { kText, kJsonLines, kHtml, kPdf, kUnsupported };

// A file without an extension (wget and httrack keep the server's names: `index`, `t123_456`) is
// a page or a PDF when it opens like one.
FileKind SniffKind(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[1024];
  in.read(head, sizeof head);
  const std::string_view bytes(head, static_cast<size_t>(in.gcount()));
  if (pdf::LooksLikePdf(bytes)) return FileKind::kPdf;
  return html::LooksLikeHtml(bytes) ? FileKind::kHtml : FileKind::kUnsupported;
}

FileKind KindOf(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".txt" || ext == ".md" || ext == ".text" || ext == ".markdown") return FileKind::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonLines;
  if (ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".xhtml") return FileKind::kHtml;
  if (ext == ".pdf") return FileKind::kPdf;
  if (ext.empty()) return SniffKind(path);
  return FileKind::kUnsupported;
}

DocumentReader::Format FormatOf(FileKind kind) {
  switch (kind) {
    case FileKind::kJsonLines:
      return DocumentReader::Format::kJsonLines;
    case FileKind::kHtml:
      return DocumentReader::Format::kHtml;
    case FileKind::kPdf:
      return DocumentReader::Format::kPdf;
    default:
      return DocumentReader::Format::kText;
  }
}

// A page's canonical address is its key when it names one article: the same page saved twice, or
// saved again after a correction, is then one document. Sites that point every page's canonical
// link at their home or a section index would make all their pages one, so such addresses (no
// path, a folder, an index file) are not keys and the file's path is.
bool IsArticleAddress(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  const size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return false;
  std::string_view rest = url.substr(path);
  rest = rest.substr(0, rest.find_first_of("?#"));
  if (rest.size() <= 1 || rest.back() == '/') return false;
  std::string last(rest.substr(rest.rfind('/') + 1));
  std::transform(last.begin(), last.end(), last.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return last.rfind("index.", 0) != 0 && last.rfind("default.", 0) != 0 && last != "index";
}

// The folder a browser saves a page's resources in (`Page_files/` beside `Page.html`): scripts,
// styles, pictures and the pages of framed widgets (share buttons, adverts), never the article.
bool IsSavedPageResources(const fs::directory_entry& entry) {
  std::error_code ec;
  const std::string name = entry.path().filename().string();
  constexpr std::string_view kSuffix = "_files";
  if (!entry.is_directory(ec) || name.size() <= kSuffix.size() ||
      name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    return false;
  }
  const fs::path page = entry.path().parent_path() / name.substr(0, name.size() - kSuffix.size());
  for (const char* ext : {".html", ".htm", ".shtml", ".xhtml"}) {
    if (fs::exists(fs::path(page).concat(ext), ec)) return true;
  }
  return false;
}

// The files of a folder, recursively, that DocumentReader reads (saved pages' resource folders
// left out); `ec` reports a folder that cannot be listed.
std::vector<fs::path> FilesToRead(const fs::path& root, fs::directory_options options,
                                  std::error_code& ec) {
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (IsSavedPageResources(*it)) {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code file_ec;
    if (it->is_regular_file(file_ec) && KindOf(it->path()) != FileKind::kUnsupported) {
      files.push_back(it->path());
    }
  }
  return files;
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
Result<SourceDocument> ParseJsonRecord(const std::string& line, const std::string& origin,
                                       size_t max_bytes) {
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
  doc.region = MetadataField(record, "region");
  return doc;
}

// A text file: one document keyed by its path.
Result<SourceDocument> TextDocument(std::string_view bytes, const std::string& key) {
  TUPU_ASSIGN_OR_RETURN(DecodedInput decoded, DecodeInputText(bytes));
  SourceDocument doc;
  doc.source_key = key;
  doc.origin = key;
  doc.text = std::move(decoded.utf8);
  // A saved article that begins with its address: the address is the page's (a curation file's
  // source-region may name its host).
  doc.url = std::string(domain::LeadingAddress(doc.text));
  return doc;
}

// A saved page: its article and metadata, keyed by its address when that names the article.
Result<SourceDocument> HtmlDocument(std::string_view bytes, const std::string& key) {
  TUPU_ASSIGN_OR_RETURN(html::HtmlPage page, html::ReadHtmlPage(bytes));
  SourceDocument doc;
  doc.input_bytes = bytes.size();
  doc.source_key = IsArticleAddress(page.meta.url) ? page.meta.url : key;
  doc.origin = key;
  doc.text = std::move(page.text);
  doc.title = std::move(page.meta.title);
  doc.date = std::move(page.meta.date);
  doc.source = std::move(page.meta.source);
  doc.url = std::move(page.meta.url);
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
  for (const fs::path& file : FilesToRead(p, fs::directory_options::skip_permission_denied, ec)) {
    std::error_code size_ec;
    const uint64_t size = fs::file_size(file, size_ec);
    if (!size_ec) total += size;
  }
  return total;
}

Result<std::string> DocumentReader::ReadWhole(std::istream& in, size_t max_bytes) const {
  std::string bytes;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      return Status::InvalidArgument("larger than " + std::to_string(max_bytes >> 20) +
                                     " MB; split it or use .jsonl");
    }
  }
  if (in.bad()) return Status::IOError("read failed: " + ErrnoText());
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("empty file: nothing to ingest");
  }
  return bytes;
}

Status DocumentReader::ReadWholeDocument(std::istream& in, const std::string& key,
                                         const Converter& convert, const DocumentSink& on_document,
                                         const ErrorSink& on_error) const {
  auto whole = ReadWhole(in, options_.max_document_bytes);
  Result<SourceDocument> doc = whole.ok() ? convert(*whole, key) : whole.status();
  if (!doc.ok()) {
    on_error(key, doc.status());
    return doc.status();
  }
  on_document(std::move(doc).value());
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
  if (in.bad())
    s = Status::IOError("read failed: " + ErrnoText());
  else if (line_no == 0)
    s = Status::InvalidArgument("empty file: nothing to ingest");
  if (!s.ok()) on_error(origin, s);
  return s;
}

// Every page with text is a document of its own (`file.pdf#page=3`), dated by its masthead: an
// issue's pages are separate printed pages, and a page at a time keeps memory flat.
Status DocumentReader::ReadPdf(const std::string& path, std::istream* in, const std::string& key,
                               const DocumentSink& on_document, const ErrorSink& on_error) const {
  std::error_code size_error;
  const uint64_t file_bytes = in == nullptr ? fs::file_size(path, size_error) : 0;
  auto on_page = [&](pdf::PdfPage&& page) {
    const std::string where = key + "#page=" + std::to_string(page.number);
    if (page.text.size() > options_.max_document_bytes) {
      on_error(where, Status::InvalidArgument("page text larger than the limit"));
      return;
    }
    SourceDocument doc;
    doc.source_key = where;
    doc.origin = where;
    doc.text = std::move(page.text);
    doc.date = std::move(page.date);
    doc.source = std::move(page.paper);
    if (!size_error && page.pages > 0) doc.input_bytes = file_bytes / page.pages;
    on_document(std::move(doc));
  };
  pdf::PdfReadResult result;
  Status s;
  if (in == nullptr) {
    s = pdf::ReadPdfFile(path, on_page, &result);
  } else {
    auto bytes = ReadWhole(*in, options_.max_pdf_bytes);
    s = bytes.ok() ? pdf::ReadPdfBytes(*bytes, on_page, &result) : bytes.status();
  }
  if (!s.ok()) {
    on_error(key, s);
    return s;
  }
  if (!result.pages_without_text.empty()) {
    std::string pages;
    for (int p : result.pages_without_text)
      pages += (pages.empty() ? "" : ", ") + std::to_string(p);
    on_error(key, Status::InvalidArgument("no text layer on page(s) " + pages +
                                          " (scans?): those pages were not read"));
  }
  return Status::OK();
}

Status DocumentReader::ReadStream(std::istream& in, Format format, const std::string& key,
                                  const DocumentSink& on_document,
                                  const ErrorSink& on_error) const {
  switch (format) {
    case Format::kJsonLines:
      return ReadJsonLines(in, key, on_document, on_error);
    case Format::kHtml:
      return ReadWholeDocument(in, key, HtmlDocument, on_document, on_error);
    case Format::kPdf:
      return ReadPdf(key, &in, key, on_document, on_error);
    case Format::kText:
      break;
  }
  return ReadWholeDocument(in, key, TextDocument, on_document, on_error);
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
    // poppler reads a PDF file as it needs it: never the whole of a 500-page issue at once.
    if (kind == FileKind::kPdf) return ReadPdf(file.string(), nullptr, key, on_document, on_error);
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(key, Status::IOError("cannot open: " + ErrnoText()));
    return ReadStream(in, FormatOf(kind), key, on_document, on_error);
  };

  if (path == "-") {
    // stdin: JSON lines when the first non-blank character opens an object, a page when it
    // opens a tag, else one text document. Streamed, like a file: a large .jsonl on stdin is
    // never held whole.
    std::cin >> std::ws;
    const int first = std::cin.peek();
    const Format format = first == '{'   ? Format::kJsonLines
                          : first == '<' ? Format::kHtml
                                         : Format::kText;
    return ReadStream(std::cin, format, "<stdin>", on_document, on_error);
  }

  std::error_code ec;
  fs::path root(path);
  fs::file_status st = fs::status(root, ec);
  if (ec || !fs::exists(st)) return fail(path, Status::NotFound("no such file or folder"));
  if (fs::is_regular_file(st)) return read_file(root, /*explicitly_named=*/true);
  if (!fs::is_directory(st)) return fail(path, Status::InvalidArgument("not a file or folder"));

  // Name order, so that two runs over one folder ingest in the same order.
  std::vector<fs::path> files = FilesToRead(root, fs::directory_options::none, ec);
  if (ec) on_error(path, Status::IOError("cannot list folder: " + ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& file : files) read_file(file, /*explicitly_named=*/false).PermitUncheckedError();
  return Status::OK();
}

}  // namespace tupu
