#include "backend/stream/utf8_stream.h"

#include <cstdio>

namespace haven::backend {
namespace {

Status bad_byte(unsigned char b, uint64_t offset) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "expected UTF-8 text, found byte 0x%02X at offset %llu", b,
                static_cast<unsigned long long>(offset));
  return corruption(buf);
}

}  // namespace

Status Utf8StreamValidator::feed(std::string_view bytes) {
  if (!error_.is_ok()) return error_;
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (pending_ > 0) {
      if (b < lo_ || b > hi_) return error_ = bad_byte(b, offset_);
      lo_ = 0x80;
      hi_ = 0xBF;
      --pending_;
    } else if (b >= 0x80) {
      if (b >= 0xC2 && b <= 0xDF) {
        pending_ = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        pending_ = 2;
        if (b == 0xE0) lo_ = 0xA0;  // no overlongs
        if (b == 0xED) hi_ = 0x9F;  // no surrogates
      } else if (b >= 0xF0 && b <= 0xF4) {
        pending_ = 3;
        if (b == 0xF0) lo_ = 0x90;  // no overlongs
        if (b == 0xF4) hi_ = 0x8F;  // nothing above U+10FFFF
      } else {
        return error_ = bad_byte(b, offset_);
      }
    }
    ++offset_;
  }
  return Status::ok();
}

Status Utf8StreamValidator::finish() const {
  if (!error_.is_ok()) return error_;
  if (pending_ > 0) {
    return corruption("expected the rest of a UTF-8 character, found the end of the stream at offset " +
                      std::to_string(offset_));
  }
  return Status::ok();
}

}  // namespace haven::backend
