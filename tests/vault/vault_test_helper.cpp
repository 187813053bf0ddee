// A child process for the vault tests, so that they can kill a writer or hold the lock from outside.
//
//   haven_vault_test_helper write DIR FIRST   opens the vault in DIR (passphrase from HAVEN_PASSPHRASE,
//                                             test KDF) and adds entries FIRST, FIRST+1, ... for ever,
//                                             printing "K ID\n" to stdout after each add returns
//   haven_vault_test_helper hold DIR          opens the vault, prints "locked\n", and keeps it open
//                                             until standard input closes
// Entry K's text is crash_entry_text(K) (vault_test_helper.h), so the parent can check every byte.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "vault/vault.h"
#include "vault_test_helper.h"

using haven::vault::Credential;
using haven::vault::Vault;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s write DIR FIRST | hold DIR\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  const char* pass = std::getenv("HAVEN_PASSPHRASE");
  if (pass == nullptr) return 2;
  haven::vault::VaultOptions options;
  options.kdf = haven::vault::test_kdf();
  options.busy_wait_ms = 5000;
  auto vault = Vault::open(argv[2], Credential::passphrase(pass), options);
  if (!vault.is_ok()) {
    std::fprintf(stderr, "open failed: %s\n", vault.status().message().c_str());
    return 1;
  }
  if (mode == "hold") {
    std::fputs("locked\n", stdout);
    std::fflush(stdout);
    char buf[256];
    while (::read(0, buf, sizeof buf) > 0) {
    }
    return 0;
  }
  if (mode != "write" || argc < 4) return 2;
  long long k = std::atoll(argv[3]);
  for (;; ++k) {
    auto id = (*vault)->add_entry(haven::vault::testing::crash_entry_text(k));
    if (!id.is_ok()) {
      std::fprintf(stderr, "add failed: %s\n", id.status().message().c_str());
      return 1;
    }
    // One write(2) per line, so the parent never sees half a line from a finished add.
    std::string line = std::to_string(k) + " " + std::to_string(*id) + "\n";
    if (::write(1, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
  }
}
