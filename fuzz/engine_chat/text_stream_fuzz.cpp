// Fuzzes the generation text stream with arbitrary byte pieces. Invariants: every run the sink receives
// is valid UTF-8; no stop string ever reaches the sink; when the input holds no invalid bytes and no stop
// string, the emitted text equals the input exactly.
//
// Input: byte 0 picks the stop strings; then pieces, each a length byte followed by that many bytes.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "engine/generate/text_stream.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::array<std::vector<std::string>, 4> kStops = {{
      {},
      {"<|im_end|>"},
      {"\nUser:", "<|eot_id|>", "</s>"},
      {"\xE2\x86\x92" "END", "ab", "a"},
  }};
  const std::vector<std::string>& stops = kStops[data[0] % kStops.size()];
  std::string out;
  haven::engine::TextStream stream(stops, [&](std::string_view t) {
    check(haven::utf8::is_valid(t));
    out += t;
    return true;
  });
  std::string all;
  size_t pos = 1;
  while (pos < size) {
    size_t len = data[pos++] % 16;
    len = std::min(len, size - pos);
    std::string_view piece(reinterpret_cast<const char*>(data) + pos, len);
    pos += len;
    all += piece;
    stream.push(piece);
  }
  stream.finish();
  check(out == stream.emitted());
  for (const std::string& s : stops) check(out.find(s) == std::string::npos);
  bool has_stop = false;
  for (const std::string& s : stops) has_stop = has_stop || all.find(s) != std::string::npos;
  if (haven::utf8::is_valid(all) && !has_stop) check(out == all);
  if (stream.state() == haven::engine::TextStream::State::kStopString) check(has_stop);
  return 0;
}
