// Small helpers shared by the protocol parsers for turning untrusted server text into safe messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace haven::backend {

// Printable, one line, at most max_bytes (whole UTF-8 characters): control characters become spaces.
std::string one_line(std::string_view text, size_t max_bytes = 200);

// Rejects JSON text nested deeper than max_depth before a parser sees it (kCorruption), so hostile input
// cannot make parsing or destruction recurse without bound. Strings are skipped correctly.
Status check_json_depth(std::string_view json, int max_depth = 32);

// "1.2 GB", "640 MB", "12 KB", "512 bytes".
std::string human_size(uint64_t bytes);

}  // namespace haven::backend
