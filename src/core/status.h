// Status and Result<T>: how every Haven library reports an expected failure.
//
// A Status is either OK or carries a code and a one-line message that says what was expected and what
// was found. Exceptions never cross a library boundary; functions that can fail for reasons outside the
// program's control (bad files, wrong passphrases, I/O) return Status or Result<T> instead.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace haven {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller gave something malformed (bad UTF-8, a bad option value)
  kNotFound,            // the thing asked for does not exist
  kAlreadyExists,       // creating something that is already there
  kIoError,             // the operating system refused or failed a file or socket operation
  kCorruption,          // stored or received bytes are damaged, truncated or tampered with
  kUnauthenticated,     // a wrong passphrase or key
  kBusy,                // another process holds the resource
  kUnsupported,         // a valid input we do not handle (a new format version, an unknown type)
  kCancelled,           // the caller asked to stop
  kFailedPrecondition,  // the system is not in a state that allows the operation
  kOutOfRange,          // an index or size beyond what is allowed
  kUnavailable,         // a server or device could not be reached
  kInternal,            // a bug: an invariant broke
};

const char* status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return Status(); }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "context: message", keeping the code; for adding where an error happened.
  Status with_context(const std::string& context) const {
    if (is_ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status invalid_argument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status already_exists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status io_error(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
inline Status unauthenticated(std::string m) { return {StatusCode::kUnauthenticated, std::move(m)}; }
inline Status busy(std::string m) { return {StatusCode::kBusy, std::move(m)}; }
inline Status unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status cancelled(std::string m) { return {StatusCode::kCancelled, std::move(m)}; }
inline Status failed_precondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
inline Status out_of_range(std::string m) { return {StatusCode::kOutOfRange, std::move(m)}; }
inline Status unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status internal_error(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Result<T>: a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).is_ok() && "a Result built from a Status must carry an error");
  }

  bool is_ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return is_ok(); }

  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { assert(is_ok()); return std::get<T>(data_); }
  const T& value() const& { assert(is_ok()); return std::get<T>(data_); }
  T&& value() && { assert(is_ok()); return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace haven

// Propagate a failed Status from an expression that yields a Status.
#define HAVEN_RETURN_IF_ERROR(expr)                 \
  do {                                              \
    ::haven::Status haven_status_ = (expr);         \
    if (!haven_status_.is_ok()) return haven_status_; \
  } while (0)

#define HAVEN_CONCAT_INNER(a, b) a##b
#define HAVEN_CONCAT(a, b) HAVEN_CONCAT_INNER(a, b)
// HAVEN_ASSIGN_OR_RETURN(auto x, expr): bind the value of a Result or return its Status.
#define HAVEN_ASSIGN_OR_RETURN(lhs, expr) \
  HAVEN_ASSIGN_OR_RETURN_IMPL(HAVEN_CONCAT(haven_result_, __LINE__), lhs, expr)
#define HAVEN_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.is_ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
