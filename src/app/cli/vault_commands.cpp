// Registers the vault area's subcommands. Owned by the vault work; empty until it lands.
#include "app/cli/cli.h"

namespace haven::cli {

void register_vault_commands(CommandTable& table) { (void)table; }

}  // namespace haven::cli
