#include "engine/generate/text_stream.h"

#include <algorithm>
#include <utility>

#include "core/utf8.h"

namespace haven::engine {

TextStream::TextStream(std::vector<std::string> stop_strings, Sink sink, const std::atomic<bool>* cancel)
    : sink_(std::move(sink)), cancel_(cancel) {
  for (std::string& s : stop_strings) {
    longest_stop_ = std::max(longest_stop_, s.size());
    stops_.push_back(std::move(s));  // empty ones are kept so matched_stop() indices stay the caller's
  }
}

bool TextStream::cancelled() const { return cancel_ != nullptr && cancel_->load(std::memory_order_relaxed); }

size_t TextStream::stop_prefix_suffix() const {
  const size_t max_len = std::min(pending_.size(), longest_stop_ == 0 ? 0 : longest_stop_ - 1);
  const std::string_view p(pending_);
  for (size_t len = max_len; len > 0; --len) {
    const std::string_view suffix = p.substr(p.size() - len);
    for (const std::string& s : stops_) {
      if (s.size() > len && std::string_view(s).substr(0, len) == suffix) return len;
    }
  }
  return 0;
}

bool TextStream::emit(size_t n) {
  if (n == 0) return true;
  if (cancelled()) {
    state_ = State::kCancelled;
    return false;
  }
  const std::string_view raw = std::string_view(pending_).substr(0, n);
  std::string text;
  text.reserve(n);
  size_t pos = 0;
  while (pos < raw.size()) {
    const size_t bad = pos + utf8::first_invalid(raw.substr(pos));
    text.append(raw.substr(pos, bad - pos));
    if (bad >= raw.size()) break;
    pos = bad;
    utf8::decode_next(raw, pos);  // advances past exactly one invalid byte
    utf8::append(text, U'\uFFFD');
    ++replaced_bytes_;
  }
  pending_.erase(0, n);
  emitted_ += text;
  if (!sink_(text)) {
    state_ = State::kCancelled;
    return false;
  }
  return true;
}

TextStream::State TextStream::push(std::string_view piece) {
  if (state_ != State::kRunning) return state_;
  if (cancelled()) {
    state_ = State::kCancelled;
    return state_;
  }
  pending_.append(piece);

  size_t first = std::string::npos;
  int which = -1;
  for (size_t i = 0; i < stops_.size(); ++i) {
    if (stops_[i].empty()) continue;
    const size_t at = pending_.find(stops_[i]);
    if (at < first) {
      first = at;
      which = static_cast<int>(i);
    }
  }
  if (which >= 0) {
    // The bytes before a stop string can never be completed by what follows, so a broken tail there is
    // replaced rather than held.
    if (emit(first)) {
      state_ = State::kStopString;
      matched_stop_ = which;
    }
    return state_;
  }

  const size_t hold = stop_prefix_suffix();
  // A held stop-string prefix starts with a character's first byte, so an incomplete sequence before it
  // can never complete; only a sequence at the very end is worth waiting for.
  const size_t ready = hold > 0 ? pending_.size() - hold : utf8::complete_prefix_length(pending_);
  emit(ready);
  return state_;
}

TextStream::State TextStream::finish() {
  if (state_ != State::kRunning) return state_;
  if (cancelled()) {
    state_ = State::kCancelled;
    return state_;
  }
  if (emit(pending_.size())) state_ = State::kFinished;
  return state_;
}

}  // namespace haven::engine
