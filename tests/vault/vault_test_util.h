// Shared bits of the vault tests: cheap KDF options, file snapshots, byte scans.
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "vault/vault.h"

namespace haven::vault::testing {

inline constexpr const char* kPassphrase = "correct horse battery staple";

inline VaultOptions test_options() {
  VaultOptions o;
  o.kdf = test_kdf();
  o.busy_wait_ms = 200;
  return o;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Every regular file under dir (recursively): path -> contents.
inline std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file()) out[it->path().string()] = read_bytes(it->path().string());
  }
  return out;
}

// Which files differ between two snapshots, by name and size (never the bytes: they are large).
inline std::string snapshot_diff(const std::map<std::string, std::string>& a,
                                 const std::map<std::string, std::string>& b) {
  std::string out;
  for (const auto& [path, bytes] : a) {
    auto it = b.find(path);
    if (it == b.end()) {
      out += "removed " + path + "; ";
    } else if (it->second != bytes) {
      out += "changed " + path + " (" + std::to_string(bytes.size()) + " -> " + std::to_string(it->second.size()) +
             " bytes); ";
    }
  }
  for (const auto& [path, bytes] : b) {
    if (!a.count(path)) out += "added " + path + " (" + std::to_string(bytes.size()) + " bytes); ";
  }
  return out;
}

inline int mode_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<int>(st.st_mode & 07777);
}

}  // namespace haven::vault::testing
