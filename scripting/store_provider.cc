// ReadOnlyStoreProvider (see store_provider.h).
#include "scripting/store_provider.h"

#include <memory>

namespace tupu {

StoreProvider ReadOnlyStoreProvider(const std::string& db_path) {
  // Shared so the provider (a copyable std::function) owns the store for the runtime's life.
  auto holder = std::make_shared<std::unique_ptr<GraphStore>>();
  return [holder, db_path]() -> Result<const GraphStore*> {
    if (*holder) return static_cast<const GraphStore*>(holder->get());
    StoreOptions options;
    options.read_only = true;
    options.create_if_missing = false;
    auto store = GraphStore::Open(db_path, options);
    if (!store.ok()) return store.status();
    *holder = std::move(*store);
    return static_cast<const GraphStore*>(holder->get());
  };
}

}  // namespace tupu
