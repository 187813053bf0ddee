// haven safety eval: placeholder until the safety work lands.
#include "app/cli/safety_cli.h"

namespace haven::cli {

int run_safety_eval(const GlobalOptions& options, Args& args) {
  (void)options;
  (void)args;
  return report_error(unsupported("'safety eval' is not built yet"));
}

}  // namespace haven::cli
