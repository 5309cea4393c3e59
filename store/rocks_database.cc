// Opening tupu's RocksDB database: path checks, writer lock + pid file, readers as secondary
// instances, schema version (see rocks_database.h).
#include "store/rocks_database.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "store/fault_injection.h"
#include "store/full_disk_safe_logger.h"
#include "store/store_keys.h"

namespace tupu {
namespace fs = std::filesystem;

const char* CfName(Cf cf) {
  static constexpr const char* kNames[kCfCount] = {
      store_keys::kMeta,  store_keys::kDocs, store_keys::kDocKeys, store_keys::kNodes,
      store_keys::kNames, store_keys::kOut,  store_keys::kIn,      store_keys::kDocFacts,
      store_keys::kAnnotations};
  return kNames[static_cast<int>(cf)];
}

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::OK();
  std::string msg = context + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  if (s.IsNotSupported()) return Status::NotSupported(msg);
  if (s.IsBusy() || s.IsTryAgain()) return Status::Busy(msg);
  if (s.IsAborted()) return Status::Aborted(msg);
  return Status::IOError(msg);
}

namespace {

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

// "tupu ingest" etc.: the first two words of this process's command line, for the pid file.
std::string OwnCommandLine() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> words;
  std::string word;
  for (char c : all) {
    if (c == '\0') {
      words.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  std::string out;
  for (size_t i = 0; i < words.size() && i < 2; ++i) {
    std::string w = i == 0 ? fs::path(words[i]).filename().string() : words[i];
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out.empty() ? "tupu" : out;
}

void WriteWriterPidFile(const std::string& path) {
  std::ofstream out(fs::path(path) / kWriterPidFile, std::ios::trunc);
  out << getpid() << ' ' << OwnCommandLine() << '\n';
}

// "process 1234 (tupu ingest)" from the pid file of the writer holding the lock.
std::string DescribeWriter(const std::string& path) {
  std::ifstream in(fs::path(path) / kWriterPidFile);
  long pid = 0;
  std::string command;
  if (!(in >> pid) || pid <= 0) return "another process";
  std::getline(in, command);
  while (!command.empty() && command.front() == ' ') command.erase(0, 1);
  if (pid == getpid()) return "process " + std::to_string(pid) + " (this process)";
  return "process " + std::to_string(pid) + (command.empty() ? "" : " (" + command + ")");
}

bool IsLockError(const rocksdb::Status& s) {
  return s.IsIOError() && s.ToString().find("lock") != std::string::npos;
}

rocksdb::Options BaseOptions() {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.keep_log_file_num = 3;
  options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  // Ingest looks up every entity's node and every document's keys, mostly absent for new ones:
  // bloom filters answer those without reading blocks.
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.IncreaseParallelism(2);
  // Ten column families with 64 MB write buffers each (two per family) could hold over 1 GB of
  // memtables on a long ingest (measured: resident memory climbing to 400 MB on 100 MB of input).
  // One budget for all of them keeps ingest memory bounded whatever the corpus size.
  options.db_write_buffer_size = 256u << 20;
  return options;
}

// "default" followed by `cfs`: what DB::Open takes; its handles come back in the same order.
std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(const rocksdb::Options& options,
                                                         const std::vector<Cf>& cfs) {
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  out.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions(options));
  for (Cf cf : cfs) out.emplace_back(CfName(cf), rocksdb::ColumnFamilyOptions(options));
  return out;
}

// Every column family of tupu: what a writer opens (creating the missing ones).
std::vector<Cf> AllCfs() {
  std::vector<Cf> cfs;
  for (int i = 0; i < kCfCount; ++i) cfs.push_back(static_cast<Cf>(i));
  return cfs;
}

Status CheckFolder(const std::string& path, const StoreOptions& options, bool* exists,
                   bool* has_db_out) {
  if (path.empty()) return Status::InvalidArgument("database path is empty: pass --db FOLDER");
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  *exists = fs::exists(st);
  if (*exists && !fs::is_directory(st)) {
    return Status::InvalidArgument("database path " + Quoted(path) +
                                   " is a file, not a folder: pass --db a folder (it is created "
                                   "when missing)");
  }
  bool has_db = *exists && fs::exists(fs::path(path) / "CURRENT", ec);
  *has_db_out = has_db;
  if (!has_db && (options.read_only || !options.create_if_missing)) {
    return Status::NotFound("no tupu database in " + Quoted(path) +
                            ": create one with `tupu ingest --db " + path + " FILES`");
  }
  if (options.read_only) return Status::OK();
  if (!*exists) {
    fs::create_directories(path, ec);
    if (ec) {
      return Status::IOError("cannot create database folder " + Quoted(path) + ": " +
                             ec.message() + "; pass --db a folder in a place you can write");
    }
  } else if (!has_db && !fs::is_empty(path, ec)) {
    return Status::InvalidArgument("folder " + Quoted(path) +
                                   " is not empty and holds no tupu database: pass --db a new or "
                                   "empty folder, or an existing database");
  }
  if (access(path.c_str(), W_OK) != 0) {
    return Status::IOError("database folder " + Quoted(path) + " is not writable (" +
                           std::strerror(errno) +
                           "): fix its permissions, or pass --db a writable folder; reading "
                           "commands (shell, run, export) can open it read-only");
  }
  return Status::OK();
}


// The folder a new database is made in before it is renamed to `target`: a hidden sibling named
// after the target and this process, so that a creator killed half-way is recognised later.
fs::path StagingFolder(const fs::path& target, pid_t pid) {
  return target.parent_path() /
         ("." + target.filename().string() + ".creating-" + std::to_string(pid));
}

// Removes the staging folders of creators of `target` that died (their pid no longer runs).
void RemoveAbandonedStagingFolders(const fs::path& target) {
  std::string prefix = "." + target.filename().string() + ".creating-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    char* end = nullptr;
    long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (end == nullptr || *end != '\0' || pid <= 0) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

// fsync of a folder, so a rename inside it survives a power cut.
void SyncFolder(const fs::path& folder) {
  int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

// Makes a new, complete database (every column family and the schema version) in a staging
// folder and renames it to `path`, so that `path` is either absent (or the empty folder it was)
// or a whole tupu database: a writer killed, or failing on a full disk, while RocksDB creates the
// column families leaves nothing a reader would refuse. When another writer renamed its own new
// database into place first, that one is kept. Returns false, with nothing done, when no sibling
// folder can be made (an unwritable parent): the caller then creates the database in place.
Result<bool> CreateByRename(const std::string& path, rocksdb::Options rocks_options) {
  fs::path target = fs::path(path).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  if (target.parent_path().empty()) target = fs::path(".") / target;
  RemoveAbandonedStagingFolders(target);
  fs::path staging = StagingFolder(target, getpid());
  std::error_code ec;
  fs::remove_all(staging, ec);
  if (!fs::create_directory(staging, ec) || ec) return false;
  auto fail = [&](const Status& status) -> Result<bool> {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    return status;
  };
  {
    rocks_options.info_log =
        NewFullDiskSafeLogger(staging.string(), static_cast<int>(rocks_options.info_log_level));
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    rocksdb::Status s = rocksdb::DB::Open(rocks_options, staging.string(),
                                          Descriptors(rocks_options, AllCfs()), &handles, &raw);
    if (!s.ok()) return fail(FromRocks(s, "cannot create database " + Quoted(path)));
    std::unique_ptr<rocksdb::DB> db(raw);
    std::string version;
    store_keys::AppendBigEndian32(kSchemaVersion, &version);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = db->Put(wo, handles[1 + static_cast<int>(Cf::kMeta)], store_keys::kSchemaVersionKey,
                version);
    for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
    rocksdb::Status closed = db->Close();
    if (s.ok()) s = closed;
    if (!s.ok()) return fail(FromRocks(s, "cannot create database " + Quoted(path)));
  }
  SyncFolder(staging);
  // rename(2) replaces an empty folder and refuses a non-empty one (another writer won).
  if (std::rename(staging.c_str(), target.c_str()) != 0) {
    int err = errno;
    if ((err == ENOTEMPTY || err == EEXIST) && fs::exists(target / "CURRENT", ec)) {
      fs::remove_all(staging, ec);
      return true;
    }
    return fail(Status::IOError("cannot move the new database into " + Quoted(path) + ": " +
                                std::strerror(err)));
  }
  SyncFolder(target.parent_path());
  return true;
}

}  // namespace

Result<std::unique_ptr<RocksDatabase>> RocksDatabase::Open(const std::string& path,
                                                           const StoreOptions& options) {
  bool existed = false;
  bool has_db = false;
  TUPU_RETURN_IF_ERROR(CheckFolder(path, options, &existed, &has_db));
  std::unique_ptr<RocksDatabase> self(new RocksDatabase());
  self->path_ = path;
  self->read_only_ = options.read_only;

  rocksdb::Options rocks_options = BaseOptions();
  if (options.fault_injection != nullptr) {
    rocks_options.env = static_cast<rocksdb::Env*>(options.fault_injection->rocksdb_env());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  std::vector<Cf> opened = AllCfs();  // handles[i + 1] belongs to opened[i]
  if (options.read_only) {
    // A secondary instance: reads the writer's files without its lock, so shell/run/export work
    // while `tupu ingest` runs, and catches up on request. It needs a folder of its own.
    std::vector<std::string> existing;
    rocksdb::Status ls = rocksdb::DB::ListColumnFamilies(rocks_options, path, &existing);
    if (!ls.ok()) return FromRocks(ls, "cannot read database " + Quoted(path));
    // Every column family of schema 1 must be there; an optional one that is missing (a
    // database no writer of this tupu has opened yet) is simply not opened: it reads as empty.
    opened.clear();
    for (int i = 0; i < kCfCount; ++i) {
      auto cf = static_cast<Cf>(i);
      if (std::find(existing.begin(), existing.end(), CfName(cf)) != existing.end()) {
        opened.push_back(cf);
      } else if (i < static_cast<int>(kFirstOptionalCf)) {
        return Status::InvalidArgument(Quoted(path) + " is a RocksDB database but not tupu's (no " +
                                       CfName(cf) + " column family)");
      }
    }
    std::string tmpl = (fs::temp_directory_path() / "tupu-reader-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      return Status::IOError("cannot create a temporary folder for a database reader in " +
                             fs::temp_directory_path().string() + ": " + std::strerror(errno));
    }
    self->secondary_path_ = tmpl;
    rocks_options.create_if_missing = false;
    rocks_options.max_open_files = -1;  // required by secondary instances
    rocksdb::Status s = rocksdb::DB::OpenAsSecondary(rocks_options, path, self->secondary_path_,
                                                     Descriptors(rocks_options, opened), &handles,
                                                     &raw);
    if (!s.ok()) return FromRocks(s, "cannot open database " + Quoted(path) + " for reading");
  } else {
    if (!has_db) {
      auto created = CreateByRename(path, rocks_options);
      if (!created.ok()) return created.status();
    }
    // The writer's LOG must survive a full disk (store/full_disk_safe_logger.h).
    rocks_options.info_log =
        NewFullDiskSafeLogger(path, static_cast<int>(rocks_options.info_log_level));
    // create_missing_column_families: an optional column family an older database lacks is
    // created here, empty.
    for (;;) {
      rocksdb::Status s = rocksdb::DB::Open(rocks_options, path, Descriptors(rocks_options, opened),
                                            &handles, &raw);
      if (s.ok()) break;
      if (!IsLockError(s)) return FromRocks(s, "cannot open database " + Quoted(path));
      if (!options.wait_for_lock) {
        return Status::Busy("database " + path + " is being written by " + DescribeWriter(path) +
                            "; wait for it or pass --wait");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    WriteWriterPidFile(path);
  }
  self->db_.reset(raw);
  // handles[0] is the default column family, which tupu does not use: destroy it at once.
  self->db_->DestroyColumnFamilyHandle(handles[0]).PermitUncheckedError();
  for (size_t i = 0; i < opened.size(); ++i) {
    self->handles_[static_cast<int>(opened[i])] = handles[i + 1];
  }

  // The schema version: written by the writer that creates the database; checked by everyone.
  std::string stored;
  rocksdb::Status s = self->db_->Get(rocksdb::ReadOptions(), self->cf(Cf::kMeta),
                                     store_keys::kSchemaVersionKey, &stored);
  if (s.IsNotFound()) {
    // Missing only in a database that was just created (or whose creation was interrupted
    // before the first write): then it is empty, and this tupu's version applies.
    std::unique_ptr<rocksdb::Iterator> it(
        self->db_->NewIterator(rocksdb::ReadOptions(), self->cf(Cf::kDocs)));
    it->SeekToFirst();
    if (it->Valid()) {
      return Status::Corruption("database " + Quoted(path) +
                                " has documents but no schema version: it was not made by tupu");
    }
    TUPU_RETURN_IF_ERROR(FromRocks(it->status(), "cannot read database " + Quoted(path)));
    if (!options.read_only) {
      std::string version;
      store_keys::AppendBigEndian32(kSchemaVersion, &version);
      rocksdb::WriteOptions wo;
      wo.sync = true;
      TUPU_RETURN_IF_ERROR(FromRocks(self->db_->Put(wo, self->cf(Cf::kMeta),
                                                    store_keys::kSchemaVersionKey, version),
                                     "cannot write to database " + Quoted(path)));
    }
  } else if (!s.ok()) {
    return FromRocks(s, "cannot read database " + Quoted(path));
  } else {
    if (stored.size() != 4) {
      return Status::Corruption("database " + Quoted(path) + " has a malformed schema version");
    }
    uint32_t version = store_keys::ReadBigEndian32(stored);
    if (version != kSchemaVersion) {
      std::string what_to_do =
          version > kSchemaVersion
              ? "use a newer tupu, or ingest your sources into a new --db folder"
              : "ingest your sources again into a new --db folder (or delete this one)";
      return Status::NotSupported("database " + Quoted(path) + " was made by tupu schema " +
                                  std::to_string(version) + "; this tupu reads schema " +
                                  std::to_string(kSchemaVersion) + ": " + what_to_do);
    }
  }
  return self;
}

RocksDatabase::~RocksDatabase() {
  if (db_ != nullptr) {
    if (!read_only_) {
      // Flush the memtables: otherwise every reader opened later (a secondary instance) replays
      // the whole write-ahead log into memory again, which made `tupu check` 5 s on 5000 docs.
      // A writer holds every handle (it creates the missing ones), so none is null here.
      std::vector<rocksdb::ColumnFamilyHandle*> all(handles_.begin(), handles_.end());
      db_->Flush(rocksdb::FlushOptions(), all).PermitUncheckedError();
    }
    // Remove the pid file while the lock is still held, so a later writer's file is never lost.
    if (!read_only_) {
      std::error_code ec;
      fs::remove(fs::path(path_) / kWriterPidFile, ec);
    }
    for (auto*& handle : handles_) {
      if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
      handle = nullptr;
    }
    db_->Close().PermitUncheckedError();
    db_.reset();
  }
  if (!secondary_path_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_path_, ec);
  }
}

Status RocksDatabase::CatchUp() {
  if (!read_only_) return Status::OK();
  return FromRocks(db_->TryCatchUpWithPrimary(), "cannot refresh from database " + Quoted(path_));
}

}  // namespace tupu
