// The integrity check and repair of a tupu database (see store_check.h). One pass per column
// family, cross-checked in memory; repair rewrites names and in in bounded batches.
#include "store/store_check.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/model.h"
#include "common/utf8.h"
#include "store/rocks_database.h"
#include "store/store_keys.h"
#include "store/value_codec.h"

namespace tupu {
namespace {

namespace keys = store_keys;

std::string_view View(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

// The meta "counts" value for the sizes found (see store_keys.h).
std::string CountsValue(const CheckReport& sizes) {
  std::string out;
  keys::AppendBigEndian64(sizes.documents, &out);
  keys::AppendBigEndian64(sizes.nodes, &out);
  keys::AppendBigEndian64(sizes.edges, &out);
  return out;
}

class Checker {
 public:
  Checker(const RocksDatabase& db, size_t max_listed, std::vector<std::string>* problems,
          uint64_t* count)
      : db_(db), max_listed_(max_listed), problems_(problems), count_(count) {}

  Status Run(CheckReport* sizes);

  // The names and in entries the nodes and out edges call for (filled by Run).
  const std::map<std::string, std::string>& expected_names() const { return expected_names_; }
  const std::set<std::string>& expected_in() const { return expected_in_; }

 private:
  void Problem(std::string what) {
    ++*count_;
    if (problems_->size() < max_listed_) problems_->push_back(std::move(what));
  }
  // Iterates one column family; fn(key, value).
  Status Scan(Cf cf, const std::function<void(const rocksdb::Slice&, const rocksdb::Slice&)>& fn) {
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) fn(it->key(), it->value());
    return FromRocks(it->status(), std::string("scanning ") + CfName(cf));
  }
  bool Exists(Cf cf, const std::string& key) {
    std::string value;
    return db_.db()->Get(rocksdb::ReadOptions(), db_.cf(cf), key, &value).ok();
  }
  // "Person 王建国" or the id when the node is unknown.
  std::string NodeText(NodeId id) const {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) return "node " + IdToHex(id);
    return std::string(NodeLabelName(it->second.node.label)) + " " + it->second.node.name;
  }
  std::string EdgeText(const keys::EdgeKeyParts& e) const {
    return std::string(EdgeTypeName(e.type)) + " edge " + NodeText(e.src) + " -> " +
           NodeText(e.dst) + " (fact " + IdToHex(e.fact) + ")";
  }

  const RocksDatabase& db_;
  size_t max_listed_;
  std::vector<std::string>* problems_;
  uint64_t* count_;
  std::unordered_map<NodeId, NodeValue> nodes_;
  std::map<std::string, std::string> expected_names_;  // names key -> value
  std::set<std::string> expected_in_;
};

Status Checker::Run(CheckReport* sizes) {
  rocksdb::Status checksums = db_.db()->VerifyChecksum();
  if (!checksums.ok() && !checksums.IsNotSupported()) {
    Problem("RocksDB checksum verification failed: " + checksums.ToString());
  }

  // Nodes, and the names they call for.
  TUPU_RETURN_IF_ERROR(Scan(Cf::kNodes, [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    ++sizes->nodes;
    if (key.size() != 8) return Problem("nodes key of " + std::to_string(key.size()) + " bytes");
    NodeId id = keys::ReadBigEndian64(View(key));
    auto decoded = DecodeNode(View(value));
    if (!decoded.ok()) return Problem("node " + IdToHex(id) + ": " + decoded.status().message());
    NodeValue node = std::move(decoded).value();
    const std::string* scope = FindProperty(node.node.props, "scope");
    if (MakeNodeId(node.node.label, node.node.name, scope ? *scope : std::string()) != id) {
      Problem("node " + IdToHex(id) + " (" + node.node.name + ") is stored under the wrong id");
    }
    expected_names_[keys::NameKey(node.node.label, node.node.name, id)] = "\x01";
    for (const auto& alias : node.node.aliases) {
      expected_names_.emplace(keys::NameKey(node.node.label, alias, id), std::string(1, '\0'));
    }
    nodes_.emplace(id, std::move(node));
  }));

  // The names index against the nodes.
  std::set<std::string> seen_names;
  TUPU_RETURN_IF_ERROR(Scan(Cf::kNames, [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    ++sizes->names;
    std::string k(View(key));
    auto parts = keys::ParseNameKey(k);
    auto expected = expected_names_.find(k);
    if (expected == expected_names_.end()) {
      Problem("names entry '" + (parts ? parts->name : k) + "' -> " +
              (parts ? NodeText(parts->node) : std::string("?")) +
              ": no such node has that name or alias");
    } else if (View(value) != expected->second) {
      Problem("names entry '" + (parts ? parts->name : k) + "' has the wrong canonical flag");
    }
    seen_names.insert(std::move(k));
  }));
  for (const auto& [k, v] : expected_names_) {
    if (seen_names.count(k)) continue;
    auto parts = keys::ParseNameKey(k);
    Problem(NodeText(parts->node) + ": " + (v == "\x01" ? "name" : "alias") + " '" + parts->name +
            "' missing from the names index");
  }

  // Documents and their keys.
  std::unordered_set<DocId> doc_ids;
  TUPU_RETURN_IF_ERROR(Scan(Cf::kDocs, [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    ++sizes->documents;
    if (key.size() != 8) return Problem("docs key of " + std::to_string(key.size()) + " bytes");
    DocId id = keys::ReadBigEndian64(View(key));
    doc_ids.insert(id);
    auto doc = DecodeDocument(View(value));
    if (!doc.ok()) return Problem("document " + IdToHex(id) + ": " + doc.status().message());
    for (const std::string& doc_key :
         {keys::SourceKeyKey(doc->source_key), keys::ContentHashKey(doc->content_hash)}) {
      std::string stored;
      rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kDocKeys), doc_key,
                                        &stored);
      if (!s.ok() || stored != keys::IdKey(id)) {
        Problem("document " + doc->source_key + ": its " +
                (doc_key[0] == 's' ? "source key" : "content hash") + " entry in doc_keys " +
                (s.ok() ? "points elsewhere" : "is missing"));
      }
    }
  }));

  // Out edges: endpoints, documents; the in twins and doc_facts listings they call for (checked
  // in memory below: per-edge point reads made the check ten times slower).
  std::unordered_set<std::string> out_keys;
  std::unordered_map<std::string, std::string> unlisted;  // doc_facts key -> the edge, as text
  TUPU_RETURN_IF_ERROR(Scan(Cf::kOut, [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    ++sizes->edges;
    auto parts = keys::ParseOutKey(View(key));
    if (!parts) return Problem("out key of " + std::to_string(key.size()) + " bytes");
    expected_in_.insert(keys::InKey(*parts));
    if (!nodes_.count(parts->src)) Problem(EdgeText(*parts) + ": source node missing");
    if (!nodes_.count(parts->dst)) Problem(EdgeText(*parts) + ": target node missing");
    auto edge = DecodeEdge(View(value));
    if (!edge.ok()) return Problem(EdgeText(*parts) + ": " + edge.status().message());
    out_keys.insert(std::string(View(key)));
    if (!doc_ids.count(edge->doc)) {
      Problem(EdgeText(*parts) + ": its document " + IdToHex(edge->doc) + " is missing");
    }
    unlisted.emplace(keys::DocFactKey(edge->doc, keys::kTagOut, View(key)),
                     EdgeText(*parts) + ": not listed under its document " + IdToHex(edge->doc));
  }));
  std::unordered_set<std::string> seen_in;
  TUPU_RETURN_IF_ERROR(Scan(Cf::kIn, [&](const rocksdb::Slice& key, const rocksdb::Slice&) {
    std::string k(View(key));
    if (!expected_in_.count(k)) {
      auto parts = keys::ParseInKey(k);
      Problem(parts ? EdgeText(*parts) + ": in entry without its out edge"
                    : "in key of " + std::to_string(k.size()) + " bytes");
    }
    seen_in.insert(std::move(k));
  }));
  for (const auto& k : expected_in_) {
    if (!seen_in.count(k)) Problem(EdgeText(*keys::ParseInKey(k)) + ": in twin missing");
  }

  // doc_facts: every entry names something that exists; node counts add up.
  std::unordered_map<NodeId, std::pair<uint64_t, uint64_t>> refs;  // documents, mentions
  TUPU_RETURN_IF_ERROR(Scan(Cf::kDocFacts, [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    ++sizes->doc_facts;
    if (key.size() < 9) return Problem("doc_facts key of " + std::to_string(key.size()) + " bytes");
    DocId doc = keys::ReadBigEndian64(View(key));
    std::string target(key.data() + 9, key.size() - 9);
    std::string where = "doc_facts of document " + IdToHex(doc) + ": ";
    switch (key[8]) {
      case keys::kTagDoc:
        if (target.size() != 8 || !doc_ids.count(keys::ReadBigEndian64(target))) {
          Problem(where + "its docs row is missing");
        }
        break;
      case keys::kTagDocKey:
        if (!Exists(Cf::kDocKeys, target)) Problem(where + "a doc_keys entry is missing");
        break;
      case keys::kTagOut:
        if (!out_keys.count(target)) Problem(where + "lists an out edge that is missing");
        unlisted.erase(std::string(View(key)));
        break;
      case keys::kTagIn:
        // A missing in twin of an existing out edge is reported above ("in twin missing").
        if (!seen_in.count(target) && !expected_in_.count(target)) {
          Problem(where + "lists an in entry that is missing");
        }
        break;
      case keys::kTagNode: {
        ByteReader in(View(value));
        uint64_t mentions = 0;
        if (target.size() != 8 || !in.GetVarint(&mentions)) {
          Problem(where + "malformed node reference");
          break;
        }
        NodeId id = keys::ReadBigEndian64(target);
        if (!nodes_.count(id)) Problem(where + "refers to missing " + NodeText(id));
        refs[id].first += 1;
        refs[id].second += mentions;
        break;
      }
      default:
        Problem(where + "unknown tag");
    }
  }));
  for (const auto& [key, problem] : unlisted) Problem(problem);

  // Annotations: only their shape is checked. One whose node is not stored is NOT a problem: no
  // document mentions the node at the moment (its documents were removed or changed), and the
  // annotation is kept on purpose for when the node comes back (ids are content addressed).
  if (db_.cf(Cf::kAnnotations) != nullptr) {  // absent in an older database opened to read
    TUPU_RETURN_IF_ERROR(
        Scan(Cf::kAnnotations, [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
          ++sizes->annotations;
          if (key.size() <= 8) {
            return Problem("annotations key of " + std::to_string(key.size()) + " bytes");
          }
          if (!IsValidUtf8(View(key).substr(8)) || !IsValidUtf8(View(value))) {
            Problem("annotation of " + NodeText(keys::ReadBigEndian64(View(key))) +
                    " is not UTF-8");
          }
        }));
  }

  // The totals kept for Counts().
  std::string stored_counts;
  rocksdb::Status cs = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(Cf::kMeta), keys::kCountsKey,
                                     &stored_counts);
  if (cs.ok() && stored_counts != CountsValue(*sizes)) {
    Problem("the stored totals (meta counts) disagree with the documents, nodes and edges found");
  } else if (!cs.ok() && !cs.IsNotFound()) {
    return FromRocks(cs, "reading meta");
  }
  for (const auto& [id, node] : nodes_) {
    auto r = refs.find(id);
    uint64_t documents = r == refs.end() ? 0 : r->second.first;
    uint64_t mentions = r == refs.end() ? 0 : r->second.second;
    if (documents != node.documents) {
      Problem(NodeText(id) + ": stored as mentioned by " + std::to_string(node.documents) +
              " documents, doc_facts list " + std::to_string(documents));
    }
    if (mentions != node.node.mentions) {
      Problem(NodeText(id) + ": stored mentions " + std::to_string(node.node.mentions) +
              ", the documents sum to " + std::to_string(mentions));
    }
  }
  return Status::OK();
}

// Makes column family `cf` hold exactly `expected` (key -> value), in batches of bounded size.
Status Rebuild(const RocksDatabase& db, Cf cf, const std::map<std::string, std::string>& expected,
               uint64_t* changes) {
  rocksdb::WriteBatch batch;
  auto flush = [&](bool force) -> Status {
    if (batch.Count() == 0 || (!force && batch.Count() < 10000)) return Status::OK();
    rocksdb::WriteOptions wo;
    wo.sync = true;
    TUPU_RETURN_IF_ERROR(FromRocks(db.db()->Write(wo, &batch), "repairing " + std::string(CfName(cf))));
    batch.Clear();
    return Status::OK();
  };
  std::set<std::string> present;
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(cf)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string key(View(it->key()));
    auto want = expected.find(key);
    if (want == expected.end()) {
      TUPU_RETURN_IF_ERROR(FromRocks(batch.Delete(db.cf(cf), key), "batching"));
      ++*changes;
    } else if (want->second != View(it->value())) {
      TUPU_RETURN_IF_ERROR(FromRocks(batch.Put(db.cf(cf), key, want->second), "batching"));
      ++*changes;
    }
    present.insert(std::move(key));
    TUPU_RETURN_IF_ERROR(flush(false));
  }
  TUPU_RETURN_IF_ERROR(FromRocks(it->status(), std::string("scanning ") + CfName(cf)));
  it.reset();
  for (const auto& [key, value] : expected) {
    if (present.count(key)) continue;
    TUPU_RETURN_IF_ERROR(FromRocks(batch.Put(db.cf(cf), key, value), "batching"));
    ++*changes;
    TUPU_RETURN_IF_ERROR(flush(false));
  }
  return flush(true);
}

}  // namespace

Result<CheckReport> CheckDatabase(const std::string& path, const CheckOptions& options) {
  StoreOptions store_options;
  store_options.create_if_missing = false;
  // Checking only reads, beside a running writer if need be; repairing needs the writer's lock.
  store_options.read_only = !options.repair;
  TUPU_ASSIGN_OR_RETURN(auto db, RocksDatabase::Open(path, store_options));

  CheckReport report;
  Checker checker(*db, options.max_problems_listed, &report.problems, &report.problem_count);
  TUPU_RETURN_IF_ERROR(checker.Run(&report));
  if (!options.repair) return report;

  report.repaired = true;
  TUPU_RETURN_IF_ERROR(Rebuild(*db, Cf::kNames, checker.expected_names(), &report.names_fixed));
  std::map<std::string, std::string> in_entries;
  for (const auto& key : checker.expected_in()) in_entries.emplace(key, "");
  TUPU_RETURN_IF_ERROR(Rebuild(*db, Cf::kIn, in_entries, &report.in_fixed));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  TUPU_RETURN_IF_ERROR(FromRocks(
      db->db()->Put(wo, db->cf(Cf::kMeta), keys::kCountsKey, CountsValue(report)),
      "repairing meta counts"));

  CheckReport again;
  Checker second(*db, options.max_problems_listed, &report.remaining,
                 &report.problems_after_repair);
  TUPU_RETURN_IF_ERROR(second.Run(&again));
  return report;
}

}  // namespace tupu
