// haven config set|get|list: the user's choices, stored encrypted in the vault.
#include <cctype>
#include <iostream>

#include "app/cli/chat_support.h"
#include "app/cli/companion_cli.h"
#include "companion/model/model_choice.h"
#include "safety/resources/crisis_resources.h"
#include "vault/vault.h"

namespace haven::cli {
namespace {

struct Key {
  const char* name;
  const char* help;
};
constexpr Key kKeys[] = {
    {"model", "the model to talk to: FILE.gguf, ollama:NAME or server:URL[#MODEL]"},
    {"country", "two-letter country code for crisis lines (US, GB, DE, ...)"},
    {"trusted-people", "names of people you trust, separated by commas"},
    {"lock-minutes", "lock the chat after this many idle minutes (0 = never; default 15)"},
    {"break-minutes", "suggest a break after this many minutes (default 25)"},
    {"daily-limit-minutes", "a gentle note after this much time in a day (default 90)"},
    {"context-tokens", "the model's context size in tokens (default 4096)"},
};

Status validate(const std::string& key, const std::string& value) {
  if (key == "model") return companion::parse_model_choice(value).status();
  if (key == "country") return safety::resources::validate_country_code(value);
  if (key == "lock-minutes" || key == "break-minutes" || key == "daily-limit-minutes" || key == "context-tokens") {
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 7) {
      return invalid_argument("expected a whole number for " + key + ", found '" + value + "'");
    }
  }
  return Status::ok();
}

}  // namespace

int run_config_command(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub || (*sub != "set" && *sub != "get" && *sub != "list")) {
    return usage_error("config expects set KEY VALUE, get KEY or list");
  }
  auto key = args.take_positional();
  auto value = args.take_positional();
  if (!args.empty()) return usage_error(args.expect_empty().message());
  if ((*sub == "set" && (!key || !value)) || (*sub == "get" && !key)) {
    return usage_error("config set needs a KEY and a VALUE; config get needs a KEY");
  }
  if (key) {
    bool known = false;
    for (const auto& k : kKeys) known |= *key == k.name;
    if (!known) {
      std::string names;
      for (const auto& k : kKeys) names += std::string(names.empty() ? "" : ", ") + k.name;
      return usage_error("unknown setting '" + *key + "'; settings are " + names);
    }
  }
  std::string v = value.value_or("");
  if (*sub == "set" && *key == "country") {
    for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (*sub == "set") {
    if (Status st = validate(*key, v); !st.is_ok()) return report_error(st);
  }
  auto io = ChatIo::make();
  auto opened = open_vault_for_chat(options, *io);
  if (!opened.is_ok()) return report_error(opened.status());
  companion::CompanionStore store(opened->get());
  if (*sub == "set") {
    if (Status st = store.set_config(*key, v); !st.is_ok()) return report_error(st);
    std::cout << *key << " = " << v << "\n";
    return kExitOk;
  }
  for (const auto& k : kKeys) {
    if (*sub == "get" && *key != k.name) continue;
    auto got = store.get_config(k.name);
    if (!got.is_ok()) return report_error(got.status());
    if (*sub == "get") {
      if (got->has_value()) std::cout << **got << "\n";
      return got->has_value() ? kExitOk : kExitError;
    }
    std::cout << k.name << " = " << (got->has_value() ? **got : "(not set)") << "    # " << k.help << "\n";
  }
  return kExitOk;
}

}  // namespace haven::cli
