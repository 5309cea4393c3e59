// The StoreProviders `tupu run` and `tupu shell` give their runtime. By default the database is
// opened read-only (beside a running writer) on first use of `g`, so scripts that never touch the
// graph need none. With --write it is opened as the database's writer instead (taking the writer
// lock for the runtime's life), and the same store serves reads and the script's annotations.
// Thread safety: the providers are called from the runtime's thread only.
#pragma once

#include <string>

#include "scripting/lua_runtime.h"

namespace tupu {

StoreProvider ReadOnlyStoreProvider(const std::string& db_path);

// Both providers of a runtime (LuaRuntime::Create's two arguments); `write` is empty when the
// runtime may not write. A writer's two share one store, opened on first use.
struct StoreProviders {
  StoreProvider read;
  WritableStoreProvider write;
};
// Opens `db_path` (which must already hold a database) as its writer: Busy naming the running
// writer (e.g. "process 4242 (tupu ingest)") while another process writes, or, with
// `wait_for_lock`, waits for it to finish.
StoreProviders WriterStoreProvider(const std::string& db_path, bool wait_for_lock = false);
// What `tupu run` and `tupu shell` give their runtime: WriterStoreProvider with `write` (their
// --write, --wait), else ReadOnlyStoreProvider and no writer.
StoreProviders StoreProvidersFor(const std::string& db_path, bool write, bool wait_for_lock);

}  // namespace tupu
