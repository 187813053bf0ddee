// What every vault command needs: the passphrase, the vault's options, and an opened vault.
//
// Written by the lead for issue 2's CLI; the vault engineer may extend it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "app/cli/cli.h"
#include "core/status.h"
#include "vault/vault.h"

namespace haven::cli {

// HAVEN_KDF_PROFILE=test|interactive|moderate|sensitive picks the Argon2id cost for new keys (tests and
// benchmarks use "test"); the production default otherwise.
vault::VaultOptions vault_options_from_env();

// The passphrase from --passphrase-file, else HAVEN_PASSPHRASE, else typed on the terminal without echo
// (twice when confirm is true). kUnauthenticated when none can be had (no terminal, nothing given);
// kInvalidArgument when the two typed ones differ or it is empty.
Result<std::string> obtain_passphrase(const GlobalOptions& options, std::string_view prompt, bool confirm);

// Reads one line from the terminal without echo. nullopt-like error when stdin is not a terminal.
Result<std::string> read_hidden_line(std::string_view prompt);

// Opens the vault in options.vault_dir. kNotFound (with "run 'haven init'") when there is none; the
// vault's errors otherwise (report_error maps them to exit codes 3, 4 and 5).
Result<std::unique_ptr<vault::Vault>> open_vault_for_command(const GlobalOptions& options);

// The recovery key printed at `haven init`, from HAVEN_RECOVERY_KEY or typed on the terminal without
// echo. kUnauthenticated when none can be had.
Result<std::string> obtain_recovery_key();

// Like open_vault_for_command, but unlocks with the recovery key instead of the passphrase (for
// `haven passphrase change --recovery-key`, when the passphrase is forgotten).
Result<std::unique_ptr<vault::Vault>> open_vault_with_recovery_key(const GlobalOptions& options);

// "2026-11-27 14:05" in the offset the entry was written with.
std::string format_local_time(int64_t unix_ms, int utc_offset_minutes);

}  // namespace haven::cli
