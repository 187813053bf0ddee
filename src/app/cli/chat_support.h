// Unlocking the vault for `haven chat`, with the first-run introduction on a terminal.
#pragma once

#include <memory>

#include <optional>
#include <string>

#include "app/cli/chat_io.h"
#include "app/cli/cli.h"
#include "backend/backend.h"
#include "companion/conversation/conversation.h"
#include "companion/store/companion_store.h"
#include "core/status.h"

namespace haven::vault {
class Vault;
}

namespace haven::cli {

// Opens the vault at options.vault_dir with the passphrase from HAVEN_PASSPHRASE, --passphrase-file or
// the terminal. When there is no vault yet: on a terminal, the first-run introduction creates one (what
// Haven is and is not, the passphrase, the country for crisis lines, optionally trusted people);
// otherwise kFailedPrecondition asking to run `haven init`. Errors otherwise are the vault's.
Result<std::unique_ptr<vault::Vault>> open_vault_for_chat(const GlobalOptions& options, ChatIo& io);

// The model options shared by chat and reflect: --model FILE | --ollama NAME | --server URL
// [--server-model NAME], and --allow-remote.
struct ModelOptions {
  std::optional<std::string> model_file, ollama, server, server_model;
  bool allow_remote = false;
};
// kInvalidArgument (a usage error) for a missing value or more than one model.
Result<ModelOptions> take_model_options(Args& args);

// The backend for this run's options, else the remembered `config set model` choice; a null backend when
// neither names a model (the caller shows kNoModelScreen). Remote servers need --allow-remote, and
// then every request is shown on io for consent.
Result<std::unique_ptr<backend::Backend>> backend_for(const ModelOptions& options, companion::CompanionStore& store,
                                                      ChatIo& io);

// Conversation settings from the vault's choices (country, context size) and the locale.
companion::ConversationSettings conversation_settings(companion::CompanionStore& store);

// The screen shown when no model is set up.
extern const char* const kNoModelScreen;

}  // namespace haven::cli
