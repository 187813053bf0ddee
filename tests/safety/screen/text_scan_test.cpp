#include "safety/screen/text_scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "safety/screen/reply_screener.h"

namespace haven::safety::scan {
namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) out.push_back(t.norm);
  return out;
}

TEST(TextScanTest, FoldsCaseQuotesAndExpandsContractions) {
  EXPECT_EQ(words("I\xE2\x80\x99m NOT sure you\xE2\x80\x99re right, don't worry"),
            (std::vector<std::string>{"i", "am", "not", "sure", "you", "are", "right", "do", "not", "worry"}));
  EXPECT_EQ(words("dont cant im"), (std::vector<std::string>{"do", "not", "can", "not", "i", "am"}));
  EXPECT_EQ(words("John's book"), (std::vector<std::string>{"john", "book"}));
}

TEST(TextScanTest, KeepsNumbersWholeAndSplitsUnits) {
  EXPECT_EQ(words("25m tall, 3.5 mg, 1,000 kg"),
            (std::vector<std::string>{"25", "m", "tall", "3.5", "mg", "1000", "kg"}));
  auto t = tokenize("about 184m");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_TRUE(t[1].numeric);
  EXPECT_FALSE(t[2].numeric);
}

TEST(TextScanTest, TokensPointAtTheirBytes) {
  std::string text = "Caf\xC3\xA9 \xE2\x80\x9C" "Brooklyn Bridge\xE2\x80\x9D";
  auto t = tokenize(text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(text.substr(t[1].start, t[1].end - t[1].start), "Brooklyn");
  EXPECT_TRUE(t[1].capitalized);
  EXPECT_TRUE(t[0].first);
}

TEST(TextScanTest, PatternAlternativesGapsOptionalAndPrefix) {
  auto p = Pattern::compile("(lethal|fatal) dose*");
  ASSERT_TRUE(p.is_ok()) << p.status().message();
  EXPECT_TRUE(p->find(tokenize("two fatal doses of it")).has_value());
  EXPECT_FALSE(p->find(tokenize("a fatal error")).has_value());

  auto gap = Pattern::compile("fall ~3 #num (m|meters)");
  ASSERT_TRUE(gap.is_ok());
  auto m = gap->find(tokenize("a fall from about 30 meters"));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->first_token, 1u);
  EXPECT_FALSE(gap->find(tokenize("a fall from the very very high 30 meters")).has_value());

  auto opt = Pattern::compile("i am (really)? human");
  ASSERT_TRUE(opt.is_ok());
  EXPECT_TRUE(opt->find(tokenize("I'm human")).has_value());
  EXPECT_TRUE(opt->find(tokenize("I am really human")).has_value());

  auto cap = Pattern::compile("#cap bridge");
  ASSERT_TRUE(cap.is_ok());
  EXPECT_TRUE(cap->find(tokenize("the Brooklyn Bridge")).has_value());
  EXPECT_FALSE(cap->find(tokenize("Bridge building")).has_value());  // first word: a capital means nothing
}

TEST(TextScanTest, MalformedPatternsAreRejectedWithAClearMessage) {
  for (const char* bad : {"(a|b", "(a||b)", "~x", "", "a )", "(a (b))"}) {
    auto p = Pattern::compile(bad);
    EXPECT_FALSE(p.is_ok()) << bad;
    if (!p.is_ok()) {
      EXPECT_NE(p.status().message().find("expected"), std::string::npos) << p.status().message();
    }
  }
}

TEST(TextScanTest, EveryBuiltInPatternCompiles) {
  // Touch every lazily built rule set, then ask for failures.
  screen::screen_reply("I can not. They are watching you. 3 mg. Take the bus.",
                       screen::ScreenContext::from_conversation({{"user", "I want to die"}}, Level::kHigh));
  // The whole-reply reading: a means question after distress, answered without care.
  screen::screen_reply("The late freight comes through a bit after eleven. Safe walks!",
                       screen::ScreenContext::from_conversation(
                           {{"user", "I lost my job and I feel hopeless. When does the freight train pass the crossing?"}},
                           Level::kModerate));
  screen::screen_reply("Sort them by colour.", [] {
    screen::ScreenContext x;
    x.compulsion = x.mania = x.psychosis = true;
    x.risk = Level::kHigh;
    return x;
  }());
  EXPECT_TRUE(compile_failures().empty()) << compile_failures().front();
}

TEST(TextScanTest, SentenceEndsNeedWhitespaceOrLineBreak) {
  EXPECT_EQ(sentence_end("Hello there. How", false), 13u);
  EXPECT_EQ(sentence_end("Take 3.5 mg", false), std::string_view::npos);
  EXPECT_EQ(sentence_end("Take 3.", false), std::string_view::npos);  // "3.5" may still come
  EXPECT_EQ(sentence_end("Take 3.", true), 7u);
  EXPECT_EQ(sentence_end("1. George Washington Bridge\n2.", false), 28u);
  EXPECT_EQ(sentence_end("Really?! Yes", false), 9u);
  EXPECT_EQ(sentence_end("He said \xE2\x80\x9Cno.\xE2\x80\x9D Then", false), 18u);
  EXPECT_EQ(sentence_end("", true), std::string_view::npos);
}

TEST(TextScanTest, CodePointOffsets) {
  std::string s = "\xC3\xA9t\xC3\xA9 bridge";
  EXPECT_EQ(code_points_before(s, 0), 0u);
  EXPECT_EQ(code_points_before(s, 5), 3u);
  EXPECT_EQ(code_points_before(s, 1000), 10u);
}

}  // namespace
}  // namespace haven::safety::scan
