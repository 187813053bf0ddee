// haven backup FILE / haven restore FILE [--force]. Written by the lead for issue 2's CLI.
#include <iostream>

#include "app/cli/vault_cli.h"

namespace haven::cli {

int run_backup_command(const GlobalOptions& options, Args& args) {
  auto path = args.take_positional();
  if (!path) return usage_error("backup expects the file to write");
  if (!args.empty()) return usage_error(args.expect_empty().message());
  auto vault = open_vault_for_command(options);
  if (!vault.is_ok()) return report_error(vault.status());
  if (Status st = (*vault)->backup(*path); !st.is_ok()) return report_error(st);
  std::cout << "Wrote an encrypted copy of your vault to " << *path
            << ". It opens with your current passphrase.\n";
  return kExitOk;
}

int run_restore_command(const GlobalOptions& options, Args& args) {
  bool force = args.take_flag("--force");
  bool with_recovery_key = args.take_flag("--recovery-key");
  auto path = args.take_positional();
  if (!path) return usage_error("restore expects the backup file");
  if (!args.empty()) return usage_error(args.expect_empty().message());
  if (vault::Vault::exists(options.vault_dir) && !force) {
    return report_error(already_exists("there is already a vault at " + options.vault_dir +
                                       "; restoring would replace it, so nothing was changed (use --force to replace it)"));
  }
  // The backup opens with what opened the vault when it was made: that passphrase, or the recovery key.
  auto secret = with_recovery_key ? obtain_recovery_key()
                                  : obtain_passphrase(options, "Passphrase of the backup: ", false);
  if (!secret.is_ok()) return report_error(secret.status());
  auto credential = with_recovery_key ? vault::Credential::recovery_key(*secret) : vault::Credential::passphrase(*secret);
  Status st = vault::Vault::restore(*path, options.vault_dir, credential, force, vault_options_from_env());
  if (!st.is_ok()) return report_error(st);
  std::cout << "Restored your vault from " << *path << ".\n";
  return kExitOk;
}

}  // namespace haven::cli
