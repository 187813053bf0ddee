// The shape shared by every `haven` subcommand: global options, exit codes and the command table.
//
// The CLI is a thin adapter: it parses arguments, calls a library, and prints. Every error is one line
// on stderr ("haven: ..."), and the exit code says what kind of failure it was.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "core/status.h"

namespace haven::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,            // anything not listed below
  kExitUsage = 2,            // bad command line
  kExitWrongPassphrase = 3,  // the passphrase does not open the vault
  kExitBusy = 4,             // another process holds the vault
  kExitDamaged = 5,          // the vault's files are damaged or tampered with
};

// Global options; they come before the subcommand.
struct GlobalOptions {
  std::string vault_dir;        // --vault DIR, default paths::default_vault_dir()
  std::string passphrase_file;  // --passphrase-file FILE, empty when not given
  bool json = false;            // --json: machine-readable output where a command supports it
};

// One subcommand ("journal", "mood", "dev", ...). The handler gets the arguments after its name.
struct Command {
  std::string summary;  // one line for `haven help`
  std::function<int(const GlobalOptions&, Args&)> run;
};

using CommandTable = std::map<std::string, Command>;

// Prints "haven: <message>" on stderr and returns the exit code that matches the status.
int report_error(const Status& status);
// Prints "haven: <message>" and a hint to run `haven help`, and returns kExitUsage.
int usage_error(const std::string& message);
// The exit code for a status (kExitOk for OK).
int exit_code_for(const Status& status);

// Each area of the program adds its commands here; each function lives in that area's own file.
void register_vault_commands(CommandTable& table);     // init, journal, mood, export, backup, ...
void register_engine_commands(CommandTable& table);    // dev make-model, model info
void register_inference_commands(CommandTable& table); // run, bench
void register_safety_commands(CommandTable& table);    // safety assess|screen|eval, help-now
void register_companion_commands(CommandTable& table); // chat, models, config, memory, session, ...

}  // namespace haven::cli
