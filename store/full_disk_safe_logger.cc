// NewFullDiskSafeLogger: a rocksdb::Logger over a stdio FILE* whose errors are ignored (see the
// header for why RocksDB's own LOG writer cannot be used on a disk that may fill up).
#include "store/full_disk_safe_logger.h"

#include <rocksdb/env.h>
#include <sys/time.h>

#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace tupu {
namespace {

class FullDiskSafeLogger : public rocksdb::Logger {
 public:
  FullDiskSafeLogger(std::FILE* file, rocksdb::InfoLogLevel level)
      : rocksdb::Logger(level), file_(file) {}
  ~FullDiskSafeLogger() override {
    if (!closed_) CloseImpl().PermitUncheckedError();
  }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char stamp[64];
    struct timeval now;
    gettimeofday(&now, nullptr);
    struct tm parts;
    localtime_r(&now.tv_sec, &parts);
    std::snprintf(stamp, sizeof stamp, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<long>(now.tv_usec));
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ == nullptr) return;
    // Errors (ENOSPC above all) are dropped on purpose: a lost log line is better than a crash.
    std::fputs(stamp, file_);
    std::vfprintf(file_, format, ap);
    std::fputc('\n', file_);
    std::fflush(file_);
  }

 protected:
  rocksdb::Status CloseImpl() override {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ != nullptr) std::fclose(file_);
    file_ = nullptr;
    closed_ = true;
    return rocksdb::Status::OK();
  }

 private:
  std::mutex mu_;
  std::FILE* file_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> NewFullDiskSafeLogger(const std::string& db_path, int min_level) {
  std::FILE* file = std::fopen((db_path + "/LOG").c_str(), "a");
  if (file == nullptr) return nullptr;
  return std::make_shared<FullDiskSafeLogger>(file, static_cast<rocksdb::InfoLogLevel>(min_level));
}

}  // namespace tupu
