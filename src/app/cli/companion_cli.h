// The companion area's subcommands, one file each.
#pragma once

#include "app/cli/cli.h"

namespace haven::cli {

int run_models_command(const GlobalOptions& options, Args& args);  // models_command.cpp (backend work)
int run_chat_command(const GlobalOptions& options, Args& args);    // chat_command.cpp

}  // namespace haven::cli
