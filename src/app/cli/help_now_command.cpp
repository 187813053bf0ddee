// haven help-now [--country CC]: crisis lines and the emergency number for the user's country.
//
// It never opens the vault and never asks for the passphrase, so it works when the passphrase is
// forgotten or the vault is damaged. The country comes from --country, then the locale environment
// (LC_ALL, LC_MESSAGES, LANG), then a generic answer. The companion can later pass the vault setting.
#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/safety_cli.h"
#include "safety/resources/crisis_resources.h"

namespace haven::cli {
namespace {

namespace res = haven::safety::resources;

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::string_view from_name(res::ResolvedFrom from) {
  switch (from) {
    case res::ResolvedFrom::kSetting: return "setting";
    case res::ResolvedFrom::kLocale: return "locale";
    case res::ResolvedFrom::kFallback: return "fallback";
  }
  return "fallback";
}

std::string_view kind_name(res::LineKind kind) {
  switch (kind) {
    case res::LineKind::kCrisis: return "crisis";
    case res::LineKind::kDomesticViolence: return "domestic_violence";
    case res::LineKind::kPoison: return "poison";
  }
  return "crisis";
}

}  // namespace

int run_help_now(const GlobalOptions& options, Args& args) {
  auto country_opt = args.take_option("--country");
  if (!country_opt.is_ok()) return usage_error(country_opt.status().message());
  if (Status s = args.expect_empty(); !s.is_ok()) return usage_error(s.message());
  std::string setting = country_opt->value_or("");
  if (country_opt->has_value()) {
    if (Status s = res::validate_country_code(setting); !s.is_ok()) return usage_error("--country: " + s.message());
  }

  res::LocaleEnv locale{env_or_empty("LC_ALL"), env_or_empty("LC_MESSAGES"), env_or_empty("LANG")};
  res::Resolution r = res::resolve(setting, locale);
  const res::CountryResources& c = *r.country;

  if (options.json) {
    nlohmann::json j;
    j["country"] = std::string(c.code);
    j["requested"] = r.requested;
    j["from"] = std::string(from_name(r.from));
    j["emergency"] = std::string(c.emergency);
    j["checked_on"] = std::string(res::kTableCheckedOn);
    j["lines"] = nlohmann::json::array();
    for (const auto& l : c.lines) {
      j["lines"].push_back({{"kind", std::string(kind_name(l.kind))},
                            {"name", std::string(l.name)},
                            {"number", std::string(l.number)},
                            {"how", std::string(l.how)}});
    }
    std::cout << j.dump() << "\n";
    return kExitOk;
  }

  std::string out = res::render_help_text(c);
  for (const auto& l : c.lines) {
    if (l.kind == res::LineKind::kDomesticViolence) {
      out += "If someone is hurting you: " + std::string(l.name) + ", " + std::string(l.number) + " (" +
             std::string(l.how) + ").\n";
    } else if (l.kind == res::LineKind::kPoison) {
      out += "For a poisoning or an overdose: " + std::string(l.name) + ", " + std::string(l.number) + " (" +
             std::string(l.how) + ").\n";
    }
  }
  out += c.is_generic() ? "\nHaven is an AI self-help tool, not a crisis service.\n"
                        : "\nHaven is an AI self-help tool, not a crisis service. These numbers reach real people.\n";
  if (c.is_generic()) {
    if (!r.requested.empty()) {
      out += "(Haven has no checked numbers for the country code " + r.requested + " yet.)\n";
    }
    out += "To see the numbers for a country Haven knows: haven help-now --country CC (for example US, GB, DE).\n";
  } else {
    out += "Numbers for " + std::string(c.name) + ", checked on " + std::string(res::kTableCheckedOn) +
           ". Somewhere else? haven help-now --country CC\n";
  }
  std::cout << out;
  return kExitOk;
}

}  // namespace haven::cli
