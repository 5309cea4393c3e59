// LoadSnapshot: GraphSnapshot::Load through an image kept in the database folder. The first load
// of a database scans RocksDB (about a million edges a second) and leaves an image of the result
// beside it; every later load of the same data reads the image instead (ten times faster and
// more). The image records the version of the data it was made from (GraphStore::DerivedData);
// a load whose store has moved on, a damaged image or an image from another build is ignored and
// replaced. Nothing is ever trusted that the checksum and the structural checks did not pass.
// Thread safety: concurrent loads of one store are fine; two processes may race to write the
// image, and the rename makes one of them win whole.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "graph/graph_snapshot.h"
#include "store/graph_store.h"

namespace tupu {

// The file name of the image inside the database folder.
inline constexpr char kSnapshotImageName[] = "tupu-snapshot.img";

struct SnapshotLoadInfo {
  bool from_image = false;   // read from the image, not scanned from the store
  bool image_written = false;
  // Why the image was not used or not written ("" when it was): a damaged image, a read-only
  // folder, a store that moved on during the load. For --verbose output and the tests.
  std::string note;
};

// As GraphSnapshot::Load(store, filter). With an unfiltered request (labels and edge types empty,
// drop_isolated unset) a missing or stale image is written after the scan; a filtered request is
// cut from a current image when there is one (GraphSnapshot::Filtered) and scanned otherwise.
Result<std::shared_ptr<const GraphSnapshot>> LoadSnapshot(const GraphStore& store,
                                                          const SnapshotFilter& filter = {},
                                                          SnapshotLoadInfo* info = nullptr);

}  // namespace tupu
