// Registers `haven safety assess|screen|eval` and `haven help-now`.
#include "app/cli/safety_cli.h"

namespace haven::cli {

void register_safety_commands(CommandTable& table) {
  table["safety"] = {"check text for risk: safety assess | screen | eval FILE.jsonl",
                     [](const GlobalOptions& options, Args& args) -> int {
                       auto sub = args.take_positional();
                       if (!sub) return usage_error("safety expects a subcommand: assess, screen or eval");
                       if (*sub == "assess") return run_safety_assess(options, args);
                       if (*sub == "screen") return run_safety_screen(options, args);
                       if (*sub == "eval") return run_safety_eval(options, args);
                       return usage_error("unknown safety subcommand '" + *sub + "'");
                     }};
  table["help-now"] = {"crisis lines and emergency numbers for your country (no passphrase needed)",
                       run_help_now};
}

}  // namespace haven::cli
