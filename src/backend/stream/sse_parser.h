// An incremental parser for Server-Sent Events (the WHATWG "text/event-stream" format), which
// OpenAI-compatible servers use to stream replies. Pure: bytes in, events out, no I/O.
//
// It accepts the stream in pieces split anywhere (inside a line, a CRLF pair or a UTF-8 character),
// lines ending in LF, CR or CRLF, comments (":..."), multi-line data (joined with '\n'), a leading BOM,
// and fields other than data/event/id (ignored).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "backend/stream/utf8_stream.h"
#include "core/status.h"

namespace haven::backend {

struct SseEvent {
  std::string type = "message";  // the "event:" field, "message" when absent
  std::string data;              // the "data:" lines joined with '\n'
  std::string id;                // the last "id:" field seen, if any
};

class SseParser {
 public:
  struct Limits {
    size_t max_line_bytes = 1 << 20;   // one line of the stream
    size_t max_event_bytes = 1 << 20;  // the data of one event
  };
  // A handler's non-OK status stops parsing and is returned by feed()/finish().
  using EventHandler = std::function<Status(const SseEvent&)>;

  SseParser() = default;
  explicit SseParser(Limits limits) : limits_(limits) {}

  // Parses the next bytes and calls on_event for each event they complete. Errors: kCorruption for
  // bytes that are not UTF-8, kOutOfRange for a line or event beyond the limits ("expected ..., found
  // ..."), or the handler's status. After an error the parser stays failed and returns that error.
  Status feed(std::string_view bytes, const EventHandler& on_event);
  // The stream ended: a last line without its line ending is processed and an event whose blank line
  // never came is still delivered (servers that close right after the last data line are common).
  // kCorruption if the stream stopped inside a UTF-8 character.
  Status finish(const EventHandler& on_event);

 private:
  Status process_line(const EventHandler& on_event);
  Status dispatch(const EventHandler& on_event);

  Limits limits_;
  Utf8StreamValidator utf8_;
  std::string line_;
  SseEvent event_;
  bool have_data_ = false;
  bool pending_cr_ = false;  // the last piece ended in CR: a following LF belongs to it
  bool first_line_ = true;
  Status error_;
};

}  // namespace haven::backend
