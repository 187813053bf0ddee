// haven init: makes a new vault. Written by the lead for issue 2's CLI.
#include <unistd.h>

#include <iostream>

#include "app/cli/vault_cli.h"

namespace haven::cli {

int run_init_command(const GlobalOptions& options, Args& args) {
  bool want_key = args.take_flag("--recovery-key");
  bool no_key = args.take_flag("--no-recovery-key");
  if (!args.empty()) return usage_error(args.expect_empty().message());
  if (want_key && no_key) return usage_error("choose --recovery-key or --no-recovery-key, not both");
  if (vault::Vault::exists(options.vault_dir)) {
    return report_error(already_exists("there is already a Haven vault at " + options.vault_dir +
                                       "; nothing was changed"));
  }
  bool interactive = isatty(STDIN_FILENO) && options.passphrase_file.empty() && std::getenv("HAVEN_PASSPHRASE") == nullptr;
  if (interactive) {
    std::cerr << "Choose a passphrase for your Haven vault. Everything you write is encrypted with it.\n"
                 "Please keep it safe: if you forget it, nobody can recover what you wrote.\n";
  }
  auto passphrase = obtain_passphrase(options, "New passphrase: ", true);
  if (!passphrase.is_ok()) return report_error(passphrase.status());
  if (interactive && !want_key && !no_key) {
    std::cerr << "Haven can print a recovery key once. It opens your vault if you forget the passphrase.\n"
                 "Print one now? (y/n) " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    want_key = answer == "y" || answer == "yes";
  }
  auto created = vault::Vault::create(options.vault_dir, *passphrase, want_key, vault_options_from_env());
  if (!created.is_ok()) return report_error(created.status());
  std::cout << "Your vault is ready at " << options.vault_dir << ".\n"
            << "Remember: if you forget your passphrase, what you write cannot be recovered.\n";
  if (want_key) {
    std::cout << "\nYour recovery key (shown only this once; write it down and keep it away from this computer):\n\n  "
              << created->recovery_key.view() << "\n\n";
  }
  return kExitOk;
}

}  // namespace haven::cli
