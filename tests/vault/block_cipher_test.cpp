#include "vault/block_cipher.h"

#include <gtest/gtest.h>

#include <array>
#include <cstring>

#include "vault/header.h"
#include "vault/recovery_key.h"

namespace haven::vault::format {
namespace {

struct Sealed {
  std::array<uint8_t, kKeyBytes> key{};
  std::array<uint8_t, kVaultIdBytes> id{};
  std::array<uint8_t, kBlockPayload> plain{};
  std::array<uint8_t, kBlockSize> block{};
  Sealed() {
    key.fill(7);
    id.fill(9);
    for (size_t i = 0; i < plain.size(); ++i) plain[i] = static_cast<uint8_t>(i * 31);
    seal_block(key, FileKind::kDatabase, id, 5, plain, block);
  }
  BlockState open(FileKind kind, uint64_t index, std::array<uint8_t, kBlockPayload>& out) const {
    return open_block(key, kind, id, index, block, out);
  }
};

TEST(BlockCipherTest, SealThenOpen) {
  Sealed s;
  std::array<uint8_t, kBlockPayload> out{};
  EXPECT_EQ(s.open(FileKind::kDatabase, 5, out), BlockState::kOk);
  EXPECT_EQ(out, s.plain);
  EXPECT_NE(std::memcmp(s.block.data(), s.plain.data(), kBlockPayload), 0);
}

TEST(BlockCipherTest, SameContentSealsDifferentlyEachTime) {
  Sealed a, b;
  EXPECT_NE(a.block, b.block);  // fresh random nonce per write
}

TEST(BlockCipherTest, BoundToPositionKindVaultAndKey) {
  Sealed s;
  std::array<uint8_t, kBlockPayload> out{};
  EXPECT_EQ(s.open(FileKind::kDatabase, 6, out), BlockState::kDamaged);
  EXPECT_EQ(s.open(FileKind::kWal, 5, out), BlockState::kDamaged);
  std::array<uint8_t, kVaultIdBytes> other_id{};
  EXPECT_EQ(open_block(s.key, FileKind::kDatabase, other_id, 5, s.block, out), BlockState::kDamaged);
  std::array<uint8_t, kKeyBytes> other_key{};
  EXPECT_EQ(open_block(other_key, FileKind::kDatabase, s.id, 5, s.block, out), BlockState::kDamaged);
  EXPECT_EQ(out, (std::array<uint8_t, kBlockPayload>{}));  // nothing leaks out of a failed open
}

TEST(BlockCipherTest, EveryBitOfTheBlockIsAuthenticated) {
  Sealed s;
  std::array<uint8_t, kBlockPayload> out{};
  for (size_t i = 0; i < kBlockSize; i += 13) {
    Sealed t = s;
    t.block[i] ^= 0x10;
    EXPECT_EQ(t.open(FileKind::kDatabase, 5, out), BlockState::kDamaged) << "byte " << i;
  }
}

TEST(BlockCipherTest, AllZeroBlockIsBlank) {
  std::array<uint8_t, kKeyBytes> key{};
  std::array<uint8_t, kVaultIdBytes> id{};
  std::array<uint8_t, kBlockSize> block{};
  std::array<uint8_t, kBlockPayload> out{};
  out.fill(1);
  EXPECT_EQ(open_block(key, FileKind::kWal, id, 0, block, out), BlockState::kBlank);
  EXPECT_EQ(out, (std::array<uint8_t, kBlockPayload>{}));
}

TEST(BlockCipherTest, LittleEndianHelpers) {
  uint8_t b[8];
  put_u64(b, 0x0102030405060708ull);
  EXPECT_EQ(b[0], 0x08);
  EXPECT_EQ(get_u64(b), 0x0102030405060708ull);
  put_u32(b, 0xA1B2C3D4u);
  EXPECT_EQ(get_u32(b), 0xA1B2C3D4u);
  put_u16(b, 0xBEEF);
  EXPECT_EQ(get_u16(b), 0xBEEF);
}

TEST(VaultHeaderTest, SerializeParseUnlock) {
  Header h;
  h.vault_id[0] = 42;
  h.created_ms = 1700000000000;
  SecretBuffer data_key = random_key();
  ASSERT_TRUE(set_passphrase(h, data_key, "pass phrase", test_kdf()).is_ok());
  auto bytes = serialize_header(h, data_key);
  auto parsed = parse_header(bytes);
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().message();
  EXPECT_EQ(parsed->kdf, test_kdf());
  EXPECT_EQ(parsed->created_ms, 1700000000000);
  EXPECT_FALSE(parsed->has_recovery);
  auto key = unlock_with_passphrase(*parsed, bytes, "pass phrase");
  ASSERT_TRUE(key.is_ok());
  EXPECT_TRUE(secrets_equal(*key, data_key));
  EXPECT_EQ(unlock_with_passphrase(*parsed, bytes, "pass phrasE").status().code(), StatusCode::kUnauthenticated);
}

TEST(VaultHeaderTest, RecoverySlotSurvivesAPassphraseChange) {
  Header h;
  SecretBuffer data_key = random_key();
  SecretBuffer recovery = random_key();
  ASSERT_TRUE(set_passphrase(h, data_key, "one", test_kdf()).is_ok());
  set_recovery_key(h, data_key, recovery);
  ASSERT_TRUE(set_passphrase(h, data_key, "two", test_kdf()).is_ok());
  auto bytes = serialize_header(h, data_key);
  auto parsed = parse_header(bytes);
  ASSERT_TRUE(parsed.is_ok());
  EXPECT_TRUE(secrets_equal(*unlock_with_recovery_key(*parsed, bytes, recovery), data_key));
  EXPECT_EQ(unlock_with_passphrase(*parsed, bytes, "one").status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(unlock_with_passphrase(*parsed, bytes, "two").is_ok());
}

TEST(VaultHeaderTest, BadHeadersAreNamed) {
  Header h;
  SecretBuffer data_key = random_key();
  ASSERT_TRUE(set_passphrase(h, data_key, "p", test_kdf()).is_ok());
  auto good = serialize_header(h, data_key);
  EXPECT_EQ(parse_header(std::span<const uint8_t>(good.data(), 100)).status().code(), StatusCode::kCorruption);
  auto bad_magic = good;
  bad_magic[0] = 'X';
  EXPECT_NE(parse_header(bad_magic).status().message().find("not a Haven vault header"), std::string::npos);
  auto newer = good;
  newer[8] = 2;
  EXPECT_EQ(parse_header(newer).status().code(), StatusCode::kUnsupported);
  auto flipped = good;
  flipped[20] ^= 1;
  EXPECT_NE(parse_header(flipped).status().message().find("checksum"), std::string::npos);
  // A header whose checksum was recomputed after a change still fails: the MAC needs the data key.
  Header evil = *parse_header(good);
  evil.created_ms = 1;
  SecretBuffer other = random_key();
  auto forged = serialize_header(evil, other);
  std::memcpy(forged.data() + 72, good.data() + 72, 72);  // keep the real wrapped key
  auto parsed = parse_header(forged);
  ASSERT_TRUE(parsed.is_ok());
  auto r = unlock_with_passphrase(*parsed, forged, "p");
  EXPECT_FALSE(r.is_ok());
}

TEST(VaultHeaderTest, OutOfRangeKdfSettingsAreRefusedBeforeUse) {
  Header h;
  SecretBuffer data_key = random_key();
  ASSERT_TRUE(set_passphrase(h, data_key, "p", test_kdf()).is_ok());
  h.kdf.memlimit = uint64_t{1} << 40;  // 1 TiB: would be a denial of service
  auto bytes = serialize_header(h, data_key);
  EXPECT_EQ(parse_header(bytes).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(set_passphrase(h, data_key, "p", KdfParams{1, 1}).code(), StatusCode::kInvalidArgument);
}

TEST(RecoveryKeyTest, FormatAndParse) {
  SecretBuffer key = random_key();
  SecretBuffer text = format_recovery_key(key);
  ASSERT_EQ(text.size(), 69u);
  for (size_t i = 4; i < text.size(); i += 5) EXPECT_EQ(text.view()[i], '-');
  auto back = parse_recovery_key(text.view());
  ASSERT_TRUE(back.is_ok());
  EXPECT_TRUE(secrets_equal(*back, key));
  std::string spaced(text.view());
  for (char& c : spaced) {
    if (c == '-') c = ' ';
  }
  EXPECT_TRUE(parse_recovery_key(spaced).is_ok());
  EXPECT_EQ(parse_recovery_key("ABCD-EFGH").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parse_recovery_key(std::string(56, 'U')).status().code(), StatusCode::kInvalidArgument);  // U is not a digit
}

}  // namespace
}  // namespace haven::vault::format
