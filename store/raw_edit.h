// Test-only hooks: write or delete one raw key in one column family of a closed database, or drop
// a column family, so tests can damage a database on purpose (for `tupu check`, schema mismatch,
// corrupt values) or make one as an older tupu left it.
// Thread safety: opens the database as its writer; fails with Busy while another writer runs.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"

namespace tupu {

// Puts `value` under `key` in `column_family` ("meta", "nodes", "out", ...), or deletes the key
// when `value` is nullopt. Bypasses every rule of the store: for tests only.
[[nodiscard]] Status WriteRawForTesting(const std::string& db_path,
                                        const std::string& column_family, const std::string& key,
                                        const std::optional<std::string>& value);

// Drops column family `column_family` from the closed database at `db_path`, with raw RocksDB
// (opening every column family it has), so tests can make a database as an older tupu left it
// (e.g. without "annotations"). Bypasses every rule of the store: for tests only.
[[nodiscard]] Status DropColumnFamilyForTesting(const std::string& db_path,
                                                const std::string& column_family);

}  // namespace tupu
