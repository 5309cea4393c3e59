// FakeGraphStore: an in-memory GraphStore for the scripting tests, so the Lua layer is tested
// without RocksDB, and MakeSampleStore(): a small fictional graph (names invented, not from seeds).
// Thread safety: none needed (tests use one thread).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/graph_store.h"

namespace tupu::testing {

class FakeGraphStore : public GraphStore {
 public:
  NodeId AddNode(NodeLabel label, const std::string& name, const std::string& kind = "",
                 std::vector<std::string> aliases = {});
  // A node with a scope (common/model.h) and other properties (a Document's region).
  NodeId AddScopedNode(NodeLabel label, const std::string& name, const std::string& scope,
                       std::vector<std::string> aliases = {}, Properties props = {});
  // Adds a document whose sentences are `sentences` joined; returns its id.
  DocId AddDocument(const std::string& source_key, const std::vector<std::string>& sentences,
                    const std::string& date = "");
  // An edge whose evidence is `quote` found inside sentence `sentence` of `doc`.
  FactId AddEdge(EdgeType type, NodeId src, NodeId dst, DocId doc, uint32_t sentence,
                 const std::string& quote, Properties props = {});

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
  std::map<NodeId, StoredNode> nodes_;
  std::map<FactId, StoredEdge> edges_;
  std::map<DocId, StoredDocument> docs_;
};

// People 王明 (区长) and 李华 (副区长) of 高新区管委会; 王明 visits 科技园 and 第一中学, 李华
// accompanies him to 科技园 and visits 西湖 alone; one document "news/a.txt".
std::unique_ptr<FakeGraphStore> MakeSampleStore();

}  // namespace tupu::testing
