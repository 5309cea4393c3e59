// Helpers shared by the exporters: escaping for XML, DOT and CSV, a buffered writer, and the
// property keys that occur in a snapshot (exports declare every attribute up front).
// Thread safety: pure functions; an ExportWriter belongs to one thread.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

// Text made safe for XML character data and attribute values: & < > " ' escaped, characters XML
// 1.0 forbids (control characters other than tab, newline, return) dropped, invalid UTF-8 repaired.
std::string XmlEscape(std::string_view text);
void AppendXmlEscaped(std::string_view text, std::string* out);

// The inside of a DOT double-quoted string: " and \ escaped, newlines as \n.
void AppendDotEscaped(std::string_view text, std::string* out);

// One CSV field (RFC 4180): quoted when it holds , " CR or LF, with " doubled.
void AppendCsvField(std::string_view text, std::string* out);

// "a|b|c" (lists in GraphML, GEXF, DOT) or "a;b;c" (Neo4j arrays).
std::string JoinList(const std::vector<std::string>& items, std::string_view separator);

// Sorted union of the property keys of all vertices / edges. Edge keys leave out `weight`, which
// every exporter writes as GraphSnapshot::Weight, a number.
std::vector<std::string> VertexPropertyKeys(const GraphSnapshot& snapshot);
std::vector<std::string> EdgePropertyKeys(const GraphSnapshot& snapshot);

// `name`, or `prop_<name>` when it would collide with one of the fixed attribute names.
std::string AttributeName(const std::string& name, const std::vector<std::string_view>& reserved);

// A double as the shortest text that reads back the same ("1", "2.5", "0.1").
std::string FormatDouble(double value);

// Collects output in a string and hands it to the stream in large pieces (ostream's per-call
// overhead dominates an export of millions of small writes otherwise).
class ExportWriter {
 public:
  explicit ExportWriter(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + 4096); }
  std::string* buffer() { return &buffer_; }
  ExportWriter& operator<<(std::string_view text) {
    buffer_.append(text);
    return *this;
  }
  // Hands the buffer to the stream when it is full; call after each record.
  void MaybeFlush() {
    if (buffer_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  // Flushes and reports whether every write reached the stream.
  [[nodiscard]] Status Finish(std::string_view what);

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace tupu
