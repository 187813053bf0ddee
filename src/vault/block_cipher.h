// The sealed block: the unit in which every vault file (the database, its write-ahead log and rollback
// journal, and any temporary file SQLite makes) is stored on disk.
//
// A block is 4096 bytes on disk: 4056 bytes of XChaCha20-Poly1305 ciphertext, then the 24-byte random
// nonce and the 16-byte tag. The associated data binds the block to its file kind, to the vault (its
// random id) and to its position (page or block number), so a block copied to another place, another
// file or another vault fails to open. docs/vault-format.md describes the format and its limits.
//
// These functions are pure (no I/O) so the fuzz target can drive them directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace haven::vault::format {

inline constexpr size_t kBlockSize = 4096;        // bytes on disk per block; also the SQLite page size
inline constexpr size_t kNonceBytes = 24;         // XChaCha20-Poly1305-IETF public nonce
inline constexpr size_t kTagBytes = 16;           // Poly1305 tag
inline constexpr size_t kBlockOverhead = kNonceBytes + kTagBytes;       // 40: the page's reserved bytes
inline constexpr size_t kBlockPayload = kBlockSize - kBlockOverhead;    // 4056 bytes of content
inline constexpr size_t kKeyBytes = 32;
inline constexpr size_t kVaultIdBytes = 16;

// Which file a block belongs to; part of the associated data.
enum class FileKind : uint8_t {
  kDatabase = 1,       // vault.db: block n holds SQLite page n+1
  kWal = 2,            // vault.db-wal
  kJournal = 3,        // vault.db-journal
  kSuperJournal = 4,   // never used by Haven (no attached databases); sealed all the same
  kTemporary = 5,      // SQLite temp files, sealed with a key that exists only in memory
};

// What opening a block found.
enum class BlockState {
  kOk,       // authentic; the plaintext was written
  kBlank,    // all 40 + 4056 bytes are zero: never written (a hole, or an unwritten tail)
  kDamaged,  // authentication failed: changed, torn or from somewhere else
};

// Seals payload (exactly kBlockPayload bytes) into out (exactly kBlockSize bytes) with a fresh random
// nonce.
void seal_block(std::span<const uint8_t, kKeyBytes> key, FileKind kind,
                std::span<const uint8_t, kVaultIdBytes> vault_id, uint64_t index,
                std::span<const uint8_t, kBlockPayload> payload, std::span<uint8_t, kBlockSize> out);

// Opens a sealed block. On kOk, payload holds the plaintext; otherwise payload is zeroed.
BlockState open_block(std::span<const uint8_t, kKeyBytes> key, FileKind kind,
                      std::span<const uint8_t, kVaultIdBytes> vault_id, uint64_t index,
                      std::span<const uint8_t, kBlockSize> block, std::span<uint8_t, kBlockPayload> payload);

// Little-endian helpers shared by the header and backup codecs.
void put_u16(uint8_t* p, uint16_t v);
void put_u32(uint8_t* p, uint32_t v);
void put_u64(uint8_t* p, uint64_t v);
uint16_t get_u16(const uint8_t* p);
uint32_t get_u32(const uint8_t* p);
uint64_t get_u64(const uint8_t* p);

}  // namespace haven::vault::format
