// Fuzz target: the PDF reader (pdf_reader.h) on arbitrary bytes, through poppler and the
// reading-order layout. Nothing may crash or hang; every page that comes out has valid UTF-8 text
// and a date that is empty or YYYY-MM-DD. Seeded with small PDFs written by
// tests/extract/make_test_pdfs.py (tests/fuzz/corpus/pdf).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/utf8.h"
#include "extract/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  tupu::pdf::PdfReadResult result;
  tupu::pdf::ReadPdfBytes(
      bytes,
      [](tupu::pdf::PdfPage&& page) {
        if (!tupu::IsValidUtf8(page.text) || page.text.empty()) std::abort();
        if (!page.date.empty() && page.date.size() != 10) std::abort();
      },
      &result)
      .PermitUncheckedError();  // refusals are the expected outcome for most inputs
  return 0;
}
