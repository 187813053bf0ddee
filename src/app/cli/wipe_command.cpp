// haven wipe: deletes the vault for good. Written by the lead for issue 2's CLI.
#include <iostream>

#include "app/cli/vault_cli.h"

namespace haven::cli {

int run_wipe_command(const GlobalOptions& options, Args& args) {
  if (!args.empty()) return usage_error(args.expect_empty().message());
  if (!vault::Vault::exists(options.vault_dir)) {
    return report_error(not_found("there is no Haven vault at " + options.vault_dir));
  }
  std::cerr << "This permanently deletes everything in the vault at " << options.vault_dir << ":\n"
            << "your journal, moods, conversations and memory. It cannot be undone.\n"
            << "(Backups you made earlier are not touched.)\n"
            << "Type 'delete everything' to go ahead: " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != "delete everything") {
    std::cerr << "Nothing was deleted.\n";
    return kExitError;
  }
  if (Status st = vault::Vault::wipe(options.vault_dir, vault_options_from_env()); !st.is_ok()) return report_error(st);
  std::cout << "The vault is gone.\n";
  return kExitOk;
}

}  // namespace haven::cli
