#include "engine/gguf/gguf_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.h"

namespace haven::engine {
namespace {

std::string models_dir() { return test::testdata_dir() + "/models"; }
std::string vocab_dir() { return test::testdata_dir() + "/tokenizer"; }

TEST(GgufReaderTest, ReadsTinyQwen2F32) {
  auto f = GgufFile::open(models_dir() + "/tiny-qwen2-f32.gguf");
  ASSERT_TRUE(f.is_ok()) << f.status().message();
  const GgufFile& g = **f;
  EXPECT_EQ(g.version(), 3u);
  EXPECT_EQ(g.architecture(), "qwen2");
  EXPECT_EQ(g.get_u32("qwen2.embedding_length").value(), 256u);
  EXPECT_EQ(g.get_u32("qwen2.block_count").value(), 2u);
  EXPECT_EQ(g.get_u32("qwen2.attention.head_count").value(), 4u);
  EXPECT_EQ(g.get_u32("qwen2.attention.head_count_kv").value(), 2u);
  EXPECT_EQ(g.get_u32("qwen2.feed_forward_length").value(), 512u);
  EXPECT_FLOAT_EQ(g.get_f32("qwen2.rope.freq_base").value(), 1e6f);
  auto tokens = g.get_string_array("tokenizer.ggml.tokens");
  ASSERT_TRUE(tokens.is_ok()) << tokens.status().message();
  EXPECT_EQ(tokens->size(), 421u);
  const GgufTensorInfo* emb = g.find_tensor("token_embd.weight");
  ASSERT_NE(emb, nullptr);
  EXPECT_EQ(emb->dims, (std::vector<uint64_t>{256, 421}));
  EXPECT_EQ(emb->type, GgmlType::kF32);
  EXPECT_EQ(emb->n_bytes, 256u * 421u * 4u);
  EXPECT_EQ(emb->data, g.bytes() + emb->file_offset);
  EXPECT_EQ(emb->file_offset % g.alignment(), 0u);
  ASSERT_NE(g.find_tensor("output.weight"), nullptr);
  ASSERT_NE(g.find_tensor("blk.1.attn_q.bias"), nullptr);
  EXPECT_EQ(g.find_tensor("blk.2.attn_q.weight"), nullptr);
}

TEST(GgufReaderTest, ReadsVocabularies) {
  auto f = GgufFile::open(vocab_dir() + "/ggml-vocab-qwen2.gguf");
  ASSERT_TRUE(f.is_ok()) << f.status().message();
  const GgufFile& g = **f;
  EXPECT_EQ(g.tensors().size(), 0u);
  EXPECT_EQ(g.get_string("tokenizer.ggml.model").value(), "gpt2");
  EXPECT_EQ(g.get_string("tokenizer.ggml.pre").value(), "qwen2");
  EXPECT_EQ(g.get_string_array("tokenizer.ggml.tokens")->size(), 151936u);
  EXPECT_EQ(g.get_string_array_views("tokenizer.ggml.merges")->size(), 151387u);
  EXPECT_EQ(g.get_i32_array("tokenizer.ggml.token_type")->size(), 151936u);
  EXPECT_EQ(g.get_u32("tokenizer.ggml.bos_token_id").value(), 151643u);
  EXPECT_EQ(g.get_u32("tokenizer.ggml.eos_token_id").value(), 151645u);
  EXPECT_FALSE(g.get_bool("tokenizer.ggml.add_bos_token").value());
  auto spm = GgufFile::open(vocab_dir() + "/ggml-vocab-llama-spm.gguf");
  ASSERT_TRUE(spm.is_ok()) << spm.status().message();
  auto scores = (*spm)->get_f32_array("tokenizer.ggml.scores");
  ASSERT_TRUE(scores.is_ok()) << scores.status().message();
  EXPECT_EQ(scores->size(), 32000u);
  EXPECT_EQ((*spm)->get_string_array("tokenizer.ggml.tokens").value()[1], "<s>");
}

TEST(GgufReaderTest, GetterErrorsNameKeyAndTypes) {
  auto f = GgufFile::open(vocab_dir() + "/ggml-vocab-qwen2.gguf");
  ASSERT_TRUE(f.is_ok());
  auto missing = (*f)->get_u32("no.such.key");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto wrong = (*f)->get_u32("tokenizer.ggml.model");
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wrong.status().message().find("expected u32, found string"), std::string::npos)
      << wrong.status().message();
  auto arr = (*f)->get_f32_array("tokenizer.ggml.tokens");
  EXPECT_NE(arr.status().message().find("found array of string"), std::string::npos) << arr.status().message();
}

TEST(GgufReaderTest, OpensEveryTestFile) {
  for (const std::string& dir : {models_dir(), vocab_dir()}) {
    int n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".gguf") continue;
      ++n;
      auto f = GgufFile::open(entry.path().string());
      ASSERT_TRUE(f.is_ok()) << entry.path() << ": " << f.status().message();
      EXPECT_FALSE((*f)->architecture().empty()) << entry.path();
      EXPECT_TRUE((*f)->has("tokenizer.ggml.tokens")) << entry.path();
      uint64_t end = 0;
      for (const auto& t : (*f)->tensors()) end = std::max(end, t.file_offset + t.n_bytes);
      EXPECT_LE(end, (*f)->file_size());
    }
    EXPECT_GE(n, 5) << dir;
  }
}

TEST(GgufReaderTest, MissingFileIsNotFound) {
  auto f = GgufFile::open("/nonexistent/model.gguf");
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace haven::engine
