#include "core/env.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace haven {
namespace {

TEST(EnvTest, AtomicWriteCreatesPrivateFileAndReplacesContent) {
  test::TempDir dir;
  Env* env = Env::default_env();
  std::string path = dir.file("f");
  ASSERT_TRUE(env->write_file_atomic(path, "one").is_ok());
  ASSERT_TRUE(env->write_file_atomic(path, "two").is_ok());
  auto read = env->read_file(path);
  ASSERT_TRUE(read.is_ok());
  EXPECT_EQ(*read, "two");
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto names = env->list_dir(dir.path());
  ASSERT_TRUE(names.is_ok());
  EXPECT_EQ(names->size(), 1u) << "no temp file may be left behind";
}

TEST(EnvTest, MissingFileIsNotFoundAndFoldersArePrivate) {
  test::TempDir dir;
  Env* env = Env::default_env();
  EXPECT_EQ(env->read_file(dir.file("none")).status().code(), StatusCode::kNotFound);
  std::string nested = dir.file("a/b/c");
  ASSERT_TRUE(env->create_dirs(nested).is_ok());
  struct stat st {};
  ASSERT_EQ(stat(nested.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_TRUE(env->file_exists(nested));
}

TEST(EnvTest, ClocksMove) {
  Env* env = Env::default_env();
  EXPECT_GT(env->now_unix_ms(), 1600000000000LL);
  int64_t a = env->monotonic_ns();
  int64_t b = env->monotonic_ns();
  EXPECT_LE(a, b);
}

}  // namespace
}  // namespace haven
