// Fuzz target: the domain layer (Extractor::Extract) on arbitrary text, with and without the
// tagger. Checks the contract the store relies on: every span lies inside the text and its
// sentence, every fact's endpoints are among the entities, no entity is listed twice.
// Input: byte 0 = flags (bit 0: use the tagger, bit 1: the next line is the document's date).
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "extract/extractor.h"
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

void Require(bool condition) {
  if (!condition) std::abort();
}

void CheckContract(const tupu::SourceDocument& source, const tupu::ExtractedDocument& out) {
  const size_t size = out.text.size();
  Require(out.text == source.text);
  for (const auto& s : out.sentences) Require(s.begin <= s.end && s.end <= size);
  std::set<std::pair<int, std::string>> keys;
  for (const auto& e : out.entities) {
    Require(!e.name.empty());
    Require(keys.emplace(static_cast<int>(e.label), e.name).second);  // listed once
  }
  for (const auto& f : out.facts) {
    Require(keys.count({static_cast<int>(f.src.label), f.src.name}) == 1);
    Require(keys.count({static_cast<int>(f.dst.label), f.dst.name}) == 1);
    Require(f.span.begin <= f.span.end && f.span.end <= size);
    if (f.sentence < out.sentences.size()) {
      const tupu::TextSpan& s = out.sentences[f.sentence];
      // Document-level facts (MENTIONED_IN counts) may carry an empty span.
      if (f.span.end > f.span.begin) Require(s.begin <= f.span.begin && f.span.end <= s.end);
    }
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  tupu::SourceDocument source;
  source.source_key = "fuzz";
  source.origin = "fuzz";
  if ((flags & 2) != 0) {
    size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) newline = rest.size();
    source.date = std::string(rest.substr(0, newline));
    rest.remove_prefix(newline < rest.size() ? newline + 1 : newline);
  }
  source.text = std::string(rest);
  tupu::Extractor extractor((flags & 1) != 0 ? Tagger() : nullptr);
  auto extracted = extractor.Extract(source);
  if (extracted.ok()) CheckContract(source, *extracted);
  return 0;
}
