#include "vault/vault.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <filesystem>

#include "support/temp_dir.h"
#include "vault/recovery_key.h"
#include "vault_test_util.h"

namespace haven::vault {
namespace {

using testing::kPassphrase;
using testing::test_options;

class VaultTest : public ::testing::Test {
 protected:
  std::string dir() const { return tmp_.file("vault"); }

  std::unique_ptr<Vault> create() {
    auto created = Vault::create(dir(), kPassphrase, false, test_options());
    EXPECT_TRUE(created.is_ok()) << created.status().message();
    return created.is_ok() ? std::move(created->vault) : nullptr;
  }

  std::unique_ptr<Vault> open(std::string_view pass = kPassphrase) {
    auto v = Vault::open(dir(), Credential::passphrase(pass), test_options());
    EXPECT_TRUE(v.is_ok()) << v.status().message();
    return v.is_ok() ? std::move(*v) : nullptr;
  }

  test::TempDir tmp_;
};

TEST_F(VaultTest, EntriesSurviveCloseAndReopen) {
  int64_t first, second;
  {
    auto v = create();
    ASSERT_NE(v, nullptr);
    first = *v->add_entry("Today I walked by the river and felt calmer.");
    second = *v->add_entry("Second entry: müde, aber zufrieden. 😊");
    EXPECT_LT(first, second);
  }
  auto v = open();
  ASSERT_NE(v, nullptr);
  auto e = v->get_entry(second);
  ASSERT_TRUE(e.is_ok()) << e.status().message();
  EXPECT_EQ(e->text, "Second entry: müde, aber zufrieden. 😊");
  auto list = v->list_entries();
  ASSERT_TRUE(list.is_ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, second);  // newest first
  EXPECT_EQ((*list)[1].preview, "Today I walked by the river and felt calmer.");
  EXPECT_EQ(*v->count_entries(), 2);
}

TEST_F(VaultTest, EditAndDelete) {
  auto v = create();
  int64_t id = *v->add_entry("first version");
  ASSERT_TRUE(v->update_entry(id, "second version").is_ok());
  EXPECT_EQ(v->get_entry(id)->text, "second version");
  EXPECT_EQ(v->update_entry(id + 100, "x").code(), StatusCode::kNotFound);
  ASSERT_TRUE(v->delete_entry(id).is_ok());
  EXPECT_EQ(v->get_entry(id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(v->delete_entry(id).code(), StatusCode::kNotFound);
  // Ids are never reused, so an old id never shows someone a different entry.
  EXPECT_GT(*v->add_entry("third"), id);
}

TEST_F(VaultTest, SearchFindsWordsAfterReopenAndFollowsEdits) {
  int64_t river, other;
  {
    auto v = create();
    river = *v->add_entry("I sat by the river and watched the herons.");
    other = *v->add_entry("Work was loud today. I felt tired.");
    *v->add_entry("Café visit, crème brûlée.");
  }
  auto v = open();
  auto hits = v->search("herons");
  ASSERT_TRUE(hits.is_ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, river);
  EXPECT_NE((*hits)[0].snippet.find("[herons]"), std::string::npos) << (*hits)[0].snippet;
  EXPECT_GT((*hits)[0].created_ms, 0);
  EXPECT_EQ(v->search("TIRED work")->size(), 1u);
  EXPECT_EQ(v->search("tired river")->size(), 0u);  // every word must match
  EXPECT_EQ(v->search("creme")->size(), 1u);        // accents are ignored
  EXPECT_EQ(v->search("her*")->size(), 1u);
  // FTS5 syntax in user input is just text.
  EXPECT_TRUE(v->search("\"unbalanced AND ( NEAR").is_ok());
  EXPECT_TRUE(v->search("!!! ???").is_ok());
  EXPECT_EQ(v->search("   ").status().code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(v->update_entry(other, "Now about gardening.").is_ok());
  EXPECT_EQ(v->search("tired")->size(), 0u);
  EXPECT_EQ(v->search("gardening")->size(), 1u);
  ASSERT_TRUE(v->delete_entry(river).is_ok());
  EXPECT_EQ(v->search("herons")->size(), 0u);
}

TEST_F(VaultTest, MoodsRoundTrip) {
  {
    auto v = create();
    MoodInput m;
    m.rating = 6;
    m.emotions = {"calm", "tired"};
    m.sleep_hours = 7.5;
    m.energy = 4;
    m.note = "slow morning";
    ASSERT_TRUE(v->add_mood(m).is_ok());
    MoodInput bare;
    bare.rating = 0;
    ASSERT_TRUE(v->add_mood(bare).is_ok());
  }
  auto v = open();
  auto moods = v->list_moods();
  ASSERT_TRUE(moods.is_ok());
  ASSERT_EQ(moods->size(), 2u);
  const Mood& m = (*moods)[1];
  EXPECT_EQ(m.rating, 6);
  EXPECT_EQ(m.emotions, (std::vector<std::string>{"calm", "tired"}));
  EXPECT_DOUBLE_EQ(*m.sleep_hours, 7.5);
  EXPECT_EQ(*m.energy, 4);
  EXPECT_EQ(m.note, "slow morning");
  EXPECT_FALSE((*moods)[0].sleep_hours.has_value());
  EXPECT_FALSE((*moods)[0].energy.has_value());
}

TEST_F(VaultTest, MoodInputIsChecked) {
  auto v = create();
  MoodInput m;
  m.rating = 11;
  EXPECT_EQ(v->add_mood(m).status().code(), StatusCode::kInvalidArgument);
  m.rating = 5;
  m.emotions = {"a,b"};
  EXPECT_EQ(v->add_mood(m).status().code(), StatusCode::kInvalidArgument);
  m.emotions = {"ok"};
  m.sleep_hours = 25;
  EXPECT_EQ(v->add_mood(m).status().code(), StatusCode::kInvalidArgument);
  m.sleep_hours.reset();
  m.energy = -1;
  EXPECT_EQ(v->add_mood(m).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(v->list_moods()->empty());
}

TEST_F(VaultTest, SettingsRoundTrip) {
  {
    auto v = create();
    ASSERT_TRUE(v->set_setting("model", "tiny-qwen").is_ok());
    ASSERT_TRUE(v->set_setting("model", "tiny-llama").is_ok());
    ASSERT_TRUE(v->set_setting("empty", "").is_ok());
    ASSERT_TRUE(v->set_setting("gone", "x").is_ok());
    ASSERT_TRUE(v->delete_setting("gone").is_ok());
    ASSERT_TRUE(v->delete_setting("never-there").is_ok());
  }
  auto v = open();
  EXPECT_EQ(**v->get_setting("model"), "tiny-llama");
  EXPECT_EQ(**v->get_setting("empty"), "");
  EXPECT_FALSE(v->get_setting("gone")->has_value());
  auto all = v->list_settings();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].first, "empty");
  ASSERT_TRUE(v->set_setting("companion/a", "1").is_ok());
  ASSERT_TRUE(v->set_setting("companion/b", "2").is_ok());
  ASSERT_TRUE(v->set_setting("companionship", "3").is_ok());
  auto prefixed = v->list_settings("companion/");
  ASSERT_TRUE(prefixed.is_ok());
  ASSERT_EQ(prefixed->size(), 2u);
  EXPECT_EQ((*prefixed)[1].second, "2");
  EXPECT_EQ(v->set_setting("", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(v->set_setting("k", std::string("\xff")).code(), StatusCode::kInvalidArgument);
}

TEST_F(VaultTest, TransactionCommitsTogetherOrNotAtAll) {
  auto v = create();
  Status failed = v->transaction([&]() -> Status {
    EXPECT_TRUE(v->add_entry("inside a failed transaction").is_ok());
    EXPECT_TRUE(v->set_setting("k", "v").is_ok());
    return invalid_argument("stop");
  });
  EXPECT_EQ(failed.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*v->count_entries(), 0);
  EXPECT_FALSE(v->get_setting("k")->has_value());
  ASSERT_TRUE(v->transaction([&]() -> Status {
                 HAVEN_RETURN_IF_ERROR(v->add_entry("one").status());
                 // A nested transaction that fails rolls back only its own part.
                 (void)v->transaction([&]() -> Status {
                   (void)v->add_entry("nested, rolled back");
                   return cancelled("no");
                 });
                 return v->add_entry("two").status();
               }).is_ok());
  EXPECT_EQ(*v->count_entries(), 2);
}

TEST_F(VaultTest, TenMegabyteEntryRoundTrips) {
  std::string big;
  big.reserve(10 << 20);
  for (size_t i = 0; big.size() < (10u << 20); ++i) big += "line " + std::to_string(i) + " ünïcödé text\n";
  int64_t id;
  {
    auto v = create();
    auto r = v->add_entry(big);
    ASSERT_TRUE(r.is_ok()) << r.status().message();
    id = *r;
  }
  auto v = open();
  auto e = v->get_entry(id);
  ASSERT_TRUE(e.is_ok());
  EXPECT_EQ(e->text.size(), big.size());
  EXPECT_TRUE(e->text == big);
  EXPECT_EQ(v->search("ünïcödé")->size(), 1u);
}

TEST_F(VaultTest, InvalidTextIsRejectedAndNothingIsStored) {
  auto v = create();
  auto bad = v->add_entry(std::string("ok then \xc3\x28 broken"));
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("UTF-8"), std::string::npos);
  EXPECT_NE(bad.status().message().find("offset 8"), std::string::npos) << bad.status().message();
  EXPECT_EQ(v->add_entry(std::string("nul\0byte", 8)).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(v->add_entry(" \n\t").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(v->add_entry(std::string(kMaxEntryBytes + 1, 'a')).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*v->count_entries(), 0);
}

TEST_F(VaultTest, WrongPassphraseSaysSoAndTouchesNothing) {
  {
    auto v = create();
    *v->add_entry("something private");
  }
  auto before = testing::snapshot(dir());
  auto mtime = std::filesystem::last_write_time(dir());
  auto v = Vault::open(dir(), Credential::passphrase("not the passphrase"), test_options());
  ASSERT_FALSE(v.is_ok());
  EXPECT_EQ(v.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(v.status().message().find("passphrase"), std::string::npos);
  EXPECT_EQ(testing::snapshot_diff(before, testing::snapshot(dir())), "");
  EXPECT_EQ(std::filesystem::last_write_time(dir()), mtime);
  EXPECT_EQ(Vault::open(dir(), Credential::passphrase(""), test_options()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(VaultTest, FilesArePrivate) {
  auto v = create();
  *v->add_entry("x");
  EXPECT_EQ(testing::mode_of(dir()), 0700);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir())) {
    EXPECT_EQ(testing::mode_of(entry.path().string()), 0600) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 3);  // header, database and (while open) the log
  v.reset();
  for (const auto& entry : std::filesystem::directory_iterator(dir())) {
    EXPECT_EQ(testing::mode_of(entry.path().string()), 0600) << entry.path();
  }
}

TEST_F(VaultTest, ExistingFolderIsMadePrivateAndForeignFilesRefused) {
  std::filesystem::create_directories(dir());
  std::filesystem::permissions(dir(), std::filesystem::perms::all);
  ASSERT_NE(create(), nullptr);
  EXPECT_EQ(testing::mode_of(dir()), 0700);
  std::string other = tmp_.file("other");
  std::filesystem::create_directories(other);
  testing::write_bytes(other + "/notes.txt", "mine");
  auto r = Vault::create(other, kPassphrase, false, test_options());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(testing::read_bytes(other + "/notes.txt"), "mine");
}

TEST_F(VaultTest, CreateRefusesAnExistingVault) {
  create();
  EXPECT_EQ(Vault::create(dir(), "other pass", false, test_options()).status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_NE(open(), nullptr);
}

TEST_F(VaultTest, MissingVaultIsNotFound) {
  auto v = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
  EXPECT_EQ(v.status().code(), StatusCode::kNotFound);
  EXPECT_NE(v.status().message().find("haven init"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir()));
}

TEST_F(VaultTest, SecondOpenIsBusyAndNothingBreaks) {
  auto v = create();
  *v->add_entry("held");
  auto second = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  EXPECT_NE(second.status().message().find("another Haven process"), std::string::npos);
  EXPECT_EQ(Vault::wipe(dir(), test_options()).code(), StatusCode::kBusy);
  *v->add_entry("still fine");
  v.reset();
  auto again = open();
  EXPECT_EQ(*again->count_entries(), 2);
}

TEST_F(VaultTest, UnlockTurnsCoreDumpsOff) {
  auto v = create();
  struct rlimit rl {};
  ASSERT_EQ(getrlimit(RLIMIT_CORE, &rl), 0);
  EXPECT_EQ(rl.rlim_cur, 0u);
  EXPECT_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
}

TEST_F(VaultTest, ChangePassphraseKeepsDataAndRecoveryKey) {
  SecretBuffer recovery;
  {
    auto created = Vault::create(dir(), kPassphrase, true, test_options());
    ASSERT_TRUE(created.is_ok());
    recovery = std::move(created->recovery_key);
    EXPECT_EQ(recovery.size(), 69u);  // 56 characters in groups of four
    *created->vault->add_entry("before the change");
    ASSERT_TRUE(created->vault->change_passphrase("a brand new passphrase", test_kdf()).is_ok());
  }
  EXPECT_EQ(Vault::open(dir(), Credential::passphrase(kPassphrase), test_options()).status().code(),
            StatusCode::kUnauthenticated);
  auto v = open("a brand new passphrase");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(*v->count_entries(), 1);
  EXPECT_TRUE(v->has_recovery_key());
  v.reset();
  auto by_key = Vault::open(dir(), Credential::recovery_key(recovery.view()), test_options());
  ASSERT_TRUE(by_key.is_ok()) << by_key.status().message();
  EXPECT_EQ(*(*by_key)->count_entries(), 1);
  // A recovery key opens the vault so the passphrase can be reset.
  ASSERT_TRUE((*by_key)->change_passphrase("reset after forgetting", test_kdf()).is_ok());
  by_key->reset();
  EXPECT_NE(open("reset after forgetting"), nullptr);
}

TEST_F(VaultTest, RecoveryKeyTyposAreCaught) {
  auto created = Vault::create(dir(), kPassphrase, true, test_options());
  std::string key(created->recovery_key.view());
  created->vault.reset();
  std::string lower = key;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(Vault::open(dir(), Credential::recovery_key(lower), test_options()).is_ok());
  std::string typo = key;
  typo[5] = typo[5] == 'A' ? 'B' : 'A';
  auto r = Vault::open(dir(), Credential::recovery_key(typo), test_options());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("typo"), std::string::npos);
  auto other = format_recovery_key(SecretBuffer::copy_of(std::string(32, '\x01')));
  EXPECT_EQ(Vault::open(dir(), Credential::recovery_key(other.view()), test_options()).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_F(VaultTest, VaultWithoutRecoveryKeyRefusesOne) {
  create();
  auto key = format_recovery_key(SecretBuffer::copy_of(std::string(32, '\x07')));
  EXPECT_EQ(Vault::open(dir(), Credential::recovery_key(key.view()), test_options()).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_F(VaultTest, WipeErasesEverything) {
  {
    auto v = create();
    *v->add_entry("to be erased");
  }
  std::string header = testing::read_bytes(dir() + "/vault.header");
  ASSERT_TRUE(Vault::wipe(dir(), test_options()).is_ok());
  EXPECT_FALSE(std::filesystem::exists(dir()));
  EXPECT_FALSE(Vault::exists(dir()));
  EXPECT_EQ(Vault::wipe(dir(), test_options()).code(), StatusCode::kNotFound);
}

TEST_F(VaultTest, WipeLeavesForeignFilesAndTheFolder) {
  { auto v = create(); }
  testing::write_bytes(dir() + "/mine.txt", "keep me");
  ASSERT_TRUE(Vault::wipe(dir(), test_options()).is_ok());
  EXPECT_EQ(testing::read_bytes(dir() + "/mine.txt"), "keep me");
  EXPECT_FALSE(std::filesystem::exists(dir() + "/vault.db"));
  EXPECT_FALSE(Vault::exists(dir()));
}

TEST_F(VaultTest, KdfProfilesByName) {
  EXPECT_EQ(*kdf_profile("test"), test_kdf());
  EXPECT_EQ(*kdf_profile("moderate"), production_kdf());
  EXPECT_TRUE(kdf_profile("interactive").is_ok());
  EXPECT_EQ(kdf_profile("fast").status().code(), StatusCode::kInvalidArgument);
  auto v = create();
  EXPECT_EQ(v->kdf(), test_kdf());
}

}  // namespace
}  // namespace haven::vault
