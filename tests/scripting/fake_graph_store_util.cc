// FakeGraphStore (see fake_graph_store.h).
#include "scripting/fake_graph_store.h"

#include <algorithm>
#include <tuple>

namespace tupu::testing {

NodeId FakeGraphStore::AddNode(NodeLabel label, const std::string& name, const std::string& kind,
                               std::vector<std::string> aliases) {
  StoredNode node;
  node.id = MakeNodeId(label, name);
  node.label = label;
  node.name = name;
  node.kind = kind;
  node.aliases = std::move(aliases);
  node.mentions = 1;
  nodes_[node.id] = node;
  return node.id;
}

NodeId FakeGraphStore::AddScopedNode(NodeLabel label, const std::string& name, const std::string& scope,
                                     std::vector<std::string> aliases, Properties props) {
  const NodeId plain = AddNode(label, name, "", std::move(aliases));
  StoredNode node = nodes_[plain];
  nodes_.erase(plain);
  node.id = MakeNodeId(label, name, scope);
  node.props = std::move(props);
  if (!scope.empty()) SetProperty(&node.props, "scope", scope);
  nodes_[node.id] = node;
  return node.id;
}

DocId FakeGraphStore::AddDocument(const std::string& source_key,
                                  const std::vector<std::string>& sentences,
                                  const std::string& date) {
  StoredDocument doc;
  doc.id = MakeDocId(source_key);
  doc.source_key = source_key;
  doc.origin = source_key;
  doc.date = date;
  doc.title = "标题";
  for (const auto& s : sentences) {
    TextSpan span{static_cast<uint32_t>(doc.text.size()), 0};
    doc.text += s;
    span.end = static_cast<uint32_t>(doc.text.size());
    doc.sentences.push_back(span);
  }
  docs_[doc.id] = doc;
  StoredNode node;
  node.id = doc.id;
  node.label = NodeLabel::kDocument;
  node.name = source_key;
  nodes_[node.id] = node;
  return doc.id;
}

FactId FakeGraphStore::AddEdge(EdgeType type, NodeId src, NodeId dst, DocId doc, uint32_t sentence,
                               const std::string& quote, Properties props) {
  StoredEdge edge;
  edge.type = type;
  edge.src = src;
  edge.dst = dst;
  edge.doc = doc;
  edge.sentence = sentence;
  const StoredDocument& d = docs_.at(doc);
  TextSpan s = d.sentences.at(sentence);
  size_t at = d.text.find(quote, s.begin);
  edge.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + quote.size())};
  edge.props = std::move(props);
  edge.id = Hash64(IdToHex(doc) + std::to_string(static_cast<int>(type)) + IdToHex(src) +
                   IdToHex(dst) + std::to_string(at));
  edges_[edge.id] = edge;
  return edge.id;
}

Result<IngestOutcome> FakeGraphStore::Ingest(const ExtractedDocument&) {
  return Status::NotSupported("FakeGraphStore::Ingest");
}
Status FakeGraphStore::RemoveDocument(DocId) { return Status::NotSupported("RemoveDocument"); }

Result<StoredNode> FakeGraphStore::GetNode(NodeId id) const {
  auto it = nodes_.find(id);
  if (it == nodes_.end()) return Status::NotFound("node " + IdToHex(id));
  return it->second;
}

Result<NodeId> FakeGraphStore::FindNode(NodeLabel label, const std::string& name) const {
  for (const auto& [id, node] : nodes_) {
    if (node.label == label && node.name == name) return id;
  }
  for (const auto& [id, node] : nodes_) {
    if (node.label != label) continue;
    for (const auto& alias : node.aliases) {
      if (alias == name) return id;
    }
  }
  return Status::NotFound(name);
}

Result<StoredDocument> FakeGraphStore::GetDocument(DocId id) const {
  auto it = docs_.find(id);
  if (it == docs_.end()) return Status::NotFound("doc " + IdToHex(id));
  return it->second;
}

Result<DocId> FakeGraphStore::FindDocument(const std::string& source_key) const {
  DocId id = MakeDocId(source_key);
  if (!docs_.count(id)) return Status::NotFound(source_key);
  return id;
}

Status FakeGraphStore::ForEachNode(const std::function<bool(const StoredNode&)>& fn) const {
  for (const auto& [id, node] : nodes_) {
    if (!fn(node)) break;
  }
  return Status::OK();
}

Status FakeGraphStore::ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const {
  // As the store: ordered by (src, type, dst, fact id).
  std::vector<const StoredEdge*> sorted;
  for (const auto& [id, edge] : edges_) sorted.push_back(&edge);
  std::sort(sorted.begin(), sorted.end(), [](const StoredEdge* a, const StoredEdge* b) {
    return std::tie(a->src, a->type, a->dst, a->id) < std::tie(b->src, b->type, b->dst, b->id);
  });
  for (const StoredEdge* e : sorted) {
    if (!fn(*e)) break;
  }
  return Status::OK();
}

Status FakeGraphStore::ForEachDocument(const std::function<bool(const StoredDocument&)>& fn) const {
  for (const auto& [id, doc] : docs_) {
    if (!fn(doc)) break;
  }
  return Status::OK();
}

Status FakeGraphStore::ForEachOutEdge(NodeId node, const EdgeType* type,
                                      const std::function<bool(const StoredEdge&)>& fn) const {
  return ForEachEdge([&](const StoredEdge& e) {
    if (e.src != node || (type && e.type != *type)) return true;
    return fn(e);
  });
}

Status FakeGraphStore::ForEachInEdge(NodeId node, const EdgeType* type,
                                     const std::function<bool(const StoredEdge&)>& fn) const {
  return ForEachEdge([&](const StoredEdge& e) {
    if (e.dst != node || (type && e.type != *type)) return true;
    return fn(e);
  });
}

Result<StoreCounts> FakeGraphStore::Counts() const {
  return StoreCounts{docs_.size(), nodes_.size(), edges_.size()};
}

Result<std::string> FakeGraphStore::SentenceText(DocId doc, uint32_t sentence) const {
  auto it = docs_.find(doc);
  if (it == docs_.end()) return Status::NotFound("doc");
  if (sentence >= it->second.sentences.size()) return std::string();
  TextSpan s = it->second.sentences[sentence];
  return it->second.text.substr(s.begin, s.end - s.begin);
}

std::unique_ptr<FakeGraphStore> MakeSampleStore() {
  auto store = std::make_unique<FakeGraphStore>();
  NodeId wang = store->AddNode(NodeLabel::kPerson, "王明", "", {"王区长"});
  NodeId li = store->AddNode(NodeLabel::kPerson, "李华");
  NodeId office = store->AddNode(NodeLabel::kOrganization, "高新区管委会", "government");
  NodeId park = store->AddNode(NodeLabel::kOrganization, "科技园", "company");
  NodeId school = store->AddNode(NodeLabel::kOrganization, "第一中学", "school");
  NodeId lake = store->AddNode(NodeLabel::kPlace, "西湖");
  DocId doc = store->AddDocument("news/a.txt",
                                 {"高新区管委会区长王明、副区长李华来到科技园调研。",
                                  "李华陪同。", "王明到第一中学检查。", "李华走访西湖。"},
                                 "2022-05-11");
  store->AddEdge(EdgeType::kHoldsPosition, wang, office, doc, 0, "区长王明", {{"title", "区长"}});
  store->AddEdge(EdgeType::kHoldsPosition, li, office, doc, 0, "副区长李华", {{"title", "副区长"}});
  store->AddEdge(EdgeType::kVisited, wang, park, doc, 0, "来到科技园", {{"date", "2022-05-11"}});
  store->AddEdge(EdgeType::kVisited, li, park, doc, 0, "来到科技园", {{"date", "2022-05-11"}});
  store->AddEdge(EdgeType::kAccompanied, li, wang, doc, 1, "李华陪同", {{"date", "2022-05-11"}});
  store->AddEdge(EdgeType::kVisited, wang, school, doc, 2, "到第一中学", {{"date", "2022-05-12"}});
  store->AddEdge(EdgeType::kVisited, li, lake, doc, 3, "走访西湖", {{"date", "2022-05-13"}});
  store->AddEdge(EdgeType::kCoMentioned, wang, li, doc, 0, "王明、副区长李华", {{"weight", "2"}});
  return store;
}

}  // namespace tupu::testing
