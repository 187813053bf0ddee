// The vault header file (`<vault>/vault.header`): the KDF parameters and salt, the vault id, and the
// random data key wrapped by a key derived from the passphrase and, optionally, by the recovery key.
//
// Layout (all integers little-endian; docs/vault-format.md has the full description):
//   0   8  magic "HAVENVLT"            72  24 passphrase slot: nonce
//   8   2  format version (1)          96  48 passphrase slot: wrapped data key + tag
//   10  2  header size (288)           144  1 recovery slot present (0 or 1)
//   12  1  KDF (2 = Argon2id v1.3)     145  7 zero
//   13  1  cipher (1 = XChaCha20-Poly1305-IETF)
//   14  1  log2 of the page size (12)  152 24 recovery slot: nonce
//   15  1  reserved bytes per page (40) 176 48 recovery slot: wrapped data key + tag
//   16  8  Argon2id opslimit           224 32 MAC: BLAKE2b-256 over bytes 0..223, keyed by a subkey
//   24  8  Argon2id memlimit                  of the data key
//   32 16  salt                        256 32 checksum: unkeyed BLAKE2b-256 over bytes 0..255
//   48 16  vault id
//   64  8  created (Unix ms)
// The passphrase slot binds bytes 0..71 as associated data (so the KDF parameters, salt and vault id
// cannot be changed without the unwrap failing); the recovery slot binds bytes 0..15 and 48..71 (not
// the salt and KDF settings, which a passphrase change replaces). The unkeyed checksum only tells
// accidental damage apart from a wrong passphrase; the MAC is what authenticates the whole header.
// raw_header arguments below are the 288 bytes the Header was parsed from.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/status.h"
#include "vault/block_cipher.h"
#include "vault/kdf.h"
#include "vault/secret.h"

namespace haven::vault::format {

inline constexpr size_t kHeaderBytes = 288;
inline constexpr uint16_t kHeaderVersion = 1;
inline constexpr size_t kSaltBytes = 16;
inline constexpr size_t kWrappedKeyBytes = kKeyBytes + kTagBytes;

struct Header {
  KdfParams kdf;
  uint8_t salt[kSaltBytes] = {};
  uint8_t vault_id[kVaultIdBytes] = {};
  int64_t created_ms = 0;
  uint8_t pass_nonce[kNonceBytes] = {};
  uint8_t pass_wrapped[kWrappedKeyBytes] = {};
  bool has_recovery = false;
  uint8_t rec_nonce[kNonceBytes] = {};
  uint8_t rec_wrapped[kWrappedKeyBytes] = {};
};

// Checks everything that needs no key: size, magic, version, checksum, field values and ranges.
// kCorruption for damage, kUnsupported for a newer format version.
Result<Header> parse_header(std::span<const uint8_t> bytes);

// The 288 header bytes, with the MAC (from data_key) and checksum filled in.
std::array<uint8_t, kHeaderBytes> serialize_header(const Header& header, const SecretBuffer& data_key);

// Subkeys of the data key (crypto_kdf, context "havenvlt").
enum class Subkey : uint64_t { kFile = 1, kHeaderMac = 2, kBackup = 3 };
SecretBuffer derive_subkey(const SecretBuffer& data_key, Subkey which);

// A fresh random 32-byte key in locked memory.
SecretBuffer random_key();

// Stretches the passphrase with Argon2id. kInvalidArgument for parameters out of range, kInternal if
// the memory could not be had.
Result<SecretBuffer> derive_passphrase_key(std::string_view passphrase, std::span<const uint8_t, kSaltBytes> salt,
                                           const KdfParams& kdf);

// Sets a new salt and KDF parameters and wraps data_key under the passphrase (the recovery slot stays).
Status set_passphrase(Header& header, const SecretBuffer& data_key, std::string_view passphrase,
                      const KdfParams& kdf);
// Wraps data_key under a 32-byte recovery key and marks the slot present.
void set_recovery_key(Header& header, const SecretBuffer& data_key, const SecretBuffer& recovery_key);

// Unwraps the data key and checks the header MAC. kUnauthenticated: the passphrase (or recovery key)
// does not open this vault. kCorruption: the key opened but the header was changed.
Result<SecretBuffer> unlock_with_passphrase(const Header& header, std::span<const uint8_t> raw_header,
                                            std::string_view passphrase);
Result<SecretBuffer> unlock_with_recovery_key(const Header& header, std::span<const uint8_t> raw_header,
                                              const SecretBuffer& recovery_key);

}  // namespace haven::vault::format
