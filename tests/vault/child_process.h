// A child process the test can talk to while it runs (tests/support/process.h only runs to the end):
// pipes to its stdin and from its stdout, and SIGKILL at a moment of the test's choosing.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

extern char** environ;

namespace haven::vault::testing {

class ChildProcess {
 public:
  ChildProcess(const std::string& program, const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env) {
    std::vector<std::string> argv_store{program};
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::map<std::string, std::string> env_map;
    for (char** e = environ; *e != nullptr; ++e) {
      std::string kv = *e;
      auto eq = kv.find('=');
      if (eq != std::string::npos) env_map[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : env) env_map[k] = v;
    std::vector<std::string> env_store;
    for (const auto& [k, v] : env_map) env_store.push_back(k + "=" + v);
    std::vector<char*> argv, envp;
    for (auto& a : argv_store) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env_store) envp.push_back(e.data());
    envp.push_back(nullptr);
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(in[0], 0);
      dup2(out[1], 1);
      execve(program.c_str(), argv.data(), envp.data());
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
    signal(SIGPIPE, SIG_IGN);
  }

  ~ChildProcess() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      wait();
    }
    close_stdin();
    if (stdout_ >= 0) close(stdout_);
  }

  bool started() const { return pid_ > 0; }

  // Reads what the child wrote until `ms` milliseconds pass or its stdout closes.
  void read_for(int ms) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (stdout_ >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return;
      pollfd p{stdout_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      if (!drain_once()) return;
    }
  }

  // Reads until `needle` has appeared in stdout or `ms` pass. True when it appeared.
  bool wait_for_output(const std::string& needle, int ms) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (out_.find(needle) == std::string::npos && stdout_ >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{stdout_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) > 0 && !drain_once()) break;
    }
    return out_.find(needle) != std::string::npos;
  }

  void kill_now() {
    if (pid_ > 0 && !waited_) kill(pid_, SIGKILL);
  }

  void close_stdin() {
    if (stdin_ >= 0) close(stdin_);
    stdin_ = -1;
  }

  // Reads the rest of stdout and waits. Returns the exit status, or 128 + signal.
  int wait() {
    while (stdout_ >= 0 && drain_once()) {
    }
    if (!waited_ && pid_ > 0) {
      int status = 0;
      waitpid(pid_, &status, 0);
      waited_ = true;
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return exit_code_;
  }

  const std::string& output() const { return out_; }

 private:
  // False at end of file.
  bool drain_once() {
    char buf[65536];
    ssize_t n = read(stdout_, buf, sizeof buf);
    if (n > 0) {
      out_.append(buf, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) return true;
    close(stdout_);
    stdout_ = -1;
    return false;
  }

  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  bool waited_ = false;
  int exit_code_ = -1;
  std::string out_;
};

}  // namespace haven::vault::testing
