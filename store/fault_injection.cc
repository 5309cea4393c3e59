// FaultInjection: a rocksdb::FileSystemWrapper over the default file system whose writable files
// count their appends and syncs and, once the plan's limit is reached, fail them with an IOError
// (or NoSpace). RocksDB then stops taking writes (its background error), which is what tupu must
// survive: the failing Ingest reports it and everything committed before stays readable.
#include "store/fault_injection.h"

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>
#include <rocksdb/io_status.h>

#include <atomic>

namespace tupu {

struct FaultInjection::Impl {
  FaultPlan plan;
  std::atomic<uint64_t> operations{0};
  std::atomic<uint64_t> failures{0};
  std::atomic<uint64_t> fail_at{0};  // operation number from which on everything fails
  std::atomic<bool> armed{false};
  std::shared_ptr<rocksdb::FileSystem> file_system;
  std::unique_ptr<rocksdb::Env> env;

  // Counts one operation of the given kind; non-OK when it is to fail.
  rocksdb::IOStatus Count(bool is_sync) {
    if (!is_sync && plan.operations == FaultedOperations::kSyncsOnly) return rocksdb::IOStatus::OK();
    uint64_t n = operations.fetch_add(1) + 1;
    if (!armed.load() || n <= fail_at.load()) return rocksdb::IOStatus::OK();
    failures.fetch_add(1);
    std::string what = Describe();
    return plan.fault == InjectedFault::kNoSpace ? rocksdb::IOStatus::NoSpace(what)
                                                 : rocksdb::IOStatus::IOError(what);
  }

  std::string Describe() const {
    std::string cause = plan.fault == InjectedFault::kNoSpace ? "No space left on device"
                                                              : "injected I/O error";
    return cause + " (injected after " + std::to_string(fail_at.load()) + " " +
           (plan.operations == FaultedOperations::kSyncsOnly ? "syncs" : "writes") + ")";
  }
};

namespace {

class FaultyWritableFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultyWritableFile(std::unique_ptr<rocksdb::FSWritableFile>&& file, FaultInjection::Impl* impl)
      : FSWritableFileOwnerWrapper(std::move(file)), impl_(impl) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = impl_->Count(false);
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, options, dbg) : s;
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                           const rocksdb::DataVerificationInfo& info,
                           rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = impl_->Count(false);
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, options, info, dbg) : s;
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset,
                                     const rocksdb::IOOptions& options,
                                     rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = impl_->Count(false);
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, options, dbg) : s;
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset,
                                     const rocksdb::IOOptions& options,
                                     const rocksdb::DataVerificationInfo& info,
                                     rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = impl_->Count(false);
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, options, info, dbg)
                  : s;
  }
  rocksdb::IOStatus Sync(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = impl_->Count(true);
    return s.ok() ? FSWritableFileOwnerWrapper::Sync(options, dbg) : s;
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& options,
                          rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = impl_->Count(true);
    return s.ok() ? FSWritableFileOwnerWrapper::Fsync(options, dbg) : s;
  }
  rocksdb::IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = impl_->Count(true);
    return s.ok() ? FSWritableFileOwnerWrapper::RangeSync(offset, nbytes, options, dbg) : s;
  }

 private:
  FaultInjection::Impl* impl_;
};

class FaultyFileSystem : public rocksdb::FileSystemWrapper {
 public:
  FaultyFileSystem(const std::shared_ptr<rocksdb::FileSystem>& base, FaultInjection::Impl* impl)
      : FileSystemWrapper(base), impl_(impl) {}

  const char* Name() const override { return "TupuFaultyFileSystem"; }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->NewWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& name,
                                       const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->ReopenWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->ReuseWritableFile(name, old_name, options, result, dbg), result);
  }

 private:
  rocksdb::IOStatus Wrap(rocksdb::IOStatus s, std::unique_ptr<rocksdb::FSWritableFile>* result) {
    if (s.ok()) *result = std::make_unique<FaultyWritableFile>(std::move(*result), impl_);
    return s;
  }

  FaultInjection::Impl* impl_;
};

}  // namespace

std::shared_ptr<FaultInjection> FaultInjection::Create(const FaultPlan& plan) {
  auto impl = std::make_unique<Impl>();
  impl->plan = plan;
  impl->fail_at = plan.fail_after;
  impl->armed = plan.armed;
  impl->file_system =
      std::make_shared<FaultyFileSystem>(rocksdb::FileSystem::Default(), impl.get());
  impl->env = rocksdb::NewCompositeEnv(impl->file_system);
  return std::shared_ptr<FaultInjection>(new FaultInjection(std::move(impl)));
}

FaultInjection::FaultInjection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FaultInjection::~FaultInjection() = default;

uint64_t FaultInjection::operations() const { return impl_->operations.load(); }
uint64_t FaultInjection::failures() const { return impl_->failures.load(); }

void FaultInjection::Arm(uint64_t fail_after) {
  impl_->fail_at = impl_->operations.load() + fail_after;
  impl_->armed = true;
}

void FaultInjection::Disarm() { impl_->armed = false; }

std::string FaultInjection::Describe() const { return impl_->Describe(); }

void* FaultInjection::rocksdb_env() const { return impl_->env.get(); }

}  // namespace tupu
