// Written by the lead for issue 2's CLI; the vault engineer may extend it.
#include "app/cli/vault_cli.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "core/env.h"

namespace haven::cli {

vault::VaultOptions vault_options_from_env() {
  vault::VaultOptions o;
  if (const char* profile = std::getenv("HAVEN_KDF_PROFILE"); profile != nullptr && profile[0] != '\0') {
    if (auto kdf = vault::kdf_profile(profile); kdf.is_ok()) o.kdf = *kdf;
  }
  return o;
}

Result<std::string> read_hidden_line(std::string_view prompt) {
  if (!isatty(STDIN_FILENO)) return unauthenticated("expected a passphrase in HAVEN_PASSPHRASE or --passphrase-file, found none");
  std::cerr << prompt << std::flush;
  termios old {};
  bool restore = tcgetattr(STDIN_FILENO, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  bool ok = static_cast<bool>(std::getline(std::cin, line));
  if (restore) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  std::cerr << "\n";
  if (!ok) return cancelled("no passphrase was entered");
  return line;
}

Result<std::string> obtain_passphrase(const GlobalOptions& options, std::string_view prompt, bool confirm) {
  std::string p;
  if (!options.passphrase_file.empty()) {
    HAVEN_ASSIGN_OR_RETURN(p, Env::default_env()->read_file(options.passphrase_file));
    while (!p.empty() && (p.back() == '\n' || p.back() == '\r')) p.pop_back();
  } else if (const char* env = std::getenv("HAVEN_PASSPHRASE"); env != nullptr) {
    p = env;
  } else {
    HAVEN_ASSIGN_OR_RETURN(p, read_hidden_line(prompt));
    if (confirm) {
      HAVEN_ASSIGN_OR_RETURN(std::string again, read_hidden_line("The same passphrase again: "));
      if (again != p) return invalid_argument("the two passphrases were different; nothing was changed");
    }
  }
  if (p.empty()) return invalid_argument("expected a passphrase, found an empty one");
  return p;
}

Result<std::unique_ptr<vault::Vault>> open_vault_for_command(const GlobalOptions& options) {
  if (!vault::Vault::exists(options.vault_dir)) {
    return not_found("there is no Haven vault at " + options.vault_dir + " yet; run 'haven init' first");
  }
  HAVEN_ASSIGN_OR_RETURN(std::string passphrase, obtain_passphrase(options, "Passphrase: ", false));
  return vault::Vault::open(options.vault_dir, vault::Credential::passphrase(passphrase), vault_options_from_env());
}

Result<std::string> obtain_recovery_key() {
  if (const char* env = std::getenv("HAVEN_RECOVERY_KEY"); env != nullptr && env[0] != '\0') return std::string(env);
  if (!isatty(STDIN_FILENO)) return unauthenticated("expected the recovery key in HAVEN_RECOVERY_KEY, found none");
  return read_hidden_line("Recovery key (the 56 letters and digits Haven printed when you set it up): ");
}

Result<std::unique_ptr<vault::Vault>> open_vault_with_recovery_key(const GlobalOptions& options) {
  if (!vault::Vault::exists(options.vault_dir)) {
    return not_found("there is no Haven vault at " + options.vault_dir + " yet; run 'haven init' first");
  }
  HAVEN_ASSIGN_OR_RETURN(std::string key, obtain_recovery_key());
  return vault::Vault::open(options.vault_dir, vault::Credential::recovery_key(key), vault_options_from_env());
}

std::string format_local_time(int64_t unix_ms, int utc_offset_minutes) {
  time_t t = static_cast<time_t>(unix_ms / 1000 + int64_t{utc_offset_minutes} * 60);
  struct tm tm {};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

}  // namespace haven::cli
