// The StoreProvider `tupu run` and `tupu shell` give their runtime: opens the database read-only
// (beside a running writer) on first use of `g`, so scripts that never touch the graph need none.
// Thread safety: the provider is called from the runtime's thread only.
#pragma once

#include <string>

#include "scripting/lua_runtime.h"

namespace tupu {

StoreProvider ReadOnlyStoreProvider(const std::string& db_path);

}  // namespace tupu
