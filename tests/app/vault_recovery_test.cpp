// The recovery key end to end: printed once by `haven init --recovery-key`, it opens the vault when the
// passphrase is forgotten (`haven passphrase change --recovery-key`) and restores backups.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "support/process.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

class VaultRecoveryTest : public ::testing::Test {
 protected:
  test::ProcessOptions env(std::map<std::string, std::string> extra = {}) {
    test::ProcessOptions o;
    o.env = {{"HAVEN_KDF_PROFILE", "test"},
             {"HOME", home_.path()},
             {"XDG_DATA_HOME", home_.file("data")},
             {"XDG_CONFIG_HOME", home_.file("config")},
             {"XDG_CACHE_HOME", home_.file("cache")},
             {"XDG_STATE_HOME", home_.file("state")},
             {"TMPDIR", home_.file("tmp")}};
    o.unset_env = {"HAVEN_PASSPHRASE", "HAVEN_RECOVERY_KEY", "HAVEN_NEW_PASSPHRASE"};
    for (auto& [k, v] : extra) o.env[k] = v;
    return o;
  }
  test::ProcessResult haven(std::vector<std::string> rest, std::map<std::string, std::string> extra = {}) {
    std::vector<std::string> a = {"--vault", home_.file("vault")};
    a.insert(a.end(), rest.begin(), rest.end());
    return test::run_haven(a, env(std::move(extra)));
  }
  test::TempDir home_;
};

TEST_F(VaultRecoveryTest, RecoveryKeyResetsAForgottenPassphraseAndRestoresBackups) {
  std::filesystem::create_directories(home_.file("tmp"));
  auto init = haven({"init", "--recovery-key"}, {{"HAVEN_PASSPHRASE", "the original passphrase"}});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(init.out, m, std::regex("[0-9A-Z]{4}(-[0-9A-Z]{4}){13}"))) << init.out;
  const std::string key = m.str();
  ASSERT_EQ(haven({"journal", "add", "written before forgetting"}, {{"HAVEN_PASSPHRASE", "the original passphrase"}})
                .exit_code,
            0);
  ASSERT_EQ(haven({"backup", home_.file("before.bak")}, {{"HAVEN_PASSPHRASE", "the original passphrase"}}).exit_code, 0);

  // A wrong or mistyped recovery key changes nothing.
  std::string typo = key;
  typo[0] = typo[0] == 'A' ? 'B' : 'A';
  auto mistyped = haven({"passphrase", "change", "--recovery-key"},
                        {{"HAVEN_RECOVERY_KEY", typo}, {"HAVEN_NEW_PASSPHRASE", "a new one"}});
  EXPECT_NE(mistyped.exit_code, 0);
  EXPECT_NE(mistyped.err.find("typo"), std::string::npos) << mistyped.err;
  EXPECT_EQ(haven({"passphrase", "change", "--recovery-key"}, {{"HAVEN_NEW_PASSPHRASE", "a new one"}}).exit_code, 3)
      << "no recovery key given";

  auto reset = haven({"passphrase", "change", "--recovery-key"},
                     {{"HAVEN_RECOVERY_KEY", key}, {"HAVEN_NEW_PASSPHRASE", "remembered this time"}});
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  EXPECT_EQ(haven({"journal", "list"}, {{"HAVEN_PASSPHRASE", "the original passphrase"}}).exit_code, 3);
  auto list = haven({"journal", "list"}, {{"HAVEN_PASSPHRASE", "remembered this time"}});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("written before forgetting"), std::string::npos);

  // The backup made with the old passphrase opens with the recovery key too.
  auto restored = haven({"restore", "--force", "--recovery-key", home_.file("before.bak")}, {{"HAVEN_RECOVERY_KEY", key}});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  auto after = haven({"journal", "list"}, {{"HAVEN_PASSPHRASE", "the original passphrase"}});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.out.find("written before forgetting"), std::string::npos);
}

TEST_F(VaultRecoveryTest, AVaultWithoutARecoveryKeyRefusesOne) {
  std::filesystem::create_directories(home_.file("tmp"));
  ASSERT_EQ(haven({"init", "--no-recovery-key"}, {{"HAVEN_PASSPHRASE", "only a passphrase"}}).exit_code, 0);
  auto r = haven({"passphrase", "change", "--recovery-key"},
                 {{"HAVEN_RECOVERY_KEY", "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000"},
                  {"HAVEN_NEW_PASSPHRASE", "x"}});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
}  // namespace haven
