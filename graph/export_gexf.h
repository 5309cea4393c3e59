// GEXF 1.2 export for Gephi (networkx read_gexf reads it too).
// Thread safety: reads the snapshot only; any number may run at once.
#pragma once

#include <ostream>

#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

// Nodes: id "n<16 hex>", label = name; attributes name, node_label, kind, aliases ("|"), mentions
// (integer) and node properties (string). Edges: id "e<16 hex>", label = edge type, weight;
// attributes edge_type (GEXF reserves `type` for directed/undirected), doc, doc_id, sentence,
// span_begin, span_end and edge properties (string).
[[nodiscard]] Status WriteGexf(const GraphSnapshot& snapshot, std::ostream& out);

}  // namespace tupu
