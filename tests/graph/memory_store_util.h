// MemoryGraphStore: an in-memory GraphStore for the graph tests, so they need no RocksDB, plus a
// small hand-made graph of Chinese government news (persons, offices, a place, two documents).
// Thread safety: none; one test at a time.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/graph_store.h"

namespace tupu::testing {

class MemoryGraphStore : public GraphStore {
 public:
  // Adds or replaces a node / document; edges are kept in the store's (src, type, dst, fact) order.
  void PutNode(StoredNode node);
  void PutEdge(StoredEdge edge);
  void PutDocument(StoredDocument doc);

  Result<IngestOutcome> Ingest(const ExtractedDocument& doc) override;
  Status RemoveDocument(DocId doc) override;
  Result<StoredNode> GetNode(NodeId id) const override;
  Result<NodeId> FindNode(NodeLabel label, const std::string& name_or_alias) const override;
  Result<StoredDocument> GetDocument(DocId id) const override;
  Result<DocId> FindDocument(const std::string& source_key) const override;
  Status ForEachNode(const std::function<bool(const StoredNode&)>& fn) const override;
  Status ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const override;
  Status ForEachDocument(const std::function<bool(const StoredDocument&)>& fn) const override;
  Status ForEachOutEdge(NodeId node, const EdgeType* type,
                        const std::function<bool(const StoredEdge&)>& fn) const override;
  Status ForEachInEdge(NodeId node, const EdgeType* type,
                       const std::function<bool(const StoredEdge&)>& fn) const override;
  Result<StoreCounts> Counts() const override;
  Result<std::string> SentenceText(DocId doc, uint32_t sentence) const override;

 private:
  using EdgeKey = std::tuple<NodeId, uint16_t, NodeId, FactId>;
  std::map<NodeId, StoredNode> nodes_;
  std::map<EdgeKey, StoredEdge> edges_;
  std::map<DocId, StoredDocument> docs_;
};

// Builders for hand-made graphs.
StoredNode MakeNode(NodeLabel label, const std::string& name, std::vector<std::string> aliases = {},
                    std::string kind = "");
// The fact id is derived from (doc, type, src, dst, sentence) so that two calls that differ only in
// sentence give two parallel edges.
StoredEdge MakeEdge(EdgeType type, const StoredNode& src, const StoredNode& dst,
                    const std::string& doc_key, uint32_t sentence, Properties props = {});

// The sample graph (names invented for the tests, not from seeds/):
//   Person  王建国 (alias 王书记), 李明华, 赵小红, 记者 陈晨
//   Organization 高新区管委会 (alias 管委会, kind government), 某某街道办事处 (government)
//   Place   东湖公园;  Document  news/a.txt, news/b.txt
// Edges: 王建国 VISITED 高新区管委会 (a.txt, 10-30) and again (b.txt, 2024-11-02),
//   王建国 VISITED 东湖公园, 李明华 ACCOMPANIED 王建国, 李明华 HOLDS_POSITION 高新区管委会 (主任),
//   王建国 HOLDS_POSITION 某某街道办事处 (书记), 陈晨 AUTHORED news/a.txt,
//   王建国 CO_MENTIONED 李明华 (weight 3), 李明华 CO_MENTIONED 赵小红 (weight 1),
//   王建国 MENTIONED_IN news/a.txt (count 2).
std::unique_ptr<MemoryGraphStore> MakeSampleStore();

}  // namespace tupu::testing
