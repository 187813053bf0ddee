// haven help-now, end to end: it must work with no vault, no passphrase and a broken locale.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "support/process.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

test::ProcessOptions locale(const std::string& lang) {
  test::ProcessOptions o;
  o.unset_env = {"LC_ALL", "LC_MESSAGES", "LANG"};
  if (!lang.empty()) o.env["LANG"] = lang;
  return o;
}

TEST(HelpNowTest, CountryOptionPrintsCrisisLineAndEmergencyNumber) {
  auto r = test::run_haven({"help-now", "--country", "US"}, locale("de_DE.UTF-8"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("988"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("911"), std::string::npos);
  EXPECT_NE(r.out.find("not a crisis service"), std::string::npos);
  EXPECT_EQ(r.out.find("TelefonSeelsorge"), std::string::npos);  // the option wins over the locale
}

TEST(HelpNowTest, LocaleIsUsedWhenNoCountryIsGivenEvenIfNotInstalled) {
  auto r = test::run_haven({"help-now"}, locale("de_DE.UTF-8"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("TelefonSeelsorge"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("112"), std::string::npos);

  test::ProcessOptions o = locale("en_US.UTF-8");
  o.env["LC_ALL"] = "en_GB.UTF-8";  // LC_ALL wins
  r = test::run_haven({"help-now"}, o);
  EXPECT_NE(r.out.find("Samaritans"), std::string::npos) << r.out;
}

TEST(HelpNowTest, UnknownPlaceGetsTheGenericAnswerWithoutInventedNumbers) {
  auto r = test::run_haven({"help-now"}, locale("C.UTF-8"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("local emergency number"), std::string::npos) << r.out;
  r = test::run_haven({"help-now", "--country", "BR"}, locale(""));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("local emergency number"), std::string::npos);
  EXPECT_NE(r.out.find("BR"), std::string::npos);
}

TEST(HelpNowTest, WorksWithoutAVaultOrPassphrase) {
  test::TempDir dir;
  auto r = test::run_haven({"--vault", dir.path() + "/does-not-exist", "--passphrase-file", dir.path() + "/missing",
                            "help-now", "--country", "gb"},
                           locale(""));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("116 123"), std::string::npos);
}

TEST(HelpNowTest, JsonOutput) {
  auto r = test::run_haven({"--json", "help-now", "--country", "NZ"}, locale(""));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["country"], "NZ");
  EXPECT_EQ(j["from"], "setting");
  EXPECT_EQ(j["emergency"], "111");
  ASSERT_FALSE(j["lines"].empty());
  EXPECT_EQ(j["lines"][0]["number"], "1737");
}

TEST(HelpNowTest, BadCountryIsAOneLineUsageError) {
  auto r = test::run_haven({"help-now", "--country", "USA"}, locale(""));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("expected a two-letter country code"), std::string::npos) << r.err;
  r = test::run_haven({"help-now", "--country"}, locale(""));
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace haven
