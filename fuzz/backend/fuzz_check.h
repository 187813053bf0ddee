// Shared checks for the backend fuzz targets: every error is one line, every text is UTF-8.
#pragma once

#include <cstdlib>
#include <string_view>

#include "core/status.h"
#include "core/utf8.h"

namespace haven::fuzz {

inline void check_one_line(const Status& s) {
  if (s.is_ok()) return;
  if (s.message().empty() || s.message().find('\n') != std::string::npos ||
      s.message().find('\r') != std::string::npos || !utf8::is_valid(s.message())) {
    std::abort();
  }
}

inline void check_utf8(std::string_view text) {
  if (!utf8::is_valid(text)) std::abort();
}

}  // namespace haven::fuzz
