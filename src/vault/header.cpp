#include "vault/header.h"

#include <sodium.h>

#include <cstring>
#include <string>

namespace haven::vault {

KdfParams production_kdf() {
  return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams test_kdf() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

Result<KdfParams> kdf_profile(std::string_view name) {
  if (name == "test") return test_kdf();
  if (name == "interactive") return KdfParams{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
  if (name == "moderate") return production_kdf();
  if (name == "sensitive") return KdfParams{crypto_pwhash_OPSLIMIT_SENSITIVE, crypto_pwhash_MEMLIMIT_SENSITIVE};
  return invalid_argument("unknown KDF profile '" + std::string(name) +
                          "': expected test, interactive, moderate or sensitive");
}

namespace format {
namespace {

constexpr uint8_t kMagic[8] = {'H', 'A', 'V', 'E', 'N', 'V', 'L', 'T'};
constexpr uint8_t kKdfArgon2id = crypto_pwhash_ALG_ARGON2ID13;
constexpr uint8_t kCipherXChaCha = 1;
constexpr uint8_t kLog2PageSize = 12;
constexpr size_t kPassAdBytes = 72;      // the passphrase slot binds bytes 0..71
constexpr size_t kRecoveryAdBytes = 40;  // the recovery slot binds bytes 0..15 and 48..71
constexpr size_t kMacOffset = 224;
constexpr size_t kChecksumOffset = 256;
constexpr char kSubkeyContext[crypto_kdf_CONTEXTBYTES + 1] = "havenvlt";
constexpr char kRecoveryContext[crypto_kdf_CONTEXTBYTES + 1] = "hvnrecov";

static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(kKeyBytes == crypto_kdf_KEYBYTES);
static_assert(size_t{1} << kLog2PageSize == kBlockSize);

// Writes bytes 0..223 (everything the MAC covers).
void write_body(const Header& h, uint8_t* out) {
  std::memset(out, 0, kHeaderBytes);
  std::memcpy(out, kMagic, 8);
  put_u16(out + 8, kHeaderVersion);
  put_u16(out + 10, static_cast<uint16_t>(kHeaderBytes));
  out[12] = kKdfArgon2id;
  out[13] = kCipherXChaCha;
  out[14] = kLog2PageSize;
  out[15] = static_cast<uint8_t>(kBlockOverhead);
  put_u64(out + 16, h.kdf.opslimit);
  put_u64(out + 24, h.kdf.memlimit);
  std::memcpy(out + 32, h.salt, kSaltBytes);
  std::memcpy(out + 48, h.vault_id, kVaultIdBytes);
  put_u64(out + 64, static_cast<uint64_t>(h.created_ms));
  std::memcpy(out + 72, h.pass_nonce, kNonceBytes);
  std::memcpy(out + 96, h.pass_wrapped, kWrappedKeyBytes);
  out[144] = h.has_recovery ? 1 : 0;
  std::memcpy(out + 152, h.rec_nonce, kNonceBytes);
  std::memcpy(out + 176, h.rec_wrapped, kWrappedKeyBytes);
}

void compute_mac(const uint8_t* body, const SecretBuffer& data_key, uint8_t* mac) {
  SecretBuffer mac_key = derive_subkey(data_key, Subkey::kHeaderMac);
  crypto_generichash(mac, 32, body, kMacOffset, mac_key.data(), mac_key.size());
}

// The recovery slot leaves out the salt and KDF settings: a passphrase change replaces those, and the
// recovery slot cannot be rewrapped without the recovery key.
void recovery_ad(const uint8_t* body, uint8_t (&ad)[kRecoveryAdBytes]) {
  std::memcpy(ad, body, 16);
  std::memcpy(ad + 16, body + 48, 24);
}

void wrap(const uint8_t* ad, size_t ad_len, const SecretBuffer& kek, const SecretBuffer& data_key, uint8_t* nonce,
          uint8_t* wrapped) {
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped, &len, data_key.data(), kKeyBytes, ad, ad_len, nullptr, nonce,
                                             kek.data());
}

Result<SecretBuffer> unwrap(std::span<const uint8_t> raw, const SecretBuffer& kek,
                            const uint8_t* ad, size_t ad_len, const uint8_t* nonce, const uint8_t* wrapped,
                            const char* what) {
  SecretBuffer data_key(kKeyBytes);
  data_key.resize(kKeyBytes);
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(data_key.data(), &len, nullptr, wrapped, kWrappedKeyBytes, ad,
                                                 ad_len, nonce, kek.data()) != 0 ||
      len != kKeyBytes) {
    return unauthenticated(std::string("that ") + what + " does not open this vault");
  }
  uint8_t mac[32];
  compute_mac(raw.data(), data_key, mac);
  if (sodium_memcmp(mac, raw.data() + kMacOffset, sizeof mac) != 0) {
    return corruption("the vault header was changed outside Haven (its authentication code does not match)");
  }
  return data_key;
}

}  // namespace

Result<Header> parse_header(std::span<const uint8_t> bytes) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    return corruption("the vault header is not a Haven vault header (wrong magic bytes)");
  }
  if (bytes.size() >= 10) {
    uint16_t version = get_u16(bytes.data() + 8);
    if (version > kHeaderVersion) {
      // Checked before the checksum so a newer layout is reported as newer, not as damage.
      return unsupported("the vault was made by a newer Haven (header format " + std::to_string(version) +
                         "; this build reads format " + std::to_string(kHeaderVersion) + ")");
    }
  }
  if (bytes.size() != kHeaderBytes) {
    return corruption("the vault header is " + std::to_string(bytes.size()) + " bytes, expected " +
                      std::to_string(kHeaderBytes) + " (truncated or damaged)");
  }
  uint8_t sum[32];
  crypto_generichash(sum, sizeof sum, bytes.data(), kChecksumOffset, nullptr, 0);
  if (sodium_memcmp(sum, bytes.data() + kChecksumOffset, sizeof sum) != 0) {
    return corruption("the vault header is damaged (its checksum does not match)");
  }
  const uint8_t* p = bytes.data();
  uint16_t version = get_u16(p + 8);
  if (version != kHeaderVersion) {
    return corruption("the vault header has format version " + std::to_string(version) + ", expected " +
                      std::to_string(kHeaderVersion));
  }
  if (get_u16(p + 10) != kHeaderBytes) return corruption("the vault header states a wrong size");
  if (p[12] != kKdfArgon2id) return unsupported("the vault header names an unknown key derivation (" + std::to_string(p[12]) + ")");
  if (p[13] != kCipherXChaCha) return unsupported("the vault header names an unknown cipher (" + std::to_string(p[13]) + ")");
  if (p[14] != kLog2PageSize || p[15] != kBlockOverhead) {
    return unsupported("the vault header names a page layout this build does not know");
  }
  Header h;
  h.kdf.opslimit = get_u64(p + 16);
  h.kdf.memlimit = get_u64(p + 24);
  if (h.kdf.opslimit < kMinOpslimit || h.kdf.opslimit > kMaxOpslimit || h.kdf.memlimit < kMinMemlimit ||
      h.kdf.memlimit > kMaxMemlimit) {
    return corruption("the vault header has key-derivation settings out of range (" +
                      std::to_string(h.kdf.opslimit) + " passes, " + std::to_string(h.kdf.memlimit) + " bytes)");
  }
  std::memcpy(h.salt, p + 32, kSaltBytes);
  std::memcpy(h.vault_id, p + 48, kVaultIdBytes);
  h.created_ms = static_cast<int64_t>(get_u64(p + 64));
  std::memcpy(h.pass_nonce, p + 72, kNonceBytes);
  std::memcpy(h.pass_wrapped, p + 96, kWrappedKeyBytes);
  if (p[144] > 1) return corruption("the vault header has an invalid recovery-slot flag");
  h.has_recovery = p[144] == 1;
  for (size_t i = 145; i < 152; ++i) {
    if (p[i] != 0) return corruption("the vault header has non-zero reserved bytes");
  }
  std::memcpy(h.rec_nonce, p + 152, kNonceBytes);
  std::memcpy(h.rec_wrapped, p + 176, kWrappedKeyBytes);
  return h;
}

std::array<uint8_t, kHeaderBytes> serialize_header(const Header& header, const SecretBuffer& data_key) {
  std::array<uint8_t, kHeaderBytes> out{};
  write_body(header, out.data());
  compute_mac(out.data(), data_key, out.data() + kMacOffset);
  crypto_generichash(out.data() + kChecksumOffset, 32, out.data(), kChecksumOffset, nullptr, 0);
  return out;
}

SecretBuffer derive_subkey(const SecretBuffer& data_key, Subkey which) {
  SecretBuffer key(kKeyBytes);
  key.resize(kKeyBytes);
  crypto_kdf_derive_from_key(key.data(), kKeyBytes, static_cast<uint64_t>(which), kSubkeyContext, data_key.data());
  return key;
}

SecretBuffer random_key() {
  SecretBuffer key(kKeyBytes);
  key.resize(kKeyBytes);
  randombytes_buf(key.data(), kKeyBytes);
  return key;
}

Result<SecretBuffer> derive_passphrase_key(std::string_view passphrase, std::span<const uint8_t, kSaltBytes> salt,
                                           const KdfParams& kdf) {
  if (kdf.opslimit < kMinOpslimit || kdf.opslimit > kMaxOpslimit || kdf.memlimit < kMinMemlimit ||
      kdf.memlimit > kMaxMemlimit) {
    return invalid_argument("key-derivation settings out of range");
  }
  SecretBuffer key(kKeyBytes);
  key.resize(kKeyBytes);
  if (crypto_pwhash(key.data(), kKeyBytes, passphrase.data(), passphrase.size(), salt.data(), kdf.opslimit,
                    static_cast<size_t>(kdf.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return internal_error("not enough memory to derive the key from the passphrase (" +
                          std::to_string(kdf.memlimit >> 20) + " MiB needed)");
  }
  return key;
}

Status set_passphrase(Header& header, const SecretBuffer& data_key, std::string_view passphrase,
                      const KdfParams& kdf) {
  Header next = header;
  next.kdf = kdf;
  randombytes_buf(next.salt, kSaltBytes);
  HAVEN_ASSIGN_OR_RETURN(SecretBuffer kek, derive_passphrase_key(passphrase, next.salt, kdf));
  uint8_t body[kHeaderBytes];
  write_body(next, body);
  wrap(body, kPassAdBytes, kek, data_key, next.pass_nonce, next.pass_wrapped);
  header = next;
  return Status::ok();
}

void set_recovery_key(Header& header, const SecretBuffer& data_key, const SecretBuffer& recovery_key) {
  uint8_t body[kHeaderBytes];
  write_body(header, body);
  uint8_t ad[kRecoveryAdBytes];
  recovery_ad(body, ad);
  SecretBuffer kek(kKeyBytes);
  kek.resize(kKeyBytes);
  crypto_kdf_derive_from_key(kek.data(), kKeyBytes, 1, kRecoveryContext, recovery_key.data());
  wrap(ad, sizeof ad, kek, data_key, header.rec_nonce, header.rec_wrapped);
  header.has_recovery = true;
}

Result<SecretBuffer> unlock_with_passphrase(const Header& header, std::span<const uint8_t> raw_header,
                                            std::string_view passphrase) {
  HAVEN_ASSIGN_OR_RETURN(SecretBuffer kek, derive_passphrase_key(passphrase, header.salt, header.kdf));
  return unwrap(raw_header, kek, raw_header.data(), kPassAdBytes, header.pass_nonce, header.pass_wrapped,
                "passphrase");
}

Result<SecretBuffer> unlock_with_recovery_key(const Header& header, std::span<const uint8_t> raw_header,
                                              const SecretBuffer& recovery_key) {
  if (!header.has_recovery) return unauthenticated("this vault was set up without a recovery key");
  if (recovery_key.size() != kKeyBytes) return invalid_argument("a recovery key is 32 bytes");
  SecretBuffer kek(kKeyBytes);
  kek.resize(kKeyBytes);
  crypto_kdf_derive_from_key(kek.data(), kKeyBytes, 1, kRecoveryContext, recovery_key.data());
  uint8_t ad[kRecoveryAdBytes];
  recovery_ad(raw_header.data(), ad);
  return unwrap(raw_header, kek, ad, sizeof ad, header.rec_nonce, header.rec_wrapped, "recovery key");
}

}  // namespace format
}  // namespace haven::vault
