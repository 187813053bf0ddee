// Registers `haven run` and `haven bench`. Owned by the inference work; empty until it lands.
#include "app/cli/cli.h"

namespace haven::cli {

void register_inference_commands(CommandTable& table) { (void)table; }

}  // namespace haven::cli
