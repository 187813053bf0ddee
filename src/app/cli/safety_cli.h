// The safety area's subcommands, one file each (safety_<name>_command.cpp, help_now_command.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "safety/risk/context_reader_training.h"
#include "safety/risk/ideation_training.h"

namespace haven::cli {

int run_safety_assess(const GlobalOptions& options, Args& args);  // safety_assess_command.cpp
int run_safety_eval(const GlobalOptions& options, Args& args);    // safety_eval_command.cpp
int run_safety_screen(const GlobalOptions& options, Args& args);  // safety_screen_command.cpp
int run_safety_train_ideation(const GlobalOptions& options, Args& args);  // safety_train_ideation_command.cpp
// What `safety train-ideation --model context` read, for the context reader's trainer (safety_train_context.cpp).
struct ContextTrainingInput {
  std::vector<haven::safety::risk::LabelledText> train;
  std::vector<haven::safety::risk::LabelledText> validation;
  std::vector<std::string> validation_kinds;  // one per validation text
  std::vector<std::string> train_files, validation_files;
  std::optional<std::string> out_path;
  double max_false_positive_rate = 0.05;
  haven::safety::risk::ContextTrainingOptions options;  // the seed may come from --seed
  // Which table of this network: the --model name, the header its generated source includes, and the
  // symbol of its base64 parts.
  std::string model_name = "context";
  std::string header = "safety/risk/context_reader.h";
  std::string table_symbol = "kContextModel";  // the generated symbols begin so
};
int train_context_reader(const ContextTrainingInput& input);

int run_help_now(const GlobalOptions& options, Args& args);       // help_now_command.cpp

}  // namespace haven::cli
