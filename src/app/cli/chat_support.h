// Unlocking the vault for `haven chat`, with the first-run introduction on a terminal.
#pragma once

#include <memory>

#include "app/cli/chat_io.h"
#include "app/cli/cli.h"
#include "core/status.h"

namespace haven::vault {
class Vault;
}

namespace haven::cli {

// Opens the vault at options.vault_dir with the passphrase from HAVEN_PASSPHRASE, --passphrase-file or
// the terminal. When there is no vault yet: on a terminal, the first-run introduction creates one (what
// Haven is and is not, the passphrase, the country for crisis lines, optionally trusted people);
// otherwise kFailedPrecondition asking to run `haven init`. Errors otherwise are the vault's.
Result<std::unique_ptr<vault::Vault>> open_vault_for_chat(const GlobalOptions& options, ChatIo& io);

}  // namespace haven::cli
