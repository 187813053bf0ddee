// The text of entry K written by the crash test's child process: a recognisable head and tail, so a
// cut-off or mixed-up entry can never pass as whole, and sizes from a line to several pages (so
// entries spill onto overflow pages and commits cross log blocks).
#pragma once

#include <string>

namespace haven::vault::testing {

inline std::string crash_entry_text(long long k) {
  static const size_t kSizes[] = {40, 700, 3000, 9000, 20000};
  size_t size = kSizes[static_cast<size_t>(k) % 5];
  std::string head = "entry " + std::to_string(k) + " begins:";
  std::string tail = ":entry " + std::to_string(k) + " ends";
  std::string body;
  unsigned x = static_cast<unsigned>(k) * 2654435761u + 1;
  while (body.size() + head.size() + tail.size() < size) {
    x = x * 1103515245u + 12345u;
    body += static_cast<char>('a' + (x >> 16) % 26);
    if ((x >> 8) % 7 == 0) body += ' ';
  }
  return head + body + tail;
}

}  // namespace haven::vault::testing
