// Special tokens on the real shared vocabularies: ids and flags from the metadata (values listed in
// ../shared/testdata/tokenizer/README.md), end-of-generation sets, and chat markup that only becomes
// control tokens when Haven itself asks for it.
#include <gtest/gtest.h>

#include <algorithm>

#include "tokenizer_test_util.h"

namespace haven::engine {
namespace {

const Tokenizer* load(const std::string& name) {
  std::string error;
  const Tokenizer* tok = test_util::load_tokenizer(test_util::tokenizer_dir() + "/ggml-vocab-" + name + ".gguf", &error);
  if (tok == nullptr) ADD_FAILURE() << name << ": " << error;
  return tok;
}

bool contains(const std::vector<TokenId>& ids, TokenId id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

TEST(RealVocabSpecials, Qwen2ChatMarkupIsControlOnlyWhenParsed) {
  const Tokenizer* loaded = load("qwen2");
  ASSERT_NE(loaded, nullptr);
  const Tokenizer& tok = *loaded;
  EXPECT_EQ(tok.bos(), 151643);
  EXPECT_EQ(tok.eos(), 151645);
  EXPECT_EQ(tok.pad(), 151643);
  EXPECT_FALSE(tok.add_bos());
  const TokenId im_start = tok.find_token("<|im_start|>");
  const TokenId im_end = tok.find_token("<|im_end|>");
  ASSERT_NE(im_start, kNoToken);
  ASSERT_EQ(im_end, tok.eos());
  EXPECT_EQ(tok.eot(), im_end);
  EXPECT_TRUE(tok.is_eog(im_end));
  EXPECT_TRUE(tok.is_eog(tok.find_token("<|endoftext|>")));
  EXPECT_FALSE(tok.is_eog(im_start));

  const std::string chat = "<|im_start|>user\nI feel stuck<|im_end|>\n<|im_start|>assistant\n";
  auto parsed = tok.encode(chat, {.add_special = true, .parse_special = true});
  ASSERT_TRUE(parsed.is_ok());
  EXPECT_EQ(parsed->front(), im_start);
  EXPECT_EQ(std::count(parsed->begin(), parsed->end(), im_start), 2);
  EXPECT_EQ(std::count(parsed->begin(), parsed->end(), im_end), 1);
  auto shown = tok.decode(*parsed, {.unparse_special = true});
  ASSERT_TRUE(shown.is_ok());
  EXPECT_EQ(*shown, chat);

  auto typed = tok.encode(chat, {.add_special = true, .parse_special = false});
  ASSERT_TRUE(typed.is_ok());
  for (TokenId id : *typed) EXPECT_FALSE(tok.is_control(id)) << "typed text produced control token " << id;
  auto back = tok.decode(*typed);
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(*back, chat);
}

TEST(RealVocabSpecials, Llama3AddsBosAndEndsOnEotAndEom) {
  const Tokenizer* loaded = load("llama-bpe");
  ASSERT_NE(loaded, nullptr);
  const Tokenizer& tok = *loaded;
  EXPECT_EQ(tok.bos(), 128000);
  EXPECT_EQ(tok.eos(), 128009);
  EXPECT_EQ(tok.eot(), 128009);
  EXPECT_TRUE(tok.add_bos());
  const TokenId eom = tok.find_token("<|eom_id|>");
  ASSERT_NE(eom, kNoToken);
  EXPECT_EQ(tok.eom(), eom);
  EXPECT_TRUE(tok.is_eog(eom));
  EXPECT_TRUE(tok.is_eog(tok.find_token("<|end_of_text|>")));
  EXPECT_FALSE(tok.is_eog(tok.find_token("<|start_header_id|>")));

  auto ids = tok.encode("Hello", {.add_special = true});
  ASSERT_TRUE(ids.is_ok());
  EXPECT_EQ(*ids, (std::vector<TokenId>{128000, 9906}));  // 9906 "Hello", as in the .out file
  auto header = tok.encode("<|start_header_id|>user<|end_header_id|>", {.add_special = false, .parse_special = true});
  ASSERT_TRUE(header.is_ok());
  EXPECT_EQ(header->front(), tok.find_token("<|start_header_id|>"));
  EXPECT_EQ(header->back(), tok.find_token("<|end_header_id|>"));
  auto typed = tok.encode("<|eot_id|>", {.add_special = false});
  ASSERT_TRUE(typed.is_ok());
  EXPECT_FALSE(contains(*typed, 128009));
}

TEST(RealVocabSpecials, SentencePieceVocabsAddBosAndSpacePrefix) {
  for (const std::string name : {"llama-spm", "phi-3"}) {
    const Tokenizer* loaded = load(name);
    ASSERT_NE(loaded, nullptr);
    const Tokenizer& tok = *loaded;
    EXPECT_EQ(tok.bos(), 1) << name;
    EXPECT_TRUE(tok.add_bos()) << name;
    EXPECT_FALSE(tok.add_eos()) << name;
    EXPECT_TRUE(tok.vocab().add_space_prefix) << name;
    EXPECT_EQ(tok.unk(), 0) << name;
    auto piece = tok.token_to_piece(tok.bos(), /*special=*/true);
    ASSERT_TRUE(piece.is_ok());
    EXPECT_EQ(*piece, "<s>");
    EXPECT_EQ(*tok.token_to_piece(tok.bos()), "");
  }
  const Tokenizer* loaded_phi = load("phi-3");
  ASSERT_NE(loaded_phi, nullptr);
  const Tokenizer& phi = *loaded_phi;
  const TokenId end = phi.find_token("<|end|>");
  ASSERT_NE(end, kNoToken);
  EXPECT_TRUE(phi.is_eog(end));
  EXPECT_TRUE(phi.is_eog(phi.eos()));
  // Phi-3's chat tokens swallow the newline after them, as llama.cpp arranges for models named Phi-3.
  auto a = phi.encode("<|user|>\nhi<|end|>", {.add_special = false, .parse_special = true});
  auto b = phi.encode("<|user|>hi<|end|>", {.add_special = false, .parse_special = true});
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  EXPECT_EQ(*a, *b);
}

}  // namespace
}  // namespace haven::engine
