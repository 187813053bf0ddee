#include "support/temp_dir.h"

#include <cstdlib>
#include <filesystem>

namespace haven::test {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base != nullptr && base[0] != '\0' ? base : "/tmp") + "/haven-test-XXXXXX";
  if (char* made = mkdtemp(tmpl.data()); made != nullptr) path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

}  // namespace haven::test
