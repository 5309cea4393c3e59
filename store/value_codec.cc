// Encoders and bounds-checked decoders of the store's values (see value_codec.h).
#include "store/value_codec.h"

namespace tupu {

void ByteWriter::PutVarint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void ByteWriter::PutFixed64(uint64_t v) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void ByteWriter::PutString(std::string_view s) {
  PutVarint(s.size());
  out_.append(s);
}

void ByteWriter::PutProperties(const Properties& props) {
  PutVarint(props.size());
  for (const auto& [k, v] : props) {
    PutString(k);
    PutString(v);
  }
}

bool ByteReader::GetByte(uint8_t* v) {
  if (pos_ >= in_.size()) return false;
  *v = static_cast<uint8_t>(in_[pos_++]);
  return true;
}

bool ByteReader::GetVarint(uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63; shift += 7) {
    if (pos_ >= in_.size()) return false;
    auto byte = static_cast<uint8_t>(in_[pos_++]);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;  // more than 10 bytes: not a varint we wrote
}

bool ByteReader::GetVarint32(uint32_t* v) {
  uint64_t wide = 0;
  if (!GetVarint(&wide) || wide > UINT32_MAX) return false;
  *v = static_cast<uint32_t>(wide);
  return true;
}

bool ByteReader::GetFixed64(uint64_t* v) {
  if (in_.size() - pos_ < 8) return false;
  uint64_t result = 0;
  for (int i = 0; i < 8; ++i) {
    result |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
  }
  pos_ += 8;
  *v = result;
  return true;
}

bool ByteReader::GetString(std::string* s) {
  uint64_t size = 0;
  if (!GetVarint(&size) || size > in_.size() - pos_) return false;
  s->assign(in_.substr(pos_, size));
  pos_ += size;
  return true;
}

bool ByteReader::GetStringView(std::string_view* s) {
  uint64_t size = 0;
  if (!GetVarint(&size) || size > in_.size() - pos_) return false;
  *s = in_.substr(pos_, size);
  pos_ += size;
  return true;
}

bool ByteReader::GetProperties(Properties* props) {
  uint64_t count = 0;
  // Each entry takes at least two bytes, so a count above that is corrupt (and must not be used
  // to reserve memory).
  if (!GetVarint(&count) || count > in_.size()) return false;
  props->clear();
  for (uint64_t i = 0; i < count; ++i) {
    std::string key, value;
    if (!GetString(&key) || !GetString(&value)) return false;
    props->emplace_back(std::move(key), std::move(value));
  }
  return true;
}

namespace {

Status BadValue(std::string_view what, std::string_view why) {
  return Status::Corruption("stored " + std::string(what) + " value is corrupt (" +
                            std::string(why) + "); run `tupu check --repair` or re-ingest");
}

bool CheckVersion(ByteReader* in) {
  uint8_t version = 0;
  return in->GetByte(&version) && version == kValueEncodingVersion;
}

}  // namespace

std::string EncodeNode(const NodeValue& value) {
  ByteWriter out;
  out.PutByte(kValueEncodingVersion);
  out.PutByte(static_cast<uint8_t>(value.node.label));
  out.PutString(value.node.name);
  out.PutVarint(value.node.aliases.size());
  for (const auto& alias : value.node.aliases) out.PutString(alias);
  out.PutString(value.node.kind);
  out.PutVarint(value.node.mentions);
  out.PutVarint(value.documents);
  out.PutProperties(value.node.props);
  return std::move(out).Finish();
}

Result<NodeValue> DecodeNode(std::string_view bytes) {
  ByteReader in(bytes);
  if (!CheckVersion(&in)) return BadValue("node", "unknown encoding version");
  NodeValue value;
  uint8_t label = 0;
  if (!in.GetByte(&label) || NodeLabelName(static_cast<NodeLabel>(label)) == "Unknown") {
    return BadValue("node", "bad label");
  }
  value.node.label = static_cast<NodeLabel>(label);
  uint64_t alias_count = 0;
  if (!in.GetString(&value.node.name) || !in.GetVarint(&alias_count) ||
      alias_count > bytes.size()) {
    return BadValue("node", "truncated name or aliases");
  }
  for (uint64_t i = 0; i < alias_count; ++i) {
    std::string alias;
    if (!in.GetString(&alias)) return BadValue("node", "truncated alias");
    value.node.aliases.push_back(std::move(alias));
  }
  if (!in.GetString(&value.node.kind) || !in.GetVarint32(&value.node.mentions) ||
      !in.GetVarint32(&value.documents) || !in.GetProperties(&value.node.props)) {
    return BadValue("node", "truncated fields");
  }
  if (!in.AtEnd()) return BadValue("node", "trailing bytes");
  return value;
}

std::string EncodeEdge(const EdgeValue& value) {
  ByteWriter out;
  out.PutByte(kValueEncodingVersion);
  out.PutFixed64(value.doc);
  out.PutVarint(value.sentence);
  out.PutVarint(value.span.begin);
  out.PutVarint(value.span.end);
  out.PutProperties(value.props);
  return std::move(out).Finish();
}

Result<EdgeValue> DecodeEdge(std::string_view bytes) {
  ByteReader in(bytes);
  if (!CheckVersion(&in)) return BadValue("edge", "unknown encoding version");
  EdgeValue value;
  if (!in.GetFixed64(&value.doc) || !in.GetVarint32(&value.sentence) ||
      !in.GetVarint32(&value.span.begin) || !in.GetVarint32(&value.span.end) ||
      !in.GetProperties(&value.props)) {
    return BadValue("edge", "truncated fields");
  }
  if (!in.AtEnd()) return BadValue("edge", "trailing bytes");
  return value;
}

std::string EncodeProperties(const Properties& props) {
  ByteWriter out;
  out.PutProperties(props);
  return std::move(out).Finish();
}

Result<Properties> DecodeProperties(std::string_view bytes) {
  ByteReader in(bytes);
  Properties props;
  if (!in.GetProperties(&props)) return BadValue("edge", "truncated properties");
  if (!in.AtEnd()) return BadValue("edge", "trailing bytes after the properties");
  return props;
}

std::string EncodeAliases(const std::vector<std::string>& aliases) {
  ByteWriter out;
  out.PutVarint(aliases.size());
  for (const auto& alias : aliases) out.PutString(alias);
  return std::move(out).Finish();
}

Result<std::vector<std::string>> DecodeAliases(std::string_view bytes) {
  ByteReader in(bytes);
  uint64_t count = 0;
  if (!in.GetVarint(&count) || count > bytes.size()) return BadValue("node", "truncated aliases");
  std::vector<std::string> aliases(count);
  for (auto& alias : aliases) {
    if (!in.GetString(&alias)) return BadValue("node", "truncated alias");
  }
  if (!in.AtEnd()) return BadValue("node", "trailing bytes after the aliases");
  return aliases;
}

Status ParseNodeValue(std::string_view bytes, NodeView* view) {
  ByteReader in(bytes);
  if (!CheckVersion(&in)) return BadValue("node", "unknown encoding version");
  uint8_t label = 0;
  if (!in.GetByte(&label) || NodeLabelName(static_cast<NodeLabel>(label)) == "Unknown") {
    return BadValue("node", "bad label");
  }
  view->label = static_cast<NodeLabel>(label);
  uint64_t alias_count = 0;
  if (!in.GetStringView(&view->name)) return BadValue("node", "truncated name");
  size_t aliases_begin = in.position();
  if (!in.GetVarint(&alias_count) || alias_count > bytes.size()) {
    return BadValue("node", "truncated aliases");
  }
  std::string_view alias;
  for (uint64_t i = 0; i < alias_count; ++i) {
    if (!in.GetStringView(&alias)) return BadValue("node", "truncated alias");
  }
  view->encoded_aliases = bytes.substr(aliases_begin, in.position() - aliases_begin);
  uint32_t documents = 0;
  if (!in.GetStringView(&view->kind) || !in.GetVarint32(&view->mentions) ||
      !in.GetVarint32(&documents)) {
    return BadValue("node", "truncated fields");
  }
  view->encoded_props = bytes.substr(in.position());
  return Status::OK();
}

Status ParseEdgeValue(std::string_view bytes, EdgeView* view) {
  ByteReader in(bytes);
  if (!CheckVersion(&in)) return BadValue("edge", "unknown encoding version");
  if (!in.GetFixed64(&view->doc) || !in.GetVarint32(&view->sentence) ||
      !in.GetVarint32(&view->span.begin) || !in.GetVarint32(&view->span.end)) {
    return BadValue("edge", "truncated fields");
  }
  view->encoded_props = bytes.substr(in.position());
  return Status::OK();
}

std::string EncodeDocument(const StoredDocument& doc) {
  ByteWriter out;
  out.PutByte(kValueEncodingVersion);
  out.PutString(doc.source_key);
  out.PutString(doc.origin);
  out.PutString(doc.title);
  out.PutString(doc.date);
  out.PutString(doc.byline);
  out.PutString(doc.source);
  out.PutString(doc.text);
  out.PutFixed64(doc.content_hash);
  out.PutVarint(doc.sentences.size());
  for (const auto& s : doc.sentences) {
    out.PutVarint(s.begin);
    out.PutVarint(s.end);
  }
  return std::move(out).Finish();
}

Result<StoredDocument> DecodeDocument(std::string_view bytes) {
  ByteReader in(bytes);
  if (!CheckVersion(&in)) return BadValue("document", "unknown encoding version");
  StoredDocument doc;
  uint64_t sentence_count = 0;
  if (!in.GetString(&doc.source_key) || !in.GetString(&doc.origin) ||
      !in.GetString(&doc.title) || !in.GetString(&doc.date) || !in.GetString(&doc.byline) ||
      !in.GetString(&doc.source) || !in.GetString(&doc.text) ||
      !in.GetFixed64(&doc.content_hash) || !in.GetVarint(&sentence_count) ||
      sentence_count > bytes.size()) {
    return BadValue("document", "truncated fields");
  }
  doc.sentences.reserve(sentence_count);
  for (uint64_t i = 0; i < sentence_count; ++i) {
    TextSpan span;
    if (!in.GetVarint32(&span.begin) || !in.GetVarint32(&span.end)) {
      return BadValue("document", "truncated sentences");
    }
    doc.sentences.push_back(span);
  }
  if (!in.AtEnd()) return BadValue("document", "trailing bytes");
  return doc;
}

}  // namespace tupu
