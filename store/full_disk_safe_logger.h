// The writer's RocksDB info LOG, written with plain stdio so that a full disk costs log lines, not
// the process: Debian's librocksdb is built with assertions, and its own LOG writer aborts on the
// next line after a failed write (WritableFileWriter::AssertFalseAndGetStatusForPrevError), which
// is exactly what ENOSPC causes. Internal to store/ (RocksDB types only in store/*.cc).
// Thread safety: the logger serialises its writes; RocksDB logs from any thread.
#pragma once

#include <memory>
#include <string>

namespace rocksdb {
class Logger;
}  // namespace rocksdb

namespace tupu {

// A logger appending to `<db_path>/LOG` the lines at `min_level` (a rocksdb::InfoLogLevel) and
// above; write errors are dropped. nullptr when the file cannot be opened (then RocksDB's default).
std::shared_ptr<rocksdb::Logger> NewFullDiskSafeLogger(const std::string& db_path, int min_level);

}  // namespace tupu
