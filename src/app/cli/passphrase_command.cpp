// haven passphrase change. Written by the lead for issue 2's CLI.
//
// The new passphrase comes from the terminal (typed twice, no echo), or for scripts from
// HAVEN_NEW_PASSPHRASE or --new-passphrase-file FILE. With --recovery-key the vault is unlocked with the
// recovery key (HAVEN_RECOVERY_KEY or typed) instead of the current passphrase: the way back in after
// forgetting it.
#include <cstdlib>
#include <iostream>

#include "app/cli/vault_cli.h"
#include "core/env.h"

namespace haven::cli {

int run_passphrase_command(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub || *sub != "change") return usage_error("passphrase expects 'change'");
  auto new_file = args.take_option("--new-passphrase-file");
  if (!new_file.is_ok()) return usage_error(new_file.status().message());
  bool with_recovery_key = args.take_flag("--recovery-key");
  if (!args.empty()) return usage_error(args.expect_empty().message());
  auto vault = with_recovery_key ? open_vault_with_recovery_key(options) : open_vault_for_command(options);
  if (!vault.is_ok()) return report_error(vault.status());
  std::string fresh;
  if (new_file->has_value()) {
    auto text = Env::default_env()->read_file(**new_file);
    if (!text.is_ok()) return report_error(text.status());
    fresh = *text;
    while (!fresh.empty() && (fresh.back() == '\n' || fresh.back() == '\r')) fresh.pop_back();
  } else if (const char* env = std::getenv("HAVEN_NEW_PASSPHRASE"); env != nullptr) {
    fresh = env;
  } else {
    auto first = read_hidden_line("New passphrase: ");
    if (!first.is_ok()) return report_error(first.status());
    auto second = read_hidden_line("The same new passphrase again: ");
    if (!second.is_ok()) return report_error(second.status());
    if (*first != *second) return report_error(invalid_argument("the two new passphrases were different; nothing was changed"));
    fresh = *first;
  }
  if (fresh.empty()) return report_error(invalid_argument("expected a new passphrase, found an empty one"));
  if (Status st = (*vault)->change_passphrase(fresh, vault_options_from_env().kdf); !st.is_ok()) return report_error(st);
  std::cout << "Your passphrase is changed. The old one no longer opens the vault.\n";
  return kExitOk;
}

}  // namespace haven::cli
