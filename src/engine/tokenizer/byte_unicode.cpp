#include "engine/tokenizer/byte_unicode.h"

#include <array>

#include "core/utf8.h"

namespace haven::engine {
namespace {

struct Tables {
  std::array<char32_t, 256> byte_to_cp{};
  std::array<std::string, 256> byte_to_utf8;
  std::array<int16_t, 512> cp_to_byte{};  // every mapped code point is below U+0200
};

Tables build_tables() {
  Tables t;
  t.cp_to_byte.fill(-1);
  auto printable = [](int b) { return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); };
  int next = 256;
  for (int b = 0; b < 256; ++b) {
    const char32_t cp = printable(b) ? static_cast<char32_t>(b) : static_cast<char32_t>(next++);
    t.byte_to_cp[b] = cp;
    utf8::append(t.byte_to_utf8[b], cp);
    t.cp_to_byte[cp] = static_cast<int16_t>(b);
  }
  return t;
}

const Tables& tables() {
  static const Tables t = build_tables();
  return t;
}

}  // namespace

std::string_view byte_to_unicode_utf8(uint8_t b) { return tables().byte_to_utf8[b]; }

int unicode_to_byte(char32_t cp) {
  if (cp >= 512) return -1;
  return tables().cp_to_byte[cp];
}

std::string byte_level_encode(std::string_view raw) {
  const Tables& t = tables();
  std::string out;
  out.reserve(raw.size() * 2);
  for (char c : raw) out += t.byte_to_utf8[static_cast<uint8_t>(c)];
  return out;
}

std::string byte_level_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::decode_next(text, pos);
    const int b = (cp == 0xFFFD) ? -1 : unicode_to_byte(cp);
    if (b >= 0) {
      out.push_back(static_cast<char>(b));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace haven::engine
