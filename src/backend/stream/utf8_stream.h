// Checks that a byte stream is UTF-8 when it arrives in arbitrary pieces, so a character split across
// two network reads is accepted and a bad byte is reported with its offset in the whole stream.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/status.h"

namespace haven::backend {

class Utf8StreamValidator {
 public:
  // OK when bytes continue the stream as well-formed UTF-8 (a character may stay open at the end).
  // kCorruption ("expected UTF-8, found byte 0xFF at offset N") otherwise; after an error every call
  // returns the same error.
  Status feed(std::string_view bytes);
  // kCorruption when the stream ended inside a character; OK otherwise. Does not change the state.
  Status finish() const;
  // Bytes accepted so far.
  uint64_t offset() const { return offset_; }
  // True when no character is open (the stream so far is complete UTF-8).
  bool at_boundary() const { return pending_ == 0; }

 private:
  uint64_t offset_ = 0;
  int pending_ = 0;               // continuation bytes still expected
  unsigned char lo_ = 0x80;       // allowed range of the next continuation byte (RFC 3629 table)
  unsigned char hi_ = 0xBF;
  Status error_;
};

}  // namespace haven::backend
