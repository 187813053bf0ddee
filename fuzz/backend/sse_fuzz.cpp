// Fuzzes the SSE parser: the first byte picks how the rest is cut into pieces; the events must be the
// same as when the whole input arrives at once, and every event's data must be UTF-8 within the limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "backend/stream/sse_parser.h"
#include "fuzz_check.h"

using haven::Status;
using haven::backend::SseEvent;
using haven::backend::SseParser;

namespace {

struct Run {
  std::vector<std::string> events;
  Status status;
};

Run parse(std::string_view in, size_t piece) {
  SseParser::Limits limits;
  limits.max_line_bytes = 512;
  limits.max_event_bytes = 1024;
  SseParser parser(limits);
  Run run;
  auto on_event = [&](const SseEvent& e) {
    if (e.data.size() > limits.max_event_bytes) std::abort();
    haven::fuzz::check_utf8(e.data);
    haven::fuzz::check_utf8(e.type);
    run.events.push_back(e.type + '\0' + e.data + '\0' + e.id);
    return Status::ok();
  };
  for (size_t off = 0; off < in.size() && run.status.is_ok(); off += piece) {
    run.status = parser.feed(in.substr(off, piece), on_event);
  }
  if (run.status.is_ok()) run.status = parser.finish(on_event);
  haven::fuzz::check_one_line(run.status);
  return run;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 17;
  std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  Run whole = parse(in, in.size() == 0 ? 1 : in.size());
  Run cut = parse(in, piece);
  if (whole.status.is_ok() != cut.status.is_ok()) std::abort();
  if (whole.status.is_ok() && whole.events != cut.events) std::abort();
  return 0;
}
