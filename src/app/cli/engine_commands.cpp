// Registers the engine area's subcommands. Owned by the engine work; empty until it lands.
#include "app/cli/cli.h"

namespace haven::cli {

void register_engine_commands(CommandTable& table) { (void)table; }

}  // namespace haven::cli
