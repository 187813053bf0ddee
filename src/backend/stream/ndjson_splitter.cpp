#include "backend/stream/ndjson_splitter.h"

namespace haven::backend {

Status NdjsonSplitter::feed(std::string_view bytes, const LineHandler& on_line) {
  if (!error_.is_ok()) return error_;
  if (Status s = utf8_.feed(bytes); !s.is_ok()) return error_ = s;
  while (!bytes.empty()) {
    const size_t nl = bytes.find('\n');
    const size_t take = nl == std::string_view::npos ? bytes.size() : nl;
    if (line_.size() + take > max_line_bytes_) {
      return error_ = out_of_range("expected stream lines under " + std::to_string(max_line_bytes_) +
                                   " bytes, found a longer one");
    }
    line_.append(bytes.data(), take);
    if (nl == std::string_view::npos) break;
    bytes.remove_prefix(nl + 1);
    if (Status s = emit(on_line); !s.is_ok()) return error_ = s;
  }
  return Status::ok();
}

Status NdjsonSplitter::finish(const LineHandler& on_line) {
  if (!error_.is_ok()) return error_;
  if (Status s = utf8_.finish(); !s.is_ok()) return error_ = s;
  if (Status s = emit(on_line); !s.is_ok()) return error_ = s;
  return Status::ok();
}

Status NdjsonSplitter::emit(const LineHandler& on_line) {
  std::string_view line = line_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  Status s;
  if (line.find_first_not_of(" \t") != std::string_view::npos) s = on_line(line);
  line_.clear();
  return s;
}

}  // namespace haven::backend
