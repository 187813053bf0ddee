// Crisis lines and emergency numbers by country: a dated table with a source for every number.
//
// Every number here was checked on the date in kTableCheckedOn against the source named next to it
// (../shared/docs/safety-reference.md section 4.1, or the official or news page named). Numbers change:
// docs/crisis-resources.md says how to re-check them, and nothing here may be added without a source.
// Countries that are not in the table get a generic answer that tells people to call their local
// emergency number; Haven never guesses a number.
//
// Country resolution: the user's setting first, then the locale (LC_ALL, then LC_MESSAGES, then LANG,
// like "de_DE.UTF-8", whether or not that locale is installed), then the generic fallback.
//
// Pure data and pure functions; nothing here reads the environment itself (the caller passes it in).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace haven::safety::resources {

inline constexpr std::string_view kTableCheckedOn = "2026-11-27";

enum class LineKind {
  kCrisis,            // suicide and emotional crisis line
  kDomesticViolence,  // violence or abuse at home
  kPoison,            // poison information (overdoses, swallowed substances)
};

struct Line {
  LineKind kind = LineKind::kCrisis;
  std::string_view name;     // "988 Suicide & Crisis Lifeline"
  std::string_view number;   // as people dial it: "988", "116 123"
  std::string_view how;      // plain words: "call or text, free, 24 hours"
  std::string_view source;   // where the number was checked
};

struct CountryResources {
  std::string_view code;       // ISO 3166-1 alpha-2, upper case; empty for the generic fallback
  std::string_view name;       // "the United States"
  std::string_view emergency;  // "911"; empty for the generic fallback
  std::string_view emergency_source;
  std::vector<Line> lines;     // crisis lines first

  bool is_generic() const { return code.empty(); }
  // The first line of a kind, or nullptr.
  const Line* first(LineKind kind) const;
};

// Every country in the table, in alphabetical order of code.
const std::vector<CountryResources>& all_countries();
// The generic fallback (no numbers; "call your local emergency number").
const CountryResources& generic_resources();

// The entry for a two-letter code, case-insensitive ("gb", "GB"; "UK" is read as "GB"), or nullptr.
const CountryResources* find_country(std::string_view code);

// Checks that a country setting is two ASCII letters. kInvalidArgument "expected a two-letter country
// code like US or DE, found '...'" otherwise.
Status validate_country_code(std::string_view code);

// The country part of a POSIX locale name: "de_DE.UTF-8" -> "DE", "en_GB@euro" -> "GB",
// "pt-BR" -> "BR". nullopt for "C", "POSIX", a language alone ("de") or anything malformed.
std::optional<std::string> country_from_locale(std::string_view locale);

struct LocaleEnv {
  std::string lc_all;
  std::string lc_messages;
  std::string lang;
};

enum class ResolvedFrom { kSetting, kLocale, kFallback };

struct Resolution {
  const CountryResources* country = nullptr;  // never null; generic_resources() for the fallback
  ResolvedFrom from = ResolvedFrom::kFallback;
  std::string requested;  // the code that was asked for (setting or locale), upper case; may be unknown
};

// setting: the user's explicit country (empty when not set). An explicit setting that is not in the
// table gives the generic fallback, not the locale: the person told us where they are. The locale
// follows POSIX precedence: the first non-empty of LC_ALL, LC_MESSAGES, LANG.
Resolution resolve(std::string_view setting, const LocaleEnv& locale);

// The short help text for `haven help-now` and the crisis response: the crisis line(s) and the
// emergency number of the country, or the generic advice. Plain text, one item per line.
std::string render_help_text(const CountryResources& country);

}  // namespace haven::safety::resources
