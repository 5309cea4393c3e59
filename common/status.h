// Status: the result of an operation that can fail, with a code and a message for people.
// Modelled on leveldb::Status. Not-found is a status, not an error. Fallible calls at module
// boundaries return Status or Result<T> (result.h); both are [[nodiscard]].
// Thread safety: const methods may be called concurrently; a Status is a value type.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace tupu {

class [[nodiscard]] Status {
 public:
  enum class Code : unsigned char {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // a bad argument, file, script or input record
    kIOError,          // the operating system or the disk said no
    kCorruption,       // stored data or a model file is not what it must be
    kBusy,             // another process holds the database
    kNotSupported,
    kAborted,          // stopped on request (Ctrl-C, a limit)
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status NotSupported(std::string msg) { return Status(Code::kNotSupported, std::move(msg)); }
  static Status Aborted(std::string msg) { return Status(Code::kAborted, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsBusy() const { return code_ == Code::kBusy; }
  bool IsAborted() const { return code_ == Code::kAborted; }

  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or e.g. "IO error: seeds/a.txt: Permission denied".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>" (OK stays OK).
  Status WithContext(std::string_view context) const;

  // Marks a deliberately ignored Status, so the ignoring is explicit and greppable.
  void PermitUncheckedError() const {}

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

std::string_view CodeName(Status::Code code);

}  // namespace tupu

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define TUPU_RETURN_IF_ERROR(expr)                \
  do {                                            \
    ::tupu::Status tupu_status_tmp_ = (expr);     \
    if (!tupu_status_tmp_.ok()) return tupu_status_tmp_; \
  } while (0)
