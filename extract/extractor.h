// Extractor: the domain layer. Turns one SourceDocument into an ExtractedDocument: sentences,
// entities (persons, offices, places, documents) and facts (positions, visits, companions, ...),
// each fact with its evidence span. Rules over the tagger's output for Chinese government news.
// Thread safety: Extract is const and may run on many threads with one Extractor.
#pragma once

#include "common/document.h"
#include "common/result.h"
#include "extract/lac_tagger.h"

namespace tupu {

struct ExtractorOptions {
  bool co_mentions = true;  // emit CO_MENTIONED and MENTIONED_IN facts
};

class Extractor {
 public:
  // The version of the rules, stamped on every page (kRulesStampProperty). Change it with any
  // change of the rules that changes what documents give (names, scopes, facts): the store then
  // replaces pages whose text is unchanged when they are ingested again.
  static constexpr const char* kRulesVersion = "2026-12-02 scopes";

  // `tagger` is not owned and must outlive the Extractor.
  Extractor(const LacTagger* tagger, ExtractorOptions options = {});

  // InvalidArgument for a document that cannot be processed (the reason says why).
  Result<ExtractedDocument> Extract(const SourceDocument& doc) const;

 private:
  const LacTagger* tagger_;
  ExtractorOptions options_;
};

}  // namespace tupu
