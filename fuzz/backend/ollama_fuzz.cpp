// Fuzzes Ollama's protocol parsers on server output: chat lines, model lists and error bodies.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "backend/ollama/ollama_protocol.h"
#include "fuzz_check.h"

namespace ollama = haven::backend::ollama;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto line = ollama::parse_chat_line(in);
  haven::fuzz::check_one_line(line.status());
  if (line.is_ok()) haven::fuzz::check_utf8(line->text);
  auto tags = ollama::parse_tags(in);
  haven::fuzz::check_one_line(tags.status());
  if (tags.is_ok()) {
    for (const auto& m : *tags) haven::fuzz::check_utf8(m.name + m.detail);
  }
  haven::fuzz::check_one_line(haven::unavailable(ollama::describe_error(404, in)));
  return 0;
}
