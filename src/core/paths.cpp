#include "core/paths.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace haven::paths {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  // The XDG spec says relative paths are invalid and must be ignored.
  if (v != nullptr && v[0] == '/') return v;
  return fallback;
}

}  // namespace

std::string home_dir() {
  const char* h = std::getenv("HOME");
  if (h != nullptr && h[0] != '\0') return h;
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr) return pw->pw_dir;
  return "/";
}

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  bool a_slash = a.back() == '/';
  bool b_slash = b.front() == '/';
  if (a_slash && b_slash) return a + b.substr(1);
  if (a_slash || b_slash) return a + b;
  return a + "/" + b;
}

std::string xdg_data_home() { return env_or("XDG_DATA_HOME", join(home_dir(), ".local/share")); }
std::string xdg_config_home() { return env_or("XDG_CONFIG_HOME", join(home_dir(), ".config")); }
std::string xdg_cache_home() { return env_or("XDG_CACHE_HOME", join(home_dir(), ".cache")); }
std::string xdg_state_home() { return env_or("XDG_STATE_HOME", join(home_dir(), ".local/state")); }

std::string default_vault_dir() { return join(join(xdg_data_home(), "haven"), "vault"); }
std::string default_models_dir() { return join(join(xdg_data_home(), "haven"), "models"); }

}  // namespace haven::paths
