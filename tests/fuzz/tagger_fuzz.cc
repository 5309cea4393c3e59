// Fuzz target: the tagger's input path (normalisation, long-sentence cutting, OOV characters,
// invalid UTF-8, NUL bytes). Every word must lie inside the sentence, in order, and the tags must
// be one per code point. Needs python3-jieba's model (TUPU_LAC_DIR to point elsewhere).
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "common/utf8.h"
#include "extract/lac_tagger.h"

namespace {
const tupu::LacTagger* Tagger() {
  static std::unique_ptr<tupu::LacTagger> tagger = [] {
    auto loaded = tupu::LacTagger::Load({});
    if (!loaded.ok()) std::abort();  // the model is part of the test environment
    return std::move(loaded).value();
  }();
  return tagger.get();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  tupu::TaggedSentence tagged = Tagger()->Tag(text);
  if (tagged.char_tags.size() != tupu::DecodeUtf8(text).code_points.size()) std::abort();
  uint32_t last_end = 0;
  for (const auto& w : tagged.words) {
    if (w.byte_begin < last_end || w.byte_end <= w.byte_begin || w.byte_end > size) std::abort();
    last_end = w.byte_end;
  }
  return 0;
}
