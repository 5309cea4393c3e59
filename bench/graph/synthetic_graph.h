// A synthetic graph with tupu's real schema (persons, offices, places, documents; visits,
// positions, co-mentions, ...) for benchmarks, held in a GraphStore that lives in memory, so the
// benchmark measures the graph layer and not RocksDB. Names are random Chinese names.
// Thread safety: generation is single-threaded; the store is read-only after Generate.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/graph_store.h"

namespace tupu::bench {

struct SyntheticOptions {
  uint64_t nodes = 100'000;
  uint64_t edges = 1'000'000;
  uint64_t seed = 20240101;
};

// Nodes and edges in the order a RocksDB scan yields them (by id; by src, type, dst, fact).
class SyntheticGraphStore : public GraphStore {
 public:
  static std::unique_ptr<SyntheticGraphStore> Generate(const SyntheticOptions& options);

  const std::vector<StoredNode>& nodes() const { return nodes_; }
  const std::vector<StoredEdge>& edges() const { return edges_; }

  Result<IngestOutcome> Ingest(const ExtractedDocument&) override { return Unsupported(); }
  Status RemoveDocument(DocId) override { return Unsupported(); }
  Result<StoredNode> GetNode(NodeId) const override { return Unsupported(); }
  Result<NodeId> FindNode(NodeLabel, const std::string&) const override { return Unsupported(); }
  Result<StoredDocument> GetDocument(DocId) const override {
    return Status::NotFound("synthetic graph: no document rows");
  }
  Result<DocId> FindDocument(const std::string&) const override { return Unsupported(); }
  Status ForEachNode(const std::function<bool(const StoredNode&)>& fn) const override;
  Status ForEachEdge(const std::function<bool(const StoredEdge&)>& fn) const override;
  // Batches of views over properties encoded once at generation (as RocksDB keeps them), so the
  // benchmark times the snapshot builder, not re-encoding.
  Status ScanEdges(EdgeBatchFn fn, void* context) const override;
  Status ForEachDocument(const std::function<bool(const StoredDocument&)>&) const override {
    return Status::OK();
  }
  Status ForEachOutEdge(NodeId, const EdgeType*,
                        const std::function<bool(const StoredEdge&)>&) const override {
    return Unsupported();
  }
  Status ForEachInEdge(NodeId, const EdgeType*,
                       const std::function<bool(const StoredEdge&)>&) const override {
    return Unsupported();
  }
  Result<StoreCounts> Counts() const override {
    return StoreCounts{0, nodes_.size(), edges_.size()};
  }
  Result<std::string> SentenceText(DocId, uint32_t) const override {
    return Status::NotFound("synthetic graph: no document rows");  // evidence text is then ""
  }

 private:
  static Status Unsupported() { return Status::NotSupported("synthetic graph store"); }
  std::vector<StoredNode> nodes_;
  std::vector<StoredEdge> edges_;
  std::vector<std::string> encoded_props_;  // parallel to edges_
};

// Writes the synthetic graph into `store` (a RocksDB GraphStore opened for writing) through
// Ingest, one ExtractedDocument per Document node with the edges that cite it, so that a
// snapshot load can be timed from RocksDB. Fact ids are the store's own (content hashes), so
// edges that coincide in (doc, type, src, dst, span) become one. Prints progress to stderr.
Status WriteToStore(const SyntheticGraphStore& synthetic, GraphStore* store);

}  // namespace tupu::bench
