// Reading lines and writing text for `haven chat`, on a terminal (libedit, no history file, idle
// timeout, Ctrl-C) or on pipes (one message per line; for scripts and tests).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "backend/cancel_token.h"

namespace haven::cli {

class ChatIo {
 public:
  enum class ReadOutcome { kLine, kEnd, kIdle, kInterrupted };
  struct ReadResult {
    ReadOutcome outcome = ReadOutcome::kEnd;
    std::string line;
  };

  virtual ~ChatIo() = default;
  // Makes the terminal flavour when stdin and stdout are terminals, the pipe flavour otherwise.
  static std::unique_ptr<ChatIo> make();

  virtual bool interactive() const = 0;
  // Reads one line (without its newline). On a terminal, kIdle after idle_seconds without a key
  // (0 = never) and kInterrupted on Ctrl-C.
  virtual ReadResult read_line(std::string_view prompt, int idle_seconds) = 0;
  // Reads a line without echo (passphrases). Pipes read a normal line.
  virtual std::optional<std::string> read_secret(std::string_view prompt) = 0;
  virtual void write(std::string_view text) = 0;
  // Clears the screen and the scrollback (terminal only).
  virtual void clear_screen() = 0;
  // Columns to wrap at (0 = do not wrap).
  virtual int width() const = 0;
};

// Ctrl-C: the handler fires `cancel` (borrowed; it must outlive the chat) so a streaming reply stops at
// once, and marks the interrupt so a line being typed is abandoned.
bool take_interrupt();
void install_interrupt_handler(backend::CancelToken* cancel);

}  // namespace haven::cli
