// What is on disk: nothing readable, every file made of whole sealed blocks, and damage reported
// instead of read.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>
#include <filesystem>

#include "support/temp_dir.h"
#include "vault/vault.h"
#include "vault_test_util.h"

namespace haven::vault {
namespace {

using testing::kPassphrase;
using testing::read_bytes;
using testing::test_options;
using testing::write_bytes;

const std::string kMarker = "ZebraMarmalade7Q";

// The marker in the encodings a careless program might leave it in.
std::vector<std::string> encodings(const std::string& ascii) {
  std::vector<std::string> out{ascii};
  std::string le, be;
  for (char c : ascii) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  out.push_back(le);
  out.push_back(be);
  // base64 of the marker at each of the three alignments, minus the edge characters that depend on
  // the neighbouring bytes.
  for (int shift = 0; shift < 3; ++shift) {
    std::string padded = std::string(static_cast<size_t>(shift), 'x') + ascii;
    std::string b64(sodium_base64_ENCODED_LEN(padded.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(padded.data()), padded.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    b64.resize(std::strlen(b64.c_str()));
    size_t skip = (static_cast<size_t>(shift) * 4 + 2) / 3 + 1;
    out.push_back(b64.substr(skip, b64.size() - skip - 4));
  }
  return out;
}

// A plaintext WAL starts with its magic; four bytes anywhere in a megabyte of sealed bytes would match by
// chance about once in a thousand runs, so the magic is looked for where SQLite writes it.
std::vector<std::string> files_starting_with(const std::string& dir, const std::vector<std::string>& magics) {
  std::vector<std::string> found;
  for (const auto& [path, bytes] : testing::snapshot(dir)) {
    for (const auto& m : magics) {
      if (bytes.compare(0, m.size(), m) == 0) found.push_back(path);
    }
  }
  return found;
}

std::vector<std::string> files_containing(const std::string& dir, const std::vector<std::string>& needles) {
  std::vector<std::string> found;
  for (const auto& [path, bytes] : testing::snapshot(dir)) {
    for (const auto& n : needles) {
      if (bytes.find(n) != std::string::npos) found.push_back(path);
    }
  }
  return found;
}

// Adds n entries in one transaction (one sync instead of n).
Status add_many(Vault& v, int n) {
  return v.transaction([&]() -> Status {
    for (int i = 0; i < n; ++i) HAVEN_RETURN_IF_ERROR(v.add_entry("entry " + std::to_string(i)).status());
    return Status::ok();
  });
}

class SealedFilesTest : public ::testing::Test {
 protected:
  std::string dir() const { return tmp_.file("vault"); }
  std::unique_ptr<Vault> open_dir(const std::string& d) {
    auto v = Vault::open(d, Credential::passphrase(kPassphrase), test_options());
    EXPECT_TRUE(v.is_ok()) << v.status().message();
    return v.is_ok() ? std::move(*v) : nullptr;
  }
  // Copies the vault's files as they are right now: what a crash at this moment would leave.
  std::string crash_copy(const std::string& name) {
    std::string copy = tmp_.file(name);
    std::filesystem::create_directories(copy);
    std::filesystem::permissions(copy, std::filesystem::perms::owner_all);
    for (const auto& e : std::filesystem::directory_iterator(dir())) {
      std::filesystem::copy_file(e.path(), copy + "/" + e.path().filename().string());
    }
    return copy;
  }
  test::TempDir tmp_;
};

TEST_F(SealedFilesTest, NothingReadableOnDiskWhileOpenOrAfterClose) {
  auto created = Vault::create(dir(), kPassphrase, true, test_options());
  ASSERT_TRUE(created.is_ok());
  auto& v = created->vault;
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(v->add_entry("entry " + std::to_string(i) + " " + kMarker).is_ok());
  ASSERT_TRUE(v->add_entry(std::string(100000, 'q') + kMarker).is_ok());
  MoodInput m;
  m.rating = 3;
  m.emotions = {kMarker};
  m.note = kMarker;
  ASSERT_TRUE(v->add_mood(m).is_ok());
  ASSERT_TRUE(v->set_setting(kMarker, kMarker).is_ok());
  ASSERT_TRUE(v->search(kMarker).is_ok());
  auto needles = encodings(kMarker);
  needles.push_back("SQLite format 3");
  needles.push_back("CREATE TABLE");
  needles.push_back(std::string(created->recovery_key.view()));
  const std::vector<std::string> wal_magics = {std::string("\x37\x7f\x06\x82", 4),   // big-endian checksums
                                               std::string("\x37\x7f\x06\x83", 4)};  // little-endian
  ASSERT_TRUE(std::filesystem::exists(dir() + "/vault.db-wal"));
  EXPECT_EQ(files_containing(dir(), needles), std::vector<std::string>{});
  EXPECT_EQ(files_starting_with(dir(), wal_magics), std::vector<std::string>{});
  v.reset();
  EXPECT_FALSE(std::filesystem::exists(dir() + "/vault.db-wal"));  // folded in and removed at close
  EXPECT_EQ(files_containing(dir(), needles), std::vector<std::string>{});
  EXPECT_EQ(files_starting_with(dir(), wal_magics), std::vector<std::string>{});
}

TEST_F(SealedFilesTest, EveryFileIsWholeBlocks) {
  auto created = Vault::create(dir(), kPassphrase, false, test_options());
  auto& v = created->vault;
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(v->add_entry(std::string(static_cast<size_t>(i) * 311 + 1, 'x')).is_ok());
  for (const auto& e : std::filesystem::directory_iterator(dir())) {
    if (e.path().filename() == "vault.header") {
      EXPECT_EQ(e.file_size(), 288u);
    } else {
      EXPECT_EQ(e.file_size() % 4096, 0u) << e.path();
    }
  }
}

TEST_F(SealedFilesTest, CrashCopyOfAnOpenVaultHasEveryCommit) {
  auto created = Vault::create(dir(), kPassphrase, false, test_options());
  auto& v = created->vault;
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(v->add_entry("committed " + std::to_string(i)).is_ok());
  std::string copy = crash_copy("copy");
  auto reopened = open_dir(copy);
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(*reopened->count_entries(), 40);
  EXPECT_EQ(reopened->get_entry(40)->text, "committed 39");
  EXPECT_EQ(reopened->log_blocks_unreadable(), 0u);
}

TEST_F(SealedFilesTest, ReadOnlyOpenOfACrashedVaultWritesNothing) {
  auto created = Vault::create(dir(), kPassphrase, false, test_options());
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(created->vault->add_entry("committed " + std::to_string(i)).is_ok());
  std::string copy = crash_copy("copy");
  auto before = testing::snapshot(copy);
  ASSERT_EQ(before.count(copy + "/vault.db-wal"), 1u);
  {
    VaultOptions ro = test_options();
    ro.read_only = true;
    auto v = Vault::open(copy, Credential::passphrase(kPassphrase), ro);
    ASSERT_TRUE(v.is_ok()) << v.status().message();
    EXPECT_EQ(*(*v)->count_entries(), 10);
    EXPECT_EQ((*v)->add_entry("no").status().code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ((*v)->set_setting("k", "v").code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ((*v)->backup(tmp_.file("b")).code(), StatusCode::kFailedPrecondition);
  }
  EXPECT_EQ(testing::snapshot_diff(before, testing::snapshot(copy)), "");
  auto rw = open_dir(copy);
  EXPECT_EQ(*rw->count_entries(), 10);
}

TEST_F(SealedFilesTest, DamagedLogBlockEndsTheLogThere) {
  auto created = Vault::create(dir(), kPassphrase, false, test_options());
  auto& v = created->vault;
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(v->add_entry("committed " + std::to_string(i)).is_ok());
  std::string copy = crash_copy("copy");
  std::string wal = read_bytes(copy + "/vault.db-wal");
  ASSERT_GE(wal.size(), 3 * 4096u);
  size_t block = wal.size() / 4096 / 2;
  wal[block * 4096 + 100] ^= 0x20;
  write_bytes(copy + "/vault.db-wal", wal);
  auto reopened = open_dir(copy);
  ASSERT_NE(reopened, nullptr);
  EXPECT_GE(reopened->log_blocks_unreadable(), 1u);
  // What remains is an earlier state, exactly: entries 1..n with their own text, nothing mixed.
  int64_t n = *reopened->count_entries();
  EXPECT_LT(n, 40);
  for (int64_t id = 1; id <= n; ++id) EXPECT_EQ(reopened->get_entry(id)->text, "committed " + std::to_string(id - 1));
}

TEST_F(SealedFilesTest, DamagedPageIsReportedAndNothingIsWritten) {
  {
    auto created = Vault::create(dir(), kPassphrase, false, test_options());
    ASSERT_TRUE(add_many(*created->vault, 200).is_ok());
  }
  std::string db = read_bytes(dir() + "/vault.db");
  ASSERT_GE(db.size(), 4 * 4096u);
  db[2 * 4096 + 7] ^= 1;  // page 3
  write_bytes(dir() + "/vault.db", db);
  auto before = testing::snapshot(dir());
  Status failure;
  {
    auto v = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
    if (!v.is_ok()) {
      failure = v.status();
    } else {
      auto all = (*v)->for_each_entry([](const Entry&) { return Status::ok(); });
      failure = all;
      if (failure.is_ok()) failure = (*v)->add_entry("after damage").status();
    }
  }
  EXPECT_EQ(failure.code(), StatusCode::kCorruption);
  EXPECT_NE(failure.message().find("page 3 of vault.db"), std::string::npos) << failure.message();
  EXPECT_EQ(testing::snapshot_diff(before, testing::snapshot(dir())), "");
}

TEST_F(SealedFilesTest, SwappedPagesAreDetected) {
  {
    auto created = Vault::create(dir(), kPassphrase, false, test_options());
    ASSERT_TRUE(add_many(*created->vault, 200).is_ok());
  }
  std::string db = read_bytes(dir() + "/vault.db");
  std::string page2 = db.substr(4096, 4096);
  std::string page3 = db.substr(8192, 4096);
  db.replace(4096, 4096, page3);
  db.replace(8192, 4096, page2);
  write_bytes(dir() + "/vault.db", db);
  auto v = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
  Status s = v.is_ok() ? (*v)->for_each_entry([](const Entry&) { return Status::ok(); }) : v.status();
  EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.message();
}

TEST_F(SealedFilesTest, DatabaseFromAnotherVaultIsDetected) {
  std::string other = tmp_.file("other");
  {
    auto a = Vault::create(dir(), kPassphrase, false, test_options());
    auto b = Vault::create(other, kPassphrase, false, test_options());
    ASSERT_TRUE(a.is_ok() && b.is_ok());
  }
  std::filesystem::copy_file(other + "/vault.db", dir() + "/vault.db", std::filesystem::copy_options::overwrite_existing);
  auto v = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
  EXPECT_EQ(v.status().code(), StatusCode::kCorruption);
}

TEST_F(SealedFilesTest, TruncatedOrEmptyOrMissingDatabaseIsDetected) {
  {
    auto created = Vault::create(dir(), kPassphrase, false, test_options());
    ASSERT_TRUE(add_many(*created->vault, 200).is_ok());
  }
  const std::string db_path = dir() + "/vault.db";
  const std::string db = read_bytes(db_path);
  auto read_all = [&]() -> Status {
    auto v = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
    if (!v.is_ok()) return v.status();
    return (*v)->for_each_entry([](const Entry&) { return Status::ok(); });
  };
  for (size_t cut : {db.size() - 4096, db.size() - 100, size_t{4096}, size_t{100}, size_t{0}}) {
    write_bytes(db_path, db.substr(0, cut));
    Status s = read_all();
    EXPECT_EQ(s.code(), StatusCode::kCorruption) << "cut at " << cut << ": " << s.message();
  }
  std::filesystem::remove(db_path);
  Status s = read_all();
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("missing"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(db_path));
}

TEST_F(SealedFilesTest, DamagedHeaderIsDamageNotAWrongPassphrase) {
  { auto created = Vault::create(dir(), kPassphrase, false, test_options()); }
  std::string header = read_bytes(dir() + "/vault.header");
  header[40] ^= 1;  // the salt
  write_bytes(dir() + "/vault.header", header);
  auto v = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
  EXPECT_EQ(v.status().code(), StatusCode::kCorruption);
  EXPECT_NE(v.status().message().find("header"), std::string::npos);
}

}  // namespace
}  // namespace haven::vault
