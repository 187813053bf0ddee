// haven safety screen: placeholder until the safety work lands.
#include "app/cli/safety_cli.h"

namespace haven::cli {

int run_safety_screen(const GlobalOptions& options, Args& args) {
  (void)options;
  (void)args;
  return report_error(unsupported("'safety screen' is not built yet"));
}

}  // namespace haven::cli
