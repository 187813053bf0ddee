// The safety area's subcommands, one file each (safety_<name>_command.cpp, help_now_command.cpp).
#pragma once

#include "app/cli/cli.h"

namespace haven::cli {

int run_safety_assess(const GlobalOptions& options, Args& args);  // safety_assess_command.cpp
int run_safety_eval(const GlobalOptions& options, Args& args);    // safety_eval_command.cpp
int run_safety_screen(const GlobalOptions& options, Args& args);  // safety_screen_command.cpp
int run_safety_train_ideation(const GlobalOptions& options, Args& args);  // safety_train_ideation_command.cpp
int run_help_now(const GlobalOptions& options, Args& args);       // help_now_command.cpp

}  // namespace haven::cli
