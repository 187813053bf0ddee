// The vault folder on disk: file names, the folder lock, private permissions, crash-safe removal.
#pragma once

#include <string>

#include "core/status.h"

namespace haven::vault::internal {

inline constexpr const char* kHeaderName = "vault.header";
inline constexpr const char* kDatabaseName = "vault.db";

std::string header_path(const std::string& dir);
std::string database_path(const std::string& dir);

// True for the names a vault folder may hold: the header, the database, its log and journal, and the
// temporary files Haven's own atomic writes leave behind after a crash.
bool is_vault_file_name(const std::string& name);

// An exclusive lock on the vault folder (flock on the folder itself), held for as long as this object
// lives. Released by the kernel if the process dies, so a killed Haven never leaves the vault locked.
class DirLock {
 public:
  DirLock() = default;
  // Waits up to wait_ms for another process to let go; kBusy after that. kNotFound if dir is missing.
  static Result<DirLock> acquire(const std::string& dir, int wait_ms);
  ~DirLock();
  DirLock(DirLock&& other) noexcept;
  DirLock& operator=(DirLock&& other) noexcept;
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Creates dir (and missing parents) with mode 0700 and makes sure dir itself is 0700.
Status make_private_dir(const std::string& dir);

// fsync of a folder, so a rename or unlink inside it survives a power cut.
Status sync_dir(const std::string& dir);

// Turns core dumps off (RLIMIT_CORE 0) and makes the process non-dumpable (no core files, no ptrace by
// other processes of the same user) before key material is in memory. Idempotent.
void harden_process();

// Cryptographic erase of a vault folder: overwrites the header (the only copy of the wrapped data key)
// with random bytes and syncs it, then removes every vault file and the folder if it is then empty.
// The caller holds the folder lock.
Status erase_vault_files(const std::string& dir);

// The parent folder of path ("." when there is none).
std::string parent_of(const std::string& path);

}  // namespace haven::vault::internal
