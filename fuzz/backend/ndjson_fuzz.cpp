// Fuzzes the NDJSON splitter: lines must not depend on how the input is cut, must not contain '\n',
// and must stay within the limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "backend/stream/ndjson_splitter.h"
#include "fuzz_check.h"

using haven::Status;
using haven::backend::NdjsonSplitter;

namespace {

struct Run {
  std::vector<std::string> lines;
  Status status;
};

Run split(std::string_view in, size_t piece) {
  NdjsonSplitter splitter(256);
  Run run;
  auto on_line = [&](std::string_view l) {
    if (l.size() > 256 || l.find('\n') != std::string_view::npos) std::abort();
    haven::fuzz::check_utf8(l);
    run.lines.emplace_back(l);
    return Status::ok();
  };
  for (size_t off = 0; off < in.size() && run.status.is_ok(); off += piece) {
    run.status = splitter.feed(in.substr(off, piece), on_line);
  }
  if (run.status.is_ok()) run.status = splitter.finish(on_line);
  haven::fuzz::check_one_line(run.status);
  return run;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 13;
  std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  Run whole = split(in, in.size() == 0 ? 1 : in.size());
  Run cut = split(in, piece);
  if (whole.status.is_ok() != cut.status.is_ok()) std::abort();
  if (whole.status.is_ok() && whole.lines != cut.lines) std::abort();
  return 0;
}
