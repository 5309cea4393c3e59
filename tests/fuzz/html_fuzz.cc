// Fuzz target: the saved-page reader (html_reader.h) on arbitrary bytes: charset prescan and
// conversion, the gumbo parse, the main-text choice and the metadata. Nothing may crash or hang,
// and what comes out must be valid UTF-8 with no line breaks inside metadata (what the rest of the
// pipeline and the store rely on). Seeded with the made-up pages of tests/testdata/html.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "extract/html_reader.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

void RequireField(const std::string& value) {
  Require(tupu::IsValidUtf8(value));
  Require(value.find('\n') == std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  tupu::html::LooksLikeHtml(bytes);
  auto page = tupu::html::ReadHtmlPage(bytes);
  if (!page.ok()) return 0;
  Require(tupu::IsValidUtf8(page->text));
  Require(!page->text.empty());
  RequireField(page->meta.title);
  RequireField(page->meta.date);
  RequireField(page->meta.source);
  RequireField(page->meta.url);
  Require(page->meta.date.empty() || page->meta.date.size() == 10);
  return 0;
}
