// The JSON exporter (see export_json.h). Each record is built as an ordered_json (fields in the
// order people read them) and dumped on its own line, so memory stays one record deep.
#include "graph/export_json.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "graph/export_util.h"

namespace tupu {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kNodeFields[] = {"id", "label", "name", "aliases", "kind", "mentions"};
constexpr std::string_view kEdgeFields[] = {"id",     "source",   "target", "type",  "doc",
                                            "doc_id", "sentence", "span",   "weight"};

template <size_t N>
std::string FieldName(const std::string& key, const std::string_view (&reserved)[N]) {
  for (std::string_view r : reserved) {
    if (r == key) return "prop_" + key;
  }
  return key;
}

// `count` (MENTIONED_IN) is a number; written as one when it reads as one.
Json PropertyValue(const std::string& key, const std::string& value) {
  if (key == "count") {
    long long n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec == std::errc() && end == value.data() + value.size()) return n;
  }
  return value;
}

void AppendRecord(const Json& record, std::string* out) {
  // Invalid UTF-8 must not abort an export: replace it with U+FFFD.
  out->append(record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

Status WriteJson(const GraphSnapshot& snapshot, std::ostream& out) {
  const PropertyGraph& g = snapshot.graph();
  ExportWriter w(out);
  w << "{\"directed\": true, \"multigraph\": true,\n\"nodes\": [";
  bool first = true;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    Json node;
    node["id"] = IdToHex(snapshot.NodeIdOf(*v));
    node["label"] = NodeLabelName(snapshot.Label(*v));
    node["name"] = snapshot.Name(*v);
    node["aliases"] = snapshot.Aliases(*v);
    node["kind"] = snapshot.Kind(*v);
    node["mentions"] = snapshot.Mentions(*v);
    for (const auto& [key, value] : snapshot.VertexProperties(*v)) {
      node[FieldName(key, kNodeFields)] = PropertyValue(key, value);
    }
    w << (first ? "\n" : ",\n");
    first = false;
    AppendRecord(node, w.buffer());
    w.MaybeFlush();
  }
  w << "\n],\n\"edges\": [";
  first = true;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const EdgeProps& p = g[*e];
    Json edge;
    edge["id"] = IdToHex(p.id);
    edge["source"] = IdToHex(g[boost::source(*e, g)].id);
    edge["target"] = IdToHex(g[boost::target(*e, g)].id);
    edge["type"] = EdgeTypeName(p.type);
    edge["doc"] = snapshot.DocKey(*e);
    edge["doc_id"] = IdToHex(snapshot.Doc(*e));
    edge["sentence"] = p.sentence;
    edge["span"] = {p.span.begin, p.span.end};
    edge["weight"] = snapshot.Weight(*e);
    for (const auto& [key, value] : snapshot.EdgeProperties(*e)) {
      if (key == "weight") continue;  // written above as a number
      edge[FieldName(key, kEdgeFields)] = PropertyValue(key, value);
    }
    w << (first ? "\n" : ",\n");
    first = false;
    AppendRecord(edge, w.buffer());
    w.MaybeFlush();
  }
  w << "\n]}\n";
  return w.Finish("the JSON export");
}

}  // namespace tupu
