// Fuzzes the OpenAI-compatible protocol parsers on server output: chunks, whole completions, model lists
// and error bodies. No crash, one-line errors, UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "backend/openai/openai_protocol.h"
#include "fuzz_check.h"

namespace openai = haven::backend::openai;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  for (auto parse : {openai::parse_chat_chunk, openai::parse_chat_completion}) {
    auto d = parse(in);
    haven::fuzz::check_one_line(d.status());
    if (d.is_ok()) {
      haven::fuzz::check_utf8(d->text);
      haven::fuzz::check_utf8(d->model);
    }
  }
  auto models = openai::parse_models(in);
  haven::fuzz::check_one_line(models.status());
  if (models.is_ok()) {
    for (const auto& m : *models) haven::fuzz::check_utf8(m.name + m.detail);
  }
  haven::fuzz::check_one_line(haven::unavailable(openai::describe_error(500, in)));
  return 0;
}
