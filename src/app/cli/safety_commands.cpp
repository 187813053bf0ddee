// Registers `haven safety assess|screen|eval|train-ideation` and `haven help-now`.
#include "app/cli/safety_cli.h"

namespace haven::cli {

void register_safety_commands(CommandTable& table) {
  table["safety"] = {"check text for risk: safety assess | screen | eval FILE.jsonl",
                     [](const GlobalOptions& options, Args& args) -> int {
                       auto sub = args.take_positional();
                       if (!sub) return usage_error("safety expects a subcommand: assess, screen, eval or train-ideation");
                       if (*sub == "assess") return run_safety_assess(options, args);
                       if (*sub == "screen") return run_safety_screen(options, args);
                       if (*sub == "eval") return run_safety_eval(options, args);
                       if (*sub == "train-ideation") return run_safety_train_ideation(options, args);
                       return usage_error("unknown safety subcommand '" + *sub + "'");
                     }};
  table["help-now"] = {"crisis lines and emergency numbers for your country (no passphrase needed)",
                       run_help_now};
}

}  // namespace haven::cli
