#include "safety/resources/crisis_resources.h"

#include <string>

namespace haven::safety::resources {
namespace {

constexpr std::string_view kRefDoc = "shared/docs/safety-reference.md 4.1";

std::vector<CountryResources> build_table() {
  using K = LineKind;
  std::vector<CountryResources> t;
  t.push_back({"AT", "Austria", "112 (ambulance 144)", "europarl.europa.eu (112 in every EU country); burgenland.orf.at 2019 (144)",
               {{K::kCrisis, "TelefonSeelsorge", "142", "call, free, 24 hours",
                 "katholisch.at/telefonseelsorge; burgenland.orf.at 2023 (official emergency-number status)"}}});
  t.push_back({"AU", "Australia", "000", "lifelineh2h.org.au FAQ ('If you are in immediate danger call 000')",
               {{K::kCrisis, "Lifeline", "13 11 14", "call, 24 hours; or text 0477 13 11 14",
                 "lifelineh2h.org.au FAQ; en.wikipedia.org Lifeline (crisis support service); theleader.com.au 2022 (text line)"},
                {K::kDomesticViolence, "1800RESPECT", "1800 737 732", "call, 24 hours; for domestic, family and sexual violence",
                 "plan4womenssafety.dss.gov.au (Australian Government); 1800respect.org.au"}}});
  t.push_back({"CA", "Canada", "911", kRefDoc,
               {{K::kCrisis, "9-8-8 Suicide Crisis Helpline", "988", "call or text, English or French, 24 hours",
                 "shared/docs/safety-reference.md 4.1 (Government of Canada release, 30 Nov 2023); 988.ca"}}});
  t.push_back({"CH", "Switzerland", "112 (ambulance 144)", "srf.ch (Notrufnummern 112, 117, 118, 144)",
               {{K::kCrisis, "Die Dargebotene Hand / La Main Tendue", "143", "call, day and night",
                 "winterthur.143.ch (Tel 143, answered through the night)"}}});
  t.push_back({"DE", "Germany", "112", kRefDoc,
               {{K::kCrisis, "TelefonSeelsorge", "0800 111 0 111 or 0800 111 0 222", "call, free, anonymous, 24 hours",
                 "shared/docs/safety-reference.md 4.1; telefonseelsorge.de"},
                {K::kDomesticViolence, "Hilfetelefon Gewalt gegen Frauen", "116 016",
                 "call, free, 24 hours, in many languages", "hilfetelefon.de (Angebot im Ueberblick)"}}});
  t.push_back({"ES", "Spain", "112", kRefDoc,
               {{K::kCrisis, "024, Linea de atencion a la conducta suicida", "024", "call, free, 24 hours",
                 "shared/docs/safety-reference.md 4.1 (rtve.es, maldita.es)"}}});
  t.push_back({"FR", "France", "15 (SAMU) or 112", kRefDoc,
               {{K::kCrisis, "3114, numero national de prevention du suicide", "3114", "call, free, 24 hours",
                 "shared/docs/safety-reference.md 4.1; 3114.fr"}}});
  t.push_back({"GB", "the United Kingdom", "999 or 112", kRefDoc,
               {{K::kCrisis, "Samaritans", "116 123", "call, free, 24 hours",
                 "samaritans.org/how-we-can-help/contact-samaritan"},
                {K::kDomesticViolence, "National Domestic Abuse Helpline (Refuge)", "0808 2000 247", "call, free, 24 hours",
                 "refuge.org.uk; nationaldahelpline.org.uk"}}});
  t.push_back({"IE", "Ireland", "112 or 999", kRefDoc,
               {{K::kCrisis, "Samaritans Ireland", "116 123", "call, free",
                 "shared/docs/safety-reference.md 4.1 (newstalk.com)"}}});
  t.push_back({"IN", "India", "112", kRefDoc,
               {{K::kCrisis, "Tele-MANAS", "14416 or 1-800-891-4416", "call, free, 24 hours, in 20 languages",
                 "shared/docs/safety-reference.md 4.1 (livemint.com, sakshipost.com)"}}});
  t.push_back({"IT", "Italy", "112 (ambulance 118)", "europarl.europa.eu (112); 6sicuro.it (118)",
               {{K::kCrisis, "Telefono Amico Italia", "02 2327 2327",
                 "call, every day from 9 in the morning to midnight; WhatsApp 324 011 7252",
                 "agensir.it 2025 (Telefono Amico Italia figures presented in the Senate)"}}});
  t.push_back({"NL", "the Netherlands", "112", kRefDoc,
               {{K::kCrisis, "113 Zelfmoordpreventie", "113 or 0800-0113", "call, free; or chat at 113.nl",
                 "shared/docs/safety-reference.md 4.1 (nu.nl 2020; ANP 2025)"}}});
  t.push_back({"NZ", "New Zealand", "111", kRefDoc,
               {{K::kCrisis, "Need to talk?", "1737", "call or text, free, 24 hours",
                 "shared/docs/safety-reference.md 4.1 (mentalhealth.org.nz)"},
                {K::kCrisis, "Lifeline Aotearoa", "0800 543 354", "call; or text HELP to 4357",
                 "shared/docs/safety-reference.md 4.1 (nzfamilies.org.nz)"}}});
  t.push_back({"US", "the United States", "911", kRefDoc,
               {{K::kCrisis, "988 Suicide & Crisis Lifeline", "988", "call or text, free, 24 hours; chat at 988lifeline.org",
                 "shared/docs/safety-reference.md 4.1; 988lifeline.org"},
                {K::kDomesticViolence, "National Domestic Violence Hotline", "1-800-799-7233",
                 "call, free, 24 hours; or text START to 88788", "ovc.ojp.gov (US Department of Justice, 2022)"},
                {K::kPoison, "Poison Help", "1-800-222-1222", "call, free, 24 hours",
                 "vdh.virginia.gov 2022 (Virginia Department of Health); npn.org"}}});
  return t;
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

const Line* CountryResources::first(LineKind kind) const {
  for (const auto& l : lines) {
    if (l.kind == kind) return &l;
  }
  return nullptr;
}

const std::vector<CountryResources>& all_countries() {
  static const std::vector<CountryResources> kTable = build_table();
  return kTable;
}

const CountryResources& generic_resources() {
  static const CountryResources kGeneric{"", "your country", "", "", {}};
  return kGeneric;
}

Status validate_country_code(std::string_view code) {
  if (code.size() == 2 && is_alpha(code[0]) && is_alpha(code[1])) return Status::ok();
  std::string shown(code.substr(0, 16));
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
  }
  return invalid_argument("expected a two-letter country code like US or DE, found '" + shown + "'");
}

const CountryResources* find_country(std::string_view code) {
  if (!validate_country_code(code).is_ok()) return nullptr;
  std::string up{upper(code[0]), upper(code[1])};
  if (up == "UK") up = "GB";
  for (const auto& c : all_countries()) {
    if (c.code == up) return &c;
  }
  return nullptr;
}

std::optional<std::string> country_from_locale(std::string_view locale) {
  if (locale.empty() || locale.size() > 64) return std::nullopt;
  // Strip ".codeset" and "@modifier".
  size_t cut = locale.find_first_of(".@");
  std::string_view name = locale.substr(0, cut);
  if (name == "C" || name == "POSIX") return std::nullopt;
  size_t sep = name.find_first_of("_-");
  if (sep == std::string_view::npos) return std::nullopt;  // a language alone says nothing about the country
  std::string_view lang = name.substr(0, sep);
  std::string_view country = name.substr(sep + 1);
  if (lang.size() < 2 || lang.size() > 3) return std::nullopt;
  for (char c : lang) {
    if (!is_alpha(c)) return std::nullopt;
  }
  if (country.size() != 2 || !is_alpha(country[0]) || !is_alpha(country[1])) return std::nullopt;
  return std::string{upper(country[0]), upper(country[1])};
}

Resolution resolve(std::string_view setting, const LocaleEnv& locale) {
  Resolution r;
  if (!setting.empty()) {
    r.from = ResolvedFrom::kSetting;
    r.requested = std::string(setting.substr(0, 2));
    for (char& c : r.requested) c = upper(c);
    const CountryResources* c = find_country(setting);
    r.country = c ? c : &generic_resources();
    return r;
  }
  const std::string* chosen = nullptr;
  for (const std::string* v : {&locale.lc_all, &locale.lc_messages, &locale.lang}) {
    if (!v->empty()) {
      chosen = v;
      break;
    }
  }
  if (chosen) {
    if (auto code = country_from_locale(*chosen)) {
      r.requested = *code;
      if (const CountryResources* c = find_country(*code)) {
        r.country = c;
        r.from = ResolvedFrom::kLocale;
        return r;
      }
    }
  }
  r.country = &generic_resources();
  r.from = ResolvedFrom::kFallback;
  return r;
}

std::string render_help_text(const CountryResources& country) {
  std::string out;
  if (country.is_generic()) {
    out += "If you are in danger right now, please call your local emergency number, or ask someone near you to "
           "call for you.\n";
    out += "Haven does not have a checked crisis line for your country yet. A doctor, a hospital, or someone you "
           "trust can help you find one.\n";
    return out;
  }
  out += "If you are in danger right now, call ";
  out += country.emergency;
  out += ", the emergency number in ";
  out += country.name;
  out += ".\n";
  for (const auto& l : country.lines) {
    if (l.kind != LineKind::kCrisis) continue;
    out += "To talk to someone now: ";
    out += l.name;
    out += ", ";
    out += l.number;
    out += " (";
    out += l.how;
    out += ").\n";
  }
  return out;
}

}  // namespace haven::safety::resources
