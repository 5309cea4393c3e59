// Writing a GraphSnapshot to an image file and restoring it (see snapshot_image.h for the format).
// The read path is the fast one: every array is read straight into the vector the snapshot will
// own, with no per-element work except for the pooled strings.
#include "graph/snapshot_image.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <type_traits>
#include <vector>

namespace tupu {
namespace {

constexpr char kMagic[8] = {'T', 'U', 'P', 'U', 'I', 'M', 'G', '\0'};
constexpr uint32_t kByteOrderMark = 0x01020304;
constexpr char kTemporaryMarker[] = ".tmp-";

static_assert(std::is_trivially_copyable_v<VertexProps> && std::is_trivially_copyable_v<EdgeProps>);

// Boost keeps a CSR's bundles in protected vectors (indexed_vertex_properties and
// indexed_edge_properties) and offers no way to hand it a filled one. Naming the member through a
// class derived from its owner is allowed when forming a pointer to member, and the pointer then
// works on the owner itself: this is how an image moves its arrays in without copying.
template <typename Owner>
struct VertexBundles : Owner {
  static auto& Of(Owner& owner) { return owner.*(&VertexBundles::m_vertex_properties); }
};
template <typename Owner>
struct EdgeBundles : Owner {
  static auto& Of(Owner& owner) { return owner.*(&EdgeBundles::m_edge_properties); }
};

auto& VertexBundlesOf(PropertyGraph& g) {
  return VertexBundles<PropertyGraph::inherited_vertex_properties>::Of(g.vertex_properties());
}
auto& ForwardEdgeBundlesOf(PropertyGraph& g) {
  using Owner = PropertyGraph::forward_type::inherited_edge_properties;
  return EdgeBundles<Owner>::Of(g.m_forward);
}
auto& BackwardEdgeIndicesOf(PropertyGraph& g) {
  using Owner = PropertyGraph::backward_type::inherited_edge_properties;
  return EdgeBundles<Owner>::Of(g.m_backward);
}
const auto& VertexBundlesOf(const PropertyGraph& g) {
  return VertexBundlesOf(const_cast<PropertyGraph&>(g));
}
const auto& ForwardEdgeBundlesOf(const PropertyGraph& g) {
  return ForwardEdgeBundlesOf(const_cast<PropertyGraph&>(g));
}
const auto& BackwardEdgeIndicesOf(const PropertyGraph& g) {
  return BackwardEdgeIndicesOf(const_cast<PropertyGraph&>(g));
}

std::string ErrnoText() { return std::strerror(errno); }

// The big arrays are fresh memory that the read is about to fill: first touching it 4 KB page by
// page costs more than the read itself (a fault each; 0.17 s for a 1 M-edge image on this
// machine). Asking for transparent huge pages before the first touch makes that a fault per
// 2 MB. Only advice: the kernel may refuse (THP "never"), and then nothing changes.
void AdviseHugePages(void* data, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  if (bytes < 2 * kHuge) return;
  auto begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  auto end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

// Buffered writes to a file descriptor, hashing everything written.
class ImageWriter {
 public:
  ImageWriter(int fd, std::string path) : fd_(fd), path_(std::move(path)) {
    XXH3_64bits_reset(hash_);
    buffer_.reserve(kBufferSize);
  }
  ~ImageWriter() { XXH3_freeState(hash_); }

  void Bytes(const void* data, size_t size) {
    if (!status_.ok() || size == 0) return;  // data may be null (an empty vector)
    XXH3_64bits_update(hash_, data, size);
    const char* p = static_cast<const char*>(data);
    if (buffer_.size() + size > kBufferSize) Flush();
    if (size >= kBufferSize) {
      WriteAll(p, size);
    } else {
      buffer_.insert(buffer_.end(), p, p + size);
    }
  }
  template <typename T>
  void Value(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    Bytes(&value, sizeof value);
  }
  template <typename T>
  void Array(const std::vector<T>& values) {
    Value<uint64_t>(values.size());
    Bytes(values.data(), values.size() * sizeof(T));
  }
  // A list of strings: count, lengths, then the bytes. `at(i)` is the i-th string.
  template <typename At>
  void Strings(size_t count, At at) {
    std::vector<uint32_t> lengths(count);
    for (size_t i = 0; i < count; ++i) lengths[i] = static_cast<uint32_t>(at(i).size());
    Array(lengths);
    for (size_t i = 0; i < count; ++i) Bytes(at(i).data(), at(i).size());
  }
  // The checksum of everything written so far, then the final flush.
  Status Finish() {
    uint64_t digest = XXH3_64bits_digest(hash_);
    Bytes(&digest, sizeof digest);
    Flush();
    return status_;
  }

 private:
  static constexpr size_t kBufferSize = size_t{1} << 20;
  void Flush() {
    if (!buffer_.empty()) WriteAll(buffer_.data(), buffer_.size());
    buffer_.clear();
  }
  void WriteAll(const char* p, size_t size) {
    while (size > 0 && status_.ok()) {
      ssize_t n = ::write(fd_, p, size);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) status_ = Status::IOError("writing " + path_ + ": " + ErrnoText());
      if (n > 0) {
        p += n;
        size -= static_cast<size_t>(n);
      }
    }
  }

  int fd_;
  std::string path_;
  XXH3_state_t* hash_ = XXH3_createState();
  std::vector<char> buffer_;
  Status status_;
};

// Reads straight into the caller's memory, hashing as it goes; every length is checked against
// what is left of the file before anything is allocated.
class ImageReader {
 public:
  ImageReader(int fd, std::string path, uint64_t file_size)
      : fd_(fd), path_(std::move(path)), left_(file_size) {
    XXH3_64bits_reset(hash_);
  }
  ~ImageReader() { XXH3_freeState(hash_); }

  Status Bytes(void* data, size_t size) {
    if (size == 0) return Status::OK();  // data may be null (an empty vector)
    if (size > left_) return Truncated();
    char* p = static_cast<char*>(data);
    size_t want = size;
    while (want > 0) {
      ssize_t n = ::read(fd_, p, want);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Status::IOError("reading " + path_ + ": " + ErrnoText());
      if (n == 0) return Truncated();
      p += n;
      want -= static_cast<size_t>(n);
    }
    XXH3_64bits_update(hash_, data, size);
    left_ -= size;
    return Status::OK();
  }
  template <typename T>
  Status Value(T* value) {
    return Bytes(value, sizeof *value);
  }
  // A count of items of `item_size` bytes each, checked against the bytes left.
  Status Count(size_t item_size, uint64_t* count) {
    TUPU_RETURN_IF_ERROR(Value(count));
    if (item_size > 0 && *count > left_ / item_size) return Truncated();
    return Status::OK();
  }
  template <typename T>
  Status Array(std::vector<T>* values) {
    uint64_t count = 0;
    TUPU_RETURN_IF_ERROR(Count(sizeof(T), &count));
    values->reserve(count);
    AdviseHugePages(values->data(), count * sizeof(T));
    values->resize(count);
    return Bytes(values->data(), count * sizeof(T));
  }
  Status Strings(std::vector<std::string>* out) {
    std::vector<uint32_t> lengths;
    TUPU_RETURN_IF_ERROR(Array(&lengths));
    uint64_t total = 0;
    for (uint32_t n : lengths) total += n;
    if (total > left_) return Truncated();
    std::string bytes(total, '\0');
    TUPU_RETURN_IF_ERROR(Bytes(bytes.data(), bytes.size()));
    out->clear();
    out->reserve(lengths.size());
    size_t at = 0;
    for (uint32_t n : lengths) {
      out->emplace_back(bytes, at, n);
      at += n;
    }
    return Status::OK();
  }
  // Reads the stored checksum and compares it with the hash of everything before it.
  Status VerifyChecksum() {
    uint64_t computed = XXH3_64bits_digest(hash_);
    uint64_t stored = 0;
    TUPU_RETURN_IF_ERROR(Value(&stored));
    if (stored != computed) return Status::Corruption(path_ + ": checksum mismatch");
    if (left_ != 0) return Status::Corruption(path_ + ": bytes after the checksum");
    return Status::OK();
  }

 private:
  Status Truncated() const { return Status::Corruption(path_ + ": truncated"); }

  int fd_;
  std::string path_;
  uint64_t left_;
  XXH3_state_t* hash_ = XXH3_createState();
};

struct Header {
  char magic[8];
  uint32_t format;
  uint32_t byte_order;
  uint32_t vertex_bundle_size;
  uint32_t edge_bundle_size;
  uint32_t index_size;
  uint32_t reserved;
};

Header ThisBuildsHeader() {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.format = kSnapshotImageFormat;
  h.byte_order = kByteOrderMark;
  h.vertex_bundle_size = sizeof(VertexProps);
  h.edge_bundle_size = sizeof(EdgeProps);
  h.index_size = sizeof(Vertex);
  return h;
}

// Bundles are written field by field into zeroed memory, a chunk at a time, so that padding bytes
// are zero and the file is a function of the snapshot alone. `copy_fields(in, out)` copies every
// field (and no padding).
template <typename Bundle, typename CopyFields>
void WriteBundles(const std::vector<Bundle>& in, CopyFields copy_fields, ImageWriter* w) {
  constexpr size_t kChunk = 4096;
  std::vector<Bundle> chunk(kChunk);
  w->Value<uint64_t>(in.size());
  for (size_t at = 0; at < in.size(); at += kChunk) {
    size_t n = std::min(kChunk, in.size() - at);
    std::memset(static_cast<void*>(chunk.data()), 0, n * sizeof(Bundle));
    for (size_t i = 0; i < n; ++i) copy_fields(in[at + i], &chunk[i]);
    w->Bytes(chunk.data(), n * sizeof(Bundle));
  }
}

void CopyVertexFields(const VertexProps& v, VertexProps* o) {
  o->id = v.id;
  o->name_index = v.name_index;
  o->kind_index = v.kind_index;
  o->aliases_index = v.aliases_index;
  o->props_index = v.props_index;
  o->mentions = v.mentions;
  o->label = v.label;
}

void CopyEdgeFields(const EdgeProps& e, EdgeProps* o) {
  o->id = e.id;
  o->doc_index = e.doc_index;
  o->sentence = e.sentence;
  o->span = e.span;
  o->props_index = e.props_index;
  o->type = e.type;
}

// Lists of string lists (alias lists; property sets as key, value, key, value...): the size of
// each list, then all their strings as one list. `strings_of(item, add)` calls add(s) for each
// string of an item, in order.
template <typename Item, typename StringsOf>
void WriteGrouped(const std::vector<Item>& items, StringsOf strings_of, ImageWriter* w) {
  std::vector<uint32_t> sizes;
  std::vector<const std::string*> flat;
  sizes.reserve(items.size());
  for (const Item& item : items) {
    sizes.push_back(static_cast<uint32_t>(item.size()));
    strings_of(item, [&](const std::string& s) { flat.push_back(&s); });
  }
  w->Array(sizes);
  w->Strings(flat.size(), [&](size_t i) -> const std::string& { return *flat[i]; });
}

// Sizes and their flattened strings back into lists; `per_item` strings per list element.
Status SplitNested(const std::vector<uint32_t>& sizes, std::vector<std::string> flat,
                   size_t per_item, const std::string& path,
                   const std::function<void(size_t list, std::string*)>& take) {
  uint64_t total = 0;
  for (uint32_t n : sizes) total += uint64_t{n} * per_item;
  if (total != flat.size()) return Status::Corruption(path + ": pool sizes do not add up");
  size_t at = 0;
  for (size_t list = 0; list < sizes.size(); ++list) {
    for (size_t i = 0; i < sizes[list] * per_item; ++i) take(list, &flat[at++]);
  }
  return Status::OK();
}

// The structural checks a checksum cannot give: every index in range, row starts monotone.
Status CheckConsistent(const PropertyGraph& g, const SnapshotPools& pools, uint64_t n, uint64_t m,
                       const std::string& path) {
  auto bad = [&](const std::string& what) { return Status::Corruption(path + ": " + what); };
  for (const auto* csr : {&g.m_forward.m_rowstart, &g.m_backward.m_rowstart}) {
    if (csr->size() != n + 1 || csr->front() != 0 || csr->back() != m) return bad("row starts");
    for (size_t i = 1; i < csr->size(); ++i) {
      if ((*csr)[i] < (*csr)[i - 1]) return bad("row starts");
    }
  }
  for (const auto* column : {&g.m_forward.m_column, &g.m_backward.m_column}) {
    if (column->size() != m) return bad("columns");
    for (Vertex v : *column) {
      if (v >= n) return bad("vertex out of range");
    }
  }
  for (uint32_t e : BackwardEdgeIndicesOf(g)) {
    if (e >= m) return bad("edge index out of range");
  }
  for (const VertexProps& v : VertexBundlesOf(g)) {
    if (v.name_index >= pools.strings.size() || v.kind_index >= pools.strings.size() ||
        v.aliases_index >= pools.alias_lists.size() ||
        v.props_index >= pools.property_sets.size()) {
      return bad("vertex pool index out of range");
    }
  }
  for (const EdgeProps& e : ForwardEdgeBundlesOf(g)) {
    if (e.doc_index >= pools.docs.size() || e.props_index >= pools.property_sets.size()) {
      return bad("edge pool index out of range");
    }
  }
  if (pools.set_weights.size() != pools.property_sets.size() ||
      pools.doc_keys.size() != pools.docs.size() || pools.strings.empty() ||
      pools.alias_lists.empty() || pools.property_sets.empty()) {
    return bad("pool sizes");
  }
  return Status::OK();
}

// Closes a descriptor when it goes out of scope.
struct FileCloser {
  int fd;
  ~FileCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Status SnapshotImage::Write(const GraphSnapshot& snapshot, const std::string& data_version,
                            const std::string& path) {
  namespace fs = std::filesystem;
  const std::string temporary = path + kTemporaryMarker + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("creating " + temporary + ": " + ErrnoText());
  FileCloser closer{fd};
  auto fail = [&](Status s) {
    std::error_code ec;
    fs::remove(temporary, ec);
    return s;
  };

  const PropertyGraph& g = snapshot.graph_;
  const SnapshotPools& pools = *snapshot.pools_;
  ImageWriter w(fd, temporary);
  Header header = ThisBuildsHeader();
  w.Bytes(&header, sizeof header);
  w.Value<uint64_t>(data_version.size());
  w.Bytes(data_version.data(), data_version.size());
  w.Value<uint64_t>(snapshot.num_vertices());
  w.Value<uint64_t>(snapshot.num_edges());

  WriteBundles(VertexBundlesOf(g), CopyVertexFields, &w);
  w.Array(g.m_forward.m_rowstart);
  w.Array(g.m_forward.m_column);
  WriteBundles(ForwardEdgeBundlesOf(g), CopyEdgeFields, &w);
  w.Array(g.m_backward.m_rowstart);
  w.Array(g.m_backward.m_column);
  w.Array(BackwardEdgeIndicesOf(g));

  w.Strings(pools.strings.size(), [&](size_t i) -> const std::string& { return pools.strings[i]; });
  WriteGrouped(pools.alias_lists, [](const std::vector<std::string>& aliases, auto&& add) {
    for (const auto& alias : aliases) add(alias);
  }, &w);
  WriteGrouped(pools.property_sets, [](const Properties& set, auto&& add) {
    for (const auto& [key, value] : set) {
      add(key);
      add(value);
    }
  }, &w);
  w.Array(pools.set_weights);
  w.Array(pools.docs);
  w.Strings(pools.doc_keys.size(),
            [&](size_t i) -> const std::string& { return pools.doc_keys[i]; });
  Status s = w.Finish();
  if (!s.ok()) return fail(s);
  if (::fsync(fd) != 0) return fail(Status::IOError("syncing " + temporary + ": " + ErrnoText()));
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) return fail(Status::IOError("renaming " + temporary + ": " + ec.message()));
  // The rename is durable once the folder is synced; without it a crash could bring back the old
  // image, which is still correct for its own version.
  int dir = ::open(fs::path(path).parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Status::OK();
}

Result<std::shared_ptr<const GraphSnapshot>> SnapshotImage::Read(const std::string& path,
                                                                 const std::string& data_version) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no image");
    return Status::IOError("opening " + path + ": " + ErrnoText());
  }
  FileCloser closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Status::IOError("reading " + path + ": " + ErrnoText());
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  ImageReader r(fd, path, static_cast<uint64_t>(st.st_size));

  Header header{};
  TUPU_RETURN_IF_ERROR(r.Bytes(&header, sizeof header));
  Header expected = ThisBuildsHeader();
  if (std::memcmp(&header, &expected, sizeof header) != 0) {
    return Status::NotFound(path + ": made by another format or build");
  }
  uint64_t version_size = 0;
  TUPU_RETURN_IF_ERROR(r.Count(1, &version_size));
  std::string version(version_size, '\0');
  TUPU_RETURN_IF_ERROR(r.Bytes(version.data(), version.size()));
  if (version != data_version) return Status::NotFound(path + ": made from other data");
  uint64_t n = 0, m = 0;
  TUPU_RETURN_IF_ERROR(r.Value(&n));
  TUPU_RETURN_IF_ERROR(r.Value(&m));
  if (n > UINT32_MAX || m > UINT32_MAX) return Status::Corruption(path + ": sizes out of range");

  std::shared_ptr<GraphSnapshot> snapshot(new GraphSnapshot());
  PropertyGraph& g = snapshot->graph_;
  TUPU_RETURN_IF_ERROR(r.Array(&VertexBundlesOf(g)));
  TUPU_RETURN_IF_ERROR(r.Array(&g.m_forward.m_rowstart));
  TUPU_RETURN_IF_ERROR(r.Array(&g.m_forward.m_column));
  TUPU_RETURN_IF_ERROR(r.Array(&ForwardEdgeBundlesOf(g)));
  TUPU_RETURN_IF_ERROR(r.Array(&g.m_backward.m_rowstart));
  TUPU_RETURN_IF_ERROR(r.Array(&g.m_backward.m_column));
  TUPU_RETURN_IF_ERROR(r.Array(&BackwardEdgeIndicesOf(g)));
  if (VertexBundlesOf(g).size() != n || ForwardEdgeBundlesOf(g).size() != m ||
      BackwardEdgeIndicesOf(g).size() != m) {
    return Status::Corruption(path + ": array sizes");
  }

  auto pools = std::make_shared<SnapshotPools>();
  TUPU_RETURN_IF_ERROR(r.Strings(&pools->strings));
  std::vector<uint32_t> sizes;
  std::vector<std::string> flat;
  TUPU_RETURN_IF_ERROR(r.Array(&sizes));
  TUPU_RETURN_IF_ERROR(r.Strings(&flat));
  pools->alias_lists.resize(sizes.size());
  TUPU_RETURN_IF_ERROR(SplitNested(sizes, std::move(flat), 1, path, [&](size_t list, std::string* s) {
    pools->alias_lists[list].push_back(std::move(*s));
  }));
  TUPU_RETURN_IF_ERROR(r.Array(&sizes));
  TUPU_RETURN_IF_ERROR(r.Strings(&flat));
  pools->property_sets.resize(sizes.size());
  std::string* pending_key = nullptr;
  TUPU_RETURN_IF_ERROR(SplitNested(sizes, std::move(flat), 2, path, [&](size_t list, std::string* s) {
    if (pending_key == nullptr) {
      pending_key = s;
      return;
    }
    pools->property_sets[list].emplace_back(std::move(*pending_key), std::move(*s));
    pending_key = nullptr;
  }));
  TUPU_RETURN_IF_ERROR(r.Array(&pools->set_weights));
  TUPU_RETURN_IF_ERROR(r.Array(&pools->docs));
  TUPU_RETURN_IF_ERROR(r.Strings(&pools->doc_keys));
  TUPU_RETURN_IF_ERROR(r.VerifyChecksum());
  TUPU_RETURN_IF_ERROR(CheckConsistent(g, *pools, n, m, path));
  snapshot->pools_ = std::move(pools);
  return std::shared_ptr<const GraphSnapshot>(std::move(snapshot));
}

void SnapshotImage::RemoveStaleTemporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path image(path);
  const std::string prefix = image.filename().string() + kTemporaryMarker;
  std::error_code ec;
  for (fs::directory_iterator it(image.parent_path(), ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.size() > 9 ||
        pid_text.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    auto pid = static_cast<pid_t>(std::stol(pid_text));
    // Alive (or not ours to signal): its writer may still be writing.
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove(it->path(), ignored);
  }
}

}  // namespace tupu
