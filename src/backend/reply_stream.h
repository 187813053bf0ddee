// Internal to the backends: what every streamed reply keeps track of while it arrives.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backend/backend.h"

namespace haven::backend {

class ReplyStream {
 public:
  ReplyStream(const TextCallback& on_text, uint64_t max_bytes) : on_text_(on_text), max_bytes_(max_bytes) {}

  // Passes a piece to the caller. kOutOfRange past the size limit, kCancelled when the callback says stop.
  Status deliver(std::string_view piece) {
    if (piece.empty()) return Status::ok();
    if (text_bytes_ + piece.size() > max_bytes_) {
      return out_of_range("expected a reply under " + std::to_string(max_bytes_) +
                          " bytes, found a longer one, so Haven stopped it");
    }
    text_bytes_ += piece.size();
    if (!on_text_(piece)) return cancelled("the reply was stopped");
    return Status::ok();
  }
  uint64_t text_bytes() const { return text_bytes_; }

  std::optional<FinishReason> finish_reason;
  Usage usage;
  std::string model;
  bool done = false;  // the stream's own end marker arrived ([DONE] or "done": true)

 private:
  const TextCallback& on_text_;  // borrowed for the duration of one chat()
  uint64_t max_bytes_;
  uint64_t text_bytes_ = 0;
};

// Turns an HttpExchange outcome and the reply's state into a ChatResult.
ChatResult finish_result(const ReplyStream& reply, Status status);

}  // namespace haven::backend
