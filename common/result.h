// Result<T>: a value or the Status that explains why there is none (like absl::StatusOr).
// Thread safety: as for T; a Result is a value type.
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "common/status.h"

namespace tupu {

template <typename T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok(). An OK status without a value is a programming error.
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT
  Result(T value) : value_(std::move(value)) {}                                 // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;  // OK when value_ holds a value
  std::optional<T> value_;
};

}  // namespace tupu

#define TUPU_CONCAT_INNER_(a, b) a##b
#define TUPU_CONCAT_(a, b) TUPU_CONCAT_INNER_(a, b)

// TUPU_ASSIGN_OR_RETURN(auto x, Foo()); returns Foo()'s Status when it failed.
#define TUPU_ASSIGN_OR_RETURN(lhs, expr) \
  TUPU_ASSIGN_OR_RETURN_IMPL_(TUPU_CONCAT_(tupu_result_, __LINE__), lhs, expr)
#define TUPU_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
