// Fuzzes the Ollama manifest parser: a digest that comes out is always 64 lowercase hex digits, so it
// can never name a path outside the blobs folder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backend/discovery/ollama_manifest.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto m = haven::backend::discovery::parse_ollama_manifest(in);
  haven::fuzz::check_one_line(m.status());
  if (m.is_ok()) {
    if (m->digest_hex.size() != 64) std::abort();
    for (char c : m->digest_hex) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) std::abort();
    }
  }
  return 0;
}
