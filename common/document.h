// The two records that cross stage boundaries: a SourceDocument (what the reader found: one file,
// or one line of a .jsonl) and an ExtractedDocument (what the domain layer made of it: entities and
// facts with their evidence). The store writes one ExtractedDocument in one atomic batch.
// Thread safety: plain value types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/model.h"

namespace tupu {

struct SourceDocument {
  // Identifies the source across runs: the file path as given (lexically normalised), or for
  // .jsonl the record's `id` (else "<path>:<line>"). Same key + new text = a changed document.
  std::string source_key;
  // Where it came from, for messages: "seeds/a.txt", "news.jsonl:17", "<stdin>".
  std::string origin;
  std::string text;  // valid UTF-8 (the reader converts or refuses)
  // Metadata given with the document (.jsonl fields, a saved page's <meta>, a PDF's masthead);
  // empty when not given.
  std::string title;
  std::string date;  // as given; the domain layer normalises to YYYY-MM-DD when it can
  std::string source;
  // The page's web address (a saved page's canonical address); empty when not known.
  std::string url;
  // The region it is about when the user or the archive says so (a .jsonl `region`, a sources
  // file): "陕西省西安市长安区", "长安区" or "西安市"; empty when not given.
  std::string region;
  // Bytes of the input file this document stands for, for progress against the files' sizes: a
  // saved page is much larger than its article, a PDF page is a share of its file. 0: the text's.
  uint64_t input_bytes = 0;
};

// [begin, end) byte offsets into ExtractedDocument::text.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

// How a fact names its endpoints: by label, canonical name and scope (the node id follows).
struct EntityKey {
  NodeLabel label = NodeLabel::kPerson;
  std::string name;
  std::string scope;  // see MakeNodeId; empty for most nodes
  NodeId id() const { return MakeNodeId(label, name, scope); }
  bool operator==(const EntityKey&) const = default;
};

struct EntityRecord {
  NodeLabel label = NodeLabel::kPerson;
  std::string name;                  // canonical
  std::string scope;                 // where the name means this node (MakeNodeId); stored as
                                     // the node's property "scope"
  std::vector<std::string> aliases;  // other surface forms seen in this document
  std::string kind;                  // Organization: "government", "party", "company", ...
  uint32_t mentions = 0;             // in this document
  Properties props;                  // Document nodes: title, date, byline
  EntityKey key() const { return {label, name, scope}; }
};

struct FactRecord {
  EdgeType type = EdgeType::kCoMentioned;
  EntityKey src;
  EntityKey dst;
  uint32_t sentence = 0;  // index into ExtractedDocument::sentences
  TextSpan span;          // the evidence, within that sentence
  // title (HOLDS_POSITION), date + time (events), role (AUTHORED), what (DONATED_TO),
  // weight (CO_MENTIONED: sentences), count (MENTIONED_IN).
  Properties props;
};

struct ExtractedDocument {
  std::string source_key;  // as in SourceDocument
  std::string origin;
  std::string text;  // the original text; every span points into it
  std::string title;
  std::string date;  // YYYY-MM-DD, MM-DD or empty
  std::string byline;
  std::string source;
  std::vector<TextSpan> sentences;
  // Every endpoint of every fact appears here once (the store checks). Includes the Document
  // node(s) of this source: named source_key for the whole page, "<source_key>#<n>" for its n-th
  // article when the page holds several.
  std::vector<EntityRecord> entities;
  std::vector<FactRecord> facts;

  DocId id() const { return MakeDocId(source_key); }
};

// The property of the page's Document entity (named source_key) that lists the user's curation
// rules that applied to the document (extract/curation.h). The store takes a document whose text
// is unchanged but whose list differs as changed, so that an edited rule reaches documents
// already stored at the next ingest.
inline constexpr char kCurationStampProperty[] = "curation";

// The property of the page's Document entity that names the version of the extraction rules that
// made it (Extractor::kRulesVersion). Like the curation stamp, a different one makes an unchanged
// text a changed document: after an upgrade, re-ingesting an archive brings it up to the new rules.
inline constexpr char kRulesStampProperty[] = "rules";

// The stamps compared, in this order.
inline constexpr const char* kDocumentStampProperties[] = {kCurationStampProperty, kRulesStampProperty};

}  // namespace tupu
