// Registers the companion's subcommands: chat, models, config, memory, session, reflect.
#include "app/cli/companion_cli.h"

namespace haven::cli {

void register_companion_commands(CommandTable& table) {
  table["chat"] = {"talk things through (start here)", run_chat_command};
  table["config"] = {"your choices: config set|get KEY [VALUE], config list", run_config_command};
  table["memory"] = {"what Haven remembers: memory list | edit ID TEXT | forget ID", run_memory_command};
  table["session"] = {"past conversations: session list | show ID | delete ID", run_session_command};
  table["reflect"] = {"reflect on a journal entry: reflect ENTRY-ID", run_reflect_command};
  table["models"] = {"list model files and local model servers Haven can use", run_models_command};
}

}  // namespace haven::cli
