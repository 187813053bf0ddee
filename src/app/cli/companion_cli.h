// The companion area's subcommands, one file each.
#pragma once

#include "app/cli/cli.h"

namespace haven::cli {

int run_models_command(const GlobalOptions& options, Args& args);  // models_command.cpp (backend work)
int run_chat_command(const GlobalOptions& options, Args& args);    // chat_command.cpp
int run_config_command(const GlobalOptions& options, Args& args);  // config_command.cpp
int run_memory_command(const GlobalOptions& options, Args& args);  // memory_command.cpp
int run_session_command(const GlobalOptions& options, Args& args); // session_command.cpp
int run_reflect_command(const GlobalOptions& options, Args& args); // reflect_command.cpp

}  // namespace haven::cli
