// Helpers for the extractor tests: run the Extractor on a string, look facts up by names.
// Thread safety: test-only helpers, single-threaded.
#pragma once

#include <string>
#include <vector>

#include "common/document.h"
#include "extract/extractor.h"

namespace tupu::testing {

// `doc` through the Extractor; an empty document (and a failed expectation) when it fails.
inline ExtractedDocument ExtractDocument(const SourceDocument& doc, const LacTagger* tagger = nullptr) {
  Extractor extractor(tagger);
  auto r = extractor.Extract(doc);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : ExtractedDocument{};
}

inline ExtractedDocument ExtractText(const std::string& text, const LacTagger* tagger = nullptr,
                                     const std::string& key = "test.txt") {
  SourceDocument doc;
  doc.source_key = key;
  doc.origin = key;
  doc.text = text;
  return ExtractDocument(doc, tagger);
}

inline bool HasEntity(const ExtractedDocument& d, NodeLabel label, const std::string& name) {
  for (const auto& e : d.entities)
    if (e.label == label && e.name == name) return true;
  return false;
}

inline bool HasAlias(const ExtractedDocument& d, const std::string& name) {
  for (const auto& e : d.entities) {
    if (e.name == name) return true;
    for (const auto& a : e.aliases)
      if (a == name) return true;
  }
  return false;
}

// Facts of `type` from `src` to `dst` (empty name = any).
inline std::vector<const FactRecord*> FindFacts(const ExtractedDocument& d, EdgeType type,
                                                const std::string& src, const std::string& dst) {
  std::vector<const FactRecord*> out;
  for (const auto& f : d.facts) {
    if (f.type != type) continue;
    if (!src.empty() && f.src.name != src) continue;
    if (!dst.empty() && f.dst.name != dst) continue;
    out.push_back(&f);
  }
  return out;
}

inline std::string Prop(const FactRecord* f, const std::string& key) {
  const std::string* v = FindProperty(f->props, key);
  return v ? *v : "";
}

inline int CountLabel(const ExtractedDocument& d, NodeLabel label) {
  int n = 0;
  for (const auto& e : d.entities) n += e.label == label;
  return n;
}

}  // namespace tupu::testing
