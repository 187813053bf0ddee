// The regex pre-tokenizers split text the way the published patterns say (expectations worked out by
// hand from each pattern's alternatives), and always cover the input exactly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/tokenizer/byte_unicode.h"
#include "engine/tokenizer/pre_tokenizer.h"

namespace haven::engine {
namespace {

std::vector<std::string> split(PreTokenizer pre, std::string_view text) {
  auto splitter = RegexPreTokenizer::create(pre);
  EXPECT_TRUE(splitter.is_ok()) << splitter.status().message();
  if (!splitter.is_ok()) return {};
  std::vector<TextSpan> spans;
  const Status s = (*splitter)->split(text, spans);
  EXPECT_TRUE(s.is_ok()) << s.message();
  std::vector<std::string> out;
  for (const TextSpan& span : spans) out.emplace_back(text.substr(span.offset, span.length));
  return out;
}

const std::string kSample = "I'm feeling m\xc3\xbc" "de today\xe2\x80\xa6  12345 tokens!\n\n\xc3\x9c" "ber-good \xf0\x9f\x98\x8a";

TEST(PreTokenizer, Llama3GroupsDigitsByThreeAndKeepsPunctuationWithNewlines) {
  const std::vector<std::string> expected = {
      "I", "'m", " feeling", " m\xc3\xbc" "de", " today", "\xe2\x80\xa6", " ", " ", "123", "45", " tokens",
      "!\n\n", "\xc3\x9c" "ber", "-good", " \xf0\x9f\x98\x8a"};
  EXPECT_EQ(split(PreTokenizer::kLlama3, kSample), expected);
}

TEST(PreTokenizer, Qwen2SplitsEveryDigit) {
  const std::vector<std::string> expected = {
      "I", "'m", " feeling", " m\xc3\xbc" "de", " today", "\xe2\x80\xa6", " ", " ", "1", "2", "3", "4", "5",
      " tokens", "!\n\n", "\xc3\x9c" "ber", "-good", " \xf0\x9f\x98\x8a"};
  EXPECT_EQ(split(PreTokenizer::kQwen2, kSample), expected);
}

TEST(PreTokenizer, Gpt2KeepsNumbersWholeAndLeavesLoneNewlinesAsPieces) {
  const std::vector<std::string> expected = {
      "I", "'m", " feeling", " m\xc3\xbc" "de", " today", "\xe2\x80\xa6", " ", " 12345", " tokens", "!", "\n",
      "\n", "\xc3\x9c" "ber", "-", "good", " \xf0\x9f\x98\x8a"};
  EXPECT_EQ(split(PreTokenizer::kGpt2, kSample), expected);
}

TEST(PreTokenizer, ContractionsAreCaseInsensitiveOnlyForAsciiLetters) {
  EXPECT_EQ(split(PreTokenizer::kLlama3, "WE'RE"), (std::vector<std::string>{"WE", "'RE"}));
  // U+017F (long s) folds to "s" under Unicode case folding; the llama.cpp form [sS] does not match it.
  EXPECT_EQ(split(PreTokenizer::kLlama3, "it'\xc5\xbf"), (std::vector<std::string>{"it", "'\xc5\xbf"}));
  // GPT-2's contractions are lowercase only.
  EXPECT_EQ(split(PreTokenizer::kGpt2, "WE'RE"), (std::vector<std::string>{"WE", "'", "RE"}));
}

TEST(PreTokenizer, NextLineCountsAsWhitespaceAsInLlamaCppAndHuggingFace) {
  // U+0085 is White_Space in Unicode, but not \s in PCRE2; the patterns add it.
  EXPECT_EQ(split(PreTokenizer::kLlama3, "!\xc2\x85x"), (std::vector<std::string>{"!", "\xc2\x85x"}));
  EXPECT_EQ(split(PreTokenizer::kQwen2, "a\xc2\x85\xc2\x85" "b"),
            (std::vector<std::string>{"a", "\xc2\x85", "\xc2\x85" "b"}));
  EXPECT_EQ(split(PreTokenizer::kGpt2, "a\xc2\x85\xc2\x85 b"), (std::vector<std::string>{"a", "\xc2\x85\xc2\x85", " b"}));
  // Other Unicode spaces were already \s: NO-BREAK SPACE and IDEOGRAPHIC SPACE.
  EXPECT_EQ(split(PreTokenizer::kLlama3, "!\xc2\xa0x"), (std::vector<std::string>{"!", "\xc2\xa0x"}));
  EXPECT_EQ(split(PreTokenizer::kLlama3, "!\xe3\x80\x80x"), (std::vector<std::string>{"!", "\xe3\x80\x80x"}));
}

TEST(PreTokenizer, PiecesAlwaysCoverTheInput) {
  const std::vector<std::string> texts = {
      "", " ", "\n", "\t\t\n \r\n", "a", "3.14159", "  \xc2\xa0\xe2\x80\x83 x", "''''", "x'", "\xe4\xb8\x96\xe7\x95\x8c",
      kSample, std::string(5000, ' ') + "z", "!!!???...", "\xf0\x9f\x98\x8a\xf0\x9f\x98\x8a\xe2\x80\x8d"};
  for (PreTokenizer pre : {PreTokenizer::kDefault, PreTokenizer::kGpt2, PreTokenizer::kLlama3, PreTokenizer::kQwen2}) {
    for (const std::string& text : texts) {
      std::string joined;
      for (const std::string& piece : split(pre, text)) {
        EXPECT_FALSE(piece.empty());
        joined += piece;
      }
      EXPECT_EQ(joined, text) << pre_tokenizer_name(pre);
    }
  }
}

TEST(PreTokenizer, RejectsInvalidUtf8AndSentencePiece) {
  auto splitter = RegexPreTokenizer::create(PreTokenizer::kLlama3);
  ASSERT_TRUE(splitter.is_ok());
  std::vector<TextSpan> spans{{1, 2}};
  const Status s = (*splitter)->split("ok\xff", spans);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("offset 2"), std::string::npos) << s.message();
  EXPECT_TRUE(spans.empty());
  auto none = RegexPreTokenizer::create(PreTokenizer::kNone);
  ASSERT_FALSE(none.is_ok());
  EXPECT_EQ(none.status().code(), StatusCode::kInvalidArgument);
}

TEST(ByteUnicode, MapsEveryByteToOnePrintableCodePointAndBack) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const std::string mapped = byte_level_encode(all);
  EXPECT_EQ(byte_level_decode(mapped), all);
  EXPECT_EQ(byte_to_unicode_utf8(' '), "\xc4\xa0");   // "Ġ" U+0120
  EXPECT_EQ(byte_to_unicode_utf8('\n'), "\xc4\x8a");  // "Ċ" U+010A
  EXPECT_EQ(byte_to_unicode_utf8('A'), "A");
  EXPECT_EQ(byte_to_unicode_utf8(0xAD), "\xc5\x83");  // soft hyphen is not printable: "Ń" U+0143
  EXPECT_EQ(unicode_to_byte(0x0120), ' ');
  EXPECT_EQ(unicode_to_byte(0x4E16), -1);
  // Code points outside the table pass through as they are.
  EXPECT_EQ(byte_level_decode("\xe4\xb8\x96" "A"), "\xe4\xb8\x96" "A");
}

}  // namespace
}  // namespace haven::engine
