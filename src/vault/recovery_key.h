// The recovery key as a person writes it down: 32 random bytes as 56 characters of Crockford base32
// (52 for the key, 4 for a checksum that catches typos), in groups of four joined by dashes.
#pragma once

#include <string_view>

#include "core/status.h"
#include "vault/secret.h"

namespace haven::vault {

// The printable form of a 32-byte key.
SecretBuffer format_recovery_key(const SecretBuffer& key);

// Parses the printable form. Case, spaces and dashes do not matter, and I/L read as 1 and O as 0.
// kInvalidArgument when it is not a recovery key or has a typo (the checksum does not match).
Result<SecretBuffer> parse_recovery_key(std::string_view text);

}  // namespace haven::vault
