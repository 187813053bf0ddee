// haven: the command-line entry point. Parses the global options and hands the rest to a subcommand.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "core/paths.h"

namespace haven::cli {

int exit_code_for(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kUnauthenticated: return kExitWrongPassphrase;
    case StatusCode::kBusy: return kExitBusy;
    case StatusCode::kCorruption: return kExitDamaged;
    default: return kExitError;
  }
}

int report_error(const Status& status) {
  std::fprintf(stderr, "haven: %s\n", status.message().c_str());
  return exit_code_for(status);
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "haven: %s (see 'haven help')\n", message.c_str());
  return kExitUsage;
}

namespace {

void print_help(const CommandTable& table) {
  std::cout << "Haven: a private, local companion for journaling and reflection.\n"
               "It is an AI self-help tool, not therapy and not crisis care.\n\n"
               "usage: haven [--vault DIR] [--passphrase-file FILE] [--json] COMMAND ...\n\n"
               "commands:\n";
  for (const auto& [name, cmd] : table) {
    std::cout << "  " << name;
    for (size_t i = name.size(); i < 12; ++i) std::cout << ' ';
    std::cout << "  " << cmd.summary << "\n";
  }
  std::cout << "\nIf you are in danger right now, run 'haven help-now' (no passphrase needed).\n";
}

}  // namespace
}  // namespace haven::cli

int main(int argc, char** argv) {
  using namespace haven::cli;
  CommandTable table;
  register_vault_commands(table);
  register_engine_commands(table);
  register_inference_commands(table);
  register_safety_commands(table);
  register_companion_commands(table);

  GlobalOptions options;
  options.vault_dir = haven::paths::default_vault_dir();
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const std::string& name) -> const char* {
      if (i + 1 >= argc) return nullptr;
      (void)name;
      return argv[++i];
    };
    if (a == "--vault") {
      const char* v = value(a);
      if (v == nullptr) return usage_error("--vault expects a folder, found nothing");
      options.vault_dir = v;
    } else if (a == "--passphrase-file") {
      const char* v = value(a);
      if (v == nullptr) return usage_error("--passphrase-file expects a file, found nothing");
      options.passphrase_file = v;
    } else if (a == "--json") {
      options.json = true;
    } else if (a == "--help" || a == "-h") {
      print_help(table);
      return kExitOk;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown global option '" + a + "'");
    } else {
      break;
    }
  }
  if (i >= argc) {
    print_help(table);
    return kExitUsage;
  }
  std::string name = argv[i];
  if (name == "help") {
    print_help(table);
    return kExitOk;
  }
  auto it = table.find(name);
  if (it == table.end()) return usage_error("unknown command '" + name + "'");
  Args args(std::vector<std::string>(argv + i + 1, argv + argc));
  return it->second.run(options, args);
}
