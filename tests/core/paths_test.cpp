#include "core/paths.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace haven {
namespace {

TEST(PathsTest, FollowsXdgDataHomeAndIgnoresRelativeValues) {
  setenv("XDG_DATA_HOME", "/srv/data", 1);
  EXPECT_EQ(paths::default_vault_dir(), "/srv/data/haven/vault");
  setenv("XDG_DATA_HOME", "relative/path", 1);
  setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(paths::xdg_data_home(), "/home/someone/.local/share");
  unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(paths::join("a/", "/b"), "a/b");
  EXPECT_EQ(paths::join("a", "b"), "a/b");
}

}  // namespace
}  // namespace haven
