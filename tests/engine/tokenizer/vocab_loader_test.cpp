// load_vocab reads GGUF tokenizer metadata as llama.cpp does: files written here with GgufWriter, read
// back with GgufFile::parse.
#include <gtest/gtest.h>

#include <functional>

#include "engine/gguf/gguf_reader.h"
#include "engine/gguf/gguf_writer.h"
#include "engine/tokenizer/byte_unicode.h"
#include "engine/tokenizer/tokenizer.h"
#include "engine/tokenizer/vocab_loader.h"

namespace haven::engine {
namespace {

std::vector<std::string> byte_tokens() {
  std::vector<std::string> tokens;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(byte_to_unicode_utf8(static_cast<uint8_t>(b)));
  return tokens;
}

// A small Qwen2-style BPE vocabulary; `edit` changes the writer before serializing.
Result<Vocab> load_bpe(const std::function<void(GgufWriter&)>& edit = {}) {
  GgufWriter w;
  w.set_string("general.architecture", "qwen2");
  w.set_string("general.name", "Tiny Test");
  w.set_string("tokenizer.ggml.model", "gpt2");
  w.set_string("tokenizer.ggml.pre", "qwen2");
  std::vector<std::string> tokens = byte_tokens();
  tokens.push_back("he");
  tokens.push_back("<|endoftext|>");
  tokens.push_back("<|im_end|>");
  w.set_string_array("tokenizer.ggml.tokens", tokens);
  std::vector<int32_t> types(tokens.size(), 1);
  types[257] = 3;
  types[258] = 3;
  w.set_i32_array("tokenizer.ggml.token_type", types);
  w.set_string_array("tokenizer.ggml.merges", std::vector<std::string>{"h e"});
  w.set_u32("tokenizer.ggml.bos_token_id", 257);
  w.set_u32("tokenizer.ggml.eos_token_id", 258);
  w.set_bool("tokenizer.ggml.add_bos_token", false);
  if (edit) edit(w);
  HAVEN_ASSIGN_OR_RETURN(auto file, GgufFile::parse(w.serialize()));
  return load_vocab(*file);
}

TEST(VocabLoader, ReadsABpeVocabulary) {
  auto vocab = load_bpe();
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().message();
  EXPECT_EQ(vocab->model, VocabModel::kBpe);
  EXPECT_EQ(vocab->pre, PreTokenizer::kQwen2);
  EXPECT_EQ(vocab->tokens.size(), 259u);
  EXPECT_EQ(vocab->merges, (std::vector<std::string>{"h e"}));
  EXPECT_EQ(vocab->types[257], TokenType::kControl);
  EXPECT_EQ(vocab->bos, 257);
  EXPECT_EQ(vocab->eos, 258);
  EXPECT_FALSE(vocab->add_bos);
  EXPECT_FALSE(vocab->ignore_merges);
  EXPECT_EQ(vocab->model_name, "tiny test");
  auto tok = Tokenizer::create(std::move(vocab).value());
  ASSERT_TRUE(tok.is_ok()) << tok.status().message();
  auto ids = (*tok)->encode("hehe", {.add_special = true});
  ASSERT_TRUE(ids.is_ok());
  EXPECT_EQ(*ids, (std::vector<TokenId>{256, 256}));
  EXPECT_EQ((*tok)->eot(), 258);
}

TEST(VocabLoader, Llama3PreTokenizerTurnsOnBosAndWholeWordsUnlessTheFileSaysOtherwise) {
  auto vocab = load_bpe([](GgufWriter& w) {
    w.set_string("tokenizer.ggml.pre", "llama-bpe");
    w.remove("tokenizer.ggml.add_bos_token");
  });
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().message();
  EXPECT_EQ(vocab->pre, PreTokenizer::kLlama3);
  EXPECT_TRUE(vocab->ignore_merges);
  EXPECT_TRUE(vocab->add_bos);
  auto off = load_bpe([](GgufWriter& w) { w.set_string("tokenizer.ggml.pre", "llama-bpe"); });
  ASSERT_TRUE(off.is_ok());
  EXPECT_FALSE(off->add_bos);
}

TEST(VocabLoader, AMissingPreTokenizerUsesTheDefaultRules) {
  auto vocab = load_bpe([](GgufWriter& w) { w.remove("tokenizer.ggml.pre"); });
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().message();
  EXPECT_EQ(vocab->pre, PreTokenizer::kDefault);
}

TEST(VocabLoader, OutOfRangeSpecialIdsKeepTheDefault) {
  auto vocab = load_bpe([](GgufWriter& w) { w.set_u32("tokenizer.ggml.eos_token_id", 100000); });
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().message();
  EXPECT_EQ(vocab->eos, 11);  // llama.cpp's BPE default, which fits this vocabulary
}

TEST(VocabLoader, IntegerScoresAreAccepted) {
  auto vocab = load_bpe([](GgufWriter& w) { w.set_i32_array("tokenizer.ggml.scores", std::vector<int32_t>(259, -3)); });
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().message();
  ASSERT_EQ(vocab->scores.size(), 259u);
  EXPECT_EQ(vocab->scores[5], -3.0f);
}

void expect_load_error(const std::function<void(GgufWriter&)>& edit, StatusCode code, const std::string& fragment) {
  auto vocab = load_bpe(edit);
  ASSERT_FALSE(vocab.is_ok()) << "expected: " << fragment;
  EXPECT_EQ(vocab.status().code(), code) << vocab.status().message();
  EXPECT_NE(vocab.status().message().find(fragment), std::string::npos) << vocab.status().message();
}

TEST(VocabLoader, ReportsMissingWrongAndUnsupportedKeys) {
  expect_load_error([](GgufWriter& w) { w.remove("tokenizer.ggml.model"); }, StatusCode::kNotFound,
                    "tokenizer.ggml.model");
  expect_load_error([](GgufWriter& w) { w.remove("tokenizer.ggml.tokens"); }, StatusCode::kNotFound,
                    "tokenizer.ggml.tokens");
  expect_load_error([](GgufWriter& w) { w.remove("tokenizer.ggml.merges"); }, StatusCode::kNotFound,
                    "tokenizer.ggml.merges");
  expect_load_error([](GgufWriter& w) { w.set_string("tokenizer.ggml.model", "bert"); }, StatusCode::kUnsupported,
                    "expected \"llama\" or \"gpt2\", found \"bert\"");
  expect_load_error([](GgufWriter& w) { w.set_string("tokenizer.ggml.pre", "deepseek-coder"); },
                    StatusCode::kUnsupported, "found \"deepseek-coder\"");
  expect_load_error([](GgufWriter& w) { w.set_u32_array("tokenizer.ggml.tokens", {1, 2}); },
                    StatusCode::kInvalidArgument, "tokenizer.ggml.tokens");
  expect_load_error([](GgufWriter& w) { w.set_f32_array("tokenizer.ggml.scores", {1.0f}); },
                    StatusCode::kInvalidArgument, "scores: expected at least 259 entries (one per token), found 1");
  expect_load_error([](GgufWriter& w) { w.set_i32_array("tokenizer.ggml.token_type", {1}); },
                    StatusCode::kInvalidArgument, "token_type: expected at least 259 entries (one per token), found 1");
  expect_load_error([](GgufWriter& w) { w.set_string("tokenizer.ggml.bos_token_id", "1"); },
                    StatusCode::kInvalidArgument, "tokenizer.ggml.bos_token_id");
}

TEST(VocabLoader, SentencePieceDefaultsFollowLlamaCpp) {
  GgufWriter w;
  w.set_string("tokenizer.ggml.model", "llama");
  w.set_string_array("tokenizer.ggml.tokens", std::vector<std::string>{"<unk>", "<s>", "</s>", "\xe2\x96\x81"});
  auto file = GgufFile::parse(w.serialize());
  ASSERT_TRUE(file.is_ok()) << file.status().message();
  auto vocab = load_vocab(**file);
  ASSERT_TRUE(vocab.is_ok()) << vocab.status().message();
  EXPECT_EQ(vocab->model, VocabModel::kSpm);
  EXPECT_EQ(vocab->pre, PreTokenizer::kNone);
  EXPECT_EQ(vocab->bos, 1);
  EXPECT_EQ(vocab->eos, 2);
  EXPECT_EQ(vocab->unk, 0);
  EXPECT_TRUE(vocab->add_bos);
  EXPECT_TRUE(vocab->add_space_prefix);
  EXPECT_TRUE(vocab->scores.empty());
}

}  // namespace
}  // namespace haven::engine
