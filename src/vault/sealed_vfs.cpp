#include "vault/sealed_vfs.h"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>

#include "core/log.h"

namespace haven::vault::internal {
namespace {

using format::BlockState;
using format::FileKind;
using format::kBlockPayload;
using format::kBlockSize;

constexpr int64_t kPage = static_cast<int64_t>(kBlockSize);
constexpr int64_t kPiece = static_cast<int64_t>(kBlockPayload);

// One open file. SQLite allocates szOsFile bytes for it; the real VFS's file follows this struct.
struct SealedFile {
  sqlite3_file base;  // must be first: SQLite sees this
  SealedVfs* vfs;     // borrowed
  sqlite3_file* real;
  FileKind kind;
  bool page_mode;
  bool warned;
  int64_t cached;     // index of the block in cache, or -1
  uint8_t cache[kBlockPayload];
  uint8_t io[kBlockSize];
  uint8_t scratch[kBlockPayload];
};

constexpr size_t kSealedFileSize = (sizeof(SealedFile) + 15) & ~size_t{15};

const char* label(FileKind kind) {
  switch (kind) {
    case FileKind::kDatabase: return "vault.db";
    case FileKind::kWal: return "vault.db-wal";
    case FileKind::kJournal: return "vault.db-journal";
    case FileKind::kSuperJournal: return "a super-journal";
    case FileKind::kTemporary: return "a temporary file";
  }
  return "a file";
}

SealedFile* as_sealed(sqlite3_file* f) { return reinterpret_cast<SealedFile*>(f); }

std::span<const uint8_t, format::kKeyBytes> key_for(const SealedFile* f) {
  return f->kind == FileKind::kTemporary ? f->vfs->temp_key() : f->vfs->file_key();
}

int real_size(SealedFile* f, sqlite3_int64* size) { return f->real->pMethods->xFileSize(f->real, size); }

// ---- page mode (the main database) --------------------------------------------------------------

// Loads page `index` (0-based) into f->cache. SQLITE_IOERR_SHORT_READ means the file is empty.
int load_page(SealedFile* f, int64_t index) {
  if (f->cached == index) return SQLITE_OK;
  int rc = f->real->pMethods->xRead(f->real, f->io, static_cast<int>(kPage), index * kPage);
  if (rc == SQLITE_IOERR_SHORT_READ) {
    sqlite3_int64 size = 0;
    if (real_size(f, &size) == SQLITE_OK && size == 0) return SQLITE_IOERR_SHORT_READ;
    // SQLite only reads pages it knows are there, so a missing page means the file was cut short.
    f->vfs->record_damage("vault.db is shorter than it should be (page " + std::to_string(index + 1) +
                              " is missing or cut short)",
                          true);
    return SQLITE_IOERR_DATA;
  }
  if (rc != SQLITE_OK) return rc;
  BlockState state = format::open_block(key_for(f), f->kind, f->vfs->vault_id(), static_cast<uint64_t>(index + 1),
                                        std::span<const uint8_t, kBlockSize>(f->io, kBlockSize),
                                        std::span<uint8_t, kBlockPayload>(f->cache, kBlockPayload));
  if (state != BlockState::kOk) {
    f->cached = -1;
    f->vfs->record_damage("page " + std::to_string(index + 1) + " of vault.db " +
                              (state == BlockState::kBlank ? "is blank" : "failed its authentication check"),
                          true);
    return SQLITE_IOERR_DATA;
  }
  f->cached = index;
  return SQLITE_OK;
}

int page_read(SealedFile* f, uint8_t* out, int amt, sqlite3_int64 off) {
  while (amt > 0) {
    int64_t index = off / kPage;
    int within = static_cast<int>(off % kPage);
    int n = std::min(amt, static_cast<int>(kPage) - within);
    int rc = load_page(f, index);
    if (rc == SQLITE_IOERR_SHORT_READ) {
      std::memset(out, 0, static_cast<size_t>(amt));
      return SQLITE_IOERR_SHORT_READ;
    }
    if (rc != SQLITE_OK) return rc;
    // Bytes of the reserved region read as zeros; SQLite never looks at them.
    int from_cache = std::max(0, std::min(n, static_cast<int>(kPiece) - within));
    if (from_cache > 0) std::memcpy(out, f->cache + within, static_cast<size_t>(from_cache));
    if (from_cache < n) std::memset(out + from_cache, 0, static_cast<size_t>(n - from_cache));
    out += n;
    off += n;
    amt -= n;
  }
  return SQLITE_OK;
}

int page_write(SealedFile* f, const uint8_t* data, int amt, sqlite3_int64 off) {
  if (amt != kPage || off % kPage != 0) {
    f->vfs->record_damage("Haven tried an unaligned write to vault.db (a bug; nothing was written)", true);
    return SQLITE_IOERR_WRITE;
  }
  int64_t index = off / kPage;
  if (index == 0) {
    // Page 1 starts with the SQLite header: the page size (bytes 16-17, big-endian) must be 4096 and the
    // reserved space (byte 20) must hold the nonce and tag, or sealing would destroy page content.
    if (data[16] != 0x10 || data[17] != 0x00 || data[20] != format::kBlockOverhead) {
      f->vfs->record_damage("Haven tried to write vault.db with the wrong page layout (a bug; nothing was written)",
                            true);
      return SQLITE_IOERR_WRITE;
    }
  }
  std::memcpy(f->scratch, data, kBlockPayload);
  format::seal_block(key_for(f), f->kind, f->vfs->vault_id(), static_cast<uint64_t>(index + 1),
                     std::span<const uint8_t, kBlockPayload>(f->scratch, kBlockPayload),
                     std::span<uint8_t, kBlockSize>(f->io, kBlockSize));
  int rc = f->real->pMethods->xWrite(f->real, f->io, static_cast<int>(kPage), off);
  if (rc != SQLITE_OK) {
    f->cached = -1;
    return rc;
  }
  std::memcpy(f->cache, f->scratch, kBlockPayload);
  f->cached = index;
  return SQLITE_OK;
}

// ---- stream mode (log, journal, temporary files) ------------------------------------------------

// Loads the plaintext of block `index` into f->cache. Blocks past the end, blank blocks and blocks that
// fail authentication read as zeros.
int load_piece(SealedFile* f, int64_t index) {
  if (f->cached == index) return SQLITE_OK;
  int rc = f->real->pMethods->xRead(f->real, f->io, static_cast<int>(kPage), index * kPage);
  if (rc == SQLITE_IOERR_SHORT_READ) {
    std::memset(f->cache, 0, kBlockPayload);
  } else if (rc != SQLITE_OK) {
    f->cached = -1;
    return rc;
  } else {
    BlockState state = format::open_block(key_for(f), f->kind, f->vfs->vault_id(), static_cast<uint64_t>(index),
                                          std::span<const uint8_t, kBlockSize>(f->io, kBlockSize),
                                          std::span<uint8_t, kBlockPayload>(f->cache, kBlockPayload));
    if (state == BlockState::kDamaged) {
      f->vfs->note_log_block_unreadable();
      if (!f->warned) {
        f->warned = true;
        log::warn("vault", std::string("block ") + std::to_string(index) + " of " + label(f->kind) +
                               " could not be read; SQLite treats the log as ending there");
      }
    }
  }
  f->cached = index;
  return SQLITE_OK;
}

int stream_size(SealedFile* f, sqlite3_int64* size) {
  sqlite3_int64 physical = 0;
  int rc = real_size(f, &physical);
  if (rc != SQLITE_OK) return rc;
  *size = (physical / kPage) * kPiece;  // a partial trailing block never completed: it is ignored
  return SQLITE_OK;
}

int stream_read(SealedFile* f, uint8_t* out, int amt, sqlite3_int64 off) {
  sqlite3_int64 size = 0;
  int rc = stream_size(f, &size);
  if (rc != SQLITE_OK) return rc;
  while (amt > 0) {
    if (off >= size) {
      std::memset(out, 0, static_cast<size_t>(amt));
      return SQLITE_IOERR_SHORT_READ;
    }
    int64_t index = off / kPiece;
    int within = static_cast<int>(off % kPiece);
    int n = std::min(amt, static_cast<int>(kPiece) - within);
    rc = load_piece(f, index);
    if (rc != SQLITE_OK) return rc;
    std::memcpy(out, f->cache + within, static_cast<size_t>(n));
    out += n;
    off += n;
    amt -= n;
  }
  return SQLITE_OK;
}

int stream_write(SealedFile* f, const uint8_t* data, int amt, sqlite3_int64 off) {
  while (amt > 0) {
    int64_t index = off / kPiece;
    int within = static_cast<int>(off % kPiece);
    int n = std::min(amt, static_cast<int>(kPiece) - within);
    if (n != kPiece) {
      int rc = load_piece(f, index);
      if (rc != SQLITE_OK) return rc;
      std::memcpy(f->scratch, f->cache, kBlockPayload);
    }
    std::memcpy(f->scratch + within, data, static_cast<size_t>(n));
    format::seal_block(key_for(f), f->kind, f->vfs->vault_id(), static_cast<uint64_t>(index),
                       std::span<const uint8_t, kBlockPayload>(f->scratch, kBlockPayload),
                       std::span<uint8_t, kBlockSize>(f->io, kBlockSize));
    int rc = f->real->pMethods->xWrite(f->real, f->io, static_cast<int>(kPage), index * kPage);
    if (rc != SQLITE_OK) {
      f->cached = -1;
      return rc;
    }
    std::memcpy(f->cache, f->scratch, kBlockPayload);
    f->cached = index;
    data += n;
    off += n;
    amt -= n;
  }
  return SQLITE_OK;
}

// ---- sqlite3_io_methods -------------------------------------------------------------------------

int x_close(sqlite3_file* file) {
  SealedFile* f = as_sealed(file);
  int rc = f->real->pMethods != nullptr ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
  // Plaintext of the last pages touched; sodium_memzero cannot be optimised away.
  sodium_memzero(f->cache, sizeof f->cache);
  sodium_memzero(f->scratch, sizeof f->scratch);
  f->cached = -1;
  return rc;
}

int x_read(sqlite3_file* file, void* buf, int amt, sqlite3_int64 off) {
  SealedFile* f = as_sealed(file);
  if (amt <= 0 || off < 0) return SQLITE_IOERR_READ;
  auto* out = static_cast<uint8_t*>(buf);
  return f->page_mode ? page_read(f, out, amt, off) : stream_read(f, out, amt, off);
}

int x_write(sqlite3_file* file, const void* buf, int amt, sqlite3_int64 off) {
  SealedFile* f = as_sealed(file);
  if (f->vfs->read_only()) return SQLITE_READONLY;
  if (f->vfs->poisoned()) return SQLITE_IOERR_WRITE;
  if (amt <= 0 || off < 0) return SQLITE_IOERR_WRITE;
  const auto* data = static_cast<const uint8_t*>(buf);
  return f->page_mode ? page_write(f, data, amt, off) : stream_write(f, data, amt, off);
}

int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
  SealedFile* f = as_sealed(file);
  if (f->vfs->read_only()) return SQLITE_READONLY;
  if (f->vfs->poisoned()) return SQLITE_IOERR_TRUNCATE;
  sqlite3_int64 physical;
  if (f->page_mode) {
    if (size % kPage != 0) return SQLITE_IOERR_TRUNCATE;
    physical = size;
  } else {
    // Keep every block that holds a byte below `size`. Bytes past `size` in the last block stay as they
    // were; SQLite treats anything past the valid end of a log or journal as garbage anyway.
    physical = ((size + kPiece - 1) / kPiece) * kPage;
  }
  if (f->cached >= 0 && f->cached * kPage >= physical) f->cached = -1;
  return f->real->pMethods->xTruncate(f->real, physical);
}

int x_sync(sqlite3_file* file, int flags) {
  SealedFile* f = as_sealed(file);
  return f->real->pMethods->xSync(f->real, flags);
}

int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
  SealedFile* f = as_sealed(file);
  return f->page_mode ? real_size(f, size) : stream_size(f, size);
}

int x_lock(sqlite3_file* file, int level) {
  SealedFile* f = as_sealed(file);
  return f->real->pMethods->xLock(f->real, level);
}

int x_unlock(sqlite3_file* file, int level) {
  SealedFile* f = as_sealed(file);
  return f->real->pMethods->xUnlock(f->real, level);
}

int x_check_reserved_lock(sqlite3_file* file, int* out) {
  SealedFile* f = as_sealed(file);
  return f->real->pMethods->xCheckReservedLock(f->real, out);
}

int x_file_control(sqlite3_file* file, int op, void* arg) {
  SealedFile* f = as_sealed(file);
  switch (op) {
    case SQLITE_FCNTL_VFSNAME: {
      int rc = f->real->pMethods->xFileControl(f->real, op, arg);
      char* inner = rc == SQLITE_OK ? *static_cast<char**>(arg) : nullptr;
      *static_cast<char**>(arg) = sqlite3_mprintf("haven-sealed/%s", inner != nullptr ? inner : "?");
      sqlite3_free(inner);
      return SQLITE_OK;
    }
    case SQLITE_FCNTL_MMAP_SIZE:
      // Memory-mapped reads would bypass decryption; these io methods have no xFetch, and this keeps the
      // real file from mapping ciphertext it will never serve.
      return SQLITE_NOTFOUND;
    case SQLITE_FCNTL_SIZE_HINT:
    case SQLITE_FCNTL_CHUNK_SIZE:
      // Sizes are logical; only page mode has the same sizes on disk.
      if (!f->page_mode) return SQLITE_OK;
      return f->real->pMethods->xFileControl(f->real, op, arg);
    default:
      return f->real->pMethods->xFileControl(f->real, op, arg);
  }
}

int x_sector_size(sqlite3_file* file) {
  // For the log this makes SQLite pad every commit to a block boundary (see the header comment).
  return as_sealed(file)->page_mode ? static_cast<int>(kPage) : static_cast<int>(kPiece);
}

int x_device_characteristics(sqlite3_file*) {
  // Deliberately not SQLITE_IOCAP_POWERSAFE_OVERWRITE: a write into a block rewrites the whole block.
  return 0;
}

const sqlite3_io_methods kMethods = {
    1,  // version 1: no shared memory (the vault uses EXCLUSIVE locking) and no memory mapping
    x_close, x_read, x_write, x_truncate, x_sync, x_file_size, x_lock, x_unlock, x_check_reserved_lock,
    x_file_control, x_sector_size, x_device_characteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

// ---- sqlite3_vfs --------------------------------------------------------------------------------

SealedVfs* self(sqlite3_vfs* vfs) { return static_cast<SealedVfs*>(vfs->pAppData); }

int v_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  SealedVfs* s = self(vfs);
  auto* f = reinterpret_cast<SealedFile*>(file);
  f->base.pMethods = nullptr;
  auto* real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kSealedFileSize);
  std::memset(real, 0, static_cast<size_t>(s->real()->szOsFile));
  int rc = s->real()->xOpen(s->real(), name, real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (real->pMethods != nullptr) real->pMethods->xClose(real);
    return rc;
  }
  f->vfs = s;
  f->real = real;
  if (flags & SQLITE_OPEN_MAIN_DB) {
    f->kind = FileKind::kDatabase;
  } else if (flags & SQLITE_OPEN_WAL) {
    f->kind = FileKind::kWal;
  } else if (flags & SQLITE_OPEN_MAIN_JOURNAL) {
    f->kind = FileKind::kJournal;
  } else if (flags & SQLITE_OPEN_SUPER_JOURNAL) {
    f->kind = FileKind::kSuperJournal;
  } else {
    f->kind = FileKind::kTemporary;
  }
  f->page_mode = f->kind == FileKind::kDatabase;
  f->warned = false;
  f->cached = -1;
  f->base.pMethods = &kMethods;
  return SQLITE_OK;
}

int v_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return self(vfs)->real()->xDelete(self(vfs)->real(), name, sync_dir);
}
int v_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return self(vfs)->real()->xAccess(self(vfs)->real(), name, flags, out);
}
int v_full_pathname(sqlite3_vfs* vfs, const char* name, int n, char* out) {
  return self(vfs)->real()->xFullPathname(self(vfs)->real(), name, n, out);
}
void* v_dl_open(sqlite3_vfs* vfs, const char* name) { return self(vfs)->real()->xDlOpen(self(vfs)->real(), name); }
void v_dl_error(sqlite3_vfs* vfs, int n, char* msg) { self(vfs)->real()->xDlError(self(vfs)->real(), n, msg); }
void (*v_dl_sym(sqlite3_vfs* vfs, void* h, const char* sym))(void) {
  return self(vfs)->real()->xDlSym(self(vfs)->real(), h, sym);
}
void v_dl_close(sqlite3_vfs* vfs, void* h) { self(vfs)->real()->xDlClose(self(vfs)->real(), h); }
int v_randomness(sqlite3_vfs* vfs, int n, char* out) {
  return self(vfs)->real()->xRandomness(self(vfs)->real(), n, out);
}
int v_sleep(sqlite3_vfs* vfs, int us) { return self(vfs)->real()->xSleep(self(vfs)->real(), us); }
int v_current_time(sqlite3_vfs* vfs, double* out) {
  return self(vfs)->real()->xCurrentTime(self(vfs)->real(), out);
}
int v_get_last_error(sqlite3_vfs* vfs, int n, char* out) {
  return self(vfs)->real()->xGetLastError(self(vfs)->real(), n, out);
}
int v_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  sqlite3_vfs* real = self(vfs)->real();
  if (real->iVersion >= 2 && real->xCurrentTimeInt64 != nullptr) return real->xCurrentTimeInt64(real, out);
  double now = 0;
  int rc = real->xCurrentTime(real, &now);
  *out = static_cast<sqlite3_int64>(now * 86400000.0);
  return rc;
}

std::atomic<uint64_t> g_next_id{1};

}  // namespace

std::unique_ptr<SealedVfs> SealedVfs::create(const SecretBuffer& file_key,
                                             std::span<const uint8_t, format::kVaultIdBytes> vault_id) {
  sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
  if (real == nullptr || file_key.size() != format::kKeyBytes) return nullptr;
  std::unique_ptr<SealedVfs> s(new SealedVfs());
  s->real_ = real;
  s->keys_ = SecretBuffer(2 * format::kKeyBytes);
  s->keys_.resize(2 * format::kKeyBytes);
  std::memcpy(s->keys_.data(), file_key.data(), format::kKeyBytes);
  randombytes_buf(s->keys_.data() + format::kKeyBytes, format::kKeyBytes);
  std::memcpy(s->vault_id_, vault_id.data(), format::kVaultIdBytes);
  s->name_ = "haven-sealed-" + std::to_string(g_next_id.fetch_add(1));
  s->vfs_ = std::make_unique<sqlite3_vfs>();
  sqlite3_vfs& v = *s->vfs_;
  std::memset(&v, 0, sizeof v);
  v.iVersion = 2;
  v.szOsFile = static_cast<int>(kSealedFileSize) + real->szOsFile;
  v.mxPathname = real->mxPathname;
  v.zName = s->name_.c_str();
  v.pAppData = s.get();
  v.xOpen = v_open;
  v.xDelete = v_delete;
  v.xAccess = v_access;
  v.xFullPathname = v_full_pathname;
  v.xDlOpen = v_dl_open;
  v.xDlError = v_dl_error;
  v.xDlSym = v_dl_sym;
  v.xDlClose = v_dl_close;
  v.xRandomness = v_randomness;
  v.xSleep = v_sleep;
  v.xCurrentTime = v_current_time;
  v.xGetLastError = v_get_last_error;
  v.xCurrentTimeInt64 = v_current_time_int64;
  if (sqlite3_vfs_register(&v, 0) != SQLITE_OK) return nullptr;
  return s;
}

SealedVfs::~SealedVfs() {
  if (vfs_ != nullptr) sqlite3_vfs_unregister(vfs_.get());
}

std::string SealedVfs::damage() const {
  std::lock_guard<std::mutex> lock(mu_);
  return damage_;
}

void SealedVfs::record_damage(const std::string& what, bool poison) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (damage_.empty()) damage_ = what;
  }
  if (poison) poisoned_.store(true);
}

std::span<const uint8_t, format::kKeyBytes> SealedVfs::file_key() const {
  return std::span<const uint8_t, format::kKeyBytes>(keys_.data(), format::kKeyBytes);
}

std::span<const uint8_t, format::kKeyBytes> SealedVfs::temp_key() const {
  return std::span<const uint8_t, format::kKeyBytes>(keys_.data() + format::kKeyBytes, format::kKeyBytes);
}

}  // namespace haven::vault::internal
