// Curation: the user's last word on which mentions are one node, read from a plain text file that
// people edit by hand (format: docs/curation.md). Four rules: `source-region` gives a source its
// region and applies to the SourceDocument BEFORE extraction; `alias`, `same-as` and `not-same-as`
// apply to the ExtractedDocument AFTER extraction. Both run at every ingest, so a rule holds for
// re-ingested and changed documents as for new ones. Loading checks every line and names the bad
// ones as file:line; applying is pure (no I/O).
// Thread safety: a loaded Curation is immutable; the Apply functions may run on many threads with
// one Curation.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/document.h"
#include "common/model.h"
#include "common/result.h"

namespace tupu {

// The file `tupu ingest` reads from the working folder when --curation is not given.
inline constexpr char kDefaultCurationFile[] = "tupu-curation.txt";

// The entity property that lists the rules that changed the entity (stored on its node, shown by
// `tupu resolve --explain`): each rule's text, joined by "; ".
inline constexpr char kCuratedProperty[] = "curated";

// The scope part a `not-same-as` rule adds: "document:<source key>" (after "<scope>|" when the
// entity had a scope).
inline constexpr char kDocumentScopePrefix[] = "document:";

struct CurationRule {
  enum class Kind { kSourceRegion, kAlias, kSameAs, kNotSameAs };
  Kind kind = Kind::kAlias;
  int line = 0;      // 1-based line in the file
  std::string text;  // the rule in one canonical spelling (fields joined by one space): what the
                     // `curated` property and the document's stamp record
  // source-region
  std::string source;  // a source name, a host or a folder (without a trailing '/')
  std::string region;
  // alias, same-as, not-same-as
  NodeLabel label = NodeLabel::kPerson;
  std::string name;
  std::string scope;       // same-as: the left side's scope; not-same-as: the scope it applies in
  bool any_scope = false;  // not-same-as without a scope: every scope of that name
  std::string alias;       // alias
  std::string to_name;     // same-as: the node it becomes
  std::string to_scope;
};

struct Curation {
  std::string file;                 // as named in messages
  std::vector<CurationRule> rules;  // in file order

  // Indexes into `rules`, built by ParseCuration.
  std::map<std::string, size_t> same_as;               // label, name, scope -> its rule
  std::map<std::string, std::vector<size_t>> by_name;  // label, name -> alias, not-same-as
  std::vector<size_t> source_regions;                  // in file order

  bool empty() const { return rules.empty(); }
};

// Parses the text of a curation file named `file` (for messages). InvalidArgument listing each bad
// line as "<file>:<line>: <reason>" (at most 20), or a Curation.
Result<Curation> ParseCuration(std::string_view text, const std::string& file);

// Reads and parses `path`. NotFound naming the path when there is no such file.
Result<Curation> LoadCuration(const std::string& path);

// When `doc` gives no region itself, sets it from the first source-region rule (in file order)
// whose source is the document's `source`, the host of its `url`, or a folder of its
// `source_key`. Returns that rule, or nullptr when none applied.
const CurationRule* ApplySourceRegion(const Curation& curation, SourceDocument* doc);

// Applies same-as, then not-same-as, then alias to every non-Document entity of `doc`, renaming
// the facts' ends to match; entities that become one are merged (aliases united, mentions summed;
// counted facts summed). Each changed entity records its rules in property `curated`. The page's
// Document entity records every rule that applied to the document (with `source_region`, what
// ApplySourceRegion returned) in kCurationStampProperty, so that a changed rule changes the
// document for the store.
void ApplyCuration(const Curation& curation, ExtractedDocument* doc,
                   const CurationRule* source_region = nullptr);

}  // namespace tupu
