// Env: the seam between Haven and the operating system for files and time (after LevelDB's Env).
//
// Libraries take an Env* (borrowed) instead of calling the OS directly, so tests can swap in a fake
// clock or a filesystem that fails on purpose. Env::default_env() is the real, process-wide one.
// Every file Haven creates is mode 0600 and every folder 0700.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace haven {

class Env {
 public:
  virtual ~Env() = default;

  // The process-wide real environment. Never null; not owned by the caller.
  static Env* default_env();

  // Wall-clock time in milliseconds since the Unix epoch (UTC).
  virtual int64_t now_unix_ms() = 0;
  // A monotonic clock in nanoseconds, for durations only.
  virtual int64_t monotonic_ns() = 0;
  // The local UTC offset in minutes at the given time (for showing dates the way the user sees them).
  virtual int local_utc_offset_minutes(int64_t unix_ms) = 0;

  // Whole-file reads. kNotFound when absent, kIoError otherwise.
  virtual Result<std::string> read_file(const std::string& path) = 0;
  // Replaces path atomically: temp file in the same folder, fsync, rename, fsync the folder.
  // On failure the old file (if any) is unchanged and no temp file is left behind.
  virtual Status write_file_atomic(const std::string& path, const std::string& bytes) = 0;
  // Creates the folder and any missing parents with mode 0700. OK if it exists.
  virtual Status create_dirs(const std::string& path) = 0;
  virtual Status remove_file(const std::string& path) = 0;
  virtual bool file_exists(const std::string& path) = 0;
  // Names (not paths) of the entries of a folder, without "." and "..".
  virtual Result<std::vector<std::string>> list_dir(const std::string& path) = 0;
};

}  // namespace haven
