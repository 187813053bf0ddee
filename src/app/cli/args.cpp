#include "app/cli/args.h"

namespace haven::cli {

Result<std::optional<std::string>> Args::take_option(const std::string& name) {
  for (size_t i = 0; i < args_.size(); ++i) {
    const std::string& a = args_[i];
    if (a == name) {
      if (i + 1 >= args_.size()) return invalid_argument("option " + name + " expects a value, found none");
      std::string value = args_[i + 1];
      args_.erase(args_.begin() + static_cast<long>(i), args_.begin() + static_cast<long>(i) + 2);
      return std::optional<std::string>(std::move(value));
    }
    if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=') {
      std::string value = a.substr(name.size() + 1);
      args_.erase(args_.begin() + static_cast<long>(i));
      return std::optional<std::string>(std::move(value));
    }
    if (a == "--") break;
  }
  return std::optional<std::string>();
}

bool Args::take_flag(const std::string& name) {
  for (size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == "--") break;
    if (args_[i] == name) {
      args_.erase(args_.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

std::optional<std::string> Args::take_positional() {
  for (size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == "--") {
      // Everything after "--" is positional, even if it starts with dashes.
      if (i + 1 >= args_.size()) return std::nullopt;
      std::string v = args_[i + 1];
      args_.erase(args_.begin() + static_cast<long>(i) + 1);
      if (i + 1 >= args_.size()) args_.erase(args_.begin() + static_cast<long>(i));
      return v;
    }
    if (args_[i].size() >= 2 && args_[i].compare(0, 2, "--") == 0) continue;
    std::string v = args_[i];
    args_.erase(args_.begin() + static_cast<long>(i));
    return v;
  }
  return std::nullopt;
}

Result<int64_t> parse_record_id(const std::optional<std::string>& text, std::string_view what) {
  if (!text || text->empty() || text->size() > 15 || text->find_first_not_of("0123456789") != std::string::npos) {
    return invalid_argument("expected " + std::string(what) + " number, found '" + text.value_or("") + "'");
  }
  return std::stoll(*text);
}

Status Args::expect_empty() const {
  if (args_.empty()) return Status::ok();
  return invalid_argument("unexpected argument '" + args_.front() + "'");
}

}  // namespace haven::cli
