// Registers the companion area's subcommands. Owned by the companion work; empty until it lands.
#include "app/cli/cli.h"

namespace haven::cli {

void register_companion_commands(CommandTable& table) { (void)table; }

}  // namespace haven::cli
