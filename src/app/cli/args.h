// A small argument reader for subcommands: options may appear anywhere after the subcommand name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace haven::cli {

class Args {
 public:
  explicit Args(std::vector<std::string> args) : args_(std::move(args)) {}

  // Removes and returns the value of "--name VALUE" or "--name=VALUE". Missing value: usage error.
  Result<std::optional<std::string>> take_option(const std::string& name);
  // Removes "--name" and says whether it was present.
  bool take_flag(const std::string& name);
  // Removes and returns the first remaining positional argument (one not starting with "--"), or
  // nullopt. A lone "-" is positional (standard input).
  std::optional<std::string> take_positional();
  // OK when nothing is left; otherwise an invalid-argument status naming the first leftover.
  Status expect_empty() const;
  bool empty() const { return args_.empty(); }
  const std::vector<std::string>& remaining() const { return args_; }

 private:
  std::vector<std::string> args_;
};

// A record number given on the command line ("an entry", "a session"). kInvalidArgument "expected an entry
// number, found 'x'" for anything but 1 to 15 digits.
Result<int64_t> parse_record_id(const std::optional<std::string>& text, std::string_view what);

}  // namespace haven::cli
