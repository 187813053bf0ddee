// The tokenizer correctness gate: llama.cpp's own test vectors (tests/test-tokenizer-0) for every
// vocabulary in ../shared/testdata/tokenizer, id for id, plus decode(encode(s)) == s on the same strings.
#include <gtest/gtest.h>

#include "tokenizer_test_util.h"

namespace haven::engine {
namespace {

using test_util::ids_string;

class LlamaCppVectors : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string base = test_util::tokenizer_dir() + "/ggml-vocab-" + GetParam() + ".gguf";
    std::string error;
    tok_ = test_util::load_tokenizer(base, &error);
    ASSERT_NE(tok_, nullptr) << base << ": " << error;
    strings_ = test_util::split_inp(test_util::read_file(base + ".inp"));
    expected_ = test_util::parse_out(test_util::read_file(base + ".out"));
    ASSERT_EQ(strings_.size(), 46u) << "the README promises 46 test strings";
    ASSERT_EQ(strings_.size(), expected_.size()) << ".inp and .out disagree on the number of tests";
  }

  const Tokenizer* tok_ = nullptr;
  std::vector<std::string> strings_;
  std::vector<std::vector<TokenId>> expected_;
};

TEST_P(LlamaCppVectors, EveryStringTokenizesToLlamaCppIds) {
  int failures = 0;
  for (size_t i = 0; i < strings_.size(); ++i) {
    auto ids = tok_->encode(strings_[i], {.add_special = false, .parse_special = false});
    ASSERT_TRUE(ids.is_ok()) << "string " << i << ": " << ids.status().message();
    if (*ids != expected_[i]) {
      ++failures;
      ADD_FAILURE() << GetParam() << " string " << i << " (" << strings_[i].size() << " bytes)\n  expected: "
                    << ids_string(expected_[i]) << "\n  found:    " << ids_string(*ids);
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST_P(LlamaCppVectors, DecodeOfEncodeGivesTheTextBack) {
  for (size_t i = 0; i < strings_.size(); ++i) {
    auto ids = tok_->encode(strings_[i], {.add_special = false, .parse_special = false});
    ASSERT_TRUE(ids.is_ok()) << ids.status().message();
    auto text = tok_->decode(*ids);
    ASSERT_TRUE(text.is_ok()) << text.status().message();
    EXPECT_EQ(*text, strings_[i]) << GetParam() << " string " << i;
  }
}

TEST_P(LlamaCppVectors, ExpectedIdsDecodeToTheTestStrings) {
  // Independent of our encoder: llama.cpp's ids, decoded by our pieces, must spell the input.
  for (size_t i = 0; i < strings_.size(); ++i) {
    auto text = tok_->decode(expected_[i]);
    ASSERT_TRUE(text.is_ok()) << text.status().message();
    EXPECT_EQ(*text, strings_[i]) << GetParam() << " string " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(SharedVocabs, LlamaCppVectors,
                         ::testing::Values("gpt-2", "llama-bpe", "llama-spm", "phi-3", "qwen2"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += (c == '-') ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace haven::engine
