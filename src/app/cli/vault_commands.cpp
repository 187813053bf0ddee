// Registers the vault's subcommands (issue 2). Written by the lead; the vault engineer may extend it.
#include "app/cli/cli.h"

namespace haven::cli {

int run_init_command(const GlobalOptions& options, Args& args);        // init_command.cpp
int run_journal_command(const GlobalOptions& options, Args& args);     // journal_command.cpp
int run_mood_command(const GlobalOptions& options, Args& args);        // mood_command.cpp
int run_export_command(const GlobalOptions& options, Args& args);      // export_command.cpp
int run_backup_command(const GlobalOptions& options, Args& args);      // backup_command.cpp
int run_restore_command(const GlobalOptions& options, Args& args);     // backup_command.cpp
int run_passphrase_command(const GlobalOptions& options, Args& args);  // passphrase_command.cpp
int run_wipe_command(const GlobalOptions& options, Args& args);        // wipe_command.cpp

void register_vault_commands(CommandTable& table) {
  table["init"] = {"create your encrypted vault (choose a passphrase)", run_init_command};
  table["journal"] = {"journal add [TEXT] | list | show ID | edit ID [TEXT] | delete ID | search WORDS",
                      run_journal_command};
  table["mood"] = {"mood add --rating N [--emotions a,b] [--sleep H] [--energy N] [--note T] | mood list",
                   run_mood_command};
  table["export"] = {"export --format md|json [--out FILE] (a readable, unencrypted copy)", run_export_command};
  table["backup"] = {"backup FILE: an encrypted single-file copy of your vault", run_backup_command};
  table["restore"] = {"restore FILE [--force] [--recovery-key]: bring back a backup", run_restore_command};
  table["passphrase"] = {"passphrase change [--recovery-key]: a new passphrase (the recovery key if you forgot it)",
                         run_passphrase_command};
  table["wipe"] = {"delete your vault for good (asks you to confirm)", run_wipe_command};
}

}  // namespace haven::cli
