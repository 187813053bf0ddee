// Splits a newline-delimited JSON stream (Ollama's /api/chat) into lines as bytes arrive in pieces
// split anywhere. Pure: bytes in, lines out, no I/O, no JSON parsing.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "backend/stream/utf8_stream.h"
#include "core/status.h"

namespace haven::backend {

class NdjsonSplitter {
 public:
  // Receives one line without its '\n' (and without a '\r' before it); blank lines are skipped.
  // A non-OK status stops splitting and is returned by feed()/finish().
  using LineHandler = std::function<Status(std::string_view line)>;

  explicit NdjsonSplitter(size_t max_line_bytes = 1 << 20) : max_line_bytes_(max_line_bytes) {}

  // Errors: kCorruption for bytes that are not UTF-8, kOutOfRange for a line over the limit, or the
  // handler's status. After an error the splitter stays failed and returns that error.
  Status feed(std::string_view bytes, const LineHandler& on_line);
  // The stream ended: a last line without '\n' is delivered. kCorruption if it ended inside a UTF-8
  // character.
  Status finish(const LineHandler& on_line);

 private:
  Status emit(const LineHandler& on_line);

  size_t max_line_bytes_;
  Utf8StreamValidator utf8_;
  std::string line_;
  Status error_;
};

}  // namespace haven::backend
