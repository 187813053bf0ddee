// Each schema migration, run on a vault made at the version before it, with data in it.
#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "vault/schema.h"
#include "vault/vault_impl.h"
#include "vault/vault.h"
#include "vault_test_util.h"

namespace haven::vault {
namespace {

using testing::kPassphrase;
using testing::test_options;

// Writes what a vault at `version` can hold; reads it back after the upgrade.
struct Fixture {
  static Status write(Vault& v, int version) {
    HAVEN_RETURN_IF_ERROR(v.add_entry("written at schema " + std::to_string(version) + " by the river").status());
    if (version >= 2) {
      MoodInput m;
      m.rating = 7;
      m.emotions = {"hopeful"};
      HAVEN_RETURN_IF_ERROR(v.add_mood(m).status());
    }
    if (version >= 3) HAVEN_RETURN_IF_ERROR(v.set_setting("written-at", std::to_string(version)));
    return Status::ok();
  }

  static void check(Vault& v, int version) {
    auto e = v.get_entry(1);
    ASSERT_TRUE(e.is_ok()) << e.status().message();
    EXPECT_EQ(e->text, "written at schema " + std::to_string(version) + " by the river");
    EXPECT_EQ(v.search("river")->size(), 1u);
    auto moods = v.list_moods();
    ASSERT_TRUE(moods.is_ok()) << moods.status().message();
    EXPECT_EQ(moods->size(), version >= 2 ? 1u : 0u);
    auto setting = v.get_setting("written-at");
    ASSERT_TRUE(setting.is_ok()) << setting.status().message();
    EXPECT_EQ(setting->has_value(), version >= 3);
    // Every table works after the upgrade.
    EXPECT_TRUE(v.add_entry("after the upgrade").is_ok());
    MoodInput m;
    m.rating = 5;
    EXPECT_TRUE(v.add_mood(m).is_ok());
    EXPECT_TRUE(v.set_setting("after", "yes").is_ok());
  }
};

TEST(VaultMigrationTest, MigrationsAreNumberedOneByOne) {
  const auto& list = internal::migrations();
  ASSERT_FALSE(list.empty());
  for (size_t i = 0; i < list.size(); ++i) EXPECT_EQ(list[i].version, static_cast<int>(i) + 1);
  EXPECT_EQ(Vault::latest_schema_version(), list.back().version);
}

TEST(VaultMigrationTest, EachMigrationUpgradesAVaultFromTheVersionBefore) {
  const int latest = Vault::latest_schema_version();
  for (int from = 1; from < latest; ++from) {
    SCOPED_TRACE("from schema " + std::to_string(from));
    test::TempDir tmp;
    const std::string dir = tmp.file("vault");
    VaultOptions old = test_options();
    old.schema_version = from;
    {
      auto created = Vault::create(dir, kPassphrase, false, old);
      ASSERT_TRUE(created.is_ok()) << created.status().message();
      EXPECT_EQ(created->vault->schema_version(), from);
      ASSERT_TRUE(Fixture::write(*created->vault, from).is_ok());
    }
    // One step: only the next migration runs.
    VaultOptions next = test_options();
    next.schema_version = from + 1;
    {
      auto v = Vault::open(dir, Credential::passphrase(kPassphrase), next);
      ASSERT_TRUE(v.is_ok()) << v.status().message();
      EXPECT_EQ((*v)->schema_version(), from + 1);
    }
    auto v = Vault::open(dir, Credential::passphrase(kPassphrase), test_options());
    ASSERT_TRUE(v.is_ok()) << v.status().message();
    EXPECT_EQ((*v)->schema_version(), latest);
    Fixture::check(**v, from);
  }
}

TEST(VaultMigrationTest, OlderSchemaSaysWhatIsMissingInsteadOfFailingOddly) {
  test::TempDir tmp;
  VaultOptions old = test_options();
  old.schema_version = 1;
  auto created = Vault::create(tmp.file("vault"), kPassphrase, false, old);
  ASSERT_TRUE(created.is_ok());
  EXPECT_EQ(created->vault->list_moods().status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(created->vault->set_setting("k", "v").code(), StatusCode::kFailedPrecondition);
}

TEST(VaultMigrationTest, ReadOnlyOpenDoesNotMigrate) {
  test::TempDir tmp;
  const std::string dir = tmp.file("vault");
  VaultOptions old = test_options();
  old.schema_version = 1;
  ASSERT_TRUE(Vault::create(dir, kPassphrase, false, old).is_ok());
  auto before = testing::snapshot(dir);
  VaultOptions ro = test_options();
  ro.read_only = true;
  {
    auto v = Vault::open(dir, Credential::passphrase(kPassphrase), ro);
    ASSERT_TRUE(v.is_ok());
    EXPECT_EQ((*v)->schema_version(), 1);
  }
  EXPECT_EQ(testing::snapshot_diff(before, testing::snapshot(dir)), "");
}

// Runs SQL on a vault's database directly, through the same sealed VFS (what a newer Haven would do).
void raw_exec(const std::string& dir, const std::string& sql) {
  std::string raw = testing::read_bytes(internal::header_path(dir));
  std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(raw.data()), raw.size());
  auto header = format::parse_header(bytes);
  ASSERT_TRUE(header.is_ok());
  auto key = internal::unlock(*header, bytes, Credential::passphrase(kPassphrase));
  ASSERT_TRUE(key.is_ok());
  auto vfs = internal::SealedVfs::create(format::derive_subkey(*key, format::Subkey::kFile),
                                         std::span<const uint8_t, 16>(header->vault_id, 16));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(internal::database_path(dir).c_str(), &db, SQLITE_OPEN_READWRITE, vfs->name()), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, ("PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; " + sql).c_str(), nullptr,
                         nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST(VaultMigrationTest, VaultFromANewerHavenIsRefusedUntouched) {
  test::TempDir tmp;
  const std::string dir = tmp.file("vault");
  ASSERT_TRUE(Vault::create(dir, kPassphrase, false, test_options()).is_ok());
  raw_exec(dir, "PRAGMA user_version = " + std::to_string(Vault::latest_schema_version() + 1));
  auto before = testing::snapshot(dir);
  auto v = Vault::open(dir, Credential::passphrase(kPassphrase), test_options());
  EXPECT_EQ(v.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(v.status().message().find("newer Haven"), std::string::npos);
  EXPECT_EQ(testing::snapshot_diff(before, testing::snapshot(dir)), "");
}

TEST(VaultMigrationTest, AFailedMigrationLeavesTheVersionBefore) {
  test::TempDir tmp;
  const std::string dir = tmp.file("vault");
  VaultOptions old = test_options();
  old.schema_version = 1;
  ASSERT_TRUE(Vault::create(dir, kPassphrase, false, old).is_ok());
  // Make migration 2 fail halfway: its table name is taken.
  raw_exec(dir, "CREATE TABLE moods_by_time_blocker (x); CREATE INDEX moods_by_time ON moods_by_time_blocker(x);");
  auto v = Vault::open(dir, Credential::passphrase(kPassphrase), test_options());
  ASSERT_FALSE(v.is_ok());
  EXPECT_NE(v.status().message().find("schema 2"), std::string::npos) << v.status().message();
  VaultOptions ro = test_options();
  ro.read_only = true;
  auto still = Vault::open(dir, Credential::passphrase(kPassphrase), ro);
  ASSERT_TRUE(still.is_ok());
  EXPECT_EQ((*still)->schema_version(), 1);
}

TEST(VaultMigrationTest, ALowerTargetNeverDowngrades) {
  test::TempDir tmp;
  const std::string dir = tmp.file("vault");
  ASSERT_TRUE(Vault::create(dir, kPassphrase, false, test_options()).is_ok());
  VaultOptions lower = test_options();
  lower.schema_version = 1;
  auto v = Vault::open(dir, Credential::passphrase(kPassphrase), lower);
  ASSERT_TRUE(v.is_ok());
  EXPECT_EQ((*v)->schema_version(), Vault::latest_schema_version());
}

}  // namespace
}  // namespace haven::vault
