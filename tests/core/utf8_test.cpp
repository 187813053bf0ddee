#include "core/utf8.h"

#include <gtest/gtest.h>

namespace haven {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(utf8::is_valid("plain"));
  EXPECT_TRUE(utf8::is_valid("Wie geht's dir heute? \xE2\x98\x80 \xF0\x9F\x98\x8A"));
  EXPECT_TRUE(utf8::is_valid(""));
}

TEST(Utf8Test, RejectsMalformedSequences) {
  EXPECT_FALSE(utf8::is_valid("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(utf8::is_valid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(utf8::is_valid("abc\xE2\x98"));       // truncated
  EXPECT_FALSE(utf8::is_valid("\x80"));              // lone continuation
  EXPECT_EQ(utf8::first_invalid("ab\xFF"), 2u);
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x8A";
  size_t pos = 0;
  std::string out;
  while (pos < s.size()) utf8::append(out, utf8::decode_next(s, pos));
  EXPECT_EQ(out, s);
  EXPECT_EQ(utf8::count_code_points(s), 4u);
}

TEST(Utf8Test, CompletePrefixHoldsBackASplitCharacter) {
  std::string smile = "\xF0\x9F\x98\x8A";
  for (size_t cut = 1; cut < 4; ++cut) {
    std::string partial = "hi " + smile.substr(0, cut);
    EXPECT_EQ(utf8::complete_prefix_length(partial), 3u) << "cut " << cut;
  }
  EXPECT_EQ(utf8::complete_prefix_length("hi " + smile), 7u);
  EXPECT_EQ(utf8::truncate("a\xC3\xA9", 2), "a");
}

}  // namespace
}  // namespace haven
