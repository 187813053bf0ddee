// How hard the passphrase is stretched (Argon2id, libsodium crypto_pwhash).
//
// The parameters are stored in the vault header, so an older vault keeps opening after the defaults are
// raised; `haven passphrase change` rewraps the key with the current ones.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/status.h"

namespace haven::vault {

struct KdfParams {
  uint64_t opslimit = 0;  // Argon2id passes
  uint64_t memlimit = 0;  // bytes of memory

  bool operator==(const KdfParams&) const = default;
};

// The production cost: libsodium's MODERATE (3 passes, 256 MiB), about 0.5 to 1 s on a laptop.
KdfParams production_kdf();
// The cheapest cost libsodium allows (1 pass, 8 KiB). For tests and benchmarks only: a vault made with
// it is only as strong as its passphrase is long and random.
KdfParams test_kdf();

// "test", "interactive" (2 passes, 64 MiB), "moderate" (the production default) or "sensitive"
// (4 passes, 1 GiB). kInvalidArgument for any other name.
Result<KdfParams> kdf_profile(std::string_view name);

// The range a header's parameters must fall in before Haven spends time and memory on them.
inline constexpr uint64_t kMinOpslimit = 1;
inline constexpr uint64_t kMaxOpslimit = 64;
inline constexpr uint64_t kMinMemlimit = 8192;
inline constexpr uint64_t kMaxMemlimit = uint64_t{4} << 30;  // 4 GiB

}  // namespace haven::vault
