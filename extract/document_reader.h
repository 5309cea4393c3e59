// DocumentReader: finds the documents under the paths a user gives: files, folders (recursively,
// in name order) or "-" for stdin. .txt/.md = one document per file; .jsonl = one per line
// (`text`, optional `id`, `title`, `date`, `source`, `url`); saved web pages (.html, .htm,
// .shtml, or no extension and HTML inside) = the article's main text with the page's title, date,
// source and address (html_reader.h), keyed by the page's canonical address when it names an
// article; PDFs (.pdf, or `%PDF-` inside) = one document per page with text, in reading order,
// dated by the masthead (pdf_reader.h). UTF-8 expected; GB18030/GBK is detected and converted (a
// page's declared charset first); anything else (binary, NUL bytes, undecodable, a PDF without
// text or with a password) is refused with the file's name.
// Streaming: one document in memory at a time, whatever the size of the corpus.
// Thread safety: a DocumentReader is used by one thread.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "common/document.h"
#include "common/result.h"
#include "common/status.h"

namespace tupu {

struct ReaderOptions {
  // Larger files are refused, not loaded: a news article is well under 1 MB, and a single text of
  // this size is a dump to be split (or given as .jsonl, where the limit is per line).
  size_t max_document_bytes = 16u << 20;
  // A PDF given as a stream (stdin) is held whole while poppler reads it; files are read in place.
  size_t max_pdf_bytes = 1u << 30;
};

class DocumentReader {
 public:
  using DocumentSink = std::function<void(SourceDocument&&)>;
  // `origin` names the file (and line), `status` says why it was skipped.
  using ErrorSink = std::function<void(const std::string& origin, const Status& status)>;

  explicit DocumentReader(ReaderOptions options = {}) : options_(options) {}

  // Reads `path` and calls `on_document` for each document, `on_error` for each file or line that
  // was skipped. Returns non-OK only when `path` itself cannot be read at all (also reported to
  // on_error), so callers can carry on with the next path.
  Status Read(const std::string& path, const DocumentSink& on_document,
              const ErrorSink& on_error) const;

  enum class Format { kText, kJsonLines, kHtml, kPdf };
  // Reads one stream of the given format; `key` is its source key and origin (a file's path).
  // Returns non-OK when the stream as a whole is unusable (also reported to on_error).
  Status ReadStream(std::istream& in, Format format, const std::string& key,
                    const DocumentSink& on_document, const ErrorSink& on_error) const;

  // Total bytes of the regular files under `path` (for progress bars); 0 for stdin.
  static uint64_t TotalBytes(const std::string& path);

 private:
  // The stream's bytes, refused when over `max_bytes` or blank.
  Result<std::string> ReadWhole(std::istream& in, size_t max_bytes) const;
  // A PDF from the file at `path`, or from `in` when given; one document per page with text.
  Status ReadPdf(const std::string& path, std::istream* in, const std::string& key,
                 const DocumentSink& on_document, const ErrorSink& on_error) const;
  // A whole file that is one document: its bytes through `convert` (text or page).
  using Converter = Result<SourceDocument> (*)(std::string_view bytes, const std::string& key);
  Status ReadWholeDocument(std::istream& in, const std::string& key, const Converter& convert,
                           const DocumentSink& on_document, const ErrorSink& on_error) const;
  Status ReadJsonLines(std::istream& in, const std::string& origin, const DocumentSink& on_document,
                       const ErrorSink& on_error) const;

  ReaderOptions options_;
};

}  // namespace tupu
