// haven mood add|list. Written by the lead for issue 2's CLI.
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/vault_cli.h"

namespace haven::cli {
namespace {

Result<double> parse_number(const std::string& text, std::string_view name, double lo, double hi) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end == nullptr || *end != '\0' || v < lo || v > hi) {
    return invalid_argument("expected " + std::string(name) + " between " + std::to_string(static_cast<int>(lo)) +
                            " and " + std::to_string(static_cast<int>(hi)) + ", found '" + text + "'");
  }
  return v;
}

}  // namespace

int run_mood_command(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub || (*sub != "add" && *sub != "list")) return usage_error("mood expects add or list");
  using nlohmann::json;
  if (*sub == "list") {
    if (!args.empty()) return usage_error(args.expect_empty().message());
    auto vault = open_vault_for_command(options);
    if (!vault.is_ok()) return report_error(vault.status());
    auto moods = (*vault)->list_moods();
    if (!moods.is_ok()) return report_error(moods.status());
    if (options.json) {
      json out = json::array();
      for (const auto& m : *moods) {
        json j = {{"id", m.id}, {"created_ms", m.created_ms}, {"rating", m.rating}, {"emotions", m.emotions},
                  {"note", m.note}};
        j["sleep_hours"] = m.sleep_hours ? json(*m.sleep_hours) : json(nullptr);
        j["energy"] = m.energy ? json(*m.energy) : json(nullptr);
        out.push_back(j);
      }
      std::cout << out.dump() << "\n";
      return kExitOk;
    }
    if (moods->empty()) std::cout << "No check-ins yet. 'haven mood add --rating N' adds one.\n";
    for (const auto& m : *moods) {
      std::cout << m.id << "  " << format_local_time(m.created_ms, m.utc_offset_min) << "  mood " << m.rating << "/10";
      for (size_t i = 0; i < m.emotions.size(); ++i) std::cout << (i == 0 ? "  " : ", ") << m.emotions[i];
      if (m.sleep_hours) std::cout << "  slept " << *m.sleep_hours << "h";
      if (m.energy) std::cout << "  energy " << *m.energy << "/10";
      if (!m.note.empty()) std::cout << "  " << m.note;
      std::cout << "\n";
    }
    return kExitOk;
  }
  vault::MoodInput mood;
  auto rating = args.take_option("--rating");
  auto emotions = args.take_option("--emotions");
  auto sleep = args.take_option("--sleep");
  auto energy = args.take_option("--energy");
  auto note = args.take_option("--note");
  for (const auto* r : {&rating, &emotions, &sleep, &energy, &note}) {
    if (!r->is_ok()) return usage_error(r->status().message());
  }
  if (!args.empty()) return usage_error(args.expect_empty().message());
  if (!rating->has_value()) return usage_error("mood add needs --rating N (0 = very low, 10 = very good)");
  auto r = parse_number(**rating, "a rating", 0, 10);
  if (!r.is_ok()) return usage_error(r.status().message());
  mood.rating = static_cast<int>(*r);
  if (emotions->has_value()) {
    std::string word;
    for (char c : **emotions + ",") {
      if (c == ',') {
        while (!word.empty() && word.front() == ' ') word.erase(word.begin());
        while (!word.empty() && word.back() == ' ') word.pop_back();
        if (!word.empty()) mood.emotions.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
  }
  if (sleep->has_value()) {
    auto v = parse_number(**sleep, "hours of sleep", 0, 24);
    if (!v.is_ok()) return usage_error(v.status().message());
    mood.sleep_hours = *v;
  }
  if (energy->has_value()) {
    auto v = parse_number(**energy, "an energy level", 0, 10);
    if (!v.is_ok()) return usage_error(v.status().message());
    mood.energy = static_cast<int>(*v);
  }
  if (note->has_value()) mood.note = **note;
  auto vault = open_vault_for_command(options);
  if (!vault.is_ok()) return report_error(vault.status());
  auto id = (*vault)->add_mood(mood);
  if (!id.is_ok()) return report_error(id.status());
  std::cout << (options.json ? json{{"id", *id}}.dump() + "\n" : "Saved your check-in.\n");
  return kExitOk;
}

}  // namespace haven::cli
