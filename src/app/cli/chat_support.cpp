#include "app/cli/chat_support.h"

#include <cctype>
#include <cstdlib>
#include <string>

#include "companion/store/companion_store.h"
#include "core/env.h"
#include "safety/resources/crisis_resources.h"
#include "vault/vault.h"

namespace haven::cli {
namespace {

constexpr const char* kIntroduction =
    "Welcome to Haven.\n"
    "\n"
    "Haven is a private place to write about what's on your mind and think it through with an AI that\n"
    "asks questions. It runs on this computer; what you write is encrypted with a passphrase only you know.\n"
    "\n"
    "Haven is an AI self-help tool. It is not a therapist, not a doctor and not crisis care, and it can be\n"
    "wrong. If you are ever in danger, run 'haven help-now' (no passphrase needed) for crisis lines.\n"
    "\n"
    "First, choose a passphrase. Please keep it somewhere safe: if you forget it, nobody can recover\n"
    "what you wrote, not even with Haven's help.\n";

vault::VaultOptions options_from_env() {
  vault::VaultOptions o;
  if (const char* profile = std::getenv("HAVEN_KDF_PROFILE"); profile != nullptr) {
    if (auto kdf = vault::kdf_profile(profile); kdf.is_ok()) o.kdf = *kdf;
  }
  return o;
}

Result<std::string> passphrase_from_script(const GlobalOptions& options) {
  if (!options.passphrase_file.empty()) {
    HAVEN_ASSIGN_OR_RETURN(std::string text, Env::default_env()->read_file(options.passphrase_file));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
  }
  if (const char* p = std::getenv("HAVEN_PASSPHRASE"); p != nullptr) return std::string(p);
  return not_found("no passphrase given");
}

Result<std::unique_ptr<vault::Vault>> first_run(const GlobalOptions& options, ChatIo& io) {
  io.write(kIntroduction);
  std::string passphrase;
  for (;;) {
    auto first = io.read_secret("Passphrase: ");
    if (!first) return cancelled("setup was stopped; nothing was created");
    if (first->size() < 8) {
      io.write("Please use at least 8 characters; a short sentence is easy to remember and hard to guess.\n");
      continue;
    }
    auto second = io.read_secret("The same passphrase again: ");
    if (!second) return cancelled("setup was stopped; nothing was created");
    if (*first != *second) {
      io.write("Those two were different. Let's try again.\n");
      continue;
    }
    passphrase = *first;
    break;
  }
  auto wants_key = io.read_line(
      "Haven can print a recovery key once, which opens your journal if you forget the passphrase.\n"
      "Print one now? (y/n) ", 0);
  bool recovery = wants_key.outcome == ChatIo::ReadOutcome::kLine && (wants_key.line == "y" || wants_key.line == "yes");
  HAVEN_ASSIGN_OR_RETURN(auto created, vault::Vault::create(options.vault_dir, passphrase, recovery, options_from_env()));
  if (recovery) {
    io.write("\nYour recovery key (write it down and keep it apart from this computer; it will not be shown again):\n\n  ");
    io.write(created.recovery_key.view());
    io.write("\n\n");
  }
  companion::CompanionStore store(created.vault.get());
  auto country = io.read_line(
      "Which country are you in? Haven uses it to show the right crisis lines (two letters, like US, GB, DE;\n"
      "Enter to use your computer's setting): ", 0);
  if (country.outcome == ChatIo::ReadOutcome::kLine && !country.line.empty()) {
    std::string code = country.line;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (safety::resources::validate_country_code(code).is_ok()) {
      HAVEN_RETURN_IF_ERROR(store.set_config("country", code));
    } else {
      io.write("That doesn't look like a two-letter code; you can set it later with 'haven config set country XX'.\n");
    }
  }
  auto people = io.read_line(
      "Optional: who are people you trust, that Haven may suggest talking to? (names, separated by commas;\n"
      "Enter to skip): ", 0);
  if (people.outcome == ChatIo::ReadOutcome::kLine && !people.line.empty()) {
    HAVEN_RETURN_IF_ERROR(store.set_config("trusted-people", people.line));
  }
  io.write("\nAll set.\n\n");
  return std::move(created.vault);
}

}  // namespace

Result<std::unique_ptr<vault::Vault>> open_vault_for_chat(const GlobalOptions& options, ChatIo& io) {
  if (!vault::Vault::exists(options.vault_dir)) {
    if (!io.interactive()) {
      return failed_precondition("there is no Haven vault at " + options.vault_dir + " yet; run 'haven init' first");
    }
    return first_run(options, io);
  }
  auto scripted = passphrase_from_script(options);
  std::string passphrase;
  if (scripted.is_ok()) {
    passphrase = std::move(scripted).value();
  } else if (scripted.status().code() != StatusCode::kNotFound) {
    return scripted.status();
  } else if (io.interactive()) {
    auto typed = io.read_secret("Passphrase: ");
    if (!typed) return cancelled("no passphrase was entered");
    passphrase = *typed;
  } else {
    return unauthenticated("expected a passphrase in HAVEN_PASSPHRASE or --passphrase-file, found none");
  }
  return vault::Vault::open(options.vault_dir, vault::Credential::passphrase(passphrase), options_from_env());
}

}  // namespace haven::cli
