// When a snapshot image is read, when it is written, and when the store is scanned instead.
#include "graph/snapshot_loader.h"

#include <cstdlib>
#include <cstring>

#include "graph/snapshot_image.h"

namespace tupu {
namespace {

// TUPU_SNAPSHOT_IMAGE=off: neither read nor write images (a database on read-only media shared
// with other machines, or a user who would rather not spend the disk space).
bool ImagesEnabled() {
  const char* setting = std::getenv("TUPU_SNAPSHOT_IMAGE");
  return setting == nullptr || std::strcmp(setting, "off") != 0;
}

bool IsUnfiltered(const SnapshotFilter& filter) {
  return filter.labels.empty() && filter.edge_types.empty() && !filter.drop_isolated;
}

}  // namespace

Result<std::shared_ptr<const GraphSnapshot>> LoadSnapshot(const GraphStore& store,
                                                          const SnapshotFilter& filter,
                                                          SnapshotLoadInfo* info) {
  SnapshotLoadInfo scratch;
  if (info == nullptr) info = &scratch;
  *info = SnapshotLoadInfo{};
  if (!ImagesEnabled()) {
    info->note = "TUPU_SNAPSHOT_IMAGE=off";
    return GraphSnapshot::Load(store, filter);
  }
  auto slot = store.DerivedData();
  if (!slot.ok() || slot->folder.empty() || slot->version.empty()) {
    info->note = slot.ok() ? "the store keeps no images" : slot.status().ToString();
    return GraphSnapshot::Load(store, filter);
  }
  const std::string path = slot->folder + "/" + kSnapshotImageName;
  auto image = SnapshotImage::Read(path, slot->version);
  if (image.ok()) {
    info->from_image = true;
    if (IsUnfiltered(filter)) return image;
    return (*image)->Filtered(filter);
  }
  // NotFound is the ordinary case (no image yet, or one of older data); anything else is worth
  // telling.
  if (!image.status().IsNotFound()) info->note = "ignored the image: " + image.status().ToString();

  auto loaded = GraphSnapshot::Load(store, filter);
  if (!loaded.ok() || !IsUnfiltered(filter)) return loaded;
  // A writer in this process may have committed during the scan: then the snapshot is of no one
  // version, and no image is made of it.
  auto after = store.DerivedData();
  if (!after.ok() || after->version != slot->version) {
    info->note = "the data changed during the load; no image written";
    return loaded;
  }
  SnapshotImage::RemoveStaleTemporaries(path);
  Status written = SnapshotImage::Write(**loaded, slot->version, path);
  info->image_written = written.ok();
  // A read-only folder or a full disk costs only speed: the snapshot is loaded either way.
  if (!written.ok()) info->note = "no image written: " + written.ToString();
  return loaded;
}

}  // namespace tupu
