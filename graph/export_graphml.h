// GraphML export for Gephi, yEd, Cytoscape, networkx and igraph.
// Thread safety: reads the snapshot only; any number may run at once.
#pragma once

#include <ostream>

#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

// Keys are declared for="node" or for="edge" only (Gephi rejects graph-level keys), each with one
// type. Nodes: id "n<16 hex>"; label (the name, what Gephi and yEd display), name, node_label
// (Person, ...), kind, aliases ("|"-joined), mentions (int), then their properties (string).
// Edges: id "e<16 hex>"; label and type and interaction (the edge type: Gephi, igraph and
// Cytoscape each look at one), weight (double), doc (source key), doc_id, sentence, span_begin,
// span_end (int, bytes), then their properties (date, title, ...; string). Empty values are left out.
[[nodiscard]] Status WriteGraphml(const GraphSnapshot& snapshot, std::ostream& out);

}  // namespace tupu
