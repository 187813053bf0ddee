#include "backend/stream/sse_parser.h"

#include <cstring>

namespace haven::backend {

Status SseParser::feed(std::string_view bytes, const EventHandler& on_event) {
  if (!error_.is_ok()) return error_;
  if (Status s = utf8_.feed(bytes); !s.is_ok()) return error_ = s;
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    if (pending_cr_) {
      pending_cr_ = false;
      if (bytes[i] == '\n') {
        ++i;
        continue;
      }
    }
    size_t j = i;
    while (j < n && bytes[j] != '\n' && bytes[j] != '\r') ++j;
    const size_t add = j - i;
    if (line_.size() + add > limits_.max_line_bytes) {
      return error_ = out_of_range("expected stream lines under " + std::to_string(limits_.max_line_bytes) +
                                   " bytes, found a longer one");
    }
    line_.append(bytes.data() + i, add);
    if (j == n) break;
    pending_cr_ = bytes[j] == '\r';
    i = j + 1;
    if (Status s = process_line(on_event); !s.is_ok()) return error_ = s;
  }
  return Status::ok();
}

Status SseParser::finish(const EventHandler& on_event) {
  if (!error_.is_ok()) return error_;
  if (Status s = utf8_.finish(); !s.is_ok()) return error_ = s;
  if (!line_.empty()) {
    if (Status s = process_line(on_event); !s.is_ok()) return error_ = s;
  }
  if (have_data_) {
    if (Status s = dispatch(on_event); !s.is_ok()) return error_ = s;
  }
  return Status::ok();
}

Status SseParser::process_line(const EventHandler& on_event) {
  std::string_view line = line_;
  if (first_line_) {
    first_line_ = false;
    if (line.size() >= 3 && std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0) line.remove_prefix(3);
  }
  Status result;
  if (line.empty()) {
    if (have_data_) result = dispatch(on_event);
    event_.type = "message";
    event_.data.clear();
    have_data_ = false;
  } else if (line.front() != ':') {
    const size_t colon = line.find(':');
    std::string_view field = line.substr(0, colon);
    std::string_view value;
    if (colon != std::string_view::npos) {
      value = line.substr(colon + 1);
      if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    }
    if (field == "data") {
      const size_t extra = (have_data_ ? 1 : 0) + value.size();
      if (event_.data.size() + extra > limits_.max_event_bytes) {
        result = out_of_range("expected events under " + std::to_string(limits_.max_event_bytes) +
                              " bytes, found a longer one");
      } else {
        if (have_data_) event_.data.push_back('\n');
        event_.data.append(value);
        have_data_ = true;
      }
    } else if (field == "event") {
      event_.type = value.empty() ? "message" : std::string(value);
    } else if (field == "id") {
      if (value.find('\0') == std::string_view::npos) event_.id = std::string(value);
    }
    // "retry" and unknown fields are ignored, as the standard says.
  }
  line_.clear();
  return result;
}

Status SseParser::dispatch(const EventHandler& on_event) {
  Status s = on_event(event_);
  event_.type = "message";
  event_.data.clear();
  have_data_ = false;
  return s;
}

}  // namespace haven::backend
