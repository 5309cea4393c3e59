// Big-endian key building and parsing for the store's column families (see store_keys.h).
#include "store/store_keys.h"

namespace tupu::store_keys {

void AppendBigEndian64(uint64_t v, std::string* out) {
  for (int shift = 56; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xff));
}
void AppendBigEndian32(uint32_t v, std::string* out) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xff));
}
void AppendBigEndian16(uint16_t v, std::string* out) {
  out->push_back(static_cast<char>((v >> 8) & 0xff));
  out->push_back(static_cast<char>(v & 0xff));
}

uint64_t ReadBigEndian64(std::string_view bytes) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}
uint32_t ReadBigEndian32(std::string_view bytes) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}
uint16_t ReadBigEndian16(std::string_view bytes) {
  return static_cast<uint16_t>((static_cast<unsigned char>(bytes[0]) << 8) |
                               static_cast<unsigned char>(bytes[1]));
}

std::string IdKey(uint64_t id) {
  std::string key;
  AppendBigEndian64(id, &key);
  return key;
}

std::string SourceKeyKey(std::string_view source_key) {
  std::string key = "s";
  key.append(source_key);
  return key;
}

std::string ContentHashKey(uint64_t content_hash) {
  std::string key = "h";
  AppendBigEndian64(content_hash, &key);
  return key;
}

std::string NamePrefix(NodeLabel label, std::string_view name) {
  std::string key;
  key.push_back(static_cast<char>(label));
  key.append(name);
  key.push_back('\0');
  return key;
}

std::string NameKey(NodeLabel label, std::string_view name, NodeId node) {
  std::string key = NamePrefix(label, name);
  AppendBigEndian64(node, &key);
  return key;
}

std::optional<NameKeyParts> ParseNameKey(std::string_view key) {
  // label (1) + name + '\0' + id (8): at least 10 bytes, the separator right before the id.
  if (key.size() < 10 || key[key.size() - 9] != '\0') return std::nullopt;
  auto label = static_cast<NodeLabel>(static_cast<unsigned char>(key[0]));
  if (NodeLabelName(label) == "Unknown") return std::nullopt;
  NameKeyParts parts{label, std::string(key.substr(1, key.size() - 10)),
                     ReadBigEndian64(key.substr(key.size() - 8))};
  return parts;
}

namespace {
std::string EdgeKey(NodeId first, EdgeType type, NodeId second, FactId fact) {
  std::string key;
  key.reserve(kEdgeKeySize);
  AppendBigEndian64(first, &key);
  AppendBigEndian16(static_cast<uint16_t>(type), &key);
  AppendBigEndian64(second, &key);
  AppendBigEndian64(fact, &key);
  return key;
}
}  // namespace

std::string OutKey(const EdgeKeyParts& e) { return EdgeKey(e.src, e.type, e.dst, e.fact); }
std::string InKey(const EdgeKeyParts& e) { return EdgeKey(e.dst, e.type, e.src, e.fact); }

std::optional<EdgeKeyParts> ParseOutKey(std::string_view key) {
  if (key.size() != kEdgeKeySize) return std::nullopt;
  EdgeKeyParts e;
  e.src = ReadBigEndian64(key);
  e.type = static_cast<EdgeType>(ReadBigEndian16(key.substr(8)));
  e.dst = ReadBigEndian64(key.substr(10));
  e.fact = ReadBigEndian64(key.substr(18));
  return e;
}

std::optional<EdgeKeyParts> ParseInKey(std::string_view key) {
  auto e = ParseOutKey(key);
  if (e) std::swap(e->src, e->dst);
  return e;
}

std::string EdgePrefix(NodeId node, const EdgeType* type) {
  std::string key;
  AppendBigEndian64(node, &key);
  if (type != nullptr) AppendBigEndian16(static_cast<uint16_t>(*type), &key);
  return key;
}

std::string DocFactKey(DocId doc, char tag, std::string_view key) {
  std::string out;
  out.reserve(9 + key.size());
  AppendBigEndian64(doc, &out);
  out.push_back(tag);
  out.append(key);
  return out;
}

std::string DocFactPrefix(DocId doc) { return IdKey(doc); }

std::string AnnotationKey(NodeId node, std::string_view key) {
  std::string out = IdKey(node);
  out.append(key);
  return out;
}

FactId MakeFactId(DocId doc, EdgeType type, NodeId src, NodeId dst, uint32_t span_begin,
                  uint32_t span_end) {
  std::string bytes;
  bytes.reserve(34);
  AppendBigEndian64(doc, &bytes);
  AppendBigEndian16(static_cast<uint16_t>(type), &bytes);
  AppendBigEndian64(src, &bytes);
  AppendBigEndian64(dst, &bytes);
  AppendBigEndian32(span_begin, &bytes);
  AppendBigEndian32(span_end, &bytes);
  return Hash64(bytes);
}

}  // namespace tupu::store_keys
