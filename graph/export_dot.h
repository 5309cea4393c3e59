// DOT export for Graphviz (`dot -Tsvg graph.dot > graph.svg`). Meant for small subgraphs: Graphviz
// layouts take minutes beyond a few thousand nodes.
// Thread safety: reads the snapshot only; any number may run at once.
#pragma once

#include <ostream>

#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

// digraph; node ids "n<16 hex>", label = name, a shape and colour per node label (Person ellipse,
// Organization box, Place hexagon, Document note), the node label and kind as attributes; edges
// labelled with their type (and date or title when they have one), weight, doc.
[[nodiscard]] Status WriteDot(const GraphSnapshot& snapshot, std::ostream& out);

}  // namespace tupu
