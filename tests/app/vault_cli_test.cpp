// The vault commands end to end through the real binary: round trips, exit codes, busy vaults, and the
// plaintext scan of every file Haven could have touched.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/process.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

class VaultCliTest : public ::testing::Test {
 protected:
  test::ProcessOptions env(std::string stdin_text = "") {
    test::ProcessOptions o;
    o.stdin_text = std::move(stdin_text);
    o.env = {{"HAVEN_PASSPHRASE", "vault cli test passphrase"},
             {"HAVEN_KDF_PROFILE", "test"},
             {"HOME", home_.path()},
             {"XDG_DATA_HOME", home_.file("data")},
             {"XDG_CONFIG_HOME", home_.file("config")},
             {"XDG_CACHE_HOME", home_.file("cache")},
             {"XDG_STATE_HOME", home_.file("state")},
             {"TMPDIR", home_.file("tmp")}};
    return o;
  }
  test::ProcessResult haven(std::vector<std::string> rest, std::string stdin_text = "") {
    std::vector<std::string> a = {"--vault", vault_dir()};
    a.insert(a.end(), rest.begin(), rest.end());
    return test::run_haven(a, env(std::move(stdin_text)));
  }
  std::string vault_dir() const { return home_.file("data/haven/vault"); }
  void SetUp() override {
    std::filesystem::create_directories(home_.file("tmp"));
    auto r = haven({"init"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  test::TempDir home_;
};

TEST_F(VaultCliTest, JournalRoundTripsThroughEveryCommand) {
  ASSERT_EQ(haven({"journal", "add", "The first entry, about the allotment."}).exit_code, 0);
  ASSERT_EQ(haven({"journal", "add"}, "The second one came from standard input.\n").exit_code, 0);
  auto list = haven({"journal", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("allotment"), std::string::npos);
  EXPECT_NE(list.out.find("standard input"), std::string::npos);
  auto show = haven({"journal", "show", "2"});
  EXPECT_NE(show.out.find("The second one came from standard input."), std::string::npos);
  ASSERT_EQ(haven({"journal", "edit", "1"}, "Rewritten: the allotment flooded.\n").exit_code, 0);
  EXPECT_NE(haven({"journal", "show", "1"}).out.find("Rewritten: the allotment flooded."), std::string::npos);
  auto search = haven({"journal", "search", "flooded"});
  ASSERT_EQ(search.exit_code, 0);
  EXPECT_NE(search.out.find("[flooded]"), std::string::npos) << search.out;
  EXPECT_EQ(search.out.find("standard input"), std::string::npos);
  auto json = haven({"--json", "journal", "list"});
  (void)json;
  ASSERT_EQ(haven({"journal", "delete", "2"}).exit_code, 0);
  EXPECT_EQ(haven({"journal", "show", "2"}).exit_code, 1);
}

TEST_F(VaultCliTest, MoodsExportBackupAndRestore) {
  ASSERT_EQ(haven({"mood", "add", "--rating", "4", "--emotions", "tired, anxious", "--sleep", "5.5", "--energy", "3",
                   "--note", "long shift"})
                .exit_code,
            0);
  EXPECT_EQ(haven({"mood", "add", "--rating", "11"}).exit_code, 2);
  auto moods = haven({"mood", "list"});
  EXPECT_NE(moods.out.find("4/10"), std::string::npos);
  EXPECT_NE(moods.out.find("anxious"), std::string::npos);
  ASSERT_EQ(haven({"journal", "add", "An entry to export."}).exit_code, 0);
  auto md = haven({"export", "--format", "md"});
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("An entry to export."), std::string::npos);
  EXPECT_NE(md.err.find("not encrypted"), std::string::npos);
  auto json = haven({"export", "--format", "json", "--out", home_.file("export.json")});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(std::filesystem::status(home_.file("export.json")).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_EQ(haven({"export", "--format", "json", "--out", home_.file("export.json")}).exit_code, 1)
      << "an existing file is never replaced";
  ASSERT_EQ(haven({"backup", home_.file("copy.bak")}).exit_code, 0);
  EXPECT_EQ(haven({"restore", home_.file("copy.bak")}).exit_code, 1) << "restore never overwrites without --force";
  ASSERT_EQ(haven({"journal", "add", "Written after the backup."}).exit_code, 0);
  ASSERT_EQ(haven({"restore", "--force", home_.file("copy.bak")}).exit_code, 0);
  auto list = haven({"journal", "list"});
  EXPECT_NE(list.out.find("An entry to export."), std::string::npos);
  EXPECT_EQ(list.out.find("Written after the backup."), std::string::npos);
}

TEST_F(VaultCliTest, ExitCodesSayWhatWentWrong) {
  EXPECT_EQ(haven({"journal"}).exit_code, 2);
  EXPECT_EQ(haven({"journal", "show", "abc"}).exit_code, 2);
  auto o = env();
  o.env["HAVEN_PASSPHRASE"] = "wrong passphrase";
  auto wrong = test::run_haven({"--vault", vault_dir(), "journal", "list"}, o);
  EXPECT_EQ(wrong.exit_code, 3);
  EXPECT_EQ(std::count(wrong.err.begin(), wrong.err.end(), '\n'), 1) << wrong.err;
  auto bad_utf8 = haven({"journal", "add", "\xC3\x28 broken"});
  EXPECT_EQ(bad_utf8.exit_code, 1);
  EXPECT_NE(bad_utf8.err.find("UTF-8"), std::string::npos);
  EXPECT_EQ(haven({"init"}).exit_code, 1) << "init never replaces a vault";
  // A damaged header: exit 5, and the message names the problem.
  std::string header;
  for (const auto& f : std::filesystem::directory_iterator(vault_dir())) {
    if (f.path().filename().string().find("header") != std::string::npos) header = f.path();
  }
  ASSERT_FALSE(header.empty());
  {
    std::fstream h(header, std::ios::in | std::ios::out | std::ios::binary);
    h.seekp(40);
    char c = 0x5a;
    h.write(&c, 1);
  }
  auto damaged = haven({"journal", "list"});
  EXPECT_TRUE(damaged.exit_code == 5 || damaged.exit_code == 3) << damaged.exit_code << " " << damaged.err;
}

TEST_F(VaultCliTest, ASecondProcessOnABusyVaultExitsFour) {
  // The first process holds the vault while it waits on its standard input.
  std::string cmd = "(sleep 6) | HAVEN_PASSPHRASE='vault cli test passphrase' '" + test::haven_binary() +
                    "' --vault '" + vault_dir() + "' journal add & sleep 1.5; '" + test::haven_binary() +
                    "' --vault '" + vault_dir() + "' journal list; echo \"rc=$?\"; wait";
  auto r = test::run_process("/bin/sh", {"-c", cmd}, env());
  EXPECT_NE(r.out.find("rc=4"), std::string::npos) << r.out << r.err;
}

std::string utf16(const std::string& ascii, bool big_endian) {
  std::string out;
  for (char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

std::string base64(const std::string& s) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i + 2 < s.size(); i += 3) {
    uint32_t v = (uint8_t(s[i]) << 16) | (uint8_t(s[i + 1]) << 8) | uint8_t(s[i + 2]);
    for (int j = 3; j >= 0; --j) out += k[(v >> (6 * j)) & 63];
  }
  return out;
}

TEST_F(VaultCliTest, NoFileHoldsWhatTheUserWroteInAnyEncoding) {
  const std::string marker = "QuietHarborMarker739";
  ASSERT_EQ(haven({"journal", "add", "Today " + marker + " felt heavy."}).exit_code, 0);
  ASSERT_EQ(haven({"journal", "add"}, marker + " again from stdin\n").exit_code, 0);
  ASSERT_EQ(haven({"mood", "add", "--rating", "3", "--note", marker}).exit_code, 0);
  ASSERT_EQ(haven({"journal", "edit", "1", "edited " + marker}).exit_code, 0);
  EXPECT_NE(haven({"export", "--format", "md"}).out.find(marker), std::string::npos);
  (void)haven({"journal", "search", marker});
  (void)haven({"journal", "show", "99"});
  (void)haven({"journal", "add", marker + "\xff"});
  std::vector<std::string> needles = {marker, utf16(marker, false), utf16(marker, true), base64(marker),
                                      base64(" " + marker), base64("  " + marker)};
  int scanned = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(home_.path())) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    ++scanned;
    for (const auto& n : needles) {
      EXPECT_EQ(bytes.find(n), std::string::npos) << f.path() << " holds the marker";
    }
  }
  EXPECT_GE(scanned, 2);
  // Files are private.
  for (const auto& f : std::filesystem::recursive_directory_iterator(vault_dir())) {
    auto perms = f.status().permissions() & std::filesystem::perms::all;
    if (f.is_directory()) {
      EXPECT_EQ(perms, std::filesystem::perms::owner_all) << f.path();
    } else {
      EXPECT_EQ(perms, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write) << f.path();
    }
  }
}

TEST_F(VaultCliTest, PassphraseChangeAndWipe) {
  ASSERT_EQ(haven({"journal", "add", "kept across the change"}).exit_code, 0);
  auto o = env();
  o.env["HAVEN_NEW_PASSPHRASE"] = "the new passphrase";
  ASSERT_EQ(test::run_haven({"--vault", vault_dir(), "passphrase", "change"}, o).exit_code, 0);
  EXPECT_EQ(haven({"journal", "list"}).exit_code, 3);
  o = env();
  o.env["HAVEN_PASSPHRASE"] = "the new passphrase";
  auto list = test::run_haven({"--vault", vault_dir(), "journal", "list"}, o);
  EXPECT_NE(list.out.find("kept across the change"), std::string::npos);
  EXPECT_EQ(haven({"wipe"}, "no\n").exit_code, 1);
  EXPECT_TRUE(std::filesystem::exists(vault_dir()));
  ASSERT_EQ(haven({"wipe"}, "delete everything\n").exit_code, 0);
  EXPECT_EQ(haven({"journal", "list"}).exit_code, 1);
}

}  // namespace
}  // namespace haven
