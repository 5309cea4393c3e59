// E-paper PDFs (one file per printed page, or a whole issue) through poppler's C++ API (Debian's
// libpoppler-cpp-dev): each page's text in reading order (pdf_layout.h) with the masthead's date
// (`2022年5月17日 星期二`), which is the date of every article on the page, and the paper's name
// when the masthead has it as text; a page without a masthead takes those of the page before. One
// page at a time is in memory, whatever the file's size. A file that is damaged, encrypted, or has
// no text layer at all (a scan) is refused with the reason; pages without text in a file that has
// some are named, the others read.
// Thread safety: the functions may be called from several threads (poppler documents are not
// shared); the first call installs a handler that keeps poppler's own messages off stderr.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace tupu::pdf {

struct PdfPage {
  int number = 0;     // 1-based
  int pages = 0;      // in the file
  std::string text;   // UTF-8: headlines as `# ` lines, one paragraph per line
  std::string date;   // YYYY-MM-DD from the masthead; empty when none was found on any page so far
  std::string paper;  // the paper's name when the masthead has it in text; else empty
};

using PageSink = std::function<void(PdfPage&&)>;

struct PdfReadResult {
  int pages = 0;                        // pages in the file
  std::vector<int> pages_without_text;  // 1-based
};

// Reads the PDF file at `path` / the PDF in `bytes`, calling `on_page` for every page with text.
// Non-OK when the file as a whole is unusable; *result says which pages had no text.
Status ReadPdfFile(const std::string& path, const PageSink& on_page, PdfReadResult* result);
Status ReadPdfBytes(std::string_view bytes, const PageSink& on_page, PdfReadResult* result);

// True when `head`, the first bytes of a file, is a PDF's (`%PDF-`).
bool LooksLikePdf(std::string_view head);

}  // namespace tupu::pdf
