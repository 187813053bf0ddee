// Behaviour of the tokenizer on small hand-made vocabularies: merge order, special tokens, BOS/EOS,
// byte fallback, decoding, and every error create() and encode() report.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "engine/tokenizer/byte_unicode.h"
#include "engine/tokenizer/tokenizer.h"

namespace haven::engine {
namespace {

// A byte-level BPE vocabulary: the 256 byte symbols (ids 0..255, in byte order), then `extra` tokens.
Vocab bpe_vocab(const std::vector<std::string>& extra_raw, const std::vector<std::string>& merges_raw,
                PreTokenizer pre = PreTokenizer::kQwen2) {
  Vocab v;
  v.model = VocabModel::kBpe;
  v.pre = pre;
  for (int b = 0; b < 256; ++b) v.tokens.emplace_back(byte_to_unicode_utf8(static_cast<uint8_t>(b)));
  for (const std::string& t : extra_raw) v.tokens.push_back(byte_level_encode(t));
  for (const std::string& m : merges_raw) {
    const size_t space = m.find('|');
    v.merges.push_back(byte_level_encode(m.substr(0, space)) + " " + byte_level_encode(m.substr(space + 1)));
  }
  v.types.assign(v.tokens.size(), TokenType::kNormal);
  return v;
}

TokenId add_token(Vocab& v, const std::string& text, TokenType type) {
  v.tokens.push_back(text);
  v.types.push_back(type);
  if (!v.scores.empty()) v.scores.push_back(0.0f);
  return static_cast<TokenId>(v.tokens.size() - 1);
}

std::unique_ptr<Tokenizer> make(Vocab v) {
  auto tok = Tokenizer::create(std::move(v));
  EXPECT_TRUE(tok.is_ok()) << tok.status().message();
  return tok.is_ok() ? std::move(tok).value() : nullptr;
}

std::vector<TokenId> enc(const Tokenizer& tok, std::string_view text, EncodeOptions options = {.add_special = false}) {
  auto ids = tok.encode(text, options);
  EXPECT_TRUE(ids.is_ok()) << ids.status().message();
  return ids.is_ok() ? *ids : std::vector<TokenId>{};
}

std::vector<TokenId> bytes_of(std::string_view s) {
  std::vector<TokenId> out;
  for (char c : s) out.push_back(static_cast<uint8_t>(c));
  return out;
}

// ---- byte-level BPE ----

TEST(BpeTokenizer, MergesApplyInRankOrderNotTextOrder) {
  // "b c" outranks "a b", so "abc" becomes a + bc although "ab" comes first in the text.
  auto tok = make(bpe_vocab({"ab", "bc"}, {"b|c", "a|b"}));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(enc(*tok, "abc"), (std::vector<TokenId>{'a', 257}));
  EXPECT_EQ(enc(*tok, "abd"), (std::vector<TokenId>{256, 'd'}));
}

TEST(BpeTokenizer, EqualRanksMergeLeftmostFirst) {
  auto tok = make(bpe_vocab({"aa"}, {"a|a"}));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(enc(*tok, "aaa"), (std::vector<TokenId>{256, 'a'}));
  EXPECT_EQ(enc(*tok, "aaaa"), (std::vector<TokenId>{256, 256}));
}

TEST(BpeTokenizer, MergesChainIntoLongerTokens) {
  auto tok = make(bpe_vocab({"he", "ll", "hell", "hello", " w", " wo"}, {"h|e", "l|l", "he|ll", "hell|o", " |w", " w|o"}));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(enc(*tok, "hello"), (std::vector<TokenId>{259}));
  // The pre-tokenizer keeps the space with the next word; merges never cross words.
  EXPECT_EQ(enc(*tok, "hello wo"), (std::vector<TokenId>{259, 261}));
  EXPECT_EQ(enc(*tok, "hellowo"), (std::vector<TokenId>{259, 'w', 'o'}));
}

TEST(BpeTokenizer, EveryByteSurvivesWithoutMerges) {
  auto tok = make(bpe_vocab({}, {}));
  ASSERT_NE(tok, nullptr);
  const std::string text = "Grüße, 世界! \t\n 😊";
  EXPECT_EQ(enc(*tok, text), bytes_of(text));
  auto back = tok->decode(bytes_of(text));
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(*back, text);
}

TEST(BpeTokenizer, IgnoreMergesEmitsAWholeWordTokenOnlyWhenAsked) {
  Vocab v = bpe_vocab({"xyz"}, {}, PreTokenizer::kLlama3);
  Vocab with = v;
  with.ignore_merges = true;
  auto plain = make(std::move(v));
  auto llama3 = make(std::move(with));
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(llama3, nullptr);
  EXPECT_EQ(enc(*plain, "xyz"), (std::vector<TokenId>{'x', 'y', 'z'}));
  EXPECT_EQ(enc(*llama3, "xyz"), (std::vector<TokenId>{256}));
}

TEST(BpeTokenizer, PlainTextNeverBecomesAControlToken) {
  Vocab v = bpe_vocab({}, {"E|N", "EN|D"}, PreTokenizer::kLlama3);
  v.ignore_merges = true;
  const TokenId end = add_token(v, "END", TokenType::kControl);
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  const auto ids = enc(*tok, "END");
  EXPECT_EQ(std::count(ids.begin(), ids.end(), end), 0);
  EXPECT_EQ(enc(*tok, "END", {.add_special = false, .parse_special = true}), (std::vector<TokenId>{end}));
}

TEST(BpeTokenizer, ControlTokensAreParsedOnlyWithParseSpecial) {
  Vocab v = bpe_vocab({}, {});
  const TokenId im_start = add_token(v, "<|im_start|>", TokenType::kControl);
  const TokenId im_end = add_token(v, "<|im_end|>", TokenType::kControl);
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  const std::string text = "<|im_start|>user\nhi<|im_end|>";
  EXPECT_EQ(enc(*tok, text), bytes_of(text));
  std::vector<TokenId> expected{im_start};
  for (TokenId id : bytes_of("user\nhi")) expected.push_back(id);
  expected.push_back(im_end);
  EXPECT_EQ(enc(*tok, text, {.add_special = false, .parse_special = true}), expected);
}

TEST(BpeTokenizer, UserDefinedTokensAreAlwaysSplitOut) {
  Vocab v = bpe_vocab({}, {});
  const TokenId tool = add_token(v, "<tool_call>", TokenType::kUserDefined);
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  std::vector<TokenId> expected = bytes_of("a");
  expected.push_back(tool);
  expected.push_back('b');
  EXPECT_EQ(enc(*tok, "a<tool_call>b"), expected);
  // User-defined tokens decode to their text even without `special`.
  auto piece = tok->token_to_piece(tool);
  ASSERT_TRUE(piece.is_ok());
  EXPECT_EQ(*piece, "<tool_call>");
}

TEST(BpeTokenizer, LongerSpecialTokensWin) {
  Vocab v = bpe_vocab({}, {});
  const TokenId shorter = add_token(v, "<|end|>", TokenType::kControl);
  const TokenId longer = add_token(v, "<|end|>x", TokenType::kControl);
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(enc(*tok, "<|end|>x<|end|>", {.add_special = false, .parse_special = true}),
            (std::vector<TokenId>{longer, shorter}));
}

TEST(BpeTokenizer, AddSpecialAddsBosAndEosAsTheVocabSays) {
  Vocab v = bpe_vocab({}, {});
  v.bos = add_token(v, "<|begin_of_text|>", TokenType::kControl);
  v.eos = add_token(v, "<|end_of_text|>", TokenType::kControl);
  v.add_bos = true;
  v.add_eos = true;
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(enc(*tok, "a", {.add_special = true}), (std::vector<TokenId>{tok->bos(), 'a', tok->eos()}));
  EXPECT_EQ(enc(*tok, "", {.add_special = true}), (std::vector<TokenId>{tok->bos(), tok->eos()}));
  EXPECT_EQ(enc(*tok, "a", {.add_special = false}), (std::vector<TokenId>{'a'}));
  auto text = tok->decode(enc(*tok, "a", {.add_special = true}), {.remove_special = true});
  ASSERT_TRUE(text.is_ok());
  EXPECT_EQ(*text, "a");
  auto shown = tok->decode(enc(*tok, "a", {.add_special = true}), {.unparse_special = true});
  ASSERT_TRUE(shown.is_ok());
  EXPECT_EQ(*shown, "<|begin_of_text|>a<|end_of_text|>");
}

TEST(BpeTokenizer, EndOfGenerationTokensAreFoundByText) {
  Vocab v = bpe_vocab({}, {});
  v.eos = add_token(v, "<|endoftext|>", TokenType::kControl);
  const TokenId im_end = add_token(v, "<|im_end|>", TokenType::kNormal);  // mislabelled, as some files are
  const TokenId other = add_token(v, "<|im_start|>", TokenType::kControl);
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(tok->eot(), im_end);
  EXPECT_TRUE(tok->is_eog(im_end));
  EXPECT_TRUE(tok->is_eog(tok->eos()));
  EXPECT_FALSE(tok->is_eog(other));
  EXPECT_FALSE(tok->is_eog('a'));
  // The mislabelled end token is treated as control: plain text cannot produce it.
  EXPECT_TRUE(tok->is_control(im_end));
  EXPECT_EQ(enc(*tok, "<|im_end|>"), bytes_of("<|im_end|>"));
}

TEST(BpeTokenizer, ControlPiecesAreEmptyUnlessSpecial) {
  Vocab v = bpe_vocab({}, {});
  const TokenId ctl = add_token(v, "<|im_start|>", TokenType::kControl);
  const TokenId unused = add_token(v, "[PAD1]", TokenType::kUnused);
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(*tok->token_to_piece(ctl), "");
  EXPECT_EQ(*tok->token_to_piece(ctl, true), "<|im_start|>");
  EXPECT_EQ(*tok->token_to_piece(unused, true), "");
  EXPECT_EQ(*tok->token_to_piece(' '), " ");
  EXPECT_EQ(*tok->token_to_piece('\n'), "\n");
}

TEST(BpeTokenizer, OutOfRangeIdsAreReported) {
  auto tok = make(bpe_vocab({}, {}));
  ASSERT_NE(tok, nullptr);
  auto piece = tok->token_to_piece(256);
  ASSERT_FALSE(piece.is_ok());
  EXPECT_EQ(piece.status().code(), StatusCode::kOutOfRange);
  EXPECT_NE(piece.status().message().find("expected a token id from 0 to 255"), std::string::npos)
      << piece.status().message();
  const std::vector<TokenId> ids{'a', -5};
  auto text = tok->decode(ids);
  ASSERT_FALSE(text.is_ok());
  EXPECT_EQ(text.status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(tok->attributes(-1), 0u);
  EXPECT_EQ(tok->token_text(9999), "");
}

TEST(BpeTokenizer, InvalidUtf8IsRejectedWithItsOffsetNotItsText) {
  auto tok = make(bpe_vocab({}, {}));
  ASSERT_NE(tok, nullptr);
  const std::string text = std::string("secret diary \xC3") + "(";
  auto ids = tok->encode(text);
  ASSERT_FALSE(ids.is_ok());
  EXPECT_EQ(ids.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(ids.status().message().find("expected valid UTF-8"), std::string::npos);
  EXPECT_NE(ids.status().message().find("offset 13"), std::string::npos) << ids.status().message();
  EXPECT_EQ(ids.status().message().find("secret"), std::string::npos);
}

TEST(BpeTokenizer, LongRunsOfWhitespaceAndLettersEncode) {
  auto tok = make(bpe_vocab({"aa", "  "}, {"a|a", " | "}, PreTokenizer::kLlama3));
  ASSERT_NE(tok, nullptr);
  const std::string text = std::string(200000, ' ') + "x" + std::string(100001, 'a');
  auto ids = tok->encode(text, {.add_special = false});
  ASSERT_TRUE(ids.is_ok()) << ids.status().message();
  auto back = tok->decode(*ids);
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(*back, text);
  // 100001 a's: 50000 "aa" and one "a".
  EXPECT_EQ(std::count(ids->begin(), ids->end(), 256), 50000);
}

TEST(BpeTokenizer, EncodingFromManyThreadsGivesTheSameIds) {
  auto tok = make(bpe_vocab({"he", "ll", "hell", "hello"}, {"h|e", "l|l", "he|ll", "hell|o"}));
  ASSERT_NE(tok, nullptr);
  const std::string text = "hello there, hello 123 world!\n  ok";
  const auto expected = enc(*tok, text);
  std::vector<std::vector<TokenId>> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto ids = tok->encode(text, {.add_special = false});
        if (ids.is_ok()) results[t] = *ids;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

// ---- SentencePiece ----

Vocab spm_vocab(bool byte_tokens = true) {
  Vocab v;
  v.model = VocabModel::kSpm;
  v.pre = PreTokenizer::kNone;
  auto add = [&](const std::string& text, TokenType type, float score) {
    v.tokens.push_back(text);
    v.types.push_back(type);
    v.scores.push_back(score);
  };
  add("<unk>", TokenType::kUnknown, 0);
  add("<s>", TokenType::kControl, 0);
  add("</s>", TokenType::kControl, 0);
  if (byte_tokens) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (int b = 0; b < 256; ++b) add(std::string("<0x") + kHex[b >> 4] + kHex[b & 15] + ">", TokenType::kByte, 0);
  }
  // Normal pieces; a higher score merges first.
  for (const auto& [text, score] : std::vector<std::pair<std::string, float>>{
           {"\xe2\x96\x81", -1},  {"h", -2},   {"e", -3},   {"l", -4},    {"o", -5},
           {"he", -7},            {"ll", -8},  {"hell", -9}, {"hello", -10}, {"\xe2\x96\x81hello", -11},
           {"<", -12},            {"/", -13},  {"s", -14},  {">", -15},   {"</", -16},   {"s>", -17}}) {
    add(text, TokenType::kNormal, score);
  }
  v.bos = 1;
  v.eos = 2;
  v.unk = 0;
  v.add_bos = true;
  v.add_space_prefix = true;
  return v;
}

TEST(SpmTokenizer, SpacePrefixAndWholeWordPieces) {
  auto tok = make(spm_vocab());
  ASSERT_NE(tok, nullptr);
  const TokenId hello_word = tok->find_token("\xe2\x96\x81hello");
  ASSERT_NE(hello_word, kNoToken);
  EXPECT_EQ(enc(*tok, "hello"), (std::vector<TokenId>{hello_word}));
  EXPECT_EQ(enc(*tok, "hello", {.add_special = true}), (std::vector<TokenId>{1, hello_word}));
  const TokenId space = tok->find_token("\xe2\x96\x81");
  EXPECT_EQ(enc(*tok, "hello hello"), (std::vector<TokenId>{hello_word, hello_word}));
  EXPECT_EQ(enc(*tok, " hello"), (std::vector<TokenId>{space, hello_word}));
}

TEST(SpmTokenizer, UnknownCharactersFallBackToBytes) {
  auto tok = make(spm_vocab());
  ASSERT_NE(tok, nullptr);
  const TokenId space = tok->find_token("\xe2\x96\x81");
  // "é" is C3 A9: byte tokens are ids 3 + byte.
  EXPECT_EQ(enc(*tok, "\xc3\xa9"), (std::vector<TokenId>{space, 3 + 0xC3, 3 + 0xA9}));
  auto back = tok->decode(enc(*tok, "\xc3\xa9 hello"));
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(*back, "\xc3\xa9 hello");
}

TEST(SpmTokenizer, WithoutByteTokensTheUnknownTokenStandsIn) {
  auto tok = make(spm_vocab(/*byte_tokens=*/false));
  ASSERT_NE(tok, nullptr);
  const TokenId space = tok->find_token("\xe2\x96\x81");
  EXPECT_EQ(enc(*tok, "\xc3\xa9"), (std::vector<TokenId>{space, 0, 0}));
}

TEST(SpmTokenizer, WithoutByteOrUnknownTokensEncodingFailsCleanly) {
  Vocab v = spm_vocab(/*byte_tokens=*/false);
  v.unk = kNoToken;
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  auto ids = tok->encode("\xc3\xa9");
  ASSERT_FALSE(ids.is_ok());
  EXPECT_EQ(ids.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(ids.status().message().find("expected a byte token <0xC3>"), std::string::npos) << ids.status().message();
}

TEST(SpmTokenizer, TypedEndOfSequenceTextStaysText) {
  auto tok = make(spm_vocab());
  ASSERT_NE(tok, nullptr);
  const auto ids = enc(*tok, "</s>");
  EXPECT_EQ(std::count(ids.begin(), ids.end(), 2), 0) << "plain text must not produce </s>";
  auto back = tok->decode(ids);
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(*back, "</s>");
  EXPECT_EQ(enc(*tok, "</s>", {.add_special = false, .parse_special = true}), (std::vector<TokenId>{2}));
}

TEST(SpmTokenizer, TextAfterASpecialTokenGetsASpacePrefix) {
  auto tok = make(spm_vocab());
  ASSERT_NE(tok, nullptr);
  const TokenId hello_word = tok->find_token("\xe2\x96\x81hello");
  EXPECT_EQ(enc(*tok, "hello</s>hello", {.add_special = false, .parse_special = true}),
            (std::vector<TokenId>{hello_word, 2, hello_word}));
}

TEST(SpmTokenizer, DecodeRemovesTheAddedSpaceOnce) {
  auto tok = make(spm_vocab());
  ASSERT_NE(tok, nullptr);
  for (const std::string text : {"hello", " hello", "  hello  ", "", "hello\nhello"}) {
    auto back = tok->decode(enc(*tok, text));
    ASSERT_TRUE(back.is_ok());
    EXPECT_EQ(*back, text);
  }
}

TEST(SpmTokenizer, Phi3SpecialTokensSwallowTheWhitespaceAfterThem) {
  Vocab v = spm_vocab();
  const TokenId user = add_token(v, "<|user|>", TokenType::kUserDefined);
  Vocab phi = v;
  phi.model_name = "phi3";
  auto plain = make(std::move(v));
  auto phi3 = make(std::move(phi));
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(phi3, nullptr);
  EXPECT_EQ(enc(*phi3, "<|user|>\n  hello"), enc(*phi3, "<|user|>hello"));
  EXPECT_NE(enc(*plain, "<|user|>\n  hello"), enc(*plain, "<|user|>hello"));
  EXPECT_EQ(enc(*phi3, "<|user|>hello").front(), user);
  EXPECT_NE(phi3->attributes(user) & token_attr::kRstrip, 0u);
  EXPECT_EQ(plain->attributes(user) & token_attr::kRstrip, 0u);
}

// ---- create() errors ----

Status create_status(Vocab v) {
  auto tok = Tokenizer::create(std::move(v));
  return tok.is_ok() ? Status::ok() : tok.status();
}

void expect_error(Vocab v, StatusCode code, const std::string& fragment) {
  const Status s = create_status(std::move(v));
  ASSERT_FALSE(s.is_ok()) << "expected an error containing: " << fragment;
  EXPECT_EQ(s.code(), code) << s.message();
  EXPECT_NE(s.message().find(fragment), std::string::npos) << s.message();
}

TEST(TokenizerCreate, RejectsInconsistentVocabularies) {
  Vocab empty;
  expect_error(empty, StatusCode::kInvalidArgument, "expected at least one token, found none");

  Vocab dup = spm_vocab();
  dup.tokens[10] = dup.tokens[11];
  expect_error(dup, StatusCode::kInvalidArgument, "expected unique token texts, found token 11");

  Vocab scores = spm_vocab();
  scores.scores.pop_back();
  expect_error(scores, StatusCode::kInvalidArgument, "scores: expected 275 (one per token), found 274");

  Vocab types = spm_vocab();
  types.types.push_back(TokenType::kNormal);
  expect_error(types, StatusCode::kInvalidArgument, "token types: expected 275 (one per token), found 276");

  Vocab bos = spm_vocab();
  bos.bos = 275;
  expect_error(bos, StatusCode::kInvalidArgument, "bos token: expected a token id from 0 to 274 or none, found 275");

  Vocab no_bos = spm_vocab();
  no_bos.bos = kNoToken;
  expect_error(no_bos, StatusCode::kInvalidArgument, "expected a bos token id because add_bos is set");

  Vocab nan = spm_vocab();
  nan.scores[7] = std::nanf("");
  expect_error(nan, StatusCode::kInvalidArgument, "score of token 7: expected a number, found NaN");

  Vocab byte = spm_vocab();
  byte.tokens[3] = "<0xZZ>";
  expect_error(byte, StatusCode::kInvalidArgument, "token 3: expected a byte token written <0xXX>");

  Vocab spm_pre = spm_vocab();
  spm_pre.pre = PreTokenizer::kLlama3;
  expect_error(spm_pre, StatusCode::kInvalidArgument, "expected no pre-tokenizer for SentencePiece, found llama3");

  Vocab bpe_pre = bpe_vocab({}, {});
  bpe_pre.pre = PreTokenizer::kNone;
  expect_error(bpe_pre, StatusCode::kInvalidArgument, "expected a pre-tokenizer for byte-level BPE, found none");

  Vocab merge = bpe_vocab({}, {});
  merge.merges.push_back("nospace");
  expect_error(merge, StatusCode::kInvalidArgument, "merges[0]: expected two token texts separated by a space");
}

TEST(TokenizerCreate, EmptyTokenTextsGetLlamaCppPlaceholders) {
  Vocab v = bpe_vocab({}, {});
  v.tokens.push_back("");
  v.types.push_back(TokenType::kNormal);
  auto tok = make(std::move(v));
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(tok->token_text(256), "[EMPTY_256]");
}

}  // namespace
}  // namespace haven::engine
