// Where Haven keeps things, following the XDG Base Directory rules.
#pragma once

#include <string>

namespace haven::paths {

// $XDG_DATA_HOME or ~/.local/share (and the same for config, cache, state).
std::string xdg_data_home();
std::string xdg_config_home();
std::string xdg_cache_home();
std::string xdg_state_home();
// $HOME, or the passwd entry's home when HOME is unset.
std::string home_dir();

// The default vault folder: <xdg_data_home>/haven/vault.
std::string default_vault_dir();
// Haven's own folder for model files: <xdg_data_home>/haven/models.
std::string default_models_dir();

// Joins two path parts with exactly one '/'.
std::string join(const std::string& a, const std::string& b);

}  // namespace haven::paths
