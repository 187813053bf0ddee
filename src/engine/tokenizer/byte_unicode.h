// The byte <-> code point table of byte-level BPE (GPT-2's bytes_to_unicode).
//
// Byte-level BPE vocabularies never store raw bytes: each byte is written as one printable code point
// (bytes that are printable Latin-1 map to themselves, the rest to U+0100 onwards, so a space becomes
// "Ġ" U+0120 and a newline "Ċ" U+010A). Encoding maps every byte of a word through this table before
// merging; decoding maps the code points of a token's text back to bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace haven::engine {

// The UTF-8 encoding (1 or 2 bytes) of the code point that stands for byte b.
std::string_view byte_to_unicode_utf8(uint8_t b);

// The byte that code point cp stands for, or -1 when cp is not in the table.
int unicode_to_byte(char32_t cp);

// Maps every byte of raw through the table (the inverse of byte_level_decode for any input).
std::string byte_level_encode(std::string_view raw);

// Maps the code points of text back to bytes. A code point outside the table (a vocabulary that stores
// some raw characters) is copied through as its own UTF-8, and so is a malformed byte.
std::string byte_level_decode(std::string_view text);

}  // namespace haven::engine
