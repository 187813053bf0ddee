// UTF-8 helpers shared by every layer. Invalid input is reported, never silently "fixed".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace haven::utf8 {

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid(std::string_view s);

// The byte offset of the first invalid sequence, or s.size() when s is valid.
size_t first_invalid(std::string_view s);

// Decodes the code point starting at s[pos] and advances pos. Returns U+FFFD and advances one byte on
// an invalid sequence, so callers that scan untrusted text always make progress.
char32_t decode_next(std::string_view s, size_t& pos);

// Appends the UTF-8 encoding of cp (U+FFFD for values that are not scalar values).
void append(std::string& out, char32_t cp);

// The length of the longest prefix of s that does not end inside a multi-byte sequence. Streaming code
// uses it to hold back an incomplete character until its remaining bytes arrive.
size_t complete_prefix_length(std::string_view s);

// Cuts s to at most max_bytes without splitting a character.
std::string_view truncate(std::string_view s, size_t max_bytes);

// Number of code points (invalid bytes count as one each).
size_t count_code_points(std::string_view s);

}  // namespace haven::utf8
