// The binary encoding of the store's values (nodes, edges, documents): a version byte, then
// varints and length-prefixed strings. Compact, versioned, and safe on corrupt bytes: every
// decoder checks bounds and returns Corruption instead of reading past the end.
// Thread safety: all functions are pure; ByteWriter/ByteReader are single-threaded values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "store/graph_store.h"

namespace tupu {

// Version byte at the start of every encoded value. A newer store reading an older value can
// branch on it; this store refuses any other version as Corruption.
inline constexpr uint8_t kValueEncodingVersion = 1;

class ByteWriter {
 public:
  void PutByte(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void PutVarint(uint64_t v);
  void PutFixed64(uint64_t v);  // little-endian; values need no ordering
  void PutString(std::string_view s);  // varint length + bytes
  void PutProperties(const Properties& props);
  std::string Finish() && { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  // Each returns false (and reads nothing more) when the input ends early or is malformed.
  bool GetByte(uint8_t* v);
  bool GetVarint(uint64_t* v);
  bool GetVarint32(uint32_t* v);
  bool GetFixed64(uint64_t* v);
  bool GetString(std::string* s);
  bool GetStringView(std::string_view* s);  // a view into the input, no copy
  bool GetProperties(Properties* props);
  bool AtEnd() const { return pos_ == in_.size(); }
  size_t position() const { return pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

// A node as stored: StoredNode plus how many documents refer to it (when that reaches zero the
// node and its names entries are removed).
struct NodeValue {
  StoredNode node;  // node.id is not encoded (it is the key); set by the caller
  uint32_t documents = 0;
};
std::string EncodeNode(const NodeValue& value);
Result<NodeValue> DecodeNode(std::string_view bytes);

// An out edge's value: where it came from and its properties (the ids are in the key).
struct EdgeValue {
  DocId doc = 0;
  uint32_t sentence = 0;
  TextSpan span;
  Properties props;
};
std::string EncodeEdge(const EdgeValue& value);
Result<EdgeValue> DecodeEdge(std::string_view bytes);

// A property list alone, encoded as inside an edge or node value (varint count, then key/value
// strings). EdgeView::encoded_props holds these bytes; equal lists encode to equal bytes.
std::string EncodeProperties(const Properties& props);
Result<Properties> DecodeProperties(std::string_view bytes);

// A node's alias list alone, encoded as inside a node value (varint count, then strings).
std::string EncodeAliases(const std::vector<std::string>& aliases);
Result<std::vector<std::string>> DecodeAliases(std::string_view bytes);

// A node value split without copying: fills label, mentions and the views of `view` (into
// `bytes`); view->id is the caller's (it is the key). Corruption when malformed.
Status ParseNodeValue(std::string_view bytes, NodeView* view);

// An out edge's value split without decoding its properties: fills view->doc, sentence, span and
// sets view->encoded_props to the property bytes (a view into `bytes`). Corruption when the fixed
// fields are malformed; the property bytes are checked when they are decoded.
Status ParseEdgeValue(std::string_view bytes, EdgeView* view);

// A docs row. doc.id is not encoded (it is the key); set by the caller.
std::string EncodeDocument(const StoredDocument& doc);
Result<StoredDocument> DecodeDocument(std::string_view bytes);

}  // namespace tupu
