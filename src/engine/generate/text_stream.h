// TextStream: turns the byte pieces of generated tokens into text for the reader, one token at a time.
//
// A token's piece is raw bytes: a character can be split across tokens (an emoji may arrive as four
// one-byte pieces), and a stop string ("<|im_end|>", "\nUser:") can be split too. TextStream
//   * never emits part of a UTF-8 character: an incomplete sequence at the end is held until its
//     remaining bytes arrive; bytes that can never form a character are emitted as U+FFFD, so the
//     sink always receives valid UTF-8;
//   * holds back text that might be the start of a stop string until it is known not to be;
//   * stops at the first stop string, emitting the text before it and never the stop string itself;
//   * stops when the sink returns false or the cancel flag is set (checked before every emission).
// Not thread-safe: one generation drives it; only the cancel flag may be set from another thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace haven::engine {

class TextStream {
 public:
  // Receives each run of text; return false to stop the generation.
  using Sink = std::function<bool(std::string_view text)>;

  enum class State {
    kRunning,
    kStopString,  // a stop string appeared; see matched_stop()
    kCancelled,   // the sink returned false or the cancel flag was set
    kFinished,    // finish() was called
  };

  // `stop_strings`: empty strings are ignored. `cancel` (borrowed, may be null) must outlive the stream.
  TextStream(std::vector<std::string> stop_strings, Sink sink, const std::atomic<bool>* cancel = nullptr);

  // Adds one token's piece. Returns the state afterwards; once it is not kRunning, further pieces are
  // ignored and nothing more is emitted.
  State push(std::string_view piece);

  // The generation ended (end-of-generation token, length limit): emits what was held back for a
  // possible stop string, and an incomplete character at the very end as U+FFFD. Returns the final
  // state: kFinished, or the earlier kStopString/kCancelled. Calling it again changes nothing.
  State finish();

  // Reads the cancel flag and, when it is set, moves to kCancelled. For callers about to start expensive
  // work (the next model step) that would be wasted after a cancel.
  State check_cancel() {
    if (state_ == State::kRunning && cancelled()) state_ = State::kCancelled;
    return state_;
  }

  State state() const { return state_; }
  // Everything handed to the sink so far.
  const std::string& emitted() const { return emitted_; }
  // Index into the stop strings given to the constructor of the one that matched, or -1.
  int matched_stop() const { return matched_stop_; }
  // How many invalid bytes were replaced by U+FFFD.
  size_t replaced_bytes() const { return replaced_bytes_; }

 private:
  bool cancelled() const;
  // Sends pending_[0, n) to the sink, repaired to valid UTF-8, and drops it from pending_.
  bool emit(size_t n);
  // Longest suffix of pending_ that is a proper prefix of some stop string.
  size_t stop_prefix_suffix() const;

  std::vector<std::string> stops_;
  Sink sink_;
  const std::atomic<bool>* cancel_;  // borrowed
  std::string pending_;
  std::string emitted_;
  State state_ = State::kRunning;
  int matched_stop_ = -1;
  size_t replaced_bytes_ = 0;
  size_t longest_stop_ = 0;
};

}  // namespace haven::engine
