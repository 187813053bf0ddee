// Runs a program as a child process for end-to-end tests: arguments, environment, standard input in,
// standard output, standard error and exit status out.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace haven::test {

struct ProcessResult {
  int exit_code = -1;    // the exit status, or 128 + signal number when killed by a signal
  std::string out;       // everything written to stdout
  std::string err;       // everything written to stderr
};

struct ProcessOptions {
  std::string stdin_text;                    // written to the child's stdin, which is then closed
  std::map<std::string, std::string> env;    // set (or overridden) in the child's environment
  std::vector<std::string> unset_env;        // removed from the child's environment
  std::string cwd;                           // working folder; empty keeps the current one
  int timeout_seconds = 120;                 // the child is killed (SIGKILL) after this long
};

// Runs program with args (argv[0] is program). Never throws.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const ProcessOptions& options = {});

// Runs the haven binary built with the tests.
ProcessResult run_haven(const std::vector<std::string>& args, const ProcessOptions& options = {});

// Path of the haven binary and of ../shared/testdata.
std::string haven_binary();
std::string testdata_dir();

}  // namespace haven::test
