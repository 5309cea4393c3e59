// ReadOnlyStoreProvider and WriterStoreProvider (see store_provider.h).
#include "scripting/store_provider.h"

#include <memory>

namespace tupu {
namespace {

// Shared so the providers (copyable std::functions) own the store for the runtime's life.
using StoreHolder = std::shared_ptr<std::unique_ptr<GraphStore>>;

Result<GraphStore*> OpenOnce(const StoreHolder& holder, const std::string& db_path,
                             bool read_only, bool wait_for_lock = false) {
  if (*holder) return holder->get();
  StoreOptions options;
  options.read_only = read_only;
  options.wait_for_lock = wait_for_lock;
  options.create_if_missing = false;  // scripts read (and annotate) a graph someone ingested
  auto store = GraphStore::Open(db_path, options);
  if (!store.ok()) return store.status();
  *holder = std::move(*store);
  return holder->get();
}

}  // namespace

StoreProvider ReadOnlyStoreProvider(const std::string& db_path) {
  auto holder = std::make_shared<std::unique_ptr<GraphStore>>();
  return [holder, db_path]() -> Result<const GraphStore*> {
    TUPU_ASSIGN_OR_RETURN(GraphStore * store, OpenOnce(holder, db_path, /*read_only=*/true));
    return static_cast<const GraphStore*>(store);
  };
}

StoreProviders WriterStoreProvider(const std::string& db_path, bool wait_for_lock) {
  auto holder = std::make_shared<std::unique_ptr<GraphStore>>();
  StoreProviders providers;
  providers.read = [holder, db_path, wait_for_lock]() -> Result<const GraphStore*> {
    TUPU_ASSIGN_OR_RETURN(GraphStore * store,
                          OpenOnce(holder, db_path, /*read_only=*/false, wait_for_lock));
    return static_cast<const GraphStore*>(store);
  };
  providers.write = [holder, db_path, wait_for_lock]() -> Result<GraphStore*> {
    return OpenOnce(holder, db_path, /*read_only=*/false, wait_for_lock);
  };
  return providers;
}

StoreProviders StoreProvidersFor(const std::string& db_path, bool write, bool wait_for_lock) {
  if (write) return WriterStoreProvider(db_path, wait_for_lock);
  return {ReadOnlyStoreProvider(db_path), nullptr};
}

}  // namespace tupu
