// Vault::backup and Vault::restore: an encrypted single-file copy of the vault.
//
// File layout (docs/vault-format.md):
//   0    8  magic "HAVENBAK"
//   8    2  format version (1)
//   10   2  zero
//   12   4  length of the embedded vault header (288)
//   16 288  the vault header as it was when the backup was made
//   304 24  crypto_secretstream_xchacha20poly1305 header
//   then secretstream messages, each its plaintext length + 17 bytes:
//        "HVNPAGES" + page count (u64)   with bytes 0..303 as associated data
//        one message per database page (4096 bytes, reserved bytes zero)
//        an empty message tagged FINAL
// The stream key is a subkey of the vault's data key, so the backup opens with whatever opened the
// vault at the time (passphrase or recovery key). The secretstream detects reordered, dropped,
// repeated and truncated messages.
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/paths.h"
#include "vault/vault_impl.h"

namespace haven::vault {
namespace {

constexpr uint8_t kBackupMagic[8] = {'H', 'A', 'V', 'E', 'N', 'B', 'A', 'K'};
constexpr uint16_t kBackupVersion = 1;
constexpr size_t kPrefixBytes = 16 + format::kHeaderBytes;
constexpr uint8_t kMetaMagic[8] = {'H', 'V', 'N', 'P', 'A', 'G', 'E', 'S'};
constexpr size_t kMetaBytes = 16;
constexpr size_t kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr uint64_t kMaxPages = uint64_t{1} << 31;

std::string errno_text() { return std::strerror(errno); }

Status write_all(int fd, const uint8_t* p, size_t n, const std::string& path) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return io_error("cannot write " + path + ": " + errno_text());
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return Status::ok();
}

// Reads exactly n bytes; false at a clean or early end of file.
Result<bool> read_exact(int fd, uint8_t* p, size_t n, const std::string& path) {
  while (n > 0) {
    ssize_t r = ::read(fd, p, n);
    if (r < 0) {
      if (errno == EINTR) continue;
      return io_error("cannot read " + path + ": " + errno_text());
    }
    if (r == 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// Moves tmp to path unless path exists.
Status publish_new_file(const std::string& tmp, const std::string& path) {
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) return Status::ok();
  if (errno == EEXIST) return already_exists(path + " already exists; choose a new name");
  if (errno != EINVAL && errno != ENOSYS) return io_error("cannot create " + path + ": " + errno_text());
  // Filesystems without RENAME_NOREPLACE: link() also refuses to replace.
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    if (errno == EEXIST) return already_exists(path + " already exists; choose a new name");
    return io_error("cannot create " + path + ": " + errno_text());
  }
  ::unlink(tmp.c_str());
  return Status::ok();
}

class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

std::string base_name(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  auto slash = p.find_last_of('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

}  // namespace

Status Vault::backup(const std::string& path) {
  if (impl_->vfs->poisoned()) return corruption("the vault is damaged: " + impl_->vfs->damage());
  if (impl_->txn_depth > 0) return failed_precondition("a backup cannot be made inside a transaction");
  if (impl_->vfs->read_only()) return failed_precondition("a backup needs the vault opened for writing");
  if (Env::default_env()->file_exists(path)) return already_exists(path + " already exists; choose a new name");
  // Fold the log into the database so the database file alone holds every committed page.
  int log_frames = 0, done_frames = 0;
  int rc = sqlite3_wal_checkpoint_v2(impl_->db, "main", SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &done_frames);
  if (rc != SQLITE_OK) return impl_->sql_error(rc, "preparing the backup");
  int64_t pages = 0;
  {
    internal::Statement st(impl_->db, "PRAGMA page_count");
    rc = st.step();
    if (rc != SQLITE_ROW) return impl_->sql_error(rc, "preparing the backup");
    pages = st.int64(0);
  }
  sqlite3_file* file = nullptr;
  rc = sqlite3_file_control(impl_->db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc != SQLITE_OK || file == nullptr || file->pMethods == nullptr) {
    return internal_error("the database file is not open");
  }

  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  FdCloser fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (fd.get() < 0) return io_error("cannot create " + tmp + ": " + errno_text());
  auto fail = [&](Status s) {
    ::close(fd.release());
    ::unlink(tmp.c_str());
    return s;
  };

  uint8_t prefix[kPrefixBytes] = {};
  std::memcpy(prefix, kBackupMagic, 8);
  format::put_u16(prefix + 8, kBackupVersion);
  format::put_u32(prefix + 12, static_cast<uint32_t>(format::kHeaderBytes));
  std::memcpy(prefix + 16, impl_->raw_header.data(), format::kHeaderBytes);
  Status s = write_all(fd.get(), prefix, sizeof prefix, tmp);
  if (!s.is_ok()) return fail(s);

  SecretBuffer key = format::derive_subkey(impl_->data_key, format::Subkey::kBackup);
  SecretBuffer state_mem(sizeof(crypto_secretstream_xchacha20poly1305_state));
  auto* state = reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_mem.data());
  uint8_t stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(state, stream_header, key.data());
  s = write_all(fd.get(), stream_header, sizeof stream_header, tmp);
  if (!s.is_ok()) return fail(s);

  uint8_t meta[kMetaBytes];
  std::memcpy(meta, kMetaMagic, 8);
  format::put_u64(meta + 8, static_cast<uint64_t>(pages));
  uint8_t sealed_meta[kMetaBytes + kAbytes];
  crypto_secretstream_xchacha20poly1305_push(state, sealed_meta, nullptr, meta, sizeof meta, prefix, sizeof prefix,
                                             crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  s = write_all(fd.get(), sealed_meta, sizeof sealed_meta, tmp);
  if (!s.is_ok()) return fail(s);

  SecretBuffer page(format::kBlockSize);
  page.resize(format::kBlockSize);
  std::vector<uint8_t> sealed(format::kBlockSize + kAbytes);
  for (int64_t i = 0; i < pages; ++i) {
    // Through the VFS, so the page is decrypted and authenticated on the way.
    rc = file->pMethods->xRead(file, page.data(), static_cast<int>(format::kBlockSize),
                               i * static_cast<int64_t>(format::kBlockSize));
    if (rc != SQLITE_OK) return fail(impl_->sql_error(rc, "reading page " + std::to_string(i + 1) + " for the backup"));
    crypto_secretstream_xchacha20poly1305_push(state, sealed.data(), nullptr, page.data(), page.size(), nullptr, 0,
                                               crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    s = write_all(fd.get(), sealed.data(), sealed.size(), tmp);
    if (!s.is_ok()) return fail(s);
  }
  uint8_t final_msg[kAbytes];
  crypto_secretstream_xchacha20poly1305_push(state, final_msg, nullptr, nullptr, 0, nullptr, 0,
                                             crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  s = write_all(fd.get(), final_msg, sizeof final_msg, tmp);
  if (!s.is_ok()) return fail(s);
  if (::fsync(fd.get()) != 0) return fail(io_error("cannot sync " + tmp + ": " + errno_text()));
  ::close(fd.release());
  s = publish_new_file(tmp, path);
  if (!s.is_ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  return internal::sync_dir(internal::parent_of(path));
}

Status Vault::restore(const std::string& backup_file, const std::string& dir, const Credential& credential,
                      bool replace_existing, const VaultOptions& options) {
  FdCloser in(::open(backup_file.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) {
    if (errno == ENOENT) return not_found("there is no backup file at " + backup_file);
    return io_error("cannot open " + backup_file + ": " + errno_text());
  }
  const std::string not_backup = backup_file + " is not a Haven backup";
  uint8_t prefix[kPrefixBytes];
  HAVEN_ASSIGN_OR_RETURN(bool got, read_exact(in.get(), prefix, sizeof prefix, backup_file));
  if (!got || std::memcmp(prefix, kBackupMagic, 8) != 0) return corruption(not_backup + " (or it is cut short)");
  if (format::get_u16(prefix + 8) > kBackupVersion) {
    return unsupported(backup_file + " was made by a newer Haven (backup format " +
                       std::to_string(format::get_u16(prefix + 8)) + ")");
  }
  if (format::get_u16(prefix + 8) != kBackupVersion || format::get_u16(prefix + 10) != 0 ||
      format::get_u32(prefix + 12) != format::kHeaderBytes) {
    return corruption(not_backup + " (its header is damaged)");
  }
  std::span<const uint8_t> raw(prefix + 16, format::kHeaderBytes);
  auto header = format::parse_header(raw);
  if (!header.is_ok()) return header.status().with_context("the backup " + backup_file);
  if (options.harden_process) internal::harden_process();
  HAVEN_ASSIGN_OR_RETURN(SecretBuffer data_key, internal::unlock(*header, raw, credential));

  SecretBuffer key = format::derive_subkey(data_key, format::Subkey::kBackup);
  SecretBuffer state_mem(sizeof(crypto_secretstream_xchacha20poly1305_state));
  auto* state = reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_mem.data());
  uint8_t stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  HAVEN_ASSIGN_OR_RETURN(got, read_exact(in.get(), stream_header, sizeof stream_header, backup_file));
  if (!got || crypto_secretstream_xchacha20poly1305_init_pull(state, stream_header, key.data()) != 0) {
    return corruption("the backup " + backup_file + " is cut short");
  }
  const std::string damaged = "the backup " + backup_file + " is damaged or was changed";
  uint8_t sealed_meta[kMetaBytes + kAbytes];
  uint8_t meta[kMetaBytes];
  unsigned char tag = 0;
  HAVEN_ASSIGN_OR_RETURN(got, read_exact(in.get(), sealed_meta, sizeof sealed_meta, backup_file));
  if (!got) return corruption("the backup " + backup_file + " is cut short");
  if (crypto_secretstream_xchacha20poly1305_pull(state, meta, nullptr, &tag, sealed_meta, sizeof sealed_meta, prefix,
                                                 sizeof prefix) != 0 ||
      tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE || std::memcmp(meta, kMetaMagic, 8) != 0) {
    return corruption(damaged);
  }
  const uint64_t pages = format::get_u64(meta + 8);
  if (pages == 0 || pages > kMaxPages) return corruption(damaged + " (impossible page count)");

  // Where the restored vault goes. Nothing there changes until the copy is complete and checked.
  Env* env = options.env != nullptr ? options.env : Env::default_env();
  internal::DirLock target_lock;
  if (Env::default_env()->file_exists(dir)) {
    if (exists(dir) && !replace_existing) {
      return already_exists("there is already a vault at " + dir + "; add --force to replace it with the backup");
    }
    HAVEN_ASSIGN_OR_RETURN(auto names, Env::default_env()->list_dir(dir));
    for (const std::string& name : names) {
      if (!internal::is_vault_file_name(name)) {
        return failed_precondition("the folder " + dir + " holds files that are not part of a vault; restore into a new or empty folder");
      }
    }
    HAVEN_ASSIGN_OR_RETURN(target_lock, internal::DirLock::acquire(dir, options.busy_wait_ms));
  }
  const std::string parent = internal::parent_of(dir);
  HAVEN_RETURN_IF_ERROR(Env::default_env()->create_dirs(parent));
  std::string staging_tmpl = paths::join(parent, "." + base_name(dir) + ".restore-XXXXXX");
  if (::mkdtemp(staging_tmpl.data()) == nullptr) {
    return io_error("cannot create a folder next to " + dir + ": " + errno_text());
  }
  const std::string staging = staging_tmpl;
  auto cleanup = [&](Status s) {
    (void)internal::erase_vault_files(staging);
    ::rmdir(staging.c_str());
    return s;
  };

  {
    const std::string db_path = internal::database_path(staging);
    FdCloser out(::open(db_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (out.get() < 0) return cleanup(io_error("cannot create " + db_path + ": " + errno_text()));
    SecretBuffer file_key = format::derive_subkey(data_key, format::Subkey::kFile);
    std::span<const uint8_t, format::kKeyBytes> file_key_span(file_key.data(), format::kKeyBytes);
    std::span<const uint8_t, format::kVaultIdBytes> vault_id(header->vault_id, format::kVaultIdBytes);
    std::vector<uint8_t> sealed(format::kBlockSize + kAbytes);
    SecretBuffer page(format::kBlockSize);
    page.resize(format::kBlockSize);
    uint8_t block[format::kBlockSize];
    for (uint64_t i = 0; i < pages; ++i) {
      HAVEN_ASSIGN_OR_RETURN(got, read_exact(in.get(), sealed.data(), sealed.size(), backup_file));
      if (!got) return cleanup(corruption("the backup " + backup_file + " is cut short"));
      unsigned long long len = 0;
      if (crypto_secretstream_xchacha20poly1305_pull(state, page.data(), &len, &tag, sealed.data(), sealed.size(),
                                                     nullptr, 0) != 0 ||
          tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE || len != format::kBlockSize) {
        return cleanup(corruption(damaged));
      }
      if (i == 0 && (page.data()[16] != 0x10 || page.data()[17] != 0 || page.data()[20] != format::kBlockOverhead)) {
        return cleanup(corruption(damaged + " (wrong page layout)"));
      }
      format::seal_block(file_key_span, format::FileKind::kDatabase, vault_id, i + 1,
                         std::span<const uint8_t, format::kBlockPayload>(page.data(), format::kBlockPayload),
                         std::span<uint8_t, format::kBlockSize>(block, format::kBlockSize));
      Status s = write_all(out.get(), block, sizeof block, db_path);
      if (!s.is_ok()) return cleanup(s);
    }
    uint8_t final_msg[kAbytes];
    HAVEN_ASSIGN_OR_RETURN(got, read_exact(in.get(), final_msg, sizeof final_msg, backup_file));
    unsigned long long len = 0;
    uint8_t empty[1];
    if (!got || crypto_secretstream_xchacha20poly1305_pull(state, empty, &len, &tag, final_msg, sizeof final_msg,
                                                           nullptr, 0) != 0 ||
        tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL || len != 0) {
      return cleanup(corruption(got ? damaged : "the backup " + backup_file + " is cut short"));
    }
    uint8_t extra;
    HAVEN_ASSIGN_OR_RETURN(got, read_exact(in.get(), &extra, 1, backup_file));
    if (got) return cleanup(corruption(damaged + " (extra bytes at the end)"));
    if (::fsync(out.get()) != 0) return cleanup(io_error("cannot sync " + db_path + ": " + errno_text()));
  }
  Status s = env->write_file_atomic(internal::header_path(staging),
                                    std::string(reinterpret_cast<const char*>(raw.data()), raw.size()));
  if (!s.is_ok()) return cleanup(s);

  // Open the copy the normal way (this also brings an older schema up to date) and check every page.
  {
    auto lock = internal::DirLock::acquire(staging, 0);
    if (!lock.is_ok()) return cleanup(lock.status());
    Impl impl;
    impl.dir = staging;
    impl.options = options;
    impl.env = env;
    impl.lock = std::move(*lock);
    impl.header = *header;
    std::memcpy(impl.raw_header.data(), raw.data(), format::kHeaderBytes);
    impl.data_key = std::move(data_key);
    s = internal::open_database(impl, false);
    if (!s.is_ok()) return cleanup(s.with_context("the restored copy did not open"));
    internal::Statement st(impl.db, "PRAGMA quick_check");
    int rc = st.step();
    std::string verdict = rc == SQLITE_ROW ? st.text(0) : std::string();
    if (verdict != "ok") {
      Status bad = rc == SQLITE_ROW ? corruption(damaged + " (the database inside failed its check)")
                                    : impl.sql_error(rc, "checking the restored copy");
      return cleanup(bad);
    }
  }
  s = internal::sync_dir(staging);
  if (!s.is_ok()) return cleanup(s);

  if (target_lock.held()) {
    // Swap the two folders in one step, then erase the old vault, which now sits at `staging`.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0) {
      if (errno != EINVAL && errno != ENOSYS) return cleanup(io_error("cannot put the restored vault in place: " + errno_text()));
      const std::string aside = staging + ".old";
      if (::rename(dir.c_str(), aside.c_str()) != 0) return cleanup(io_error("cannot move the old vault aside: " + errno_text()));
      if (::rename(staging.c_str(), dir.c_str()) != 0) {
        int err = errno;
        ::rename(aside.c_str(), dir.c_str());
        return cleanup(io_error(std::string("cannot put the restored vault in place: ") + std::strerror(err)));
      }
      HAVEN_RETURN_IF_ERROR(internal::sync_dir(parent));
      return internal::erase_vault_files(aside);
    }
    HAVEN_RETURN_IF_ERROR(internal::sync_dir(parent));
    return internal::erase_vault_files(staging);
  }
  if (::rename(staging.c_str(), dir.c_str()) != 0) {
    return cleanup(io_error("cannot put the restored vault at " + dir + ": " + errno_text()));
  }
  return internal::sync_dir(parent);
}

}  // namespace haven::vault
