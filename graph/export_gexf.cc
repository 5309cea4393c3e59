// The GEXF exporter (see export_gexf.h). Version 1.2draft: what Gephi 0.9/0.10 and networkx both
// read.
#include "graph/export_gexf.h"

#include <string>
#include <vector>

#include "graph/export_util.h"

namespace tupu {
namespace {

struct Attribute {
  std::string id;
  std::string title;
  const char* type;
};

void AppendAttributeDecls(const char* cls, const std::vector<Attribute>& attrs, std::string* out) {
  out->append("    <attributes class=\"").append(cls).append("\">\n");
  for (const auto& a : attrs) {
    out->append("      <attribute id=\"").append(a.id).append("\" title=\"");
    AppendXmlEscaped(a.title, out);
    out->append("\" type=\"").append(a.type).append("\"/>\n");
  }
  out->append("    </attributes>\n");
}

void AppendValue(const Attribute& a, std::string_view value, std::string* out) {
  if (value.empty()) return;
  out->append("          <attvalue for=\"").append(a.id).append("\" value=\"");
  AppendXmlEscaped(value, out);
  out->append("\"/>\n");
}

}  // namespace

Status WriteGexf(const GraphSnapshot& snapshot, std::ostream& out) {
  const PropertyGraph& g = snapshot.graph();
  int next = 0;
  auto make = [&](std::string title, const char* type) {
    return Attribute{std::to_string(next++), std::move(title), type};
  };
  const std::vector<std::string_view> node_reserved = {"name", "node_label", "kind", "aliases",
                                                       "mentions"};
  std::vector<Attribute> node_attrs = {make("name", "string"), make("node_label", "string"),
                                       make("kind", "string"), make("aliases", "string"),
                                       make("mentions", "integer")};
  std::vector<std::string> node_props = VertexPropertyKeys(snapshot);
  for (const auto& k : node_props)
    node_attrs.push_back(make(AttributeName(k, node_reserved), "string"));

  next = 0;
  const std::vector<std::string_view> edge_reserved = {"edge_type", "doc",        "doc_id",
                                                       "sentence",  "span_begin", "span_end"};
  std::vector<Attribute> edge_attrs = {make("edge_type", "string"),   make("doc", "string"),
                                       make("doc_id", "string"),      make("sentence", "integer"),
                                       make("span_begin", "integer"), make("span_end", "integer")};
  std::vector<std::string> edge_props = EdgePropertyKeys(snapshot);
  for (const auto& k : edge_props)
    edge_attrs.push_back(make(AttributeName(k, edge_reserved), "string"));

  ExportWriter w(out);
  std::string* buf = w.buffer();
  w << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
       "  <meta><creator>tupu</creator><description>tupu knowledge graph</description></meta>\n"
       "  <graph mode=\"static\" defaultedgetype=\"directed\">\n";
  AppendAttributeDecls("node", node_attrs, buf);
  AppendAttributeDecls("edge", edge_attrs, buf);

  w << "    <nodes>\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    w << "      <node id=\"n" << IdToHex(snapshot.NodeIdOf(*v)) << "\" label=\"";
    AppendXmlEscaped(snapshot.Name(*v), buf);
    w << "\">\n        <attvalues>\n";
    AppendValue(node_attrs[0], snapshot.Name(*v), buf);
    AppendValue(node_attrs[1], NodeLabelName(snapshot.Label(*v)), buf);
    AppendValue(node_attrs[2], snapshot.Kind(*v), buf);
    AppendValue(node_attrs[3], JoinList(snapshot.Aliases(*v), "|"), buf);
    AppendValue(node_attrs[4], std::to_string(snapshot.Mentions(*v)), buf);
    for (size_t i = 0; i < node_props.size(); ++i) {
      if (const std::string* value = FindProperty(snapshot.VertexProperties(*v), node_props[i])) {
        AppendValue(node_attrs[5 + i], *value, buf);
      }
    }
    w << "        </attvalues>\n      </node>\n";
    w.MaybeFlush();
  }
  w << "    </nodes>\n    <edges>\n";
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const EdgeProps& p = g[*e];
    std::string_view type = EdgeTypeName(p.type);
    w << "      <edge id=\"e" << IdToHex(p.id) << "\" source=\"n"
      << IdToHex(g[boost::source(*e, g)].id) << "\" target=\"n"
      << IdToHex(g[boost::target(*e, g)].id) << "\" label=\"" << type << "\" weight=\""
      << FormatDouble(snapshot.Weight(*e)) << "\">\n        <attvalues>\n";
    AppendValue(edge_attrs[0], type, buf);
    AppendValue(edge_attrs[1], snapshot.DocKey(*e), buf);
    AppendValue(edge_attrs[2], IdToHex(snapshot.Doc(*e)), buf);
    AppendValue(edge_attrs[3], std::to_string(p.sentence), buf);
    AppendValue(edge_attrs[4], std::to_string(p.span.begin), buf);
    AppendValue(edge_attrs[5], std::to_string(p.span.end), buf);
    for (const auto& [key, value] : snapshot.EdgeProperties(*e)) {
      for (size_t i = 0; i < edge_props.size(); ++i) {
        if (edge_props[i] == key) {
          AppendValue(edge_attrs[6 + i], value, buf);
          break;
        }
      }
    }
    w << "        </attvalues>\n      </edge>\n";
    w.MaybeFlush();
  }
  w << "    </edges>\n  </graph>\n</gexf>\n";
  return w.Finish("the GEXF export");
}

}  // namespace tupu
