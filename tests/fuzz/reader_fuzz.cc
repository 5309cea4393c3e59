// Fuzz target: the input side of ingest. Arbitrary bytes through the encoding detection and
// through the text, .jsonl, saved-page and PDF readers (html_fuzz and pdf_fuzz go deeper into the
// last two). Nothing may crash, and every document that comes out must be valid UTF-8 (what the
// rest of the pipeline relies on).
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "common/utf8.h"
#include "extract/document_reader.h"
#include "extract/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = tupu::DecodeInputText(bytes);
  if (decoded.ok() && !tupu::IsValidUtf8(decoded->utf8)) std::abort();

  tupu::DocumentReader reader;
  using Format = tupu::DocumentReader::Format;
  for (auto format : {Format::kText, Format::kJsonLines, Format::kHtml, Format::kPdf}) {
    std::istringstream in(bytes);
    reader
        .ReadStream(
            in, format, "fuzz",
            [](tupu::SourceDocument&& doc) {
              if (!tupu::IsValidUtf8(doc.text)) std::abort();
            },
            [](const std::string&, const tupu::Status&) {})
        .PermitUncheckedError();
  }
  return 0;
}
