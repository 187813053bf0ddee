#include "vault/block_cipher.h"

#include <sodium.h>

#include <cstring>

namespace haven::vault::format {
namespace {

constexpr size_t kAdBytes = 1 + kVaultIdBytes + 8;

void make_ad(FileKind kind, std::span<const uint8_t, kVaultIdBytes> vault_id, uint64_t index,
             uint8_t (&ad)[kAdBytes]) {
  ad[0] = static_cast<uint8_t>(kind);
  std::memcpy(ad + 1, vault_id.data(), kVaultIdBytes);
  put_u64(ad + 1 + kVaultIdBytes, index);
}

bool all_zero(const uint8_t* p, size_t n) {
  uint8_t acc = 0;
  for (size_t i = 0; i < n; ++i) acc |= p[i];
  return acc == 0;
}

}  // namespace

void seal_block(std::span<const uint8_t, kKeyBytes> key, FileKind kind,
                std::span<const uint8_t, kVaultIdBytes> vault_id, uint64_t index,
                std::span<const uint8_t, kBlockPayload> payload, std::span<uint8_t, kBlockSize> out) {
  uint8_t ad[kAdBytes];
  make_ad(kind, vault_id, index, ad);
  uint8_t* nonce = out.data() + kBlockPayload;
  uint8_t* tag = nonce + kNonceBytes;
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long tag_len = 0;
  // In-place use is allowed by libsodium, so payload and out may overlap exactly.
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(out.data(), tag, &tag_len, payload.data(), kBlockPayload,
                                                      ad, sizeof ad, nullptr, nonce, key.data());
}

BlockState open_block(std::span<const uint8_t, kKeyBytes> key, FileKind kind,
                      std::span<const uint8_t, kVaultIdBytes> vault_id, uint64_t index,
                      std::span<const uint8_t, kBlockSize> block, std::span<uint8_t, kBlockPayload> payload) {
  if (all_zero(block.data(), kBlockSize)) {
    std::memset(payload.data(), 0, kBlockPayload);
    return BlockState::kBlank;
  }
  uint8_t ad[kAdBytes];
  make_ad(kind, vault_id, index, ad);
  const uint8_t* nonce = block.data() + kBlockPayload;
  const uint8_t* tag = nonce + kNonceBytes;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(payload.data(), nullptr, block.data(), kBlockPayload,
                                                          tag, ad, sizeof ad, nonce, key.data()) != 0) {
    std::memset(payload.data(), 0, kBlockPayload);
    return BlockState::kDamaged;
  }
  return BlockState::kOk;
}

void put_u16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
}
void put_u32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
void put_u64(uint8_t* p, uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}
uint16_t get_u16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t get_u32(const uint8_t* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
uint64_t get_u64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace haven::vault::format
