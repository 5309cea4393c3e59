// Escaping and key collection for the exporters (see export_util.h).
#include "graph/export_util.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "common/utf8.h"

namespace tupu {
namespace {

bool IsXmlForbidden(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

}  // namespace

void AppendXmlEscaped(std::string_view text, std::string* out) {
  std::string repaired;
  if (!IsValidUtf8(text)) {
    repaired = RepairUtf8(text);
    text = repaired;
  }
  for (char ch : text) {
    switch (ch) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&apos;"); break;
      // Attribute values normalise raw newlines to spaces; character references survive.
      case '\n': out->append("&#10;"); break;
      case '\r': out->append("&#13;"); break;
      case '\t': out->append("&#9;"); break;
      default:
        if (!IsXmlForbidden(static_cast<unsigned char>(ch))) out->push_back(ch);
    }
  }
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendXmlEscaped(text, &out);
  return out;
}

void AppendDotEscaped(std::string_view text, std::string* out) {
  std::string repaired;
  if (!IsValidUtf8(text)) {
    repaired = RepairUtf8(text);
    text = repaired;
  }
  for (char ch : text) {
    switch (ch) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': break;
      default: out->push_back(ch);
    }
  }
}

void AppendCsvField(std::string_view text, std::string* out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char ch : text) {
    if (ch == '"') out->push_back('"');
    out->push_back(ch);
  }
  out->push_back('"');
}

std::string JoinList(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(separator);
    out.append(items[i]);
  }
  return out;
}

std::vector<std::string> VertexPropertyKeys(const GraphSnapshot& snapshot) {
  // Property sets are interned: look at each distinct set once, not at every vertex.
  const PropertyGraph& g = snapshot.graph();
  std::vector<bool> seen(snapshot.num_property_sets(), false);
  std::set<std::string> keys;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    if (seen[g[*v].props_index]) continue;
    seen[g[*v].props_index] = true;
    for (const auto& [key, value] : snapshot.VertexProperties(*v)) keys.insert(key);
  }
  return {keys.begin(), keys.end()};
}

std::vector<std::string> EdgePropertyKeys(const GraphSnapshot& snapshot) {
  const PropertyGraph& g = snapshot.graph();
  std::vector<bool> seen(snapshot.num_property_sets(), false);
  std::set<std::string> keys;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (seen[g[*e].props_index]) continue;
    seen[g[*e].props_index] = true;
    for (const auto& [key, value] : snapshot.EdgeProperties(*e)) {
      if (key != "weight") keys.insert(key);
    }
  }
  return {keys.begin(), keys.end()};
}

std::string AttributeName(const std::string& name, const std::vector<std::string_view>& reserved) {
  if (std::find(reserved.begin(), reserved.end(), name) != reserved.end()) return "prop_" + name;
  return name;
}

std::string FormatDouble(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec != std::errc()) return "0";
  return std::string(buf, end);
}

Status ExportWriter::Finish(std::string_view what) {
  Flush();
  out_.flush();
  if (!out_.good()) return Status::IOError("writing " + std::string(what) + " failed");
  return Status::OK();
}

}  // namespace tupu
