#include "safety/resources/crisis_resources.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace haven::safety::resources {
namespace {

TEST(CrisisResourcesTest, TableCoversTheCountriesTheReferenceSupports) {
  for (const char* code : {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "NL", "ES", "IT", "IN"}) {
    const CountryResources* c = find_country(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_FALSE(c->emergency.empty()) << code;
    ASSERT_NE(c->first(LineKind::kCrisis), nullptr) << code;
  }
}

TEST(CrisisResourcesTest, EveryEntryHasASourceAndCodesAreUniqueAndSorted) {
  std::set<std::string_view> seen;
  std::string_view previous;
  for (const auto& c : all_countries()) {
    EXPECT_EQ(c.code.size(), 2u);
    EXPECT_TRUE(seen.insert(c.code).second) << c.code;
    EXPECT_LT(previous, c.code);
    previous = c.code;
    EXPECT_FALSE(c.emergency_source.empty()) << c.code;
    for (const auto& l : c.lines) {
      EXPECT_FALSE(l.source.empty()) << c.code << " " << l.name;
      EXPECT_FALSE(l.number.empty()) << c.code << " " << l.name;
      EXPECT_FALSE(l.how.empty()) << c.code << " " << l.name;
    }
  }
}

TEST(CrisisResourcesTest, NumbersFromTheReferenceDocument) {
  // Spot checks against ../shared/docs/safety-reference.md 4.1.
  EXPECT_EQ(find_country("US")->first(LineKind::kCrisis)->number, "988");
  EXPECT_EQ(find_country("US")->emergency, "911");
  EXPECT_EQ(find_country("GB")->first(LineKind::kCrisis)->number, "116 123");
  EXPECT_EQ(find_country("FR")->first(LineKind::kCrisis)->number, "3114");
  EXPECT_EQ(find_country("ES")->first(LineKind::kCrisis)->number, "024");
  EXPECT_EQ(find_country("NZ")->first(LineKind::kCrisis)->number, "1737");
  EXPECT_EQ(find_country("NZ")->emergency, "111");
  // The retired UK number must never come back.
  for (const auto& c : all_countries()) {
    for (const auto& l : c.lines) EXPECT_EQ(l.number.find("08457"), std::string_view::npos);
  }
}

TEST(CrisisResourcesTest, FindCountryIsCaseInsensitiveAndKnowsUk) {
  EXPECT_EQ(find_country("de"), find_country("DE"));
  EXPECT_EQ(find_country("uk"), find_country("GB"));
  EXPECT_EQ(find_country("ZZ"), nullptr);
  EXPECT_EQ(find_country("USA"), nullptr);
  EXPECT_EQ(find_country(""), nullptr);
}

TEST(CrisisResourcesTest, ValidateCountryCodeSaysWhatItExpected) {
  EXPECT_TRUE(validate_country_code("us").is_ok());
  Status bad = validate_country_code("U1\n");
  EXPECT_FALSE(bad.is_ok());
  EXPECT_NE(bad.message().find("expected a two-letter country code"), std::string::npos);
  EXPECT_EQ(bad.message().find('\n'), std::string::npos);
}

TEST(CrisisResourcesTest, CountryFromLocale) {
  EXPECT_EQ(country_from_locale("de_DE.UTF-8"), "DE");
  EXPECT_EQ(country_from_locale("en_GB@euro"), "GB");
  EXPECT_EQ(country_from_locale("fr_CA"), "CA");
  EXPECT_EQ(country_from_locale("pt-br"), "BR");
  EXPECT_EQ(country_from_locale("ast_ES.UTF-8"), "ES");
  EXPECT_FALSE(country_from_locale("C").has_value());
  EXPECT_FALSE(country_from_locale("C.UTF-8").has_value());
  EXPECT_FALSE(country_from_locale("POSIX").has_value());
  EXPECT_FALSE(country_from_locale("de").has_value());
  EXPECT_FALSE(country_from_locale("de_DEU").has_value());
  EXPECT_FALSE(country_from_locale("1x_DE").has_value());
  EXPECT_FALSE(country_from_locale(std::string(200, 'a')).has_value());
}

TEST(CrisisResourcesTest, ResolveSettingThenLocaleThenFallback) {
  LocaleEnv de{"", "", "de_DE.UTF-8"};
  auto r = resolve("", de);
  EXPECT_EQ(r.from, ResolvedFrom::kLocale);
  EXPECT_EQ(r.country->code, "DE");

  r = resolve("gb", de);
  EXPECT_EQ(r.from, ResolvedFrom::kSetting);
  EXPECT_EQ(r.country->code, "GB");

  // An explicit setting we have no numbers for is not overridden by the locale.
  r = resolve("BR", de);
  EXPECT_EQ(r.from, ResolvedFrom::kSetting);
  EXPECT_TRUE(r.country->is_generic());
  EXPECT_EQ(r.requested, "BR");

  // POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG.
  r = resolve("", LocaleEnv{"fr_FR.UTF-8", "en_US.UTF-8", "de_DE.UTF-8"});
  EXPECT_EQ(r.country->code, "FR");
  r = resolve("", LocaleEnv{"", "en_US.UTF-8", "de_DE.UTF-8"});
  EXPECT_EQ(r.country->code, "US");

  r = resolve("", LocaleEnv{"", "", "C.UTF-8"});
  EXPECT_EQ(r.from, ResolvedFrom::kFallback);
  EXPECT_TRUE(r.country->is_generic());
  r = resolve("", LocaleEnv{"", "", "pt_BR.UTF-8"});
  EXPECT_TRUE(r.country->is_generic());
  EXPECT_EQ(r.requested, "BR");
}

TEST(CrisisResourcesTest, HelpTextNamesTheLineAndEmergencyNumber) {
  std::string us = render_help_text(*find_country("US"));
  EXPECT_NE(us.find("988"), std::string::npos);
  EXPECT_NE(us.find("911"), std::string::npos);
  std::string generic = render_help_text(generic_resources());
  EXPECT_NE(generic.find("local emergency number"), std::string::npos);
  for (char d = '0'; d <= '9'; ++d) EXPECT_EQ(generic.find(d), std::string::npos) << "the fallback invents no numbers";
}

}  // namespace
}  // namespace haven::safety::resources
