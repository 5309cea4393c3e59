// CSV export in the header form of neo4j-admin's bulk import, so a graph that outgrows one machine
// loads into Neo4j: `neo4j-admin database import full --nodes=DIR/nodes.csv
// --relationships=DIR/edges.csv` (arrays use Neo4j's default delimiter ';').
// Thread safety: reads the snapshot only; any number may run at once.
#pragma once

#include <ostream>
#include <string>

#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

// nodes.csv: id:ID,:LABEL,name,aliases:string[],kind,mentions:int, then node properties.
[[nodiscard]] Status WriteCsvNodes(const GraphSnapshot& snapshot, std::ostream& out);
// edges.csv: :START_ID,:END_ID,:TYPE,id,doc,doc_id,sentence:int,span_begin:int,span_end:int,
// weight:double, then edge properties. Ids are the 16-hex node ids of nodes.csv.
[[nodiscard]] Status WriteCsvEdges(const GraphSnapshot& snapshot, std::ostream& out);
// Writes `folder`/nodes.csv and `folder`/edges.csv, creating the folder when missing.
[[nodiscard]] Status WriteCsvFolder(const GraphSnapshot& snapshot, const std::string& folder);

}  // namespace tupu
