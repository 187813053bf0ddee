// haven help-now: placeholder until the safety work lands.
#include "app/cli/safety_cli.h"

namespace haven::cli {

int run_help_now(const GlobalOptions& options, Args& args) {
  (void)options;
  (void)args;
  return report_error(unsupported("'help-now' is not built yet"));
}

}  // namespace haven::cli
