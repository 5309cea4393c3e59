// JSON export: {"directed":true,"multigraph":true,"nodes":[...],"edges":[...]}, the shape
// ../shared/eval/score.py and networkx's node_link_graph(edges="edges") read. One node or edge per
// line, in the snapshot's canonical order, so two exports of the same database are byte-identical.
// Thread safety: reads the snapshot only; any number may run at once.
#pragma once

#include <ostream>

#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

// Node: id (16 hex digits), label, name, aliases, kind, mentions, then its properties (Document:
// title, date, byline). Edge: id, source, target, type, doc (the source key of its document),
// doc_id, sentence, span [begin, end) in bytes, weight (a number), then its properties (date, time,
// title, role, ...; `count` as a number). A property named like a fixed field is written prop_<name>.
[[nodiscard]] Status WriteJson(const GraphSnapshot& snapshot, std::ostream& out);

}  // namespace tupu
