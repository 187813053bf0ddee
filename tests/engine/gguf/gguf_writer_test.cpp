#include "engine/gguf/gguf_writer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/tensor/random_blocks.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace haven::engine {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> all_test_files() {
  std::vector<std::string> out;
  for (const char* sub : {"/models", "/tokenizer"}) {
    for (const auto& e : std::filesystem::directory_iterator(test::testdata_dir() + sub)) {
      if (e.path().extension() == ".gguf") out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(GgufWriterTest, RoundTripsEveryTestFileByteForByte) {
  auto files = all_test_files();
  ASSERT_GE(files.size(), 12u);
  for (const std::string& path : files) {
    auto f = GgufFile::open(path);
    ASSERT_TRUE(f.is_ok()) << path << ": " << f.status().message();
    GgufWriter w;
    ASSERT_TRUE(w.copy_from(**f).is_ok()) << path;
    const std::string original = read_all(path);
    EXPECT_EQ(w.file_size(), original.size()) << path;
    const std::string written = w.serialize();
    ASSERT_EQ(written.size(), original.size()) << path;
    EXPECT_TRUE(written == original) << path << ": first difference at byte "
                                     << (std::mismatch(written.begin(), written.end(), original.begin()).first -
                                         written.begin());
  }
}

TEST(GgufWriterTest, WriteCreatesThePrivateFileAtomically) {
  test::TempDir dir;
  auto f = GgufFile::open(test::testdata_dir() + "/models/tiny-qwen2-q4_0.gguf");
  ASSERT_TRUE(f.is_ok());
  GgufWriter w;
  ASSERT_TRUE(w.copy_from(**f).is_ok());
  const std::string out = dir.file("copy.gguf");
  ASSERT_TRUE(w.write(out).is_ok());
  EXPECT_EQ(read_all(out), read_all(test::testdata_dir() + "/models/tiny-qwen2-q4_0.gguf"));
  struct stat st {};
  ASSERT_EQ(stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);  // no temp file left
  Status bad = w.write(dir.file("no/such/folder/x.gguf"));
  EXPECT_EQ(bad.code(), StatusCode::kIoError);
}

TEST(GgufWriterTest, EveryValueTypeReadsBack) {
  GgufWriter w(2);
  w.set_u8("a.u8", 200);
  w.set_i8("a.i8", -100);
  w.set_u16("a.u16", 60000);
  w.set_i16("a.i16", -30000);
  w.set_u32("a.u32", 4000000000u);
  w.set_i32("a.i32", -2000000000);
  w.set_u64("a.u64", 1ull << 60);
  w.set_i64("a.i64", -(1ll << 60));
  w.set_f32("a.f32", 1.5f);
  w.set_f64("a.f64", -2.25);
  w.set_bool("a.bool", true);
  w.set_string("a.string", std::string("h\xc3\xa9llo\0!", 8));
  w.set_string_array("a.strings", std::vector<std::string>{"", "x", "yz"});
  w.set_i32_array("a.i32s", {1, -2, 3});
  w.set_u32_array("a.u32s", {7, 8});
  w.set_f32_array("a.f32s", {0.5f, -1.0f});
  w.set_u32("a.u32", 5);  // replaces in place
  std::vector<uint8_t> data(64 * 4);
  Rng rng(1);
  fill_random(GgmlType::kQ8_0, data.data(), 128, 1.0f, rng);
  ASSERT_TRUE(w.add_tensor("t.q8", {64, 2}, GgmlType::kQ8_0, std::vector<uint8_t>(data.begin(), data.begin() + 136)).is_ok());
  ASSERT_TRUE(w.add_tensor("t.f32", {3}, GgmlType::kF32, static_cast<const void*>(data.data())).is_ok());
  auto f = GgufFile::parse(w.serialize());
  ASSERT_TRUE(f.is_ok()) << f.status().message();
  const GgufFile& g = **f;
  EXPECT_EQ(g.version(), 2u);
  EXPECT_EQ(g.metadata().size(), 16u);
  EXPECT_EQ(g.metadata()[4].key, "a.u32");
  EXPECT_EQ(g.get_u32("a.u8").value(), 200u);
  EXPECT_EQ(g.get_i32("a.i8").value(), -100);
  EXPECT_EQ(g.get_u32("a.u16").value(), 60000u);
  EXPECT_EQ(g.get_i32("a.i16").value(), -30000);
  EXPECT_EQ(g.get_u32("a.u32").value(), 5u);
  EXPECT_EQ(g.get_i32("a.i32").value(), -2000000000);
  EXPECT_EQ(g.get_u64("a.u64").value(), 1ull << 60);
  EXPECT_EQ(g.get_i64("a.i64").value(), -(1ll << 60));
  EXPECT_EQ(g.get_f32("a.f32").value(), 1.5f);
  EXPECT_EQ(g.get_f32("a.f64").value(), -2.25f);
  EXPECT_TRUE(g.get_bool("a.bool").value());
  EXPECT_EQ(g.get_string("a.string").value(), std::string("h\xc3\xa9llo\0!", 8));
  EXPECT_EQ(g.get_string_array("a.strings").value(), (std::vector<std::string>{"", "x", "yz"}));
  EXPECT_EQ(g.get_i32_array("a.i32s").value(), (std::vector<int32_t>{1, -2, 3}));
  EXPECT_EQ(g.get_u32_array("a.u32s").value(), (std::vector<uint32_t>{7, 8}));
  EXPECT_EQ(g.get_i32_array("a.u32s").value(), (std::vector<int32_t>{7, 8}));
  EXPECT_EQ(g.get_f32_array("a.f32s").value(), (std::vector<float>{0.5f, -1.0f}));
  // range checks of the integer getters
  EXPECT_EQ(g.get_u32("a.i8").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(g.get_i32("a.u64").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(g.get_u64("a.i64").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(g.get_bool("a.u8").status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(g.tensors().size(), 2u);
  EXPECT_EQ(g.tensors()[0].n_bytes, 136u);
  EXPECT_EQ(std::memcmp(g.tensors()[0].data, data.data(), 136), 0);
  EXPECT_EQ(g.tensors()[1].offset, 160u);  // 136 padded to 32
  EXPECT_EQ(std::memcmp(g.tensors()[1].data, data.data(), 12), 0);
}

TEST(GgufWriterTest, RejectsBadTensorsAndLeavesTheWriterUnchanged) {
  GgufWriter w;
  std::vector<uint8_t> d(1024);
  EXPECT_EQ(w.add_tensor("", {32}, GgmlType::kF32, static_cast<const void*>(d.data())).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.add_tensor(std::string(64, 'x'), {32}, GgmlType::kF32, static_cast<const void*>(d.data())).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(w.add_tensor("a", {}, GgmlType::kF32, static_cast<const void*>(d.data())).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.add_tensor("a", {1, 1, 1, 1, 1}, GgmlType::kF32, static_cast<const void*>(d.data())).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(w.add_tensor("a", {0}, GgmlType::kF32, static_cast<const void*>(d.data())).code(), StatusCode::kInvalidArgument);
  Status s = w.add_tensor("a", {48}, GgmlType::kQ4_0, static_cast<const void*>(d.data()));
  EXPECT_NE(s.message().find("multiple of 32"), std::string::npos) << s.message();
  EXPECT_EQ(w.add_tensor("a", {32}, GgmlType::kQ4_0, std::vector<uint8_t>(17)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.add_tensor("a", {32}, static_cast<GgmlType>(31), static_cast<const void*>(d.data())).code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(w.add_tensor("a", {32}, GgmlType::kQ4_0, std::vector<uint8_t>(18)).is_ok());
  EXPECT_EQ(w.add_tensor("a", {32}, GgmlType::kF32, static_cast<const void*>(d.data())).code(), StatusCode::kInvalidArgument);
  auto f = GgufFile::parse(w.serialize());
  ASSERT_TRUE(f.is_ok()) << f.status().message();
  EXPECT_EQ((*f)->tensors().size(), 1u);
  w.set_u32("k", 1);
  EXPECT_TRUE(w.has("k"));
  EXPECT_TRUE(w.remove("k"));
  EXPECT_FALSE(w.remove("k"));
}

TEST(GgufWriterTest, HonoursGeneralAlignment) {
  GgufWriter w;
  w.set_u32("general.alignment", 64);
  std::vector<uint8_t> d(1024, 7);
  ASSERT_TRUE(w.add_tensor("a", {3}, GgmlType::kF32, static_cast<const void*>(d.data())).is_ok());
  ASSERT_TRUE(w.add_tensor("b", {5}, GgmlType::kF32, static_cast<const void*>(d.data())).is_ok());
  auto f = GgufFile::parse(w.serialize());
  ASSERT_TRUE(f.is_ok()) << f.status().message();
  EXPECT_EQ((*f)->alignment(), 64u);
  EXPECT_EQ((*f)->data_offset() % 64, 0u);
  EXPECT_EQ((*f)->tensors()[1].offset, 64u);
  EXPECT_EQ((*f)->file_size() % 64, 0u);
}

}  // namespace
}  // namespace haven::engine
