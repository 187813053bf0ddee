// haven models: placeholder until the backend work lands.
#include "app/cli/companion_cli.h"

namespace haven::cli {

int run_models_command(const GlobalOptions& options, Args& args) {
  (void)options;
  (void)args;
  return report_error(unsupported("'models' is not built yet"));
}

}  // namespace haven::cli
