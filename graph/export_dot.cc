// The DOT exporter (see export_dot.h).
#include "graph/export_dot.h"

#include <string>

#include "graph/export_util.h"

namespace tupu {
namespace {

const char* Shape(NodeLabel label) {
  switch (label) {
    case NodeLabel::kPerson:
      return "ellipse";
    case NodeLabel::kOrganization:
      return "box";
    case NodeLabel::kPlace:
      return "hexagon";
    case NodeLabel::kDocument:
      return "note";
  }
  return "ellipse";
}

const char* Colour(NodeLabel label) {
  switch (label) {
    case NodeLabel::kPerson:
      return "#dbe9f6";
    case NodeLabel::kOrganization:
      return "#fde8c8";
    case NodeLabel::kPlace:
      return "#dff0d8";
    case NodeLabel::kDocument:
      return "#eeeeee";
  }
  return "white";
}

void AppendAttr(std::string_view name, std::string_view value, std::string* out) {
  out->append(", ").append(name).append("=\"");
  AppendDotEscaped(value, out);
  out->push_back('"');
}

}  // namespace

Status WriteDot(const GraphSnapshot& snapshot, std::ostream& out) {
  const PropertyGraph& g = snapshot.graph();
  ExportWriter w(out);
  std::string* buf = w.buffer();
  w << "digraph tupu {\n"
       "  graph [charset=\"UTF-8\", overlap=false, rankdir=LR];\n"
       "  node [style=filled, fontname=\"Noto Sans CJK SC,sans-serif\"];\n"
       "  edge [fontname=\"Noto Sans CJK SC,sans-serif\", fontsize=10];\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    w << "  n" << IdToHex(snapshot.NodeIdOf(*v)) << " [label=\"";
    AppendDotEscaped(snapshot.Name(*v), buf);
    w << "\", shape=" << Shape(snapshot.Label(*v)) << ", fillcolor=\"" << Colour(snapshot.Label(*v))
      << "\"";
    AppendAttr("node_label", NodeLabelName(snapshot.Label(*v)), buf);
    if (!snapshot.Kind(*v).empty()) AppendAttr("kind", snapshot.Kind(*v), buf);
    if (!snapshot.Aliases(*v).empty())
      AppendAttr("aliases", JoinList(snapshot.Aliases(*v), "|"), buf);
    w << "];\n";
    w.MaybeFlush();
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const EdgeProps& p = g[*e];
    std::string label(EdgeTypeName(p.type));
    for (const char* key : {"title", "date"}) {
      if (const std::string* value = FindProperty(snapshot.EdgeProperties(*e), key))
        label += "\n" + *value;
    }
    w << "  n" << IdToHex(g[boost::source(*e, g)].id) << " -> n"
      << IdToHex(g[boost::target(*e, g)].id) << " [label=\"";
    AppendDotEscaped(label, buf);
    w << "\"";
    AppendAttr("type", EdgeTypeName(p.type), buf);
    AppendAttr("weight", FormatDouble(snapshot.Weight(*e)), buf);
    AppendAttr("doc", snapshot.DocKey(*e), buf);
    w << "];\n";
    w.MaybeFlush();
  }
  w << "}\n";
  return w.Finish("the DOT export");
}

}  // namespace tupu
