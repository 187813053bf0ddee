// The encrypted vault: everything a person writes in Haven, in one folder, readable only with their
// passphrase (or the recovery key they chose to print).
//
// Files in the folder (docs/vault-format.md has the details and the threat model):
//   vault.header      KDF settings, salt, and the random data key wrapped by the passphrase key (and
//                     optionally by the recovery key)
//   vault.db          an SQLite database whose every page is sealed with XChaCha20-Poly1305
//   vault.db-wal      SQLite's write-ahead log, sealed block by block (only while open or after a crash)
// Folder 0700, files 0600. One process at a time: the folder is locked while a Vault is open.
//
// Failures and what remains after them:
//   kNotFound           no vault in that folder; nothing was created
//   kAlreadyExists      create/restore/backup found something in the way; nothing was changed
//   kUnauthenticated    wrong passphrase or recovery key; no file was touched
//   kBusy               another process holds the vault; nothing was touched
//   kCorruption         a file is damaged, cut short or was changed outside Haven; the error names what
//                       failed, and from then on this Vault refuses to write anything
//   kUnsupported        the vault was made by a newer Haven
//   kInvalidArgument    bad input (not UTF-8, empty, too long, out of range); nothing was changed
//   kIoError            the operating system failed a file operation; every commit that returned is
//                       still there, and the one that failed is either wholly there or not at all
// Every write method commits before it returns: after a crash or kill the vault holds every write that
// returned, at most the one in flight, and never part of one.
//
// A Vault is not thread-safe; use it from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/env.h"
#include "core/status.h"
#include "vault/kdf.h"
#include "vault/secret.h"

namespace haven::vault {

struct VaultOptions {
  // The Argon2id cost used whenever a key is (re)wrapped: create and change_passphrase. Opening uses
  // whatever the header says.
  KdfParams kdf = production_kdf();
  // Clock for entry times. Null means Env::default_env(). Borrowed.
  Env* env = nullptr;
  // How long to wait for another process to let go of the vault before failing with kBusy.
  int busy_wait_ms = 2000;
  // Turn core dumps off and make the process non-dumpable before any key is in memory.
  bool harden_process = true;
  // Open without writing anything: no schema migration, no folding of the log at close, and every
  // write method fails with kFailedPrecondition. The files are left byte for byte as they were (a log
  // left by a crash stays for the next read-write open to fold in). Ignored by create.
  bool read_only = false;
  // Tests only: create, or migrate on open, up to this schema version instead of the latest (0).
  int schema_version = 0;
};

// What unlocks a vault. The secret is borrowed for the duration of the call.
struct Credential {
  enum class Kind { kPassphrase, kRecoveryKey };
  Kind kind = Kind::kPassphrase;
  std::string_view secret;  // the passphrase, or the recovery key as printed

  static Credential passphrase(std::string_view s) { return {Kind::kPassphrase, s}; }
  static Credential recovery_key(std::string_view s) { return {Kind::kRecoveryKey, s}; }
};

struct Entry {
  int64_t id = 0;
  int64_t created_ms = 0;   // Unix time, UTC
  int64_t updated_ms = 0;
  int utc_offset_min = 0;   // the local offset when it was written
  std::string text;
};

struct EntrySummary {
  int64_t id = 0;
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
  int utc_offset_min = 0;
  std::string preview;      // the start of the first non-empty line, at most ~80 characters
};

struct SearchHit {
  int64_t id = 0;
  int64_t created_ms = 0;
  int utc_offset_min = 0;
  std::string snippet;      // text around the match, each matching word wrapped in [ and ]
};

struct MoodInput {
  int rating = 0;                       // 0..10
  std::vector<std::string> emotions;    // words; no commas, at most 20 of at most 40 bytes each
  std::optional<double> sleep_hours;    // 0..24
  std::optional<int> energy;            // 0..10
  std::string note;
};

struct Mood {
  int64_t id = 0;
  int64_t created_ms = 0;
  int utc_offset_min = 0;
  int rating = 0;
  std::vector<std::string> emotions;
  std::optional<double> sleep_hours;
  std::optional<int> energy;
  std::string note;
};

// Limits on what the vault takes (kInvalidArgument beyond them).
inline constexpr size_t kMaxEntryBytes = size_t{32} << 20;     // 32 MiB per entry
inline constexpr size_t kMaxNoteBytes = size_t{1} << 20;       // 1 MiB per mood note
inline constexpr size_t kMaxSettingKeyBytes = 256;
inline constexpr size_t kMaxSettingValueBytes = size_t{16} << 20;

class Vault {
 public:
  struct Created;

  // The schema version this build creates and migrates to.
  static int latest_schema_version();

  // True when dir holds a vault header (the vault may still be damaged).
  static bool exists(const std::string& dir);

  // Makes a new vault in dir (created 0700 if missing; it must not hold anything but leftovers of an
  // interrupted create). With with_recovery_key, a random recovery key is made, wrapped into the
  // header and returned once in printable form. The vault is usable only once this returns OK.
  static Result<Created> create(const std::string& dir, std::string_view passphrase, bool with_recovery_key,
                                const VaultOptions& options = {});

  // Unlocks and opens the vault in dir, migrating its schema to the latest version.
  static Result<std::unique_ptr<Vault>> open(const std::string& dir, const Credential& credential,
                                             const VaultOptions& options = {});

  // Cryptographic erase: destroys the key file, then every vault file, then the folder if it is empty.
  // Needs no passphrase (the files are the user's to delete), but fails with kBusy while the vault is
  // open elsewhere. Backups made earlier are not touched.
  static Status wipe(const std::string& dir, const VaultOptions& options = {});

  // Rebuilds a vault from a file made by backup(). The credential is the passphrase (or recovery key)
  // that opened the vault when the backup was made. An existing vault in dir is replaced only with
  // replace_existing (kAlreadyExists otherwise). Nothing in dir changes until the restored copy has
  // been written, synced and checked; the swap is a rename.
  static Status restore(const std::string& backup_file, const std::string& dir, const Credential& credential,
                        bool replace_existing, const VaultOptions& options = {});

  // Closes the database (folding the log into it), wipes the keys and releases the folder lock.
  ~Vault();
  Vault(const Vault&) = delete;
  Vault& operator=(const Vault&) = delete;

  // ---- journal entries ----
  // Text must be non-empty UTF-8 without NUL bytes, at most kMaxEntryBytes.
  Result<int64_t> add_entry(std::string_view text);
  Result<Entry> get_entry(int64_t id);  // kNotFound if there is no such entry
  // Newest first; limit 0 means all.
  Result<std::vector<EntrySummary>> list_entries(size_t limit = 0);
  // Every entry, oldest first, one at a time (for export). Stops at the first error fn returns.
  Status for_each_entry(const std::function<Status(const Entry&)>& fn);
  Status update_entry(int64_t id, std::string_view text);  // kNotFound if there is no such entry
  Status delete_entry(int64_t id);                          // kNotFound if there is no such entry
  // Full-text search: every word must appear (case and accents ignored; a trailing * matches a
  // prefix). Newest matching entries first; limit 0 means all.
  Result<std::vector<SearchHit>> search(std::string_view query, size_t limit = 20);
  Result<int64_t> count_entries();

  // ---- moods ----
  Result<int64_t> add_mood(const MoodInput& mood);
  // Newest first; limit 0 means all.
  Result<std::vector<Mood>> list_moods(size_t limit = 0);

  // ---- settings: encrypted string key/value pairs for the rest of Haven ----
  Result<std::optional<std::string>> get_setting(std::string_view key);
  Status set_setting(std::string_view key, std::string_view value);
  Status delete_setting(std::string_view key);  // OK when the key is absent
  // Every setting whose key starts with prefix (all of them for an empty prefix), in key order.
  Result<std::vector<std::pair<std::string, std::string>>> list_settings(std::string_view prefix = {});

  // Runs body in one transaction: every write it makes through this Vault commits together, or none
  // does (when body or the commit fails). May nest.
  Status transaction(const std::function<Status()>& body);

  // Rewraps the data key under a new passphrase with a new salt and the given cost. The recovery key,
  // if any, keeps working. The header is replaced atomically.
  Status change_passphrase(std::string_view new_passphrase, const KdfParams& kdf);

  // Writes an encrypted single-file copy of the whole vault to path (0600, never over an existing
  // file). It opens with the passphrase (or recovery key) that opens the vault now.
  Status backup(const std::string& path);

  const std::string& dir() const;
  int schema_version() const;
  bool has_recovery_key() const;
  KdfParams kdf() const;
  // Log blocks that failed authentication while opening and were treated as the end of the log (see
  // sealed_vfs.h). Non-zero means the most recent writes before a crash may be missing.
  uint64_t log_blocks_unreadable() const;

  struct Impl;

 private:
  explicit Vault(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct Vault::Created {
  std::unique_ptr<Vault> vault;
  SecretBuffer recovery_key;  // printable form; empty when none was asked for
};

}  // namespace haven::vault
