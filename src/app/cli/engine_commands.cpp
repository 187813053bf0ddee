// Registers the engine area's subcommands: `haven dev make-model` and `haven model info`.
#include <iostream>

#include "app/cli/cli.h"

namespace haven::cli {

// Defined in dev_make_model_command.cpp and model_info_command.cpp.
int run_dev_make_model(const GlobalOptions& options, Args& args);
int run_model_info(const GlobalOptions& options, Args& args);

namespace {

int run_dev(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub) return usage_error("'dev' expects a subcommand (make-model), found nothing");
  if (*sub == "make-model") return run_dev_make_model(options, args);
  return usage_error("'dev' expects the subcommand make-model, found '" + *sub + "'");
}

int run_model(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub) return usage_error("'model' expects a subcommand (info), found nothing");
  if (*sub == "info") return run_model_info(options, args);
  return usage_error("'model' expects the subcommand info, found '" + *sub + "'");
}

}  // namespace

void register_engine_commands(CommandTable& table) {
  table["dev"] = Command{"developer tools: make-model (a random-weight GGUF model for tests and benchmarks)", run_dev};
  table["model"] = Command{"model files: info FILE (what a GGUF model or vocabulary holds)", run_model};
}

}  // namespace haven::cli
