// Normalisation: what people type becomes the canonical tokens the lexicon is written in, and every token
// still points at the user's own characters.
#include "safety/text/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace haven::safety::text {
namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(s)) out.push_back(t.text);
  return out;
}

using V = std::vector<std::string>;

TEST(Normalize, FoldsCaseAndUnicodeApostrophes) {
  EXPECT_EQ(words("I\xE2\x80\x99M DONE"), (V{"i", "am", "done"}));
  EXPECT_EQ(words("don't"), (V{"do", "not"}));
  EXPECT_EQ(words("can\xE2\x80\x99t"), (V{"can", "not"}));
  EXPECT_EQ(words("won't"), (V{"will", "not"}));
}

TEST(Normalize, ExpandsContractionsTypedWithoutApostrophes) {
  EXPECT_EQ(words("im fine"), (V{"i", "am", "fine"}));
  EXPECT_EQ(words("i wanna go"), (V{"i", "want", "to", "go"}));
  EXPECT_EQ(words("dont"), (V{"do", "not"}));
}

TEST(Normalize, UndoesStretchingLeetspeakAndMisspellings) {
  EXPECT_EQ(words("diiiiie"), (V{"die"}));
  EXPECT_EQ(words("killllll"), (V{"kill"}));
  EXPECT_EQ(words("k1ll mys3lf"), (V{"kill", "myself"}));
  EXPECT_EQ(words("su1c1d4l"), (V{"suicidal"}));
  EXPECT_EQ(words("sucidal"), (V{"suicidal"}));
  EXPECT_EQ(words("suic*dal"), (V{"suicidal"}));  // censored to dodge filters
  EXPECT_EQ(words("sh*t"), (V{"sht"}));            // not "sh" (self-harm slang)
  EXPECT_EQ(words("mp3"), (V{"mp3"}));  // letters then digits is a name, not leetspeak
  EXPECT_EQ(words("25"), (V{"25"}));
}

TEST(Normalize, RewritesSlangAndEuphemisms) {
  EXPECT_EQ(words("kms"), (V{"kill", "myself"}));
  EXPECT_EQ(words("sewerslide"), (V{"suicide"}));
  EXPECT_EQ(words("ctb"), (V{"suicide"}));
  EXPECT_EQ(words("tn"), (V{"tonight"}));
  EXPECT_EQ(words("kill my self"), (V{"kill", "myself"}));
}

TEST(Normalize, DropsIntensifiersAndJoinsSpacedLetters) {
  EXPECT_EQ(words("want to fucking end it"), (V{"want", "to", "end", "it"}));
  EXPECT_EQ(words("d i e"), (V{"die"}));
  EXPECT_EQ(words("k m s"), (V{"kill", "myself"}));
  EXPECT_EQ(words("a b"), (V{"a", "b"}));  // two letters are just two words
}

TEST(Normalize, JoinsSpacedLettersAsTypedAndKeepsTheCapitalIPronoun) {
  // "w" alone is chat shorthand for "with", but inside spaced-out letters it is a letter.
  EXPECT_EQ(words("I w a n t to d I e"), (V{"i", "want", "to", "die"}));
  EXPECT_EQ(words("k m s"), (V{"kill", "myself"}));
  EXPECT_EQ(words("w u"), (V{"with", "you"}));  // two letters are shorthand, not a spaced word
}

TEST(Normalize, MapsEmojiThatStandForWords) {
  EXPECT_EQ(words("\xF0\x9F\x92\x8A"), (V{"pills"}));      // pill
  EXPECT_EQ(words("dead \xF0\x9F\x98\x82"), (V{"dead", "lol"}));  // face with tears of joy
}

TEST(Normalize, MarksSentenceAndClauseBoundaries) {
  EXPECT_EQ(words("no. really? yes, ok!"), (V{"no", ".", "really", "?", "yes", ",", "ok", "!"}));
  EXPECT_EQ(words("...hello"), (V{"hello"}));  // never starts with a boundary
  EXPECT_EQ(words("a?!."), (V{"a", "?"}));     // the strongest of a run wins
}

TEST(Normalize, KeepsByteAndCodePointSpansOfTheOriginal) {
  const std::string s = "caf\xC3\xA9 I\xE2\x80\x99m sad";
  auto toks = tokenize(s);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[0].text, "cafe");
  EXPECT_EQ(s.substr(toks[0].byte_start, toks[0].byte_end - toks[0].byte_start), "caf\xC3\xA9");
  EXPECT_EQ(toks[0].cp_end, 4u);
  // "I'm" expands to two tokens that share its span.
  EXPECT_EQ(toks[1].text, "i");
  EXPECT_EQ(toks[2].text, "am");
  EXPECT_EQ(toks[1].byte_start, toks[2].byte_start);
  EXPECT_EQ(toks[1].cp_start, 5u);
  EXPECT_EQ(toks[1].cp_end, 8u);
  EXPECT_EQ(toks[3].cp_start, 9u);
}

TEST(Normalize, SurvivesInvalidUtf8) {
  auto toks = tokenize(std::string("sad \xFF\xFE\xC0 day"));
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[1].text, "day");
}

TEST(Normalize, DetectsMostlyNonEnglishText) {
  EXPECT_TRUE(is_mostly_non_english("No puedo más, quiero morirme, nadie me entiende y estoy cansada"));
  EXPECT_TRUE(is_mostly_non_english("Ich kann nicht mehr, ich will nicht mehr leben, alles ist sinnlos"));
  EXPECT_TRUE(is_mostly_non_english("\xD0\xAF \xD0\xBD\xD0\xB5 \xD1\x85\xD0\xBE\xD1\x87\xD1\x83 \xD0\xB6\xD0\xB8\xD1\x82\xD1\x8C"));
  EXPECT_FALSE(is_mostly_non_english("I feel so tired of everything and I don't know what to do"));
  EXPECT_FALSE(is_mostly_non_english("hola"));  // too short to say
  EXPECT_FALSE(is_mostly_non_english("I went to the café in Málaga with my friend"));
}

TEST(Normalize, CanonicalWordMatchesWhatTokenizeProduces) {
  EXPECT_EQ(canonical_word("Myself"), "myself");
  EXPECT_EQ(canonical_word("KILL"), "kill");
}

TEST(Normalize, ReadsRiskWordsCensoredWithAsterisks) {
  EXPECT_EQ(words("k*ll myself"), (V{"kill", "myself"}));
  EXPECT_EQ(words("s**cide"), (V{"suicide"}));
  EXPECT_EQ(words("suic*dal"), (V{"suicidal"}));
  // A censored swear word is not turned into a risk word, and two possible readings give none.
  EXPECT_EQ(words("f*ck"), (V{"fck"}));
  EXPECT_EQ(words("dea**"), (V{"dea"}));  // "dead" or "death"
}

TEST(Normalize, FixesHurriedMisspellingsOfDistressWords) {
  EXPECT_EQ(words("i wnat to dissapear"), (V{"i", "want", "to", "disappear"}));
  EXPECT_EQ(words("so lonley and tierd"), (V{"so", "lonely", "and", "tired"}));
}

TEST(Normalize, KeepsFlippingAsAVerb) {
  // "flipping my car" is a method; as an intensifier it would vanish and the phrase with it.
  EXPECT_EQ(words("flipping my car"), (V{"flipping", "my", "car"}));
}

}  // namespace
}  // namespace haven::safety::text
