#include "vault/recovery_key.h"

#include <sodium.h>

namespace haven::vault {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kKeyBytes = 32;
constexpr size_t kKeyChars = 52;    // ceil(256 / 5)
constexpr size_t kCheckChars = 4;   // 20 bits of BLAKE2b over the key
constexpr size_t kTotalChars = kKeyChars + kCheckChars;

int decode_char(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'I' || c == 'L') c = '1';
  if (c == 'O') c = '0';
  for (int i = 0; i < 32; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}

// 20 check bits as four symbols.
void check_symbols(const uint8_t* key, uint8_t (&out)[kCheckChars]) {
  uint8_t hash[16];
  crypto_generichash(hash, sizeof hash, key, kKeyBytes, nullptr, 0);
  uint32_t bits = (uint32_t{hash[0]} << 12) | (uint32_t{hash[1]} << 4) | (hash[2] >> 4);
  for (size_t i = 0; i < kCheckChars; ++i) out[i] = static_cast<uint8_t>((bits >> (5 * (kCheckChars - 1 - i))) & 31);
}

}  // namespace

SecretBuffer format_recovery_key(const SecretBuffer& key) {
  uint8_t symbols[kTotalChars] = {};
  // Big-endian bit stream of the key, 5 bits per symbol; the last symbol has 4 bits of padding.
  for (size_t s = 0; s < kKeyChars; ++s) {
    uint32_t value = 0;
    for (size_t b = 0; b < 5; ++b) {
      size_t bit = s * 5 + b;
      uint32_t v = bit < kKeyBytes * 8 ? (key.data()[bit / 8] >> (7 - bit % 8)) & 1 : 0;
      value = (value << 1) | v;
    }
    symbols[s] = static_cast<uint8_t>(value);
  }
  uint8_t check[kCheckChars];
  check_symbols(key.data(), check);
  for (size_t i = 0; i < kCheckChars; ++i) symbols[kKeyChars + i] = check[i];
  SecretBuffer out(kTotalChars + kTotalChars / 4 - 1);
  for (size_t i = 0; i < kTotalChars; ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(static_cast<uint8_t>(kAlphabet[symbols[i]]));
  }
  sodium_memzero(symbols, sizeof symbols);
  return out;
}

Result<SecretBuffer> parse_recovery_key(std::string_view text) {
  uint8_t symbols[kTotalChars] = {};
  size_t n = 0;
  for (char c : text) {
    if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    int v = decode_char(c);
    if (v < 0 || n >= kTotalChars) {
      sodium_memzero(symbols, sizeof symbols);
      return invalid_argument("that is not a Haven recovery key (expected 56 letters and digits in groups of four)");
    }
    symbols[n++] = static_cast<uint8_t>(v);
  }
  if (n != kTotalChars) {
    sodium_memzero(symbols, sizeof symbols);
    return invalid_argument("that is not a Haven recovery key (expected 56 letters and digits, found " +
                            std::to_string(n) + ")");
  }
  SecretBuffer key(kKeyBytes);
  key.resize(kKeyBytes);
  for (size_t s = 0; s < kKeyChars; ++s) {
    for (size_t b = 0; b < 5; ++b) {
      size_t bit = s * 5 + b;
      if (bit >= kKeyBytes * 8) break;
      if ((symbols[s] >> (4 - b)) & 1) key.data()[bit / 8] |= static_cast<uint8_t>(1u << (7 - bit % 8));
    }
  }
  uint8_t check[kCheckChars];
  check_symbols(key.data(), check);
  bool ok = sodium_memcmp(check, symbols + kKeyChars, kCheckChars) == 0;
  sodium_memzero(symbols, sizeof symbols);
  if (!ok) return invalid_argument("that recovery key has a typo (its last four characters do not match the rest)");
  return key;
}

}  // namespace haven::vault
