// RocksGraphStore: GraphStore on RocksDB. Ingest turns one ExtractedDocument into one WriteBatch
// (document row, source/content keys, node merges with per-node document counts, names, out/in
// twins, and the doc_facts list of everything written, which is what a replace or remove undoes).
// Annotations are apart from all that: keyed by node id, written only by Annotate.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/utf8.h"
#include "store/graph_store.h"
#include "store/rocks_database.h"
#include "store/store_keys.h"
#include "store/value_codec.h"

namespace tupu {
namespace {

namespace keys = store_keys;
using rocksdb::Slice;

bool StartsWith(const Slice& s, const std::string& prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

std::string_view View(const Slice& s) { return {s.data(), s.size()}; }

Result<uint64_t> DecodeIdValue(std::string_view bytes, std::string_view what) {
  if (bytes.size() != 8) {
    return Status::Corruption("stored " + std::string(what) +
                              " is not an 8-byte id; run `tupu check`");
  }
  return keys::ReadBigEndian64(bytes);
}

// How one batch changes the totals kept under meta "counts".
struct CountDeltas {
  int64_t documents = 0, nodes = 0, edges = 0;
};

std::string EncodeCounts(const StoreCounts& c) {
  std::string out;
  keys::AppendBigEndian64(c.documents, &out);
  keys::AppendBigEndian64(c.nodes, &out);
  keys::AppendBigEndian64(c.edges, &out);
  return out;
}

// A node being changed by one batch: its state as stored (if any) and as it will be.
struct PendingNode {
  bool existed = false;
  NodeValue stored;  // valid when existed
  NodeValue next;
};

class RocksGraphStore final : public GraphStore {
 public:
  explicit RocksGraphStore(std::unique_ptr<RocksDatabase> db) : db_(std::move(db)) {}

  Result<IngestOutcome> Ingest(const ExtractedDocument& doc) override;
  Status RemoveDocument(DocId doc) override;

  Result<StoredNode> GetNode(NodeId id) const override;
  Result<NodeId> FindNode(NodeLabel label, const std::string& name_or_alias) const override;
  Result<std::vector<NodeId>> FindNodes(NodeLabel label,
                                        const std::string& name_or_alias) const override;
  Result<StoredDocument> GetDocument(DocId id) const override;
  Result<DocId> FindDocument(const std::string& source_key) const override;

  Status ForEachNode(const std::function<bool(const StoredNode&)>& fn) const override;
  Status ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const override;
  Status ForEachDocument(const std::function<bool(const StoredDocument&)>& fn) const override;
  Status ScanEdges(EdgeBatchFn fn, void* context) const override;
  Status ScanNodes(NodeBatchFn fn, void* context) const override;
  Status ForEachOutEdge(NodeId node, const EdgeType* type,
                        const std::function<bool(const StoredEdge&)>& fn) const override;
  Status ForEachInEdge(NodeId node, const EdgeType* type,
                       const std::function<bool(const StoredEdge&)>& fn) const override;

  Result<StoreCounts> Counts() const override;
  Result<std::string> SentenceText(DocId doc, uint32_t sentence) const override;
  Result<DerivedDataSlot> DerivedData() const override;
  Status Refresh() override { return db_->CatchUp(); }

  Status Annotate(NodeId node, const std::string& key, const std::string& value) override;
  Result<Properties> Annotations(NodeId node) const override;
  Status ForEachAnnotation(
      const std::function<bool(NodeId, const Properties&)>& fn) const override;

 private:
  rocksdb::DB* db() const { return db_->db(); }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return db_->cf(c); }
  Status Rocks(const rocksdb::Status& s, const std::string& what) const {
    return FromRocks(s, what + " in database '" + db_->path() + "'");
  }
  Status RequireWriter() const {
    if (!db_->read_only()) return Status::OK();
    return Status::NotSupported("database '" + db_->path() +
                                "' was opened read-only; writing needs `tupu ingest`");
  }

  // Annotations of the nodes whose annotations keys start with `prefix` ("" = all), grouped by
  // node. A reader of a database without the column family sees none.
  Status ScanAnnotations(const std::string& prefix,
                         const std::function<bool(NodeId, const Properties&)>& fn) const;

  // Point read; NotFound when absent.
  Result<std::string> GetRaw(Cf c, const std::string& key) const;
  // Prefix scan over one column family; `fn(key, value)` returns false to stop.
  Status ScanPrefix(Cf c, const std::string& prefix,
                    const std::function<Status(const Slice&, const Slice&, bool*)>& fn) const;
  Result<StoredEdge> MakeEdge(const keys::EdgeKeyParts& parts, std::string_view value) const;
  Status ScanOut(const std::string& prefix, const std::function<bool(const StoredEdge&)>& fn) const;

  // Loads `id` into *nodes (once per batch).
  Status LoadPending(NodeId id, std::unordered_map<NodeId, PendingNode>* nodes) const;
  // Adds to `batch` the removal of everything document `doc` wrote (from its doc_facts), and the
  // decrements of its nodes to *nodes.
  Status UndoDocument(DocId doc, rocksdb::WriteBatch* batch,
                      std::unordered_map<NodeId, PendingNode>* nodes, CountDeltas* deltas) const;
  // Writes the final state of every pending node: deleted (and its names) when no document
  // refers to it any more, else put with its names.
  Status FinishNodes(const std::unordered_map<NodeId, PendingNode>& nodes,
                     rocksdb::WriteBatch* batch, CountDeltas* deltas) const;
  // Counts by scanning the column families (for a database without a "counts" entry).
  Result<StoreCounts> ScanCounts() const;
  // Adds to `batch` the "counts" entry moved by `deltas`.
  Status PutCounts(const CountDeltas& deltas, rocksdb::WriteBatch* batch) const;

  // Commits `batch`; after the first failed commit every later one fails with that error without
  // reaching RocksDB. A store whose write failed stays stopped (no document may slip in after a
  // lost one), and RocksDB 7.8 (Debian 12) can abort on a WAL write after a failed one (fixed
  // upstream in rocksdb#12448). REQUIRES: write_mutex_ held.
  Status Commit(rocksdb::WriteBatch* batch, const rocksdb::WriteOptions& options,
                const std::string& what);
  // The first failed commit's error (OK while none failed). Guarded by write_mutex_.
  Status RefuseAfterFailedWrite() const;
  // Whether the stored page of `doc` was made by the same extraction rules, with the same curation
  // rules applied, as `doc` (kDocumentStampProperties of the page's Document node; both absent is
  // the same).
  Result<bool> SameCurationStamp(const ExtractedDocument& doc) const;

  std::unique_ptr<RocksDatabase> db_;
  std::mutex write_mutex_;  // one Ingest/RemoveDocument at a time: each reads, then writes
  Status failed_write_;     // guarded by write_mutex_
};

Status RocksGraphStore::Commit(rocksdb::WriteBatch* batch, const rocksdb::WriteOptions& options,
                               const std::string& what) {
  TUPU_RETURN_IF_ERROR(RefuseAfterFailedWrite());
  Status s = Rocks(db()->Write(options, batch), what);
  if (!s.ok()) failed_write_ = s;
  return s;
}

Status RocksGraphStore::RefuseAfterFailedWrite() const {
  if (failed_write_.ok()) return Status::OK();
  return failed_write_.WithContext("an earlier write to this database failed; reopen it to go on");
}

Status ValidateDocument(const ExtractedDocument& doc) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument(
        (doc.origin.empty() ? doc.source_key : doc.origin) + ": cannot store document: " + why);
  };
  if (doc.source_key.empty()) return bad("empty source key");
  std::unordered_set<NodeId> entity_ids;
  for (const auto& e : doc.entities) {
    if (e.name.empty()) return bad("an entity has an empty name");
    if (e.name.find('\0') != std::string::npos) return bad("entity name holds a NUL byte");
    if (e.scope.find('\0') != std::string::npos) return bad("scope of " + e.name + " holds NUL");
    for (const auto& alias : e.aliases) {
      if (alias.find('\0') != std::string::npos) return bad("alias of " + e.name + " holds NUL");
    }
    entity_ids.insert(e.key().id());
  }
  for (const auto& s : doc.sentences) {
    if (s.begin > s.end || s.end > doc.text.size()) return bad("sentence span outside the text");
  }
  for (const auto& f : doc.facts) {
    if (!entity_ids.count(f.src.id())) {
      return bad(std::string(EdgeTypeName(f.type)) + " fact from '" + f.src.name +
                 "', which is not among the document's entities");
    }
    if (!entity_ids.count(f.dst.id())) {
      return bad(std::string(EdgeTypeName(f.type)) + " fact to '" + f.dst.name +
                 "', which is not among the document's entities");
    }
    if (f.span.begin > f.span.end || f.span.end > doc.text.size()) {
      return bad(std::string(EdgeTypeName(f.type)) + " fact with a span outside the text");
    }
    if (!doc.sentences.empty() && f.sentence >= doc.sentences.size()) {
      return bad(std::string(EdgeTypeName(f.type)) + " fact in sentence " +
                 std::to_string(f.sentence) + " of " + std::to_string(doc.sentences.size()));
    }
  }
  return Status::OK();
}

void AddAlias(StoredNode* node, const std::string& alias) {
  if (alias.empty() || alias == node->name) return;
  for (const auto& a : node->aliases) {
    if (a == alias) return;
  }
  node->aliases.push_back(alias);
}

Result<std::string> RocksGraphStore::GetRaw(Cf c, const std::string& key) const {
  std::string value;
  rocksdb::Status s = db()->Get(rocksdb::ReadOptions(), cf(c), key, &value);
  if (s.IsNotFound()) return Status::NotFound(std::string("no such key in ") + CfName(c));
  if (!s.ok()) return Rocks(s, std::string("reading ") + CfName(c));
  return value;
}

Status RocksGraphStore::ScanPrefix(
    Cf c, const std::string& prefix,
    const std::function<Status(const Slice&, const Slice&, bool*)>& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), cf(c)));
  for (it->Seek(prefix); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    bool keep_going = true;
    TUPU_RETURN_IF_ERROR(fn(it->key(), it->value(), &keep_going));
    if (!keep_going) break;
  }
  return Rocks(it->status(), std::string("scanning ") + CfName(c));
}

Result<StoredEdge> RocksGraphStore::MakeEdge(const keys::EdgeKeyParts& parts,
                                             std::string_view value) const {
  TUPU_ASSIGN_OR_RETURN(EdgeValue v, DecodeEdge(value));
  StoredEdge e;
  e.id = parts.fact;
  e.src = parts.src;
  e.dst = parts.dst;
  e.type = parts.type;
  e.doc = v.doc;
  e.sentence = v.sentence;
  e.span = v.span;
  e.props = std::move(v.props);
  return e;
}

Result<bool> RocksGraphStore::SameCurationStamp(const ExtractedDocument& doc) const {
  const EntityRecord* page = nullptr;
  for (const auto& e : doc.entities)
    if (e.label == NodeLabel::kDocument && e.name == doc.source_key) page = &e;
  auto stamp_of = [](const Properties& props, const char* key) {
    const std::string* stamp = FindProperty(props, key);
    return stamp ? *stamp : std::string();
  };
  auto raw = GetRaw(Cf::kNodes, keys::IdKey(MakeNodeId(NodeLabel::kDocument, doc.source_key)));
  if (!raw.ok() && !raw.status().IsNotFound()) return raw.status();
  Properties stored;
  if (raw.ok()) {
    TUPU_ASSIGN_OR_RETURN(auto node, DecodeNode(*raw));
    stored = std::move(node.node.props);
  }
  for (const char* key : kDocumentStampProperties)
    if (stamp_of(page ? page->props : Properties(), key) != stamp_of(stored, key)) return false;
  return true;
}

Status RocksGraphStore::LoadPending(NodeId id,
                                    std::unordered_map<NodeId, PendingNode>* nodes) const {
  if (nodes->count(id)) return Status::OK();
  PendingNode pending;
  auto raw = GetRaw(Cf::kNodes, keys::IdKey(id));
  if (raw.ok()) {
    TUPU_ASSIGN_OR_RETURN(pending.stored, DecodeNode(*raw));
    pending.stored.node.id = id;
    pending.existed = true;
    pending.next = pending.stored;
  } else if (!raw.status().IsNotFound()) {
    return raw.status();
  }
  nodes->emplace(id, std::move(pending));
  return Status::OK();
}

Status RocksGraphStore::UndoDocument(DocId doc, rocksdb::WriteBatch* batch,
                                     std::unordered_map<NodeId, PendingNode>* nodes,
                                     CountDeltas* deltas) const {
  return ScanPrefix(
      Cf::kDocFacts, keys::DocFactPrefix(doc),
      [&](const Slice& key, const Slice& value, bool*) -> Status {
        if (key.size() < 9) return Status::Corruption("short doc_facts key; run `tupu check`");
        char tag = key[8];
        std::string target(key.data() + 9, key.size() - 9);
        rocksdb::Status s;
        switch (tag) {
          case keys::kTagDoc:
            s = batch->Delete(cf(Cf::kDocs), target);
            --deltas->documents;
            break;
          case keys::kTagDocKey: s = batch->Delete(cf(Cf::kDocKeys), target); break;
          case keys::kTagOut:
            s = batch->Delete(cf(Cf::kOut), target);
            --deltas->edges;
            break;
          case keys::kTagIn: s = batch->Delete(cf(Cf::kIn), target); break;
          case keys::kTagNode: {
            TUPU_ASSIGN_OR_RETURN(NodeId id, DecodeIdValue(target, "doc_facts node key"));
            TUPU_RETURN_IF_ERROR(LoadPending(id, nodes));
            PendingNode& p = (*nodes)[id];
            uint64_t mentions = 0;
            ByteReader in(View(value));
            if (!in.GetVarint(&mentions)) {
              return Status::Corruption("bad doc_facts node value; run `tupu check`");
            }
            if (p.next.documents > 0) --p.next.documents;
            p.next.node.mentions =
                p.next.node.mentions > mentions ? p.next.node.mentions - mentions : 0;
            break;
          }
          default:
            return Status::Corruption("unknown doc_facts tag; run `tupu check`");
        }
        TUPU_RETURN_IF_ERROR(Rocks(s, "batching a removal"));
        return Rocks(batch->Delete(cf(Cf::kDocFacts), key), "batching a removal");
      });
}

Status RocksGraphStore::FinishNodes(const std::unordered_map<NodeId, PendingNode>& nodes,
                                    rocksdb::WriteBatch* batch, CountDeltas* deltas) const {
  for (const auto& [id, p] : nodes) {
    std::string node_key = keys::IdKey(id);
    if (p.next.documents == 0) {
      if (!p.existed) continue;
      --deltas->nodes;
      TUPU_RETURN_IF_ERROR(Rocks(batch->Delete(cf(Cf::kNodes), node_key), "batching"));
      const StoredNode& old = p.stored.node;
      TUPU_RETURN_IF_ERROR(
          Rocks(batch->Delete(cf(Cf::kNames), keys::NameKey(old.label, old.name, id)), "batching"));
      for (const auto& alias : old.aliases) {
        TUPU_RETURN_IF_ERROR(
            Rocks(batch->Delete(cf(Cf::kNames), keys::NameKey(old.label, alias, id)), "batching"));
      }
      continue;
    }
    if (!p.existed) ++deltas->nodes;
    TUPU_RETURN_IF_ERROR(Rocks(batch->Put(cf(Cf::kNodes), node_key, EncodeNode(p.next)), "batching"));
    const StoredNode& n = p.next.node;
    TUPU_RETURN_IF_ERROR(
        Rocks(batch->Put(cf(Cf::kNames), keys::NameKey(n.label, n.name, id), "\x01"), "batching"));
    for (const auto& alias : n.aliases) {
      TUPU_RETURN_IF_ERROR(Rocks(
          batch->Put(cf(Cf::kNames), keys::NameKey(n.label, alias, id), std::string(1, '\0')),
          "batching"));
    }
  }
  return Status::OK();
}

Result<IngestOutcome> RocksGraphStore::Ingest(const ExtractedDocument& doc) {
  TUPU_RETURN_IF_ERROR(RequireWriter());
  TUPU_RETURN_IF_ERROR(ValidateDocument(doc));
  std::lock_guard<std::mutex> lock(write_mutex_);
  TUPU_RETURN_IF_ERROR(RefuseAfterFailedWrite());

  IngestOutcome outcome;
  outcome.doc = doc.id();
  const uint64_t content_hash = Hash64(doc.text);

  bool replacing = false;
  auto by_key = GetRaw(Cf::kDocKeys, keys::SourceKeyKey(doc.source_key));
  if (by_key.ok()) {
    TUPU_ASSIGN_OR_RETURN(DocId old_id, DecodeIdValue(*by_key, "doc_keys entry"));
    TUPU_ASSIGN_OR_RETURN(std::string old_raw, GetRaw(Cf::kDocs, keys::IdKey(old_id)));
    TUPU_ASSIGN_OR_RETURN(StoredDocument old_doc, DecodeDocument(old_raw));
    if (old_doc.content_hash == content_hash && old_doc.text == doc.text) {
      TUPU_ASSIGN_OR_RETURN(bool same_curation, SameCurationStamp(doc));
      if (same_curation) {
        outcome.kind = IngestOutcome::Kind::kUnchanged;
        return outcome;
      }
    }
    replacing = true;
  } else if (!by_key.status().IsNotFound()) {
    return by_key.status();
  }
  auto by_hash = GetRaw(Cf::kDocKeys, keys::ContentHashKey(content_hash));
  if (by_hash.ok()) {
    TUPU_ASSIGN_OR_RETURN(DocId other, DecodeIdValue(*by_hash, "doc_keys entry"));
    if (other != outcome.doc) {
      // The same text under another name: keep the first. (Also when this source key's old
      // version is stored: its text changed into another document's, and the old stays.)
      outcome.kind = IngestOutcome::Kind::kDuplicate;
      outcome.duplicate_of = other;
      return outcome;
    }
  } else if (!by_hash.status().IsNotFound()) {
    return by_hash.status();
  }

  rocksdb::WriteBatch batch;
  std::unordered_map<NodeId, PendingNode> nodes;
  CountDeltas deltas;
  if (replacing) TUPU_RETURN_IF_ERROR(UndoDocument(outcome.doc, &batch, &nodes, &deltas));
  ++deltas.documents;

  auto put = [&](Cf c, const std::string& key, const std::string& value) {
    return Rocks(batch.Put(cf(c), key, value), "batching");
  };
  auto put_listed = [&](Cf c, char tag, const std::string& key, const std::string& value) {
    TUPU_RETURN_IF_ERROR(put(c, key, value));
    return put(Cf::kDocFacts, keys::DocFactKey(outcome.doc, tag, key), "");
  };

  // The document row and its two keys.
  StoredDocument row;
  row.source_key = doc.source_key;
  row.origin = doc.origin;
  row.title = doc.title;
  row.date = doc.date;
  row.byline = doc.byline;
  row.source = doc.source;
  row.text = doc.text;
  row.content_hash = content_hash;
  row.sentences = doc.sentences;
  const std::string id_value = keys::IdKey(outcome.doc);
  TUPU_RETURN_IF_ERROR(put_listed(Cf::kDocs, keys::kTagDoc, id_value, EncodeDocument(row)));
  TUPU_RETURN_IF_ERROR(
      put_listed(Cf::kDocKeys, keys::kTagDocKey, keys::SourceKeyKey(doc.source_key), id_value));
  TUPU_RETURN_IF_ERROR(
      put_listed(Cf::kDocKeys, keys::kTagDocKey, keys::ContentHashKey(content_hash), id_value));

  // Entities: merged into their nodes; an entity listed twice counts once for the document.
  std::map<NodeId, uint64_t> mentions_here;  // ordered: deterministic batches
  for (const auto& e : doc.entities) {
    NodeId id = e.key().id();
    TUPU_RETURN_IF_ERROR(LoadPending(id, &nodes));
    PendingNode& p = nodes[id];
    StoredNode& n = p.next.node;
    if (p.next.documents == 0 && !mentions_here.count(id)) {
      // New, or every earlier document that mentioned it is being replaced: start afresh but
      // keep the aliases (their names entries are rewritten below).
      n.id = id;
      n.label = e.label;
      n.name = e.name;
      p.next.node.mentions = 0;
      // Properties come again from the documents being written: a property the new version no
      // longer gives (a curation rule removed) must not outlive it.
      n.props.clear();
    }
    if (!mentions_here.count(id)) {
      ++p.next.documents;
      mentions_here[id] = 0;
    }
    mentions_here[id] += e.mentions;
    n.mentions += e.mentions;
    for (const auto& alias : e.aliases) AddAlias(&n, alias);
    if (n.kind.empty()) n.kind = e.kind;
    for (const auto& [k, v] : e.props) SetProperty(&n.props, k, v);
    if (!e.scope.empty()) SetProperty(&n.props, "scope", e.scope);  // part of the id: check reads it
  }
  for (const auto& [id, mentions] : mentions_here) {
    ByteWriter value;
    value.PutVarint(mentions);
    TUPU_RETURN_IF_ERROR(put(Cf::kDocFacts, keys::DocFactKey(outcome.doc, keys::kTagNode,
                                                             keys::IdKey(id)),
                             std::move(value).Finish()));
  }
  TUPU_RETURN_IF_ERROR(FinishNodes(nodes, &batch, &deltas));

  // Facts: an out edge and its in twin each.
  std::set<FactId> facts_written;
  for (const auto& f : doc.facts) {
    keys::EdgeKeyParts parts;
    parts.src = f.src.id();
    parts.dst = f.dst.id();
    parts.type = f.type;
    parts.fact = keys::MakeFactId(outcome.doc, f.type, parts.src, parts.dst, f.span.begin,
                                  f.span.end);
    if (!facts_written.insert(parts.fact).second) continue;  // the same fact twice
    EdgeValue value{outcome.doc, f.sentence, f.span, f.props};
    TUPU_RETURN_IF_ERROR(put_listed(Cf::kOut, keys::kTagOut, keys::OutKey(parts), EncodeEdge(value)));
    TUPU_RETURN_IF_ERROR(put_listed(Cf::kIn, keys::kTagIn, keys::InKey(parts), ""));
  }
  deltas.edges += static_cast<int64_t>(facts_written.size());
  TUPU_RETURN_IF_ERROR(PutCounts(deltas, &batch));

  TUPU_RETURN_IF_ERROR(
      Commit(&batch, rocksdb::WriteOptions(), "writing document " + doc.source_key));
  outcome.kind = replacing ? IngestOutcome::Kind::kReplaced : IngestOutcome::Kind::kAdded;
  outcome.nodes = mentions_here.size();
  outcome.edges = facts_written.size();
  return outcome;
}

Status RocksGraphStore::RemoveDocument(DocId doc) {
  TUPU_RETURN_IF_ERROR(RequireWriter());
  std::lock_guard<std::mutex> lock(write_mutex_);
  auto row = GetRaw(Cf::kDocs, keys::IdKey(doc));
  if (!row.ok()) {
    if (row.status().IsNotFound()) return Status::NotFound("no document " + IdToHex(doc));
    return row.status();
  }
  rocksdb::WriteBatch batch;
  std::unordered_map<NodeId, PendingNode> nodes;
  CountDeltas deltas;
  TUPU_RETURN_IF_ERROR(UndoDocument(doc, &batch, &nodes, &deltas));
  TUPU_RETURN_IF_ERROR(FinishNodes(nodes, &batch, &deltas));
  TUPU_RETURN_IF_ERROR(PutCounts(deltas, &batch));
  return Commit(&batch, rocksdb::WriteOptions(), "removing document " + IdToHex(doc));
}

Result<StoredNode> RocksGraphStore::GetNode(NodeId id) const {
  auto raw = GetRaw(Cf::kNodes, keys::IdKey(id));
  if (!raw.ok()) {
    if (raw.status().IsNotFound()) return Status::NotFound("no node " + IdToHex(id));
    return raw.status();
  }
  TUPU_ASSIGN_OR_RETURN(NodeValue v, DecodeNode(*raw));
  v.node.id = id;
  return std::move(v.node);
}

Result<NodeId> RocksGraphStore::FindNode(NodeLabel label, const std::string& name_or_alias) const {
  std::optional<NodeId> canonical, alias;
  const std::string prefix = keys::NamePrefix(label, name_or_alias);
  TUPU_RETURN_IF_ERROR(ScanPrefix(
      Cf::kNames, prefix, [&](const Slice& key, const Slice& value, bool* keep_going) -> Status {
        if (key.size() != prefix.size() + 8) return Status::OK();
        NodeId id = keys::ReadBigEndian64(View(key).substr(prefix.size()));
        if (value.size() == 1 && value[0] == 1) {
          canonical = id;
          *keep_going = false;
        } else if (!alias) {
          alias = id;
        }
        return Status::OK();
      }));
  if (canonical) return *canonical;
  if (alias) return *alias;
  return Status::NotFound("no " + std::string(NodeLabelName(label)) + " named " + name_or_alias);
}

Result<std::vector<NodeId>> RocksGraphStore::FindNodes(NodeLabel label,
                                                       const std::string& name_or_alias) const {
  std::vector<NodeId> canonical, alias;
  const std::string prefix = keys::NamePrefix(label, name_or_alias);
  TUPU_RETURN_IF_ERROR(ScanPrefix(
      Cf::kNames, prefix, [&](const Slice& key, const Slice& value, bool*) -> Status {
        if (key.size() != prefix.size() + 8) return Status::OK();
        NodeId id = keys::ReadBigEndian64(View(key).substr(prefix.size()));
        (value.size() == 1 && value[0] == 1 ? canonical : alias).push_back(id);
        return Status::OK();
      }));
  canonical.insert(canonical.end(), alias.begin(), alias.end());
  return canonical;
}

Result<StoredDocument> RocksGraphStore::GetDocument(DocId id) const {
  auto raw = GetRaw(Cf::kDocs, keys::IdKey(id));
  if (!raw.ok()) {
    if (raw.status().IsNotFound()) return Status::NotFound("no document " + IdToHex(id));
    return raw.status();
  }
  TUPU_ASSIGN_OR_RETURN(StoredDocument doc, DecodeDocument(*raw));
  doc.id = id;
  return doc;
}

Result<DocId> RocksGraphStore::FindDocument(const std::string& source_key) const {
  auto raw = GetRaw(Cf::kDocKeys, keys::SourceKeyKey(source_key));
  if (!raw.ok()) {
    if (raw.status().IsNotFound()) return Status::NotFound("no document " + source_key);
    return raw.status();
  }
  return DecodeIdValue(*raw, "doc_keys entry");
}

Status RocksGraphStore::ForEachNode(const std::function<bool(const StoredNode&)>& fn) const {
  return ScanPrefix(Cf::kNodes, "", [&](const Slice& key, const Slice& value, bool* go) -> Status {
    if (key.size() != 8) return Status::Corruption("node key of the wrong size; run `tupu check`");
    TUPU_ASSIGN_OR_RETURN(NodeValue v, DecodeNode(View(value)));
    v.node.id = keys::ReadBigEndian64(View(key));
    *go = fn(v.node);
    return Status::OK();
  });
}

Status RocksGraphStore::ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const {
  return ScanOut("", fn);
}

// The loader's scan: one forward pass over `out` that parses keys and the fixed part of values in
// place and hands out batches of views. Tuned for a read-once sweep: no block-cache pollution,
// large readahead; the property bytes are copied into a per-batch buffer (a value slice is only
// valid until Next()), never decoded.
Status RocksGraphStore::ScanEdges(EdgeBatchFn fn, void* context) const {
  constexpr size_t kBatch = 1024;
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  ro.readahead_size = 4 << 20;
  std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(ro, cf(Cf::kOut)));
  std::vector<EdgeView> batch;
  batch.reserve(kBatch);
  std::vector<uint32_t> props_end;  // end offset of each view's bytes in `bytes`
  props_end.reserve(kBatch);
  std::string bytes;
  auto flush = [&]() -> bool {
    size_t begin = 0;
    for (size_t i = 0; i < batch.size(); ++i) {
      batch[i].encoded_props = std::string_view(bytes.data() + begin, props_end[i] - begin);
      begin = props_end[i];
    }
    bool go = batch.empty() || fn(context, batch.data(), batch.size());
    batch.clear();
    props_end.clear();
    bytes.clear();
    return go;
  };
  Status result;
  bool stopped = false;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto parts = keys::ParseOutKey(View(it->key()));
    if (!parts) {
      result = Status::Corruption("malformed out key; run `tupu check`");
      break;
    }
    EdgeView view;
    view.src = parts->src;
    view.type = parts->type;
    view.dst = parts->dst;
    view.id = parts->fact;
    result = ParseEdgeValue(View(it->value()), &view);
    if (!result.ok()) break;
    bytes.append(view.encoded_props);
    props_end.push_back(static_cast<uint32_t>(bytes.size()));
    batch.push_back(view);
    if (batch.size() == kBatch && !flush()) {
      stopped = true;
      break;
    }
  }
  if (result.ok() && !stopped) result = Rocks(it->status(), "scanning out");
  if (result.ok() && !stopped) flush();
  return result;
}

// Like ScanEdges over `nodes`: each value is copied whole into the batch and split in place.
Status RocksGraphStore::ScanNodes(NodeBatchFn fn, void* context) const {
  constexpr size_t kBatch = 1024;
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  ro.readahead_size = 4 << 20;
  std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(ro, cf(Cf::kNodes)));
  std::vector<NodeView> batch;
  batch.reserve(kBatch);
  std::vector<uint32_t> value_end;
  value_end.reserve(kBatch);
  std::string bytes;
  Status result;
  auto flush = [&]() -> bool {
    size_t begin = 0;
    for (size_t i = 0; i < batch.size() && result.ok(); ++i) {
      result = ParseNodeValue(std::string_view(bytes.data() + begin, value_end[i] - begin),
                              &batch[i]);
      begin = value_end[i];
    }
    bool go = result.ok() && (batch.empty() || fn(context, batch.data(), batch.size()));
    batch.clear();
    value_end.clear();
    bytes.clear();
    return go;
  };
  bool stopped = false;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 8) {
      result = Status::Corruption("node key of the wrong size; run `tupu check`");
      break;
    }
    NodeView view;
    view.id = keys::ReadBigEndian64(View(it->key()));
    batch.push_back(view);
    bytes.append(it->value().data(), it->value().size());
    value_end.push_back(static_cast<uint32_t>(bytes.size()));
    if (batch.size() == kBatch && !flush()) {
      stopped = true;
      break;
    }
  }
  if (result.ok() && !stopped) result = Rocks(it->status(), "scanning nodes");
  if (result.ok() && !stopped) flush();
  return result;
}

Status RocksGraphStore::ForEachDocument(
    const std::function<bool(const StoredDocument&)>& fn) const {
  return ScanPrefix(Cf::kDocs, "", [&](const Slice& key, const Slice& value, bool* go) -> Status {
    if (key.size() != 8) return Status::Corruption("doc key of the wrong size; run `tupu check`");
    TUPU_ASSIGN_OR_RETURN(StoredDocument doc, DecodeDocument(View(value)));
    doc.id = keys::ReadBigEndian64(View(key));
    *go = fn(doc);
    return Status::OK();
  });
}

Status RocksGraphStore::ForEachOutEdge(NodeId node, const EdgeType* type,
                                       const std::function<bool(const StoredEdge&)>& fn) const {
  return ScanOut(keys::EdgePrefix(node, type), fn);
}

Status RocksGraphStore::ScanOut(const std::string& prefix,
                                const std::function<bool(const StoredEdge&)>& fn) const {
  return ScanPrefix(Cf::kOut, prefix,
                    [&](const Slice& key, const Slice& value, bool* go) -> Status {
                      auto parts = keys::ParseOutKey(View(key));
                      if (!parts) return Status::Corruption("malformed out key; run `tupu check`");
                      TUPU_ASSIGN_OR_RETURN(StoredEdge e, MakeEdge(*parts, View(value)));
                      *go = fn(e);
                      return Status::OK();
                    });
}

Status RocksGraphStore::ForEachInEdge(NodeId node, const EdgeType* type,
                                      const std::function<bool(const StoredEdge&)>& fn) const {
  // The in twin has no value: read the edge from out, at the same snapshot as the scan.
  const rocksdb::Snapshot* snapshot = db_->read_only() ? nullptr : db()->GetSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  std::string prefix = keys::EdgePrefix(node, type);
  std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(ro, cf(Cf::kIn)));
  Status result;
  for (it->Seek(prefix); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    auto parts = keys::ParseInKey(View(it->key()));
    if (!parts) {
      result = Status::Corruption("malformed in key; run `tupu check`");
      break;
    }
    std::string value;
    rocksdb::Status s = db()->Get(ro, cf(Cf::kOut), keys::OutKey(*parts), &value);
    if (s.IsNotFound()) {
      result = Status::Corruption("in edge without its out twin; run `tupu check --repair`");
      break;
    }
    if (!s.ok()) {
      result = Rocks(s, "reading out");
      break;
    }
    auto edge = MakeEdge(*parts, value);
    if (!edge.ok()) {
      result = edge.status();
      break;
    }
    if (!fn(*edge)) break;
  }
  if (result.ok()) result = Rocks(it->status(), "scanning in");
  it.reset();
  if (snapshot != nullptr) db()->ReleaseSnapshot(snapshot);
  return result;
}

Result<StoreCounts> RocksGraphStore::Counts() const {
  auto raw = GetRaw(Cf::kMeta, keys::kCountsKey);
  if (raw.status().IsNotFound()) return ScanCounts();
  if (!raw.ok()) return raw.status();
  if (raw->size() != 24) return Status::Corruption("malformed counts entry; run `tupu check --repair`");
  std::string_view v = *raw;
  return StoreCounts{keys::ReadBigEndian64(v), keys::ReadBigEndian64(v.substr(8)),
                     keys::ReadBigEndian64(v.substr(16))};
}

Status RocksGraphStore::PutCounts(const CountDeltas& deltas, rocksdb::WriteBatch* batch) const {
  TUPU_ASSIGN_OR_RETURN(StoreCounts counts, Counts());
  auto apply = [](uint64_t* total, int64_t delta) {
    *total = delta < 0 && static_cast<uint64_t>(-delta) > *total ? 0 : *total + delta;
  };
  apply(&counts.documents, deltas.documents);
  apply(&counts.nodes, deltas.nodes);
  apply(&counts.edges, deltas.edges);
  return Rocks(batch->Put(cf(Cf::kMeta), keys::kCountsKey, EncodeCounts(counts)), "batching");
}

// Every write (ingest, remove, the counts) advances RocksDB's last sequence number, and a reader's
// view only moves on Refresh; the identity tells a copied-then-diverged database apart. A future
// bulk load through IngestExternalFile could add data at sequence number 0 and must then change
// the version too (e.g. by writing a meta key in the same step).
Result<DerivedDataSlot> RocksGraphStore::DerivedData() const {
  std::string identity;
  TUPU_RETURN_IF_ERROR(Rocks(db()->GetDbIdentity(identity), "reading the identity"));
  DerivedDataSlot slot;
  slot.folder = db_->path();
  slot.version = identity + "@" + std::to_string(db()->GetLatestSequenceNumber());
  return slot;
}

Result<StoreCounts> RocksGraphStore::ScanCounts() const {
  StoreCounts counts;
  auto count = [&](Cf c, uint64_t* n) {
    return ScanPrefix(c, "", [n](const Slice&, const Slice&, bool*) {
      ++*n;
      return Status::OK();
    });
  };
  TUPU_RETURN_IF_ERROR(count(Cf::kDocs, &counts.documents));
  TUPU_RETURN_IF_ERROR(count(Cf::kNodes, &counts.nodes));
  TUPU_RETURN_IF_ERROR(count(Cf::kOut, &counts.edges));
  return counts;
}

Result<std::string> RocksGraphStore::SentenceText(DocId doc, uint32_t sentence) const {
  TUPU_ASSIGN_OR_RETURN(StoredDocument d, GetDocument(doc));
  if (sentence >= d.sentences.size()) return std::string();
  const TextSpan& s = d.sentences[sentence];
  if (s.begin > s.end || s.end > d.text.size()) return std::string();
  return d.text.substr(s.begin, s.end - s.begin);
}

// What Annotate accepts (see graph_store.h): text people type, no control characters that
// would garble the shell's tables or an export's attribute names.
Status ValidateAnnotation(const std::string& key, const std::string& value) {
  auto bad_character = [](const std::string& text, bool allow_layout) {
    for (unsigned char c : text) {
      if (allow_layout && (c == '\t' || c == '\n' || c == '\r')) continue;
      if (c < 0x20 || c == 0x7f) return true;
    }
    return false;
  };
  if (key.empty()) return Status::InvalidArgument("annotation key is empty");
  if (key.size() > kMaxAnnotationKeyBytes) {
    return Status::InvalidArgument("annotation key is longer than " +
                                   std::to_string(kMaxAnnotationKeyBytes) + " bytes");
  }
  if (!IsValidUtf8(key) || bad_character(key, false)) {
    return Status::InvalidArgument("annotation key '" + key +
                                   "' is not UTF-8 text without control characters");
  }
  // The Neo4j CSV export heads a column with the property name, where ':' starts a type.
  if (key.find(':') != std::string::npos) {
    return Status::InvalidArgument("annotation key '" + key +
                                   "' holds ':', which exports (Neo4j CSV headers) read as a type");
  }
  if (value.size() > kMaxAnnotationValueBytes) {
    return Status::InvalidArgument("annotation '" + key + "' is longer than " +
                                   std::to_string(kMaxAnnotationValueBytes >> 20) + " MB");
  }
  if (!IsValidUtf8(value) || bad_character(value, true)) {
    return Status::InvalidArgument("annotation '" + key +
                                   "' is not UTF-8 text without control characters");
  }
  return Status::OK();
}

Status RocksGraphStore::Annotate(NodeId node, const std::string& key, const std::string& value) {
  if (db_->read_only()) {
    return Status::NotSupported("database '" + db_->path() +
                                "' was opened read-only; annotating needs the writer "
                                "(tupu run --write, tupu shell --write)");
  }
  TUPU_RETURN_IF_ERROR(ValidateAnnotation(key, value));
  // Under the ingest lock: the node check and the write see no document half-way replaced.
  std::lock_guard<std::mutex> lock(write_mutex_);
  if (!value.empty()) {
    auto stored = GetRaw(Cf::kNodes, keys::IdKey(node));
    if (stored.status().IsNotFound()) {
      return Status::NotFound("no node " + IdToHex(node) + " to annotate");
    }
    if (!stored.ok()) return stored.status();
  }
  const std::string annotation_key = keys::AnnotationKey(node, key);
  rocksdb::WriteBatch batch;
  TUPU_RETURN_IF_ERROR(Rocks(value.empty() ? batch.Delete(cf(Cf::kAnnotations), annotation_key)
                                           : batch.Put(cf(Cf::kAnnotations), annotation_key, value),
                             "batching an annotation"));
  // Synced, unlike ingest: an annotation is someone's work that no re-ingest can bring back.
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return Commit(&batch, wo, "writing annotation '" + key + "' of " + IdToHex(node));
}

Status RocksGraphStore::ScanAnnotations(
    const std::string& prefix, const std::function<bool(NodeId, const Properties&)>& fn) const {
  if (cf(Cf::kAnnotations) == nullptr) return Status::OK();  // an older database, read-only
  NodeId current = 0;
  Properties notes;
  bool go = true;
  auto on_entry = [&](const Slice& key, const Slice& value, bool* keep_going) -> Status {
    if (key.size() <= 8) {
      return Status::Corruption("annotation key of " + std::to_string(key.size()) +
                                " bytes; run `tupu check`");
    }
    NodeId node = keys::ReadBigEndian64(View(key));
    if (!notes.empty() && node != current) {
      go = fn(current, notes);
      notes.clear();
      if (!go) {
        *keep_going = false;
        return Status::OK();
      }
    }
    current = node;
    notes.emplace_back(std::string(View(key).substr(8)), std::string(View(value)));
    return Status::OK();
  };
  TUPU_RETURN_IF_ERROR(ScanPrefix(Cf::kAnnotations, prefix, on_entry));
  if (go && !notes.empty()) fn(current, notes);
  return Status::OK();
}

Result<Properties> RocksGraphStore::Annotations(NodeId node) const {
  Properties found;
  TUPU_RETURN_IF_ERROR(ScanAnnotations(keys::IdKey(node), [&](NodeId, const Properties& notes) {
    found = notes;
    return false;
  }));
  return found;
}

Status RocksGraphStore::ForEachAnnotation(
    const std::function<bool(NodeId, const Properties&)>& fn) const {
  return ScanAnnotations("", fn);
}

}  // namespace

Status GraphStore::Annotate(NodeId, const std::string&, const std::string&) {
  return Status::NotSupported("this graph store keeps no annotations");
}

Result<Properties> GraphStore::Annotations(NodeId) const { return Properties(); }

Result<std::vector<NodeId>> GraphStore::FindNodes(NodeLabel label,
                                                  const std::string& name_or_alias) const {
  std::vector<NodeId> canonical, alias;
  TUPU_RETURN_IF_ERROR(ForEachNode([&](const StoredNode& n) {
    if (n.label != label) return true;
    if (n.name == name_or_alias) {
      canonical.push_back(n.id);
    } else if (std::find(n.aliases.begin(), n.aliases.end(), name_or_alias) != n.aliases.end()) {
      alias.push_back(n.id);
    }
    return true;
  }));
  canonical.insert(canonical.end(), alias.begin(), alias.end());
  return canonical;
}

Status GraphStore::ForEachAnnotation(const std::function<bool(NodeId, const Properties&)>&) const {
  return Status::OK();
}

Status GraphStore::ScanEdges(EdgeBatchFn fn, void* context) const {
  std::string encoded;
  return ForEachEdge([&](const StoredEdge& e) {
    encoded = EncodeProperties(e.props);
    EdgeView view = ViewOfEdge(e, encoded);
    return fn(context, &view, 1);
  });
}

Status GraphStore::ScanNodes(NodeBatchFn fn, void* context) const {
  std::string aliases, props;
  return ForEachNode([&](const StoredNode& n) {
    aliases = EncodeAliases(n.aliases);
    props = EncodeProperties(n.props);
    NodeView view;
    view.id = n.id;
    view.label = n.label;
    view.mentions = n.mentions;
    view.name = n.name;
    view.kind = n.kind;
    view.encoded_aliases = aliases;
    view.encoded_props = props;
    return fn(context, &view, 1);
  });
}

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& path,
                                                     const StoreOptions& options) {
  TUPU_ASSIGN_OR_RETURN(auto db, RocksDatabase::Open(path, options));
  return std::unique_ptr<GraphStore>(new RocksGraphStore(std::move(db)));
}

}  // namespace tupu
