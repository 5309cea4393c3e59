// GraphStore: the RocksDB-backed graph of tupu (../DESIGN.md "RocksDB layout").
// Writes: one ExtractedDocument = one atomic WriteBatch; re-ingesting an unchanged document changes
// nothing, a changed one (same source key, new text) replaces its facts. Reads: point lookups and
// ordered scans over nodes, edges and documents. Annotations (the user's notes on nodes) are
// apart from all that: see the end of the class.
// RocksDB appears only in store/*.cc; this header is all the rest of tupu sees.
// Thread safety: one GraphStore may be used from several threads for reads; Ingest,
// RemoveDocument and Annotate calls are serialised internally. Only one process may open a
// database for writing (a second gets Busy); any number of read-only stores (RocksDB secondary
// instances) may read while it writes.
//
// Layout note: names keys are label (1) + name + '\0' + node id (8) (not label + name as first
// sketched in DESIGN.md), so that two nodes may share an alias; FindNode prefers canonical names.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/document.h"
#include "common/model.h"
#include "common/result.h"
#include "common/status.h"

namespace tupu {

inline constexpr uint32_t kSchemaVersion = 1;

class FaultInjection;  // store/fault_injection.h: failing file systems for the I/O-error tests

struct StoreOptions {
  bool create_if_missing = true;  // create the folder and the column families when absent
  bool read_only = false;         // open without taking the writer's lock (shell, run, export)
  bool wait_for_lock = false;     // writer: wait for another writer to finish instead of Busy
  // Tests only: the file system RocksDB writes through (nullptr: the real one). The
  // FaultInjection must outlive the store.
  std::shared_ptr<FaultInjection> fault_injection;
};

struct StoredNode {
  NodeId id = 0;
  NodeLabel label = NodeLabel::kPerson;
  std::string name;
  std::vector<std::string> aliases;
  std::string kind;
  uint32_t mentions = 0;  // summed over the documents that mention it
  Properties props;       // Document nodes: title, date, byline
};

struct StoredEdge {
  FactId id = 0;
  NodeId src = 0;
  NodeId dst = 0;
  EdgeType type = EdgeType::kCoMentioned;
  DocId doc = 0;          // the source document (its docs row and its Document node)
  uint32_t sentence = 0;  // index into StoredDocument::sentences
  TextSpan span;          // byte offsets into StoredDocument::text
  Properties props;       // as FactRecord::props
};

// One edge as the fast whole-graph scan (GraphStore::ScanEdges) hands it out: ids and evidence by
// value, the properties still ENCODED as the store keeps them (decode with DecodeProperties in
// store/value_codec.h). `encoded_props` points into the scan's buffers: valid only during the
// callback that received it. Many edges share one property set, so a loader can intern the bytes
// and decode each distinct set once.
struct EdgeView {
  FactId id = 0;
  NodeId src = 0;
  NodeId dst = 0;
  DocId doc = 0;
  EdgeType type = EdgeType::kCoMentioned;
  uint32_t sentence = 0;
  TextSpan span;
  std::string_view encoded_props;
};

// The view of an already decoded edge whose properties were encoded into `encoded_props` (which
// must outlive the view): how stores without a native fast scan hand out their edges.
inline EdgeView ViewOfEdge(const StoredEdge& e, std::string_view encoded_props) {
  EdgeView view;
  view.id = e.id;
  view.src = e.src;
  view.dst = e.dst;
  view.doc = e.doc;
  view.type = e.type;
  view.sentence = e.sentence;
  view.span = e.span;
  view.encoded_props = encoded_props;
  return view;
}

// Receives the next `count` edges of a scan (count >= 1), in (src, type, dst, fact) order; returns
// false to stop the scan. A plain function pointer plus context: no std::function per edge.
using EdgeBatchFn = bool (*)(void* context, const EdgeView* edges, size_t count);

// One node as the fast whole-graph scan (GraphStore::ScanNodes) hands it out: strings as views,
// aliases and properties still encoded (DecodeAliases / DecodeProperties in store/value_codec.h).
// Every view is valid only during the callback that received it.
struct NodeView {
  NodeId id = 0;
  NodeLabel label = NodeLabel::kPerson;
  uint32_t mentions = 0;
  std::string_view name;
  std::string_view kind;
  std::string_view encoded_aliases;
  std::string_view encoded_props;
};

// Receives the next `count` nodes of a scan (count >= 1) in id order; returns false to stop.
using NodeBatchFn = bool (*)(void* context, const NodeView* nodes, size_t count);

struct StoredDocument {
  DocId id = 0;
  std::string source_key;
  std::string origin;
  std::string title;
  std::string date;
  std::string byline;
  std::string source;
  std::string text;
  uint64_t content_hash = 0;
  std::vector<TextSpan> sentences;
};

struct IngestOutcome {
  enum class Kind { kAdded, kUnchanged, kReplaced, kDuplicate };
  Kind kind = Kind::kAdded;
  DocId doc = 0;
  DocId duplicate_of = 0;  // kDuplicate: the stored document with the same text
  size_t nodes = 0;        // entities of the document
  size_t edges = 0;        // facts of the document
};

struct StoreCounts {
  uint64_t documents = 0;
  uint64_t nodes = 0;
  uint64_t edges = 0;
};

// Where data derived from a store (the graph snapshot image, graph/snapshot_image.h) may be kept
// beside it, and the version of the stored data it must have been made from.
struct DerivedDataSlot {
  std::string folder;   // "" when the store has no folder of its own: nothing is kept
  std::string version;  // differs whenever anything stored may differ; "" when unknown
};

class GraphStore {
 public:
  // Opens (or creates) the database in folder `path`. Errors name the path and say what to do:
  // a file instead of a folder, a read-only folder, a database of another schema version
  // (Corruption/NotSupported: "made by tupu schema N; this tupu reads M"), a database locked by a
  // running writer (Busy: "being written by process N; wait or pass --wait").
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& path,
                                                  const StoreOptions& options);
  virtual ~GraphStore() = default;

  // Writes one document's entities and facts in one WriteBatch.
  // REQUIRES: opened for writing; every fact endpoint is among doc.entities.
  virtual Result<IngestOutcome> Ingest(const ExtractedDocument& doc) = 0;

  // Removes a document and its facts (nodes no other document mentions go too).
  virtual Status RemoveDocument(DocId doc) = 0;

  // Point lookups. NotFound when absent.
  virtual Result<StoredNode> GetNode(NodeId id) const = 0;
  virtual Result<NodeId> FindNode(NodeLabel label, const std::string& name_or_alias) const = 0;
  // Every node of `label` whose canonical name or alias is `name_or_alias` (namesakes kept apart
  // by their scopes, nodes sharing an alias), canonical names first, then in id order; empty when
  // none. The default scans every node; RocksGraphStore reads the names index.
  virtual Result<std::vector<NodeId>> FindNodes(NodeLabel label,
                                                const std::string& name_or_alias) const;
  virtual Result<StoredDocument> GetDocument(DocId id) const = 0;
  virtual Result<DocId> FindDocument(const std::string& source_key) const = 0;

  // Ordered scans; the callback returns false to stop early. A scan error is returned.
  virtual Status ForEachNode(const std::function<bool(const StoredNode&)>& fn) const = 0;
  virtual Status ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const = 0;
  virtual Status ForEachDocument(const std::function<bool(const StoredDocument&)>& fn) const = 0;
  // Every edge, in ForEachEdge's order, in batches of cheap views (see EdgeView): what the graph
  // snapshot loads from. The default goes through ForEachEdge and encodes each edge's properties;
  // RocksGraphStore overrides it with a tuned iterator that never decodes them.
  virtual Status ScanEdges(EdgeBatchFn fn, void* context) const;
  // Every node, in ForEachNode's order, in batches of views (see NodeView); same idea.
  virtual Status ScanNodes(NodeBatchFn fn, void* context) const;
  // Edges leaving / entering `node`, optionally of one type (nullptr: all types).
  virtual Status ForEachOutEdge(NodeId node, const EdgeType* type,
                                const std::function<bool(const StoredEdge&)>& fn) const = 0;
  virtual Status ForEachInEdge(NodeId node, const EdgeType* type,
                               const std::function<bool(const StoredEdge&)>& fn) const = 0;

  virtual Result<StoreCounts> Counts() const = 0;

  // The sentence of an edge's evidence, as text ("" when out of range).
  virtual Result<std::string> SentenceText(DocId doc, uint32_t sentence) const = 0;

  // See DerivedDataSlot. The default (stores without a folder) keeps nothing.
  virtual Result<DerivedDataSlot> DerivedData() const { return DerivedDataSlot{}; }

  // Read-only stores see the database as it was when opened (a consistent snapshot, even while
  // a writer runs); Refresh moves them to what the writer has committed since. Writers: no-op.
  // REQUIRES: no scan of this store runs concurrently.
  virtual Status Refresh() { return Status::OK(); }

  // ---- Annotations: the user's own notes and tags on nodes (column family `annotations`).
  // Ingest never reads or writes them, and node ids are content addressed (label + canonical
  // name), so an annotation stays with its node when documents are re-ingested or replaced, is
  // kept while no document mentions the node, and shows again when the node comes back. The
  // graph snapshot shows them as vertex properties `note.<key>` (so they never collide with
  // extracted properties). Stores that keep none (test fakes) use the defaults below.

  // Sets annotation `key` of `node` to `value`, or removes it when `value` is empty; one durable
  // (synced) WriteBatch. Errors: NotSupported on a read-only store; InvalidArgument for an empty
  // key, a key longer than kMaxAnnotationKeyBytes or a value longer than kMaxAnnotationValueBytes,
  // a key or value that is not UTF-8 or holds a control character (tab and newline are fine in
  // values), a key holding ':'; NotFound when setting one on a node
  // that is not stored (removing works on any id, so notes of vanished nodes can be cleared).
  virtual Status Annotate(NodeId node, const std::string& key, const std::string& value);
  // The annotations of `node` in key order; empty when it has none (or is unknown).
  virtual Result<Properties> Annotations(NodeId node) const;
  // Every annotated node in id order with its annotations (key order), including nodes that are
  // no longer stored; `fn` returns false to stop.
  virtual Status ForEachAnnotation(
      const std::function<bool(NodeId, const Properties&)>& fn) const;
};

inline constexpr size_t kMaxAnnotationKeyBytes = 200;
inline constexpr size_t kMaxAnnotationValueBytes = size_t{1} << 20;
// The vertex property an annotation shows as in the graph snapshot: "note." + key.
inline constexpr char kAnnotationPropertyPrefix[] = "note.";

// ScanEdges with a lambda `bool(const EdgeView* edges, size_t count)` (no allocation per call).
template <typename BatchFn>
[[nodiscard]] Status ScanEdgeBatches(const GraphStore& store, BatchFn& fn) {
  return store.ScanEdges(
      [](void* context, const EdgeView* edges, size_t count) {
        return (*static_cast<BatchFn*>(context))(edges, count);
      },
      &fn);
}

// ScanNodes with a lambda `bool(const NodeView* nodes, size_t count)`.
template <typename BatchFn>
[[nodiscard]] Status ScanNodeBatches(const GraphStore& store, BatchFn& fn) {
  return store.ScanNodes(
      [](void* context, const NodeView* nodes, size_t count) {
        return (*static_cast<BatchFn*>(context))(nodes, count);
      },
      &fn);
}

}  // namespace tupu
