// FaultInjection: a file system for tests that lets the store's writes fail on purpose, after N
// write operations, as an I/O error or as a full disk (ENOSPC). Passed to GraphStore::Open through
// StoreOptions::fault_injection; RocksDB's types stay inside store/fault_injection.cc.
// Thread safety: all methods may be called from any thread (RocksDB writes from its own threads).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace tupu {

enum class InjectedFault {
  kIOError,  // "injected I/O error", like a failing disk or a yanked USB stick
  kNoSpace,  // "No space left on device" (ENOSPC), like a full disk
};

// Which file operations count towards the limit and fail once it is reached.
enum class FaultedOperations {
  kWritesAndSyncs,  // Append, PositionedAppend, Sync, Fsync, RangeSync
  kSyncsOnly,       // Sync, Fsync, RangeSync: appends succeed, making them durable fails
};

struct FaultPlan {
  InjectedFault fault = InjectedFault::kIOError;
  FaultedOperations operations = FaultedOperations::kWritesAndSyncs;
  // The first `fail_after` counted operations succeed; every later one fails (the fault stays,
  // as a full disk stays full) until Disarm.
  uint64_t fail_after = 0;
  bool armed = true;  // false: count only (to learn how many operations a workload makes)
};

class FaultInjection {
 public:
  // A file system over the local one that follows `plan`.
  static std::shared_ptr<FaultInjection> Create(const FaultPlan& plan);
  ~FaultInjection();
  FaultInjection(const FaultInjection&) = delete;
  FaultInjection& operator=(const FaultInjection&) = delete;

  // Counted operations so far (failed ones included).
  uint64_t operations() const;
  // Operations that were made to fail.
  uint64_t failures() const;
  // Starts failing after `fail_after` more counted operations (from now).
  void Arm(uint64_t fail_after);
  // Stops failing: the disk is healthy (or has space) again.
  void Disarm();
  // What a failed operation reports, e.g. "No space left on device (injected after 12 writes)".
  std::string Describe() const;

  // For store/*.cc only: the rocksdb::Env* to put into rocksdb::Options::env.
  // REQUIRES: this FaultInjection outlives every database opened with it.
  void* rocksdb_env() const;

  struct Impl;

 private:
  explicit FaultInjection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tupu
