// Fuzzes everything that decodes vault bytes read from disk. The first input byte picks what:
//   0  the header parser (and, for a header that parses with a cheap KDF, the unlock)
//   1  one sealed block through open_block (byte 1: file kind, bytes 2..9: position)
//   2  the recovery-key parser
//   3  a whole vault folder: the rest is vault.db, optionally followed by "\0WAL\0" and vault.db-wal;
//      opened read-write next to a fixed header and read end to end
//   4  a backup file through Vault::restore
// Modes 1, 3 and 4 use a fixed data key, so the committed seeds (fuzz/seeds/vault_decode/) hold real,
// authentic vaults and backups whose mutations exercise the damage paths: cut, shifted, repeated and
// spliced pages and blocks. Whatever the input, the vault must return OK or an error; never crash,
// never hang, never leak.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "vault/block_cipher.h"
#include "vault/header.h"
#include "vault/recovery_key.h"
#include "vault/vault.h"
#include "vault/vault_impl.h"

using namespace haven;
using namespace haven::vault;

namespace {

constexpr const char* kPassphrase = "fuzz passphrase";
const std::string kWalMark("\0WAL\0", 5);

std::string g_dir;          // scratch folder for whole-vault inputs
std::string g_header;       // a header for the fixed data key, wrapped under kPassphrase

SecretBuffer fixed_data_key() {
  SecretBuffer key(format::kKeyBytes);
  key.resize(format::kKeyBytes);
  std::memset(key.data(), 0x42, format::kKeyBytes);
  return key;
}

format::Header fixed_header_fields() {
  format::Header h;
  std::memset(h.vault_id, 0x17, sizeof h.vault_id);
  h.created_ms = 1700000000000;
  return h;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

VaultOptions options() {
  VaultOptions o;
  o.kdf = test_kdf();
  o.busy_wait_ms = 0;
  o.harden_process = false;
  return o;
}

void read_everything(Vault& v) {
  (void)v.for_each_entry([](const Entry&) { return Status::ok(); });
  (void)v.list_entries(5);
  (void)v.list_moods();
  (void)v.list_settings();
  (void)v.search("river", 3);
}

void fuzz_vault_folder(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string db = input, wal;
  if (size_t mark = input.find(kWalMark); mark != std::string::npos) {
    db = input.substr(0, mark);
    wal = input.substr(mark + kWalMark.size());
  }
  std::filesystem::remove_all(g_dir + "/v");
  std::filesystem::create_directories(g_dir + "/v");
  ::chmod((g_dir + "/v").c_str(), 0700);
  write_file(g_dir + "/v/vault.header", g_header);
  write_file(g_dir + "/v/vault.db", db);
  if (!wal.empty()) write_file(g_dir + "/v/vault.db-wal", wal);
  auto v = Vault::open(g_dir + "/v", Credential::passphrase(kPassphrase), options());
  if (v.is_ok()) read_everything(**v);
}

void fuzz_backup(const uint8_t* data, size_t size) {
  write_file(g_dir + "/backup", std::string(reinterpret_cast<const char*>(data), size));
  std::filesystem::remove_all(g_dir + "/restored");
  Status s = Vault::restore(g_dir + "/backup", g_dir + "/restored", Credential::passphrase(kPassphrase), false,
                            options());
  if (s.is_ok()) {
    auto v = Vault::open(g_dir + "/restored", Credential::passphrase(kPassphrase), options());
    if (v.is_ok()) read_everything(**v);
  }
}

// Builds a small vault with the fixed data key in dir (entries, a mood, a setting), optionally leaving
// its log behind as after a crash.
void make_seed_vault(const std::string& dir, bool keep_log, std::string* db, std::string* wal) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ::chmod(dir.c_str(), 0700);
  auto lock = internal::DirLock::acquire(dir, 0);
  Vault::Impl impl;
  impl.dir = dir;
  impl.options = options();
  impl.env = Env::default_env();
  impl.lock = std::move(*lock);
  impl.header = fixed_header_fields();
  impl.data_key = fixed_data_key();
  if (!internal::open_database(impl, true).is_ok()) std::abort();
  const char* sql =
      "INSERT INTO entries (created_ms, updated_ms, utc_offset_min, body) VALUES (1, 1, 60, 'By the river today.');"
      "INSERT INTO entries (created_ms, updated_ms, utc_offset_min, body) VALUES (2, 2, 60, 'Tired, but the river was calm.');"
      "INSERT INTO moods (created_ms, utc_offset_min, rating, emotions, note) VALUES (3, 60, 6, 'calm,tired', 'ok');"
      "INSERT INTO settings (key, value, updated_ms) VALUES ('model', 'tiny', 4);";
  if (sqlite3_exec(impl.db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) std::abort();
  if (keep_log) {
    *db = read_file(dir + "/vault.db");
    *wal = read_file(dir + "/vault.db-wal");
  } else {
    impl.close();
    *db = read_file(dir + "/vault.db");
  }
}

void write_seeds(const std::string& out) {
  std::filesystem::create_directories(out);
  auto seed = [&](const std::string& name, uint8_t mode, const std::string& body) {
    write_file(out + "/" + name, std::string(1, static_cast<char>(mode)) + body);
  };
  seed("header", 0, g_header);
  {
    std::string block(format::kBlockSize, '\0');
    uint8_t payload[format::kBlockPayload];
    for (size_t i = 0; i < sizeof payload; ++i) payload[i] = static_cast<uint8_t>(i);
    SecretBuffer key = format::derive_subkey(fixed_data_key(), format::Subkey::kFile);
    format::Header h = fixed_header_fields();
    format::seal_block(std::span<const uint8_t, format::kKeyBytes>(key.data(), format::kKeyBytes),
                       format::FileKind::kWal, std::span<const uint8_t, format::kVaultIdBytes>(h.vault_id, 16), 3,
                       std::span<const uint8_t, format::kBlockPayload>(payload, sizeof payload),
                       std::span<uint8_t, format::kBlockSize>(reinterpret_cast<uint8_t*>(block.data()), block.size()));
    std::string prefix(9, '\0');
    prefix[0] = static_cast<char>(format::FileKind::kWal);
    prefix[1] = 3;
    seed("block", 1, prefix + block);
  }
  seed("recovery-key", 2, std::string(format_recovery_key(fixed_data_key()).view()));
  std::string db, wal;
  make_seed_vault(g_dir + "/seed", false, &db, &wal);
  seed("vault-closed", 3, db);
  make_seed_vault(g_dir + "/seed", true, &db, &wal);
  seed("vault-with-log", 3, db + kWalMark + wal);
  {
    // A backup of the closed seed vault, made through the public API.
    std::string unused;
    make_seed_vault(g_dir + "/seed", false, &db, &unused);
    write_file(g_dir + "/seed/vault.header", g_header);
    auto v = Vault::open(g_dir + "/seed", Credential::passphrase(kPassphrase), options());
    if (!v.is_ok()) std::abort();
    std::filesystem::remove(g_dir + "/seed.bak");
    if (!(*v)->backup(g_dir + "/seed.bak").is_ok()) std::abort();
    seed("backup", 4, read_file(g_dir + "/seed.bak"));
  }
  std::printf("wrote seeds to %s\n", out.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* tmp = std::getenv("TMPDIR");
  std::string base = (tmp != nullptr && tmp[0] != '\0') ? tmp : "/tmp";
  std::string tmpl = base + "/haven-vault-fuzz-XXXXXX";
  if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
  g_dir = tmpl;
  std::atexit([] { std::filesystem::remove_all(g_dir); });
  format::Header h = fixed_header_fields();
  SecretBuffer key = fixed_data_key();
  if (!format::set_passphrase(h, key, kPassphrase, test_kdf()).is_ok()) std::abort();
  auto bytes = format::serialize_header(h, key);
  g_header.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (const char* out = std::getenv("HAVEN_VAULT_FUZZ_WRITE_SEEDS"); out != nullptr) {
    write_seeds(out);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t mode = data[0];
  ++data;
  --size;
  switch (mode % 5) {
    case 0: {
      std::span<const uint8_t> bytes(data, size);
      auto header = format::parse_header(bytes);
      // Only unlock with cheap settings: the range check itself allows up to 4 GiB, on purpose.
      if (header.is_ok() && header->kdf.memlimit <= (1u << 20) && header->kdf.opslimit <= 2) {
        (void)format::unlock_with_passphrase(*header, bytes, kPassphrase);
      }
      break;
    }
    case 1: {
      if (size < 9) break;
      auto kind = static_cast<format::FileKind>(data[0] % 6);
      uint64_t index = format::get_u64(data + 1);
      uint8_t block[format::kBlockSize] = {};
      std::memcpy(block, data + 9, std::min(size - 9, sizeof block));
      uint8_t out[format::kBlockPayload];
      SecretBuffer key = format::derive_subkey(fixed_data_key(), format::Subkey::kFile);
      format::Header h = fixed_header_fields();
      (void)format::open_block(std::span<const uint8_t, format::kKeyBytes>(key.data(), format::kKeyBytes), kind,
                               std::span<const uint8_t, format::kVaultIdBytes>(h.vault_id, 16), index,
                               std::span<const uint8_t, format::kBlockSize>(block, sizeof block),
                               std::span<uint8_t, format::kBlockPayload>(out, sizeof out));
      break;
    }
    case 2:
      (void)parse_recovery_key(std::string_view(reinterpret_cast<const char*>(data), size));
      break;
    case 3:
      fuzz_vault_folder(data, size);
      break;
    case 4:
      fuzz_backup(data, size);
      break;
  }
  return 0;
}
