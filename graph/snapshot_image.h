// SnapshotImage: a GraphSnapshot written to one file and read back as it was in memory (the CSR
// arrays, the bundles, the pools), so that loading an unchanged database again costs a file read
// instead of a RocksDB scan with interning. snapshot_loader.h decides when an image is written
// and when it may be trusted; this file only knows the format.
//
// Format: a header (magic, format version, the sizes of the bundle types, the data version the
// image was made from), then length-prefixed sections, then an XXH3-64 checksum of everything
// before it. Host byte order and this build's struct layout: an image is a cache for the machine
// that made it, never an exchange format. Bump kSnapshotImageFormat whenever the loader's output
// or the layout changes, so that old images are rebuilt instead of misread.
// Thread safety: the functions share nothing; a snapshot may be written while others read it.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "common/status.h"
#include "graph/graph_snapshot.h"

namespace tupu {

inline constexpr uint32_t kSnapshotImageFormat = 1;

class SnapshotImage {
 public:
  // Writes `snapshot`, made from data of version `data_version`, to `path` atomically: a
  // temporary file in the same folder, synced, then renamed over `path`. A kill leaves `path` as
  // it was (and at worst a temporary file that RemoveStaleTemporaries clears).
  static Status Write(const GraphSnapshot& snapshot, const std::string& data_version,
                      const std::string& path);

  // The snapshot in `path`. NotFound when there is no file or it was made from another data
  // version or by another format or layout (rebuild it); Corruption when it is truncated or its
  // checksum does not match (rebuild it too, and say so).
  static Result<std::shared_ptr<const GraphSnapshot>> Read(const std::string& path,
                                                           const std::string& data_version);

  // Removes the temporary files that writers of the image `path` left when killed.
  static void RemoveStaleTemporaries(const std::string& path);
};

}  // namespace tupu
