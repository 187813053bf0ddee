// Damaged and hostile GGUF files: each gives a one-line error that says what was expected and what was
// found, never a crash or an allocation sized by a number from the file.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "engine/gguf/gguf_reader.h"
#include "engine/gguf/gguf_writer.h"
#include "support/process.h"

namespace haven::engine {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes GGUF structures field by field, so tests can put any number anywhere.
class Raw {
 public:
  Raw& bytes(std::string_view s) { out_.append(s); return *this; }
  Raw& u32(uint32_t v) { return put(v); }
  Raw& u64(uint64_t v) { return put(v); }
  Raw& str(std::string_view s) { u64(s.size()); return bytes(s); }
  Raw& header(uint64_t n_tensors, uint64_t n_kv, uint32_t version = 3) {
    return bytes("GGUF").u32(version).u64(n_tensors).u64(n_kv);
  }
  Raw& kv_u32(std::string_view key, uint32_t v) { return str(key).u32(4).u32(v); }
  Raw& tensor(std::string_view name, std::vector<uint64_t> dims, uint32_t type, uint64_t offset) {
    str(name).u32(static_cast<uint32_t>(dims.size()));
    for (uint64_t d : dims) u64(d);
    return u32(type).u64(offset);
  }
  Raw& pad(size_t alignment = 32) {
    while (out_.size() % alignment != 0) out_.push_back('\0');
    return *this;
  }
  Raw& zeros(size_t n) { out_.append(n, '\0'); return *this; }
  const std::string& str() const { return out_; }

 private:
  template <typename T>
  Raw& put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
    return *this;
  }
  std::string out_;
};

Status parse_error(const std::string& bytes) {
  auto f = GgufFile::parse(bytes);
  if (f.is_ok()) return Status::ok();
  return f.status();
}

void expect_error(const std::string& bytes, StatusCode code, const std::string& fragment) {
  Status s = parse_error(bytes);
  ASSERT_FALSE(s.is_ok()) << "expected an error containing: " << fragment;
  EXPECT_EQ(s.code(), code) << s.message();
  EXPECT_NE(s.message().find(fragment), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
  EXPECT_LT(s.message().size(), 400u) << s.message();
}

TEST(GgufBadFilesTest, NotAGguf) {
  expect_error("", StatusCode::kCorruption, "expected a GGUF file (magic 'GGUF'), found an empty file");
  expect_error("GG", StatusCode::kCorruption, "expected a GGUF file (magic 'GGUF'), found 'GG'");
  expect_error("PK\x03\x04 not a model", StatusCode::kCorruption, "found 'PK?" "?'");
  expect_error(read_all(test::testdata_dir() + "/tokenizer/ggml-vocab-qwen2.gguf.inp"), StatusCode::kCorruption,
               "expected a GGUF file");
}

TEST(GgufBadFilesTest, Versions) {
  expect_error(Raw().header(0, 0, 1).str(), StatusCode::kUnsupported, "expected GGUF version 2 or 3, found version 1");
  expect_error(Raw().header(0, 0, 4).str(), StatusCode::kUnsupported, "found version 4");
  expect_error(Raw().header(0, 0, 0x03000000).str(), StatusCode::kUnsupported, "big-endian");
  EXPECT_TRUE(parse_error(Raw().header(0, 0, 2).str()).is_ok());
  EXPECT_TRUE(parse_error(Raw().header(0, 0, 3).str()).is_ok());
}

TEST(GgufBadFilesTest, TruncatedAtEverySixtyFourthOfEveryTestFile) {
  int checked = 0;
  // Every cut is parsed from its own exactly-sized copy, so ASan sees any read past the end.
  const char* const kFiles[] = {"models/tiny-qwen2-f32.gguf",      "models/tiny-qwen2-f16.gguf",
                                "models/tiny-qwen2-q4_0.gguf",     "models/tiny-qwen2-q4_k_m.gguf",
                                "models/tiny-qwen2-q6_k.gguf",     "models/tiny-qwen2-q8_0.gguf",
                                "models/tiny-llama-spm-f32.gguf",  "tokenizer/ggml-vocab-llama-spm.gguf",
                                "tokenizer/ggml-vocab-phi-3.gguf", "tokenizer/ggml-vocab-gpt-2.gguf",
                                "tokenizer/ggml-vocab-qwen2.gguf", "tokenizer/ggml-vocab-llama-bpe.gguf"};
  for (const char* name : kFiles) {
    const std::string full = read_all(test::testdata_dir() + "/" + name);
    ASSERT_GT(full.size(), 1000u) << name;
    ASSERT_TRUE(parse_error(full).is_ok()) << name;
    for (size_t k = 0; k < 64; ++k) {
      const size_t len = full.size() * k / 64;
      Status s = parse_error(full.substr(0, len));
      ASSERT_FALSE(s.is_ok()) << name << " cut at " << len;
      EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.message();
      if (len >= 4) {
        EXPECT_NE(s.message().find("file ends at byte " + format_count(len)), std::string::npos)
            << name << " cut at " << len << ": " << s.message();
      }
      EXPECT_EQ(s.message().find('\n'), std::string::npos);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 12 * 64);
}

TEST(GgufBadFilesTest, TruncationMessageSaysWhere) {
  const std::string full = read_all(test::testdata_dir() + "/models/tiny-qwen2-f32.gguf");
  Status s = parse_error(full.substr(0, 1204));
  EXPECT_NE(s.message().find("file ends at byte 1,204 inside metadata key 'tokenizer.ggml.tokens'"), std::string::npos)
      << s.message();
  s = parse_error(full.substr(0, full.size() - 1));
  EXPECT_NE(s.message().find("tensor 'output.weight'"), std::string::npos) << s.message();
}

TEST(GgufBadFilesTest, AbsurdCountsFailBeforeAllocating) {
  expect_error(Raw().header(0, 1ull << 60).str(), StatusCode::kCorruption, "metadata entries the header announces");
  expect_error(Raw().header(~0ull, 0).str(), StatusCode::kCorruption, "tensors the header announces");
  // an array claiming 2^61 elements
  expect_error(Raw().header(0, 1).str("k").u32(9).u32(4).u64(1ull << 61).str(), StatusCode::kCorruption,
               "expected 2,305,843,009,213,693,952 u32 elements");
  expect_error(Raw().header(0, 1).str("k").u32(9).u32(8).u64(~0ull).str(), StatusCode::kCorruption, "strings of at least 8 bytes each");
  // a string length of 2^63
  expect_error(Raw().header(0, 1).str("k").u32(8).u64(1ull << 63).str(), StatusCode::kCorruption, "file ends at byte");
  expect_error(Raw().header(0, 1).u64(1ull << 40).zeros(64).str(), StatusCode::kCorruption, "expected a string of at most 65,535 bytes");
  // a tensor of 2^62 x 4 elements
  expect_error(Raw().header(1, 0).tensor("t", {1ull << 62, 4}, 0, 0).str(), StatusCode::kCorruption,
               "expected dimension 1");
}

TEST(GgufBadFilesTest, BadMetadataValues) {
  expect_error(Raw().header(0, 1).str("k").u32(13).u32(0).str(), StatusCode::kCorruption,
               "metadata key 'k': expected a value type 0..12, found 13");
  expect_error(Raw().header(0, 1).str("k").u32(9).u32(9).u64(1).str(), StatusCode::kUnsupported, "arrays of arrays");
  expect_error(Raw().header(0, 1).str("k").u32(9).u32(77).u64(1).str(), StatusCode::kCorruption, "array element type");
  expect_error(Raw().header(0, 1).str("k").u32(7).bytes("\x02").str(), StatusCode::kCorruption, "expected a bool (0 or 1), found 2");
  expect_error(Raw().header(0, 2).kv_u32("k", 1).kv_u32("k", 2).str(), StatusCode::kCorruption, "the key appears twice");
  expect_error(Raw().header(0, 1).str("general.alignment").u32(4).u32(24).str(), StatusCode::kCorruption,
               "expected a power of two, found 24");
  expect_error(Raw().header(0, 1).str("general.alignment").u32(5).u32(32).str(), StatusCode::kCorruption,
               "general.alignment': expected u32, found i32");
}

TEST(GgufBadFilesTest, BadTensorInfos) {
  auto one = [](std::vector<uint64_t> dims, uint32_t type, uint64_t offset, size_t data) {
    return Raw().header(1, 0).tensor("w", dims, type, offset).pad().zeros(data).str();
  };
  EXPECT_TRUE(parse_error(one({32, 2}, 0, 0, 256)).is_ok());
  expect_error(one({32, 2}, 31, 0, 256), StatusCode::kUnsupported, "tensor 'w': unknown tensor type 31");
  expect_error(one({32, 2}, 1000, 0, 256), StatusCode::kUnsupported, "unknown tensor type 1000");
  expect_error(one({48}, 2, 0, 256), StatusCode::kCorruption, "expected a row length that is a multiple of 32 for type q4_0, found 48");
  expect_error(one({32, 2}, 0, 0, 255), StatusCode::kCorruption, "tensor 'w': file ends at byte");
  expect_error(one({32, 2}, 0, 64, 256), StatusCode::kCorruption, "at data offset 64");
  expect_error(one({32, 2}, 0, 1ull << 63, 256), StatusCode::kCorruption, "tensor 'w'");
  expect_error(one({32, 2}, 0, 8, 256), StatusCode::kCorruption, "expected a data offset aligned to 32 bytes, found 8");
  expect_error(one({}, 0, 0, 256), StatusCode::kCorruption, "expected 1 to 4 dimensions, found 0");
  expect_error(Raw().header(1, 0).str("w").u32(5).zeros(64).str(), StatusCode::kCorruption, "expected 1 to 4 dimensions, found 5");
  expect_error(one({0, 2}, 0, 0, 256), StatusCode::kCorruption, "dimension 0");
  expect_error(Raw().header(1, 0).tensor("", {32}, 0, 0).pad().zeros(128).str(), StatusCode::kCorruption,
               "expected a tensor name, found an empty one");
  expect_error(Raw().header(1, 0).tensor(std::string(64, 'n'), {32}, 0, 0).pad().zeros(128).str(),
               StatusCode::kCorruption, "expected a name of at most 63 bytes, found 64");
  expect_error(Raw().header(2, 0).tensor("a", {32}, 0, 0).tensor("a", {32}, 0, 128).pad().zeros(256).str(),
               StatusCode::kCorruption, "tensor 'a': the name appears twice");
  expect_error(Raw().header(2, 0).tensor("a", {64}, 0, 0).tensor("b", {32}, 0, 128).pad().zeros(256).str(),
               StatusCode::kCorruption, "overlaps tensor 'a'");
}

TEST(GgufBadFilesTest, ControlCharactersInNamesStayOnOneLine) {
  Status s = parse_error(Raw().header(1, 0).tensor("a\nb", {32}, 99, 0).str());
  EXPECT_NE(s.message().find("'a?b'"), std::string::npos) << s.message();
}

TEST(GgufBadFilesTest, MissingAndUnreadableFiles) {
  EXPECT_EQ(GgufFile::open("/nonexistent/x.gguf").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(GgufFile::open("/").status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace haven::engine
