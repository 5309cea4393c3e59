// The Neo4j-import CSV exporter (see export_csv.h).
#include "graph/export_csv.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "graph/export_util.h"

namespace tupu {
namespace {

// Neo4j splits arrays on ';' and cannot escape it: a ';' inside an alias becomes the full-width
// '；'.
std::string Neo4jArray(const std::vector<std::string>& items) {
  std::vector<std::string> cleaned;
  cleaned.reserve(items.size());
  for (const auto& item : items) {
    std::string c;
    for (char ch : item) {
      if (ch == ';')
        c += "\xEF\xBC\x9B";
      else
        c.push_back(ch);
    }
    cleaned.push_back(std::move(c));
  }
  return JoinList(cleaned, ";");
}

}  // namespace

Status WriteCsvNodes(const GraphSnapshot& snapshot, std::ostream& out) {
  const PropertyGraph& g = snapshot.graph();
  const std::vector<std::string_view> reserved = {"id", "name", "aliases", "kind", "mentions"};
  std::vector<std::string> props = VertexPropertyKeys(snapshot);
  ExportWriter w(out);
  std::string* buf = w.buffer();
  w << "id:ID,:LABEL,name,aliases:string[],kind,mentions:int";
  for (const auto& k : props) {
    buf->push_back(',');
    AppendCsvField(AttributeName(k, reserved), buf);
  }
  w << "\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    w << IdToHex(snapshot.NodeIdOf(*v)) << "," << NodeLabelName(snapshot.Label(*v)) << ",";
    AppendCsvField(snapshot.Name(*v), buf);
    buf->push_back(',');
    AppendCsvField(Neo4jArray(snapshot.Aliases(*v)), buf);
    buf->push_back(',');
    AppendCsvField(snapshot.Kind(*v), buf);
    w << "," << std::to_string(snapshot.Mentions(*v));
    for (const auto& k : props) {
      buf->push_back(',');
      if (const std::string* value = FindProperty(snapshot.VertexProperties(*v), k))
        AppendCsvField(*value, buf);
    }
    w << "\n";
    w.MaybeFlush();
  }
  return w.Finish("nodes.csv");
}

Status WriteCsvEdges(const GraphSnapshot& snapshot, std::ostream& out) {
  const PropertyGraph& g = snapshot.graph();
  const std::vector<std::string_view> reserved = {"id",         "doc",      "doc_id", "sentence",
                                                  "span_begin", "span_end", "weight"};
  std::vector<std::string> props = EdgePropertyKeys(snapshot);
  ExportWriter w(out);
  std::string* buf = w.buffer();
  w << ":START_ID,:END_ID,:TYPE,id,doc,doc_id,sentence:int,span_begin:int,span_end:int,"
       "weight:double";
  for (const auto& k : props) {
    buf->push_back(',');
    AppendCsvField(AttributeName(k, reserved), buf);
  }
  w << "\n";
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const EdgeProps& p = g[*e];
    w << IdToHex(g[boost::source(*e, g)].id) << "," << IdToHex(g[boost::target(*e, g)].id) << ","
      << EdgeTypeName(p.type) << "," << IdToHex(p.id) << ",";
    AppendCsvField(snapshot.DocKey(*e), buf);
    w << "," << IdToHex(snapshot.Doc(*e)) << "," << std::to_string(p.sentence) << ","
      << std::to_string(p.span.begin) << "," << std::to_string(p.span.end) << ","
      << FormatDouble(snapshot.Weight(*e));
    for (const auto& k : props) {
      buf->push_back(',');
      if (const std::string* value = FindProperty(snapshot.EdgeProperties(*e), k))
        AppendCsvField(*value, buf);
    }
    w << "\n";
    w.MaybeFlush();
  }
  return w.Finish("edges.csv");
}

Status WriteCsvFolder(const GraphSnapshot& snapshot, const std::string& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Status::IOError(folder + ": cannot create the folder: " + ec.message());
  for (const char* name : {"nodes.csv", "edges.csv"}) {
    std::string path = (std::filesystem::path(folder) / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(path + ": cannot open for writing");
    Status s = name[0] == 'n' ? WriteCsvNodes(snapshot, out) : WriteCsvEdges(snapshot, out);
    if (!s.ok()) return s.WithContext(path);
  }
  return Status::OK();
}

}  // namespace tupu
