#include "vault/vault.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "core/paths.h"
#include "core/utf8.h"
#include "vault/recovery_key.h"
#include "vault/schema.h"
#include "vault/vault_impl.h"

namespace haven::vault {

using internal::Statement;

namespace {

Env* env_of(const VaultOptions& options) { return options.env != nullptr ? options.env : Env::default_env(); }

// Checks user text before it is stored. Messages never quote the text itself.
Status check_text(std::string_view text, const std::string& what, size_t max_bytes, bool allow_empty) {
  if (!allow_empty) {
    bool blank = true;
    for (char c : text) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        blank = false;
        break;
      }
    }
    if (blank) return invalid_argument(what + " is empty");
  }
  if (text.size() > max_bytes) {
    return invalid_argument(what + " is " + std::to_string(text.size()) + " bytes; the most Haven takes is " +
                            std::to_string(max_bytes) + " bytes");
  }
  size_t bad = utf8::first_invalid(text);
  if (bad != text.size()) {
    return invalid_argument(what + " is not valid UTF-8 text (the first bad byte is at offset " +
                            std::to_string(bad) + ")");
  }
  if (text.find('\0') != std::string_view::npos) return invalid_argument(what + " contains a NUL byte");
  return Status::ok();
}

// The first non-empty line, cut to about 80 characters.
std::string preview_of(const std::string& text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) {
      std::string_view cut = utf8::truncate(line, 80);
      std::string out(cut);
      if (cut.size() < line.size()) out += "…";
      return out;
    }
    pos = end + 1;
  }
  return {};
}

// The whitespace-separated words of a search.
std::vector<std::string_view> split_words(std::string_view query) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (pos < query.size()) {
    while (pos < query.size() && space(query[pos])) ++pos;
    size_t start = pos;
    while (pos < query.size() && !space(query[pos])) ++pos;
    if (pos > start) words.push_back(query.substr(start, pos - start));
  }
  return words;
}

// Each word becomes an FTS5 string ("word", quotes doubled), so no user input is parsed as FTS5 syntax.
Result<std::string> fts_query(std::string_view query) {
  HAVEN_RETURN_IF_ERROR(check_text(query, "the search", 4096, false));
  std::string out;
  for (std::string_view word : split_words(query)) {
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      word.remove_suffix(1);
      prefix = true;
    }
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    if (prefix) out += '*';
  }
  if (out.empty()) return invalid_argument("the search is empty");
  return out;
}

constexpr size_t kMaxFtsSnippetChars = 256 * 1024;

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// About 60 bytes either side of the first place any query word occurs (ASCII case folded), the word in
// [ and ]; the start of the text when no word is found byte for byte (FTS5 also folds accents).
std::string plain_snippet(const std::string& text, std::string_view query) {
  std::vector<std::string> words;
  for (std::string_view word : split_words(query)) {
    std::string w;
    for (char c : word) {
      if (c != '*' && c != '"') w += ascii_lower(c);
    }
    if (!w.empty()) words.push_back(std::move(w));
  }
  size_t best = std::string::npos, best_len = 0;
  for (const std::string& w : words) {
    auto it = std::search(text.begin(), text.end(), w.begin(), w.end(),
                          [](char a, char b) { return ascii_lower(a) == b; });
    size_t at = static_cast<size_t>(it - text.begin());
    if (it != text.end() && at < best) {
      best = at;
      best_len = w.size();
    }
  }
  auto back_to_char = [&](size_t i) {
    while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
  };
  std::string out;
  if (best == std::string::npos) {
    out = std::string(utf8::truncate(text, 120)) + "…";
  } else {
    size_t from = back_to_char(best > 60 ? best - 60 : 0);
    size_t to = back_to_char(std::min(text.size(), best + best_len + 60));
    if (from > 0) out += "…";
    out += text.substr(from, best - from) + "[" + text.substr(best, best_len) + "]" +
           text.substr(best + best_len, to > best + best_len ? to - best - best_len : 0);
    if (to < text.size()) out += "…";
  }
  return out;
}

Status check_emotion(const std::string& word) {
  HAVEN_RETURN_IF_ERROR(check_text(word, "an emotion word", 40, false));
  for (char c : word) {
    if (c == ',' || static_cast<unsigned char>(c) < 0x20) {
      return invalid_argument("an emotion word contains a comma or a control character");
    }
  }
  return Status::ok();
}

std::vector<std::string> split_emotions(const std::string& joined) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < joined.size()) {
    size_t comma = joined.find(',', pos);
    if (comma == std::string::npos) comma = joined.size();
    if (comma > pos) out.push_back(joined.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

}  // namespace

// ---- Impl ---------------------------------------------------------------------------------------

void Vault::Impl::close() {
  using internal::database_path;
  if (db != nullptr) {
    sqlite3_close_v2(db);
    db = nullptr;
    if (remove_empty_log_at_close) {
      const std::string log = database_path(dir) + "-wal";
      struct stat st {};
      if (::lstat(log.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) ::unlink(log.c_str());
    }
  }
  vfs.reset();
  data_key = SecretBuffer();
  lock = internal::DirLock();
}

Status Vault::Impl::sql_error(int rc, std::string_view what) const {
  std::string damage = vfs != nullptr ? vfs->damage() : std::string();
  if (!damage.empty()) return corruption("the vault is damaged: " + damage);
  int primary = rc & 0xff;
  std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string context(what);
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || rc == SQLITE_IOERR_DATA) {
    return corruption("the vault is damaged (" + context + "): " + msg);
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return busy("the vault is busy (" + context + ")");
  if (primary == SQLITE_FULL) return io_error("the disk is full: " + context + " did not happen; nothing was lost");
  if (primary == SQLITE_NOMEM) return internal_error("out of memory while " + context);
  if (primary == SQLITE_TOOBIG) return out_of_range(context + ": the text is too long");
  if (primary == SQLITE_CONSTRAINT) return invalid_argument(context + ": " + msg);
  if (primary == SQLITE_READONLY) return failed_precondition(context + ": the vault was opened read-only");
  return io_error(context + " failed: " + msg);
}

Status Vault::Impl::exec(const char* sql, std::string_view what) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return sql_error(rc, what);
  return Status::ok();
}

namespace internal {

Result<SecretBuffer> unlock(const format::Header& header, std::span<const uint8_t> raw, const Credential& credential) {
  if (credential.kind == Credential::Kind::kRecoveryKey) {
    HAVEN_ASSIGN_OR_RETURN(SecretBuffer key, parse_recovery_key(credential.secret));
    return format::unlock_with_recovery_key(header, raw, key);
  }
  if (credential.secret.empty()) return invalid_argument("the passphrase is empty");
  return format::unlock_with_passphrase(header, raw, credential.secret);
}

Status open_database(Vault::Impl& impl, bool create) {
  SecretBuffer file_key = format::derive_subkey(impl.data_key, format::Subkey::kFile);
  impl.vfs = SealedVfs::create(file_key,
                               std::span<const uint8_t, format::kVaultIdBytes>(impl.header.vault_id,
                                                                               format::kVaultIdBytes));
  if (impl.vfs == nullptr) return internal_error("could not set up the encrypted file layer");
  const std::string path = database_path(impl.dir);
  if (create) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return io_error("cannot create " + path + ": " + std::strerror(errno));
    ::close(fd);
  } else {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
      return corruption("the vault's database file is missing (" + path + ")");
    }
    // Haven only ever writes whole pages, so anything else was cut short outside it.
    if (st.st_size % static_cast<off_t>(format::kBlockSize) != 0) {
      return corruption("the vault's database file is cut short (" + std::to_string(st.st_size) +
                        " bytes is not a whole number of pages)");
    }
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2(path.c_str(), &impl.db, flags, impl.vfs->name());
  if (rc != SQLITE_OK) return impl.sql_error(rc, "opening the database");
  sqlite3_extended_result_codes(impl.db, 1);
  const bool read_only = impl.options.read_only && !create;
  if (read_only) {
    // With EXCLUSIVE locking the log's index lives in memory, so reading a log left by a crash needs
    // no writes; skipping the checkpoint at close keeps it that way.
    sqlite3_db_config(impl.db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    impl.vfs->set_read_only();
    struct stat st {};
    impl.remove_empty_log_at_close = ::lstat((path + "-wal").c_str(), &st) != 0;
  }
  if (create) {
    // The 40 reserved bytes at the end of each page hold its nonce and tag; set before page 1 exists.
    int reserve = static_cast<int>(format::kBlockOverhead);
    rc = sqlite3_file_control(impl.db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    if (rc != SQLITE_OK) return impl.sql_error(rc, "setting up the page layout");
    HAVEN_RETURN_IF_ERROR(impl.exec("PRAGMA page_size = 4096", "setting up the page layout"));
  }
  // EXCLUSIVE before the first read: SQLite then keeps the WAL index in process memory instead of a
  // -shm file (which the VFS could not encrypt). The folder lock already keeps other processes out.
  HAVEN_RETURN_IF_ERROR(impl.exec("PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = MEMORY; "
                                  "PRAGMA secure_delete = ON; PRAGMA cell_size_check = ON;",
                                  "configuring the database"));
  // The database header already says WAL; asking again would create an empty log file, which a
  // read-only open must not do. Without a log file SQLite reads the database directly.
  if (!read_only) {
    Statement st(impl.db, "PRAGMA journal_mode = WAL");
    if (st.prepare_rc() != SQLITE_OK) return impl.sql_error(st.prepare_rc(), "opening the database");
    rc = st.step();
    if (rc != SQLITE_ROW) return impl.sql_error(rc, "opening the database");
    if (st.text(0) != "wal") return io_error("the database could not switch to write-ahead logging");
  }
  HAVEN_RETURN_IF_ERROR(impl.exec("PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 16777216;",
                                  "configuring the database"));
  int64_t pages = 0;
  {
    Statement st(impl.db, "PRAGMA page_count");
    rc = st.step();
    if (rc != SQLITE_ROW) return impl.sql_error(rc, "reading the database");
    pages = st.int64(0);
  }
  if (!create && pages == 0) return corruption("the vault's database file is empty (" + path + ")");
  int reserve = -1;  // negative: report the current value without changing it
  sqlite3_file_control(impl.db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
  if (reserve != static_cast<int>(format::kBlockOverhead)) {
    return corruption("the vault's database has the wrong page layout (" + std::to_string(reserve) +
                      " reserved bytes per page)");
  }
  HAVEN_ASSIGN_OR_RETURN(int version, read_schema_version(impl.db));
  const int latest = latest_schema_version();
  if (version > latest) {
    return unsupported("the vault was made by a newer Haven (schema " + std::to_string(version) +
                       "; this build knows up to " + std::to_string(latest) + ")");
  }
  if (!create && version == 0) return corruption("the vault's database holds no Haven data (" + path + ")");
  int target = impl.options.schema_version > 0 ? std::min(impl.options.schema_version, latest) : latest;
  if (read_only) target = version;
  int reached = version;
  if (version < target) {
    rc = run_migrations(impl.db, version, target, &reached);
    if (rc != SQLITE_OK) return impl.sql_error(rc, "updating the vault to schema " + std::to_string(reached + 1));
  }
  impl.schema_version = reached;
  impl.log_unreadable_at_open = impl.vfs->log_blocks_unreadable();
  return Status::ok();
}

}  // namespace internal

// ---- lifecycle ----------------------------------------------------------------------------------

Vault::Vault(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Vault::~Vault() = default;

int Vault::latest_schema_version() { return internal::latest_schema_version(); }

bool Vault::exists(const std::string& dir) { return Env::default_env()->file_exists(internal::header_path(dir)); }

Result<Vault::Created> Vault::create(const std::string& dir, std::string_view passphrase, bool with_recovery_key,
                                     const VaultOptions& options) {
  if (passphrase.empty()) return invalid_argument("the passphrase is empty");
  if (passphrase.find('\0') != std::string_view::npos) return invalid_argument("the passphrase contains a NUL byte");
  if (exists(dir)) return already_exists("there is already a vault at " + dir);
  HAVEN_RETURN_IF_ERROR(internal::make_private_dir(dir));
  HAVEN_ASSIGN_OR_RETURN(auto names, Env::default_env()->list_dir(dir));
  for (const std::string& name : names) {
    if (!internal::is_vault_file_name(name)) {
      return failed_precondition("the folder " + dir +
                                 " already holds other files; choose a new or empty folder for the vault");
    }
  }
  HAVEN_ASSIGN_OR_RETURN(internal::DirLock lock, internal::DirLock::acquire(dir, options.busy_wait_ms));
  if (exists(dir)) return already_exists("there is already a vault at " + dir);
  // Leftovers of a create that never finished (no header was written, so they hold nothing usable).
  for (const std::string& name : names) {
    std::string path = paths::join(dir, name);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
      return io_error("cannot remove the unfinished vault file " + path + ": " + std::strerror(errno));
    }
  }
  if (options.harden_process) internal::harden_process();

  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  impl->env = env_of(options);
  impl->lock = std::move(lock);
  impl->data_key = format::random_key();
  randombytes_buf(impl->header.vault_id, sizeof impl->header.vault_id);
  impl->header.created_ms = impl->env->now_unix_ms();
  HAVEN_RETURN_IF_ERROR(format::set_passphrase(impl->header, impl->data_key, passphrase, options.kdf));
  Created created;
  if (with_recovery_key) {
    SecretBuffer key = format::random_key();
    format::set_recovery_key(impl->header, impl->data_key, key);
    created.recovery_key = format_recovery_key(key);
  }
  impl->raw_header = format::serialize_header(impl->header, impl->data_key);
  HAVEN_RETURN_IF_ERROR(internal::open_database(*impl, true));
  // The header goes last: until it exists there is no vault, and a new create cleans up.
  HAVEN_RETURN_IF_ERROR(impl->env->write_file_atomic(
      internal::header_path(dir),
      std::string(reinterpret_cast<const char*>(impl->raw_header.data()), impl->raw_header.size())));
  created.vault = std::unique_ptr<Vault>(new Vault(std::move(impl)));
  return created;
}

Result<std::unique_ptr<Vault>> Vault::open(const std::string& dir, const Credential& credential,
                                           const VaultOptions& options) {
  auto missing = [&] { return not_found("there is no vault at " + dir + " (run 'haven init' to make one)"); };
  if (!Env::default_env()->file_exists(dir)) return missing();
  HAVEN_ASSIGN_OR_RETURN(internal::DirLock lock, internal::DirLock::acquire(dir, options.busy_wait_ms));
  Env* env = env_of(options);
  auto raw = env->read_file(internal::header_path(dir));
  if (!raw.is_ok()) {
    if (raw.status().code() == StatusCode::kNotFound) return missing();
    return raw.status();
  }
  std::span<const uint8_t> raw_bytes(reinterpret_cast<const uint8_t*>(raw->data()), raw->size());
  HAVEN_ASSIGN_OR_RETURN(format::Header header, format::parse_header(raw_bytes));
  if (options.harden_process) internal::harden_process();
  HAVEN_ASSIGN_OR_RETURN(SecretBuffer data_key, internal::unlock(header, raw_bytes, credential));

  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  impl->env = env;
  impl->lock = std::move(lock);
  impl->header = header;
  std::memcpy(impl->raw_header.data(), raw->data(), format::kHeaderBytes);
  impl->data_key = std::move(data_key);
  HAVEN_RETURN_IF_ERROR(internal::open_database(*impl, false));
  return std::unique_ptr<Vault>(new Vault(std::move(impl)));
}

Status Vault::wipe(const std::string& dir, const VaultOptions& options) {
  if (!exists(dir)) return not_found("there is no vault at " + dir);
  HAVEN_ASSIGN_OR_RETURN(internal::DirLock lock, internal::DirLock::acquire(dir, options.busy_wait_ms));
  if (!exists(dir)) return not_found("there is no vault at " + dir);
  return internal::erase_vault_files(dir);
}

const std::string& Vault::dir() const { return impl_->dir; }
int Vault::schema_version() const { return impl_->schema_version; }
bool Vault::has_recovery_key() const { return impl_->header.has_recovery; }
KdfParams Vault::kdf() const { return impl_->header.kdf; }
uint64_t Vault::log_blocks_unreadable() const { return impl_->log_unreadable_at_open; }

namespace {

Status writable(const Vault::Impl& impl) {
  if (impl.vfs != nullptr && impl.vfs->poisoned()) return corruption("the vault is damaged: " + impl.vfs->damage());
  if (impl.vfs != nullptr && impl.vfs->read_only()) return failed_precondition("the vault was opened read-only");
  return Status::ok();
}

Status need_schema(const Vault::Impl& impl, int version, const char* what) {
  if (impl.schema_version < version) {
    return failed_precondition(std::string(what) + " need vault schema " + std::to_string(version) + " (this one is at " +
                               std::to_string(impl.schema_version) + ")");
  }
  return Status::ok();
}

}  // namespace

// ---- entries ------------------------------------------------------------------------------------

Result<int64_t> Vault::add_entry(std::string_view text) {
  HAVEN_RETURN_IF_ERROR(check_text(text, "the entry", kMaxEntryBytes, false));
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  int64_t now = impl_->env->now_unix_ms();
  Statement st(impl_->db,
               "INSERT INTO entries (created_ms, updated_ms, utc_offset_min, body) VALUES (?1, ?1, ?2, ?3)");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "saving the entry");
  st.bind(1, now);
  st.bind(2, static_cast<int64_t>(impl_->env->local_utc_offset_minutes(now)));
  st.bind(3, text);
  int rc = st.step();
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "saving the entry");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(impl_->db));
}

Result<Entry> Vault::get_entry(int64_t id) {
  Statement st(impl_->db, "SELECT id, created_ms, updated_ms, utc_offset_min, body FROM entries WHERE id = ?1");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "reading the entry");
  st.bind(1, id);
  int rc = st.step();
  if (rc == SQLITE_DONE) return not_found("there is no entry " + std::to_string(id));
  if (rc != SQLITE_ROW) return impl_->sql_error(rc, "reading the entry");
  Entry e;
  e.id = st.int64(0);
  e.created_ms = st.int64(1);
  e.updated_ms = st.int64(2);
  e.utc_offset_min = static_cast<int>(st.int64(3));
  e.text = st.text(4);
  return e;
}

Result<std::vector<EntrySummary>> Vault::list_entries(size_t limit) {
  Statement st(impl_->db,
               "SELECT id, created_ms, updated_ms, utc_offset_min, substr(body, 1, 2000) FROM entries "
               "ORDER BY id DESC LIMIT ?1");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "listing entries");
  st.bind(1, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit));
  std::vector<EntrySummary> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    EntrySummary s;
    s.id = st.int64(0);
    s.created_ms = st.int64(1);
    s.updated_ms = st.int64(2);
    s.utc_offset_min = static_cast<int>(st.int64(3));
    s.preview = preview_of(st.text(4));
    out.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "listing entries");
  return out;
}

Status Vault::for_each_entry(const std::function<Status(const Entry&)>& fn) {
  Statement st(impl_->db, "SELECT id, created_ms, updated_ms, utc_offset_min, body FROM entries ORDER BY id");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "reading entries");
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    Entry e;
    e.id = st.int64(0);
    e.created_ms = st.int64(1);
    e.updated_ms = st.int64(2);
    e.utc_offset_min = static_cast<int>(st.int64(3));
    e.text = st.text(4);
    HAVEN_RETURN_IF_ERROR(fn(e));
  }
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "reading entries");
  return Status::ok();
}

Status Vault::update_entry(int64_t id, std::string_view text) {
  HAVEN_RETURN_IF_ERROR(check_text(text, "the entry", kMaxEntryBytes, false));
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  Statement st(impl_->db, "UPDATE entries SET body = ?2, updated_ms = ?3 WHERE id = ?1");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "saving the entry");
  st.bind(1, id);
  st.bind(2, text);
  st.bind(3, impl_->env->now_unix_ms());
  int rc = st.step();
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "saving the entry");
  if (sqlite3_changes(impl_->db) == 0) return not_found("there is no entry " + std::to_string(id));
  return Status::ok();
}

Status Vault::delete_entry(int64_t id) {
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  Statement st(impl_->db, "DELETE FROM entries WHERE id = ?1");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "deleting the entry");
  st.bind(1, id);
  int rc = st.step();
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "deleting the entry");
  if (sqlite3_changes(impl_->db) == 0) return not_found("there is no entry " + std::to_string(id));
  return Status::ok();
}

Result<std::vector<SearchHit>> Vault::search(std::string_view query, size_t limit) {
  HAVEN_ASSIGN_OR_RETURN(std::string match, fts_query(query));
  // Newest first: FTS5 walks the word's document list backwards and stops at the limit, so a search
  // costs the same for a rare word as for one in every entry (ranking by bm25 would score them all).
  // FTS5's snippet() grows much faster than linearly with the number of matches in one document, so
  // very long entries get a plain snippet around the first occurrence instead.
  Statement st(impl_->db,
               "SELECT f.rowid, e.created_ms, e.utc_offset_min, "
               "CASE WHEN length(e.body) <= ?3 THEN snippet(entries_fts, 0, '[', ']', '…', 12) END "
               "FROM entries_fts f JOIN entries e ON e.id = f.rowid "
               "WHERE entries_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "searching");
  st.bind(1, std::string_view(match));
  st.bind(2, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit));
  st.bind(3, static_cast<int64_t>(kMaxFtsSnippetChars));
  std::vector<SearchHit> hits;
  std::vector<size_t> plain;  // hits that need the plain snippet
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    SearchHit h;
    h.id = st.int64(0);
    h.created_ms = st.int64(1);
    h.utc_offset_min = static_cast<int>(st.int64(2));
    if (st.is_null(3)) {
      plain.push_back(hits.size());
    } else {
      h.snippet = st.text(3);
    }
    hits.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "searching");
  if (!plain.empty()) {
    Statement body(impl_->db, "SELECT body FROM entries WHERE id = ?1");
    if (body.prepare_rc() != SQLITE_OK) return impl_->sql_error(body.prepare_rc(), "searching");
    for (size_t i : plain) {
      body.reset();
      body.bind(1, hits[i].id);
      rc = body.step();
      if (rc != SQLITE_ROW) return impl_->sql_error(rc, "searching");
      hits[i].snippet = plain_snippet(body.text(0), query);
    }
  }
  return hits;
}

Result<int64_t> Vault::count_entries() {
  Statement st(impl_->db, "SELECT count(*) FROM entries");
  int rc = st.step();
  if (rc != SQLITE_ROW) return impl_->sql_error(rc, "counting entries");
  return st.int64(0);
}

// ---- moods --------------------------------------------------------------------------------------

Result<int64_t> Vault::add_mood(const MoodInput& mood) {
  HAVEN_RETURN_IF_ERROR(need_schema(*impl_, 2, "moods"));
  if (mood.rating < 0 || mood.rating > 10) return invalid_argument("the mood rating must be from 0 to 10");
  if (mood.emotions.size() > 20) return invalid_argument("at most 20 emotion words fit in one check-in");
  std::string joined;
  for (const std::string& word : mood.emotions) {
    HAVEN_RETURN_IF_ERROR(check_emotion(word));
    if (!joined.empty()) joined += ',';
    joined += word;
  }
  if (mood.sleep_hours && !(std::isfinite(*mood.sleep_hours) && *mood.sleep_hours >= 0 && *mood.sleep_hours <= 24)) {
    return invalid_argument("hours of sleep must be from 0 to 24");
  }
  if (mood.energy && (*mood.energy < 0 || *mood.energy > 10)) return invalid_argument("energy must be from 0 to 10");
  HAVEN_RETURN_IF_ERROR(check_text(mood.note, "the note", kMaxNoteBytes, true));
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  int64_t now = impl_->env->now_unix_ms();
  Statement st(impl_->db,
               "INSERT INTO moods (created_ms, utc_offset_min, rating, emotions, sleep_hours, energy, note) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "saving the mood");
  st.bind(1, now);
  st.bind(2, static_cast<int64_t>(impl_->env->local_utc_offset_minutes(now)));
  st.bind(3, static_cast<int64_t>(mood.rating));
  st.bind(4, std::string_view(joined));
  if (mood.sleep_hours) st.bind(5, *mood.sleep_hours); else st.bind_null(5);
  if (mood.energy) st.bind(6, static_cast<int64_t>(*mood.energy)); else st.bind_null(6);
  st.bind(7, std::string_view(mood.note));
  int rc = st.step();
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "saving the mood");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(impl_->db));
}

Result<std::vector<Mood>> Vault::list_moods(size_t limit) {
  HAVEN_RETURN_IF_ERROR(need_schema(*impl_, 2, "moods"));
  Statement st(impl_->db,
               "SELECT id, created_ms, utc_offset_min, rating, emotions, sleep_hours, energy, note FROM moods "
               "ORDER BY id DESC LIMIT ?1");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "listing moods");
  st.bind(1, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit));
  std::vector<Mood> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    Mood m;
    m.id = st.int64(0);
    m.created_ms = st.int64(1);
    m.utc_offset_min = static_cast<int>(st.int64(2));
    m.rating = static_cast<int>(st.int64(3));
    m.emotions = split_emotions(st.text(4));
    if (!st.is_null(5)) m.sleep_hours = st.real(5);
    if (!st.is_null(6)) m.energy = static_cast<int>(st.int64(6));
    m.note = st.text(7);
    out.push_back(std::move(m));
  }
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "listing moods");
  return out;
}

// ---- settings -----------------------------------------------------------------------------------

Result<std::optional<std::string>> Vault::get_setting(std::string_view key) {
  HAVEN_RETURN_IF_ERROR(need_schema(*impl_, 3, "settings"));
  HAVEN_RETURN_IF_ERROR(check_text(key, "the setting name", kMaxSettingKeyBytes, false));
  Statement st(impl_->db, "SELECT value FROM settings WHERE key = ?1");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "reading a setting");
  st.bind(1, key);
  int rc = st.step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return impl_->sql_error(rc, "reading a setting");
  return std::optional<std::string>(st.text(0));
}

Status Vault::set_setting(std::string_view key, std::string_view value) {
  HAVEN_RETURN_IF_ERROR(need_schema(*impl_, 3, "settings"));
  HAVEN_RETURN_IF_ERROR(check_text(key, "the setting name", kMaxSettingKeyBytes, false));
  HAVEN_RETURN_IF_ERROR(check_text(value, "the setting value", kMaxSettingValueBytes, true));
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  Statement st(impl_->db,
               "INSERT INTO settings (key, value, updated_ms) VALUES (?1, ?2, ?3) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "saving a setting");
  st.bind(1, key);
  st.bind(2, value);
  st.bind(3, impl_->env->now_unix_ms());
  int rc = st.step();
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "saving a setting");
  return Status::ok();
}

Status Vault::delete_setting(std::string_view key) {
  HAVEN_RETURN_IF_ERROR(need_schema(*impl_, 3, "settings"));
  HAVEN_RETURN_IF_ERROR(check_text(key, "the setting name", kMaxSettingKeyBytes, false));
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  Statement st(impl_->db, "DELETE FROM settings WHERE key = ?1");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "deleting a setting");
  st.bind(1, key);
  int rc = st.step();
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "deleting a setting");
  return Status::ok();
}

Result<std::vector<std::pair<std::string, std::string>>> Vault::list_settings(std::string_view prefix) {
  HAVEN_RETURN_IF_ERROR(need_schema(*impl_, 3, "settings"));
  Statement st(impl_->db, "SELECT key, value FROM settings WHERE key >= ?1 AND key < ?2 ORDER BY key");
  if (st.prepare_rc() != SQLITE_OK) return impl_->sql_error(st.prepare_rc(), "listing settings");
  // 0xFF never occurs in UTF-8, so prefix + 0xFF sorts after every key that starts with prefix.
  const std::string upper = std::string(prefix) + '\xff';
  st.bind(1, prefix);
  st.bind(2, std::string_view(upper));
  std::vector<std::pair<std::string, std::string>> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) out.emplace_back(st.text(0), st.text(1));
  if (rc != SQLITE_DONE) return impl_->sql_error(rc, "listing settings");
  return out;
}

// ---- transactions and keys ----------------------------------------------------------------------

Status Vault::transaction(const std::function<Status()>& body) {
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  const bool outer = impl_->txn_depth == 0;
  HAVEN_RETURN_IF_ERROR(impl_->exec(outer ? "BEGIN IMMEDIATE" : "SAVEPOINT haven_nested", "starting a transaction"));
  ++impl_->txn_depth;
  Status result = body();
  --impl_->txn_depth;
  if (result.is_ok()) {
    result = impl_->exec(outer ? "COMMIT" : "RELEASE haven_nested", "committing");
    if (result.is_ok()) return result;
  }
  sqlite3_exec(impl_->db, outer ? "ROLLBACK" : "ROLLBACK TO haven_nested; RELEASE haven_nested", nullptr, nullptr,
               nullptr);
  return result;
}

Status Vault::change_passphrase(std::string_view new_passphrase, const KdfParams& kdf) {
  if (new_passphrase.empty()) return invalid_argument("the new passphrase is empty");
  if (new_passphrase.find('\0') != std::string_view::npos) {
    return invalid_argument("the new passphrase contains a NUL byte");
  }
  HAVEN_RETURN_IF_ERROR(writable(*impl_));
  format::Header next = impl_->header;
  HAVEN_RETURN_IF_ERROR(format::set_passphrase(next, impl_->data_key, new_passphrase, kdf));
  auto bytes = format::serialize_header(next, impl_->data_key);
  HAVEN_RETURN_IF_ERROR(impl_->env->write_file_atomic(
      internal::header_path(impl_->dir), std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size())));
  impl_->header = next;
  impl_->raw_header = bytes;
  return Status::ok();
}

}  // namespace haven::vault
