#include "app/cli/chat_support.h"

#include "app/cli/vault_cli.h"

#include <cctype>
#include <cstdlib>
#include <string>

#include "companion/model/model_choice.h"
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
  HAVEN_ASSIGN_OR_RETURN(auto created, vault::Vault::create(options.vault_dir, passphrase, recovery, vault_options_from_env()));
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

const char* const kNoModelScreen =
    "Haven needs a language model on this computer to talk with you, and none is set up yet.\n"
    "\n"
    "You can point it at one of these (pick one; you only need to do this once):\n"
    "\n"
    "  A GGUF model file:        haven config set model /path/to/model.gguf\n"
    "  A model in Ollama:        haven config set model ollama:llama3.2\n"
    "  A local model server:     haven config set model server:http://127.0.0.1:8080\n"
    "                            (llama.cpp's llama-server, LM Studio, Jan, vLLM)\n"
    "\n"
    "Or just for this time: haven chat --model FILE, --ollama NAME, or --server URL.\n"
    "'haven models' lists the models Haven can find on this computer.\n"
    "\n"
    "Without a model you can still write in your journal (haven journal add), log your mood\n"
    "(haven mood add), and see crisis lines any time (haven help-now).\n";

Result<ModelOptions> take_model_options(Args& args) {
  ModelOptions m;
  HAVEN_ASSIGN_OR_RETURN(m.model_file, args.take_option("--model"));
  HAVEN_ASSIGN_OR_RETURN(m.ollama, args.take_option("--ollama"));
  HAVEN_ASSIGN_OR_RETURN(m.server, args.take_option("--server"));
  HAVEN_ASSIGN_OR_RETURN(m.server_model, args.take_option("--server-model"));
  m.allow_remote = args.take_flag("--allow-remote");
  int chosen = (m.model_file ? 1 : 0) + (m.ollama ? 1 : 0) + (m.server ? 1 : 0);
  if (chosen > 1) return invalid_argument("choose one of --model, --ollama and --server");
  if (m.server_model && !m.server) return invalid_argument("--server-model goes with --server URL");
  return m;
}

Result<std::unique_ptr<backend::Backend>> backend_for(const ModelOptions& m, companion::CompanionStore& store,
                                                      ChatIo& io) {
  companion::ModelChoice choice;
  if (m.model_file) {
    choice = {companion::ModelChoice::Kind::kLocalFile, *m.model_file, "", ""};
  } else if (m.ollama) {
    choice = {companion::ModelChoice::Kind::kOllama, "", "http://127.0.0.1:11434", *m.ollama};
  } else if (m.server) {
    choice = {companion::ModelChoice::Kind::kServer, "", *m.server, m.server_model.value_or("")};
  } else {
    HAVEN_ASSIGN_OR_RETURN(auto stored, store.get_config("model"));
    if (!stored) return std::unique_ptr<backend::Backend>();
    auto parsed = companion::parse_model_choice(*stored);
    if (!parsed.is_ok()) return parsed.status().with_context("the saved model setting");
    choice = *parsed;
  }
  backend::RemotePolicy remote;
  remote.allow_remote = m.allow_remote;
  ChatIo* io_ptr = &io;  // borrowed: the io outlives the backend in every caller
  remote.consent = [io_ptr](const std::string& host, std::string_view request_text) {
    io_ptr->write("\nThis would be sent to " + host + ", another computer, exactly as shown:\n-----\n");
    io_ptr->write(request_text);
    io_ptr->write("\n-----\n");
    auto r = io_ptr->read_line("Send it? (yes/no) ", 0);
    return r.outcome == ChatIo::ReadOutcome::kLine && r.line == "yes";
  };
  return companion::make_backend(choice, remote);
}

companion::ConversationSettings conversation_settings(companion::CompanionStore& store) {
  companion::ConversationSettings settings;
  if (auto country = store.get_config("country"); country.is_ok() && country->has_value()) settings.country = **country;
  auto env_or_empty = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v == nullptr ? "" : v);
  };
  settings.locale = {env_or_empty("LC_ALL"), env_or_empty("LC_MESSAGES"), env_or_empty("LANG")};
  settings.params.temperature = 0.7;
  settings.params.max_tokens = 400;
  if (auto ctx = store.get_config("context-tokens"); ctx.is_ok() && ctx->has_value()) {
    long v = std::strtol((*ctx)->c_str(), nullptr, 10);
    if (v >= 512) settings.budget.context_tokens = static_cast<size_t>(v);
  }
  return settings;
}

Result<std::unique_ptr<vault::Vault>> open_vault_for_chat(const GlobalOptions& options, ChatIo& io) {
  if (!vault::Vault::exists(options.vault_dir)) {
    if (!io.interactive()) {
      return failed_precondition("there is no Haven vault at " + options.vault_dir + " yet; run 'haven init' first");
    }
    return first_run(options, io);
  }
  HAVEN_ASSIGN_OR_RETURN(std::string passphrase, obtain_passphrase(options, "Passphrase: ", false));
  return vault::Vault::open(options.vault_dir, vault::Credential::passphrase(passphrase), vault_options_from_env());
}

}  // namespace haven::cli
