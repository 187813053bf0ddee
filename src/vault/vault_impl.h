// Vault's private state and the helpers its .cpp files share. Not part of the public API.
#pragma once

#include <sqlite3.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "vault/header.h"
#include "vault/sealed_vfs.h"
#include "vault/vault.h"
#include "vault/vault_files.h"

namespace haven::vault {

struct Vault::Impl {
  std::string dir;
  VaultOptions options;
  Env* env = nullptr;  // borrowed
  internal::DirLock lock;
  format::Header header;
  std::array<uint8_t, format::kHeaderBytes> raw_header{};
  SecretBuffer data_key;
  std::unique_ptr<internal::SealedVfs> vfs;
  sqlite3* db = nullptr;
  int schema_version = 0;
  int txn_depth = 0;
  uint64_t log_unreadable_at_open = 0;
  // Read-only opens: SQLite creates an empty log file for a WAL database even when it only reads;
  // close() removes it again if there was none before.
  bool remove_empty_log_at_close = false;

  ~Impl() { close(); }
  // Closes the database (SQLite folds the log into the database and removes it), then the VFS.
  void close();
  // The Status for a failed SQLite call; damage found by the VFS takes precedence over SQLite's text.
  Status sql_error(int rc, std::string_view what) const;
  Status exec(const char* sql, std::string_view what);
};

namespace internal {

// Opens (or, with create, initialises) vault.db of an unlocked vault: the sealed VFS, the pragmas, the
// page-layout checks and the migrations. impl.dir, options, env, header, raw_header and data_key are
// set by the caller.
Status open_database(Vault::Impl& impl, bool create);

// Unlocks the header with a credential.
Result<SecretBuffer> unlock(const format::Header& header, std::span<const uint8_t> raw, const Credential& credential);

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  int prepare_rc() const { return rc_; }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  // The text must outlive step().
  void bind(int i, std::string_view v) {
    // A null data pointer would bind SQL NULL, not an empty string.
    sqlite3_bind_text64(stmt_, i, v.data() != nullptr ? v.data() : "", v.size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  void bind_null(int i) { sqlite3_bind_null(stmt_, i); }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    int n = sqlite3_column_bytes(stmt_, col);
    return p == nullptr ? std::string() : std::string(p, static_cast<size_t>(n));
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

}  // namespace internal
}  // namespace haven::vault
