#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace haven::log {
namespace {

Level level_from_env() {
  const char* v = std::getenv("HAVEN_LOG");
  if (v == nullptr) return Level::kWarn;
  if (std::strcmp(v, "error") == 0) return Level::kError;
  if (std::strcmp(v, "info") == 0) return Level::kInfo;
  if (std::strcmp(v, "debug") == 0) return Level::kDebug;
  return Level::kWarn;
}

std::atomic<int>& current_level() {
  static std::atomic<int> level{static_cast<int>(level_from_env())};
  return level;
}

const char* level_name(Level l) {
  switch (l) {
    case Level::kError: return "error";
    case Level::kWarn: return "warn";
    case Level::kInfo: return "info";
    case Level::kDebug: return "debug";
  }
  return "?";
}

}  // namespace

void set_level(Level l) { current_level().store(static_cast<int>(l)); }
Level level() { return static_cast<Level>(current_level().load()); }

void write(Level l, std::string_view component, std::string_view message) {
  if (static_cast<int>(l) > current_level().load()) return;
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  std::fprintf(stderr, "[haven %s %.*s] %.*s\n", level_name(l), static_cast<int>(component.size()),
               component.data(), static_cast<int>(message.size()), message.data());
}

}  // namespace haven::log
