// Fuzzes the UTF-8 helpers every parser relies on: decoding never overruns and agrees with validation.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  bool valid = haven::utf8::is_valid(s);
  size_t pos = 0;
  std::string re;
  while (pos < s.size()) haven::utf8::append(re, haven::utf8::decode_next(s, pos));
  if (valid && re != s) std::abort();
  if (!haven::utf8::is_valid(re)) std::abort();
  size_t keep = haven::utf8::complete_prefix_length(s);
  if (keep > s.size()) std::abort();
  return 0;
}
