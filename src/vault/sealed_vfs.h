// SealedVfs: an SQLite VFS shim that encrypts every byte SQLite writes to disk.
//
// It wraps the default ("unix") VFS. Files are stored as sealed blocks (vault/block_cipher.h):
//  * the main database ("page mode"): the database uses 4096-byte pages with 40 reserved bytes, so a
//    page is exactly one block at the same offset; the reserved bytes hold the nonce and tag.
//  * the write-ahead log, rollback journal and any temporary file ("stream mode"): the file's bytes
//    are cut into 4056-byte pieces, each stored as one 4096-byte block, so frame headers, journal
//    headers and page numbers are sealed too. A stream file's size is a whole number of blocks.
//
// Every block is written with one aligned 4096-byte write, which a SIGKILL cannot tear, and the log's
// sector size is reported as 4056 bytes, so SQLite pads each commit to a block boundary and never
// rewrites a block that holds a committed frame.
//
// Failures: a database page that fails authentication is an error (SQLITE_IOERR_DATA), recorded in
// damage(), and from then on every write through this VFS is refused, so a damaged vault is never
// written over. A log or journal block that fails authentication reads as zeros, which SQLite treats
// as the end of the log (the same as a torn write after a crash); log_blocks_unreadable() counts them.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "vault/block_cipher.h"
#include "vault/secret.h"

struct sqlite3_vfs;

namespace haven::vault::internal {

class SealedVfs {
 public:
  // Registers a new, uniquely named VFS (never the default). file_key is copied into locked memory.
  // Returns null only if SQLite has no default VFS.
  static std::unique_ptr<SealedVfs> create(const SecretBuffer& file_key,
                                           std::span<const uint8_t, format::kVaultIdBytes> vault_id);
  // Unregisters. Every connection that uses this VFS must be closed first.
  ~SealedVfs();
  SealedVfs(const SealedVfs&) = delete;
  SealedVfs& operator=(const SealedVfs&) = delete;

  // The name to pass to sqlite3_open_v2.
  const char* name() const { return name_.c_str(); }

  // True once a database page failed authentication; writes are refused from then on.
  bool poisoned() const { return poisoned_.load(); }
  // Refuses every write and truncate from now on (SQLITE_READONLY).
  void set_read_only() { read_only_.store(true); }
  bool read_only() const { return read_only_.load(); }
  // The first damage seen, as a sentence naming the file and page; empty if none.
  std::string damage() const;
  // How many log or journal blocks failed authentication and were read as zeros.
  uint64_t log_blocks_unreadable() const { return log_unreadable_.load(); }

  // Used by the file methods (sealed_vfs.cpp).
  void record_damage(const std::string& what, bool poison);
  void note_log_block_unreadable() { log_unreadable_.fetch_add(1); }
  std::span<const uint8_t, format::kKeyBytes> file_key() const;
  std::span<const uint8_t, format::kKeyBytes> temp_key() const;
  std::span<const uint8_t, format::kVaultIdBytes> vault_id() const { return std::span<const uint8_t, format::kVaultIdBytes>(vault_id_, format::kVaultIdBytes); }
  sqlite3_vfs* real() const { return real_; }

 private:
  SealedVfs() = default;

  std::string name_;
  std::unique_ptr<sqlite3_vfs> vfs_;
  sqlite3_vfs* real_ = nullptr;   // borrowed: SQLite's default VFS
  SecretBuffer keys_;             // file key, then a random key for temporary files
  uint8_t vault_id_[format::kVaultIdBytes] = {};
  std::atomic<bool> poisoned_{false};
  std::atomic<bool> read_only_{false};
  std::atomic<uint64_t> log_unreadable_{0};
  mutable std::mutex mu_;
  std::string damage_;
};

}  // namespace haven::vault::internal
