#include "app/cli/chat_io.h"

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <editline/readline.h>

#include "app/cli/vault_cli.h"

namespace haven::cli {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_idle{false};
int g_idle_seconds = 0;

backend::CancelToken* g_cancel_target = nullptr;  // borrowed

void on_sigint(int) {
  g_interrupted.store(true);
  if (g_cancel_target != nullptr) g_cancel_target->request_cancel();
}

// libedit asks for characters through this: wait for a key with the idle limit, so a forgotten session
// locks itself, and give up the line on Ctrl-C.
int timed_getc(FILE* stream) {
  int fd = fileno(stream);
  for (;;) {
    if (g_interrupted.load()) return EOF;
    pollfd p{fd, POLLIN, 0};
    int timeout_ms = g_idle_seconds > 0 ? g_idle_seconds * 1000 : -1;
    int rc = poll(&p, 1, timeout_ms);
    if (rc == 0) {
      g_idle.store(true);
      return EOF;
    }
    if (rc < 0) {
      if (errno == EINTR) continue;
      return EOF;
    }
    unsigned char c;
    ssize_t n = ::read(fd, &c, 1);
    if (n == 1) return c;
    if (n < 0 && errno == EINTR) continue;
    return EOF;
  }
}

class TerminalIo final : public ChatIo {
 public:
  TerminalIo() {
    rl_catch_signals = 0;
    rl_getc_function = timed_getc;
    using_history();  // in memory only: nothing is ever written to a history file
    stifle_history(0);
  }
  bool interactive() const override { return true; }

  ReadResult read_line(std::string_view prompt, int idle_seconds) override {
    g_idle_seconds = idle_seconds;
    g_idle.store(false);
    g_interrupted.store(false);
    // libedit draws a prompt on one line: print any lines before the last one ourselves.
    size_t last_newline = prompt.rfind('\n');
    if (last_newline != std::string_view::npos) {
      std::cout << prompt.substr(0, last_newline + 1) << std::flush;
      prompt.remove_prefix(last_newline + 1);
    }
    std::string p(prompt);
    char* line = readline(p.c_str());
    ReadResult r;
    if (g_idle.load()) {
      r.outcome = ReadOutcome::kIdle;
    } else if (g_interrupted.exchange(false)) {
      r.outcome = ReadOutcome::kInterrupted;
    } else if (line == nullptr) {
      r.outcome = ReadOutcome::kEnd;
    } else {
      r.outcome = ReadOutcome::kLine;
      r.line = line;
    }
    if (line != nullptr) {
      // What the user typed should not linger in freed memory longer than needed.
      std::memset(line, 0, std::strlen(line));
      std::free(line);
    }
    return r;
  }

  std::optional<std::string> read_secret(std::string_view prompt) override {
    auto line = read_hidden_line(prompt);
    if (!line.is_ok()) return std::nullopt;
    return std::move(line).value();
  }

  void write(std::string_view text) override { std::cout << text << std::flush; }
  void clear_screen() override { std::cout << "\x1b[3J\x1b[H\x1b[2J" << std::flush; }
  int width() const override {
    winsize ws {};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col - 1;
    return 79;
  }
};

class PipeIo final : public ChatIo {
 public:
  bool interactive() const override { return false; }
  ReadResult read_line(std::string_view, int) override {
    ReadResult r;
    if (!std::getline(std::cin, r.line)) return {ReadOutcome::kEnd, ""};
    if (!r.line.empty() && r.line.back() == '\r') r.line.pop_back();
    r.outcome = ReadOutcome::kLine;
    return r;
  }
  std::optional<std::string> read_secret(std::string_view) override {
    std::string s;
    if (!std::getline(std::cin, s)) return std::nullopt;
    return s;
  }
  void write(std::string_view text) override { std::cout << text << std::flush; }
  void clear_screen() override {}
  int width() const override { return 0; }
};

}  // namespace

std::unique_ptr<ChatIo> ChatIo::make() {
  if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) return std::make_unique<TerminalIo>();
  return std::make_unique<PipeIo>();
}

bool take_interrupt() { return g_interrupted.exchange(false); }

void install_interrupt_handler(backend::CancelToken* cancel) {
  g_cancel_target = cancel;
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocking read wakes up
  sigaction(SIGINT, &sa, nullptr);
}

}  // namespace haven::cli
