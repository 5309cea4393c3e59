// MemoryGraphStore and the sample graph (see memory_store_util.h).
#include "memory_store_util.h"

#include <algorithm>

namespace tupu::testing {

void MemoryGraphStore::PutNode(StoredNode node) { nodes_[node.id] = std::move(node); }

void MemoryGraphStore::PutEdge(StoredEdge edge) {
  EdgeKey key{edge.src, static_cast<uint16_t>(edge.type), edge.dst, edge.id};
  edges_[key] = std::move(edge);
}

void MemoryGraphStore::PutDocument(StoredDocument doc) { docs_[doc.id] = std::move(doc); }

Result<IngestOutcome> MemoryGraphStore::Ingest(const ExtractedDocument&) {
  return Status::NotSupported("MemoryGraphStore::Ingest");
}
Status MemoryGraphStore::RemoveDocument(DocId) {
  return Status::NotSupported("MemoryGraphStore::RemoveDocument");
}

Result<StoredNode> MemoryGraphStore::GetNode(NodeId id) const {
  auto it = nodes_.find(id);
  if (it == nodes_.end()) return Status::NotFound("node " + IdToHex(id));
  return it->second;
}

Result<NodeId> MemoryGraphStore::FindNode(NodeLabel label, const std::string& name) const {
  for (const auto& [id, node] : nodes_) {
    if (node.label != label) continue;
    if (node.name == name ||
        std::find(node.aliases.begin(), node.aliases.end(), name) != node.aliases.end()) {
      return id;
    }
  }
  return Status::NotFound(name);
}

Result<StoredDocument> MemoryGraphStore::GetDocument(DocId id) const {
  auto it = docs_.find(id);
  if (it == docs_.end()) return Status::NotFound("document " + IdToHex(id));
  return it->second;
}

Result<DocId> MemoryGraphStore::FindDocument(const std::string& source_key) const {
  for (const auto& [id, doc] : docs_) {
    if (doc.source_key == source_key) return id;
  }
  return Status::NotFound(source_key);
}

Status MemoryGraphStore::ForEachNode(const std::function<bool(const StoredNode&)>& fn) const {
  for (const auto& [id, node] : nodes_) {
    if (!fn(node)) break;
  }
  return Status::OK();
}

Status MemoryGraphStore::ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const {
  for (const auto& [key, edge] : edges_) {
    if (!fn(edge)) break;
  }
  return Status::OK();
}

Status MemoryGraphStore::ForEachDocument(
    const std::function<bool(const StoredDocument&)>& fn) const {
  for (const auto& [id, doc] : docs_) {
    if (!fn(doc)) break;
  }
  return Status::OK();
}

Status MemoryGraphStore::ForEachOutEdge(NodeId node, const EdgeType* type,
                                        const std::function<bool(const StoredEdge&)>& fn) const {
  for (const auto& [key, edge] : edges_) {
    if (edge.src == node && (type == nullptr || edge.type == *type) && !fn(edge)) break;
  }
  return Status::OK();
}

Status MemoryGraphStore::ForEachInEdge(NodeId node, const EdgeType* type,
                                       const std::function<bool(const StoredEdge&)>& fn) const {
  for (const auto& [key, edge] : edges_) {
    if (edge.dst == node && (type == nullptr || edge.type == *type) && !fn(edge)) break;
  }
  return Status::OK();
}

Result<StoreCounts> MemoryGraphStore::Counts() const {
  return StoreCounts{docs_.size(), nodes_.size(), edges_.size()};
}

Result<std::string> MemoryGraphStore::SentenceText(DocId doc, uint32_t sentence) const {
  auto it = docs_.find(doc);
  if (it == docs_.end()) return Status::NotFound("document " + IdToHex(doc));
  if (sentence >= it->second.sentences.size()) return std::string();
  TextSpan span = it->second.sentences[sentence];
  return it->second.text.substr(span.begin, span.end - span.begin);
}

StoredNode MakeNode(NodeLabel label, const std::string& name, std::vector<std::string> aliases,
                    std::string kind) {
  StoredNode node;
  node.id = MakeNodeId(label, name);
  node.label = label;
  node.name = name;
  node.aliases = std::move(aliases);
  node.kind = std::move(kind);
  node.mentions = 1;
  return node;
}

StoredEdge MakeEdge(EdgeType type, const StoredNode& src, const StoredNode& dst,
                    const std::string& doc_key, uint32_t sentence, Properties props) {
  StoredEdge edge;
  edge.type = type;
  edge.src = src.id;
  edge.dst = dst.id;
  edge.doc = MakeDocId(doc_key);
  edge.sentence = sentence;
  edge.span = {sentence * 10, sentence * 10 + 6};
  edge.props = std::move(props);
  edge.id = Hash64(doc_key + "/" + std::to_string(static_cast<int>(type)) + "/" +
                   IdToHex(src.id) + IdToHex(dst.id) + "/" + std::to_string(sentence));
  return edge;
}

std::unique_ptr<MemoryGraphStore> MakeSampleStore() {
  auto store = std::make_unique<MemoryGraphStore>();
  StoredNode wang = MakeNode(NodeLabel::kPerson, "王建国", {"王书记"});
  StoredNode li = MakeNode(NodeLabel::kPerson, "李明华");
  StoredNode zhao = MakeNode(NodeLabel::kPerson, "赵小红");
  StoredNode chen = MakeNode(NodeLabel::kPerson, "陈晨");
  StoredNode office = MakeNode(NodeLabel::kOrganization, "高新区管委会", {"管委会"}, "government");
  StoredNode street = MakeNode(NodeLabel::kOrganization, "某某街道办事处", {}, "government");
  StoredNode park = MakeNode(NodeLabel::kPlace, "东湖公园");
  StoredNode doc_a = MakeNode(NodeLabel::kDocument, "news/a.txt");
  doc_a.props = {{"title", "王建国到高新区调研"}, {"date", "2024-10-30"}};
  StoredNode doc_b = MakeNode(NodeLabel::kDocument, "news/b.txt");
  doc_b.props = {{"title", "管委会召开会议"}, {"date", "2024-11-02"}};
  for (const StoredNode* n : {&wang, &li, &zhao, &chen, &office, &street, &park, &doc_a, &doc_b}) {
    store->PutNode(*n);
  }
  for (const auto& [key, text] : {std::pair<std::string, std::string>{"news/a.txt", "一二三。四五六。"},
                                  {"news/b.txt", "七八九。"}}) {
    StoredDocument doc;
    doc.id = MakeDocId(key);
    doc.source_key = key;
    doc.origin = key;
    doc.text = text;
    doc.sentences = {{0, 12}};
    store->PutDocument(doc);
  }
  using E = EdgeType;
  store->PutEdge(MakeEdge(E::kVisited, wang, office, "news/a.txt", 0,
                          {{"date", "10-30"}, {"time", "上午"}}));
  store->PutEdge(MakeEdge(E::kVisited, wang, office, "news/b.txt", 0, {{"date", "2024-11-02"}}));
  store->PutEdge(MakeEdge(E::kVisited, wang, park, "news/a.txt", 1, {{"date", "10-30"}}));
  store->PutEdge(MakeEdge(E::kAccompanied, li, wang, "news/a.txt", 0, {{"date", "10-30"}}));
  store->PutEdge(MakeEdge(E::kHoldsPosition, li, office, "news/a.txt", 0, {{"title", "主任"}}));
  store->PutEdge(MakeEdge(E::kHoldsPosition, wang, street, "news/b.txt", 0, {{"title", "书记"}}));
  store->PutEdge(MakeEdge(E::kAuthored, chen, doc_a, "news/a.txt", 2, {{"role", "记者"}}));
  store->PutEdge(MakeEdge(E::kCoMentioned, wang, li, "news/a.txt", 0, {{"weight", "3"}}));
  store->PutEdge(MakeEdge(E::kCoMentioned, li, zhao, "news/b.txt", 0, {{"weight", "1"}}));
  store->PutEdge(MakeEdge(E::kMentionedIn, wang, doc_a, "news/a.txt", 0, {{"count", "2"}}));
  return store;
}

}  // namespace tupu::testing
