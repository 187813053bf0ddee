// Registers the safety area's subcommands. Owned by the safety work; empty until it lands.
#include "app/cli/cli.h"

namespace haven::cli {

void register_safety_commands(CommandTable& table) { (void)table; }

}  // namespace haven::cli
