// The prompts of the tiny reference models (../shared/testdata/models/*.ref.json) tokenize to the ids
// llama.cpp recorded (add_special = true, parse_special = false), and every piece llama.cpp printed
// (prompt pieces and top-5 candidates, as hex bytes) is what token_to_piece(id, special = true) gives.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tokenizer_test_util.h"

namespace haven::engine {
namespace {

std::string to_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    out += kHex[static_cast<uint8_t>(c) >> 4];
    out += kHex[static_cast<uint8_t>(c) & 15];
  }
  return out;
}

class TinyModelTokens : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string base = test_util::models_dir() + "/" + GetParam();
    std::string error;
    tok_ = test_util::load_tokenizer(base + ".gguf", &error);
    ASSERT_NE(tok_, nullptr) << base << ".gguf: " << error;
    ref_ = nlohmann::json::parse(test_util::read_file(base + ".ref.json"));
  }
  const Tokenizer* tok_ = nullptr;
  nlohmann::json ref_;
};

TEST_P(TinyModelTokens, PromptTokensMatchLlamaCpp) {
  ASSERT_TRUE(ref_["settings"]["add_special"].get<bool>());
  ASSERT_FALSE(ref_["settings"]["parse_special"].get<bool>());
  auto ids = tok_->encode(ref_["prompt"].get<std::string>(), {.add_special = true, .parse_special = false});
  ASSERT_TRUE(ids.is_ok()) << ids.status().message();
  EXPECT_EQ(*ids, ref_["prompt_tokens"].get<std::vector<TokenId>>());
  EXPECT_EQ(tok_->n_tokens(), ref_["n_vocab"].get<size_t>());
}

TEST_P(TinyModelTokens, PiecesMatchLlamaCppBytes) {
  int checked = 0;
  auto check = [&](const nlohmann::json& entry, TokenId id) {
    auto piece = tok_->token_to_piece(id, /*special=*/true);
    ASSERT_TRUE(piece.is_ok()) << piece.status().message();
    EXPECT_EQ(to_hex(*piece), entry["hex"].get<std::string>()) << "token " << id;
    ++checked;
  };
  const auto prompt_tokens = ref_["prompt_tokens"].get<std::vector<TokenId>>();
  const auto& pieces = ref_["prompt_pieces"];
  ASSERT_EQ(pieces.size(), prompt_tokens.size());
  for (size_t i = 0; i < prompt_tokens.size(); ++i) check(pieces[i], prompt_tokens[i]);
  for (const auto& position : ref_["prompt_top"]) {
    for (const auto& candidate : position) check(candidate, candidate["id"].get<TokenId>());
  }
  EXPECT_GT(checked, 50);
}

TEST_P(TinyModelTokens, PromptRoundTrips) {
  const std::string prompt = ref_["prompt"].get<std::string>();
  auto ids = tok_->encode(prompt, {.add_special = false});
  ASSERT_TRUE(ids.is_ok()) << ids.status().message();
  auto text = tok_->decode(*ids);
  ASSERT_TRUE(text.is_ok()) << text.status().message();
  EXPECT_EQ(*text, prompt);
  // With the BOS that add_special adds, remove_special drops it again.
  auto with_bos = tok_->encode(prompt, {.add_special = true});
  ASSERT_TRUE(with_bos.is_ok());
  auto again = tok_->decode(*with_bos, {.remove_special = true});
  ASSERT_TRUE(again.is_ok());
  // llama.cpp keeps the SentencePiece space once it has removed the BOS (llama_detokenize).
  EXPECT_EQ(*again, (tok_->add_bos() && tok_->vocab().add_space_prefix) ? " " + prompt : prompt);
}

INSTANTIATE_TEST_SUITE_P(SharedModels, TinyModelTokens,
                         ::testing::Values("tiny-qwen2-f32", "tiny-qwen2-f16", "tiny-qwen2-q8_0", "tiny-qwen2-q4_0",
                                           "tiny-qwen2-q4_k_m", "tiny-qwen2-q6_k", "tiny-llama-spm-f32"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param) name += (c == '-') ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace haven::engine
