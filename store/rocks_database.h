// RocksDatabase: an open RocksDB instance of tupu's layout with its column-family handles, plus the
// rules around opening it (path checks, the one-writer lock with the writer's pid, schema version,
// readers as secondary instances that work while a writer runs). Internal to store/.
// Thread safety: the accessors may be used from any thread; RocksDB itself is thread-safe.
#pragma once

#include <array>
#include <memory>
#include <string>

#include "common/result.h"
#include "common/status.h"
#include "store/graph_store.h"

// Forward declarations only: RocksDB's headers stay in store/*.cc (tests/check_include_rules.sh).
namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Status;
}  // namespace rocksdb

namespace tupu {

// The column families, in the order of store_keys.h.
enum class Cf { kMeta, kDocs, kDocKeys, kNodes, kNames, kOut, kIn, kDocFacts, kAnnotations };
inline constexpr int kCfCount = 9;
// Optional column families: the ones from kFirstOptionalCf on were added to schema 1 later, so a
// database made before them lacks them. A writer creates them when it opens such a database (a
// tupu older than them then can no longer open it as writer: RocksDB refuses a database with a
// column family it does not name; reading still works); a reader of an old database gets no
// handle for them (cf() returns nullptr) and the store reads them as empty.
inline constexpr Cf kFirstOptionalCf = Cf::kAnnotations;
const char* CfName(Cf cf);

// Name of the file in the database folder that holds the writer's pid and command line.
inline constexpr char kWriterPidFile[] = "WRITER";

class RocksDatabase {
 public:
  // Opens the database folder `path` (see GraphStore::Open for the errors).
  static Result<std::unique_ptr<RocksDatabase>> Open(const std::string& path,
                                                     const StoreOptions& options);
  // Destroys the column-family handles, then closes the DB; a writer removes its pid file, a
  // reader its secondary folder.
  ~RocksDatabase();
  RocksDatabase(const RocksDatabase&) = delete;
  RocksDatabase& operator=(const RocksDatabase&) = delete;

  rocksdb::DB* db() const { return db_.get(); }
  // nullptr only for an optional column family that a read-only store's database lacks.
  rocksdb::ColumnFamilyHandle* cf(Cf cf) const { return handles_[static_cast<int>(cf)]; }
  bool read_only() const { return read_only_; }
  const std::string& path() const { return path_; }

  // Reader: catch up with what the writer has committed since (RocksDB TryCatchUpWithPrimary).
  // Writer: nothing to do.
  Status CatchUp();

 private:
  RocksDatabase() = default;

  std::string path_;
  bool read_only_ = false;
  std::string secondary_path_;  // reader only
  std::unique_ptr<rocksdb::DB> db_;
  std::array<rocksdb::ColumnFamilyHandle*, kCfCount> handles_{};
};

// "<context>: <RocksDB's message>" as one of our Status codes.
Status FromRocks(const rocksdb::Status& s, const std::string& context);

}  // namespace tupu
