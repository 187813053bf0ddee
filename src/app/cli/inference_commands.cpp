// Registers `haven run` and `haven bench`: the local engine driven directly, for developers checking a
// model file (correctness against llama.cpp, speed). Conversations go through `haven chat` instead.
#include "app/cli/cli.h"

namespace haven::cli {

int run_run_command(const GlobalOptions& options, Args& args);    // run_command.cpp
int run_bench_command(const GlobalOptions& options, Args& args);  // bench_command.cpp

void register_inference_commands(CommandTable& table) {
  table["run"] = {"run a model file on a prompt: run --model FILE --prompt TEXT [-n N] [--temp T] [--seed S] "
                  "[--kv-type f32|f16] [--json]",
                  run_run_command};
  table["bench"] = {"measure a model file's speed: bench --model FILE [-p 512] [-n 128] [-t 2] [-r 5] [--kv-type f16|f32] "
                    "[--compare FILE.tsv [--compare-key KEY]] [--bandwidth GBPS] [--json] | bench --turns 10 --model FILE",
                    run_bench_command};
}

}  // namespace haven::cli
