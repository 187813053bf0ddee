// The phrase matcher: the small pattern language the lexicon is written in.
#include "safety/risk/phrase_matcher.h"

#include <gtest/gtest.h>

#include "safety/risk/lexicon.h"

namespace haven::safety::risk {
namespace {

std::vector<PhraseMatch> run(const PhraseMatcher& m, std::string_view s) {
  std::vector<PhraseMatch> out;
  m.find_all(text::tokenize(s), out);
  return out;
}

TEST(PhraseMatcher, MatchesWordsAlternativesPrefixesAndRuns) {
  PhraseMatcher m;
  std::string err;
  ASSERT_EQ(m.add("want|wish ~2 to die", &err), 0u) << err;
  ASSERT_EQ(m.add("overdos* on", &err), 1u) << err;
  ASSERT_EQ(m.add("no ~2 reason ~3 live|keep_going", &err), 2u) << err;
  auto a = run(m, "I really wish so much to die");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].pattern, 0u);
  EXPECT_EQ(a[0].first, 2u);
  EXPECT_EQ(a[0].last, 6u);
  EXPECT_EQ(run(m, "overdosing on pills").size(), 1u);
  EXPECT_EQ(run(m, "no reason left to keep going").size(), 1u);
  EXPECT_EQ(run(m, "I want to live").size(), 0u);
}

TEST(PhraseMatcher, DollarMatchesTheEndOfAClauseOrOfTheText) {
  PhraseMatcher m;
  std::string err;
  ASSERT_EQ(m.add("i am ?so done $", &err), 0u) << err;
  ASSERT_EQ(m.add("done $ bye", &err), 1u) << err;
  EXPECT_EQ(run(m, "I'm so done.").size(), 1u);
  EXPECT_EQ(run(m, "honestly i'm done").size(), 1u);  // the end of the text
  EXPECT_EQ(run(m, "I'm done, really").size(), 1u);
  EXPECT_EQ(run(m, "I'm so done with this essay").size(), 0u);
  auto a = run(m, "Done. Bye");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].pattern, 1u);  // "$" steps over the full stop between the words
  EXPECT_EQ(a[0].last, 2u);
  EXPECT_EQ(run(m, "I'm done bye").size(), 0u);
  // "$" never starts a pattern: it could match at any boundary of any text.
  EXPECT_EQ(m.add("$ done", &err), SIZE_MAX);
  EXPECT_NE(err.find("'$'"), std::string::npos) << err;
}

// "$" may also be one alternative of a list: the clause may end there, or one of the words follow.
TEST(PhraseMatcher, DollarAsOneAlternativeOfAList) {
  PhraseMatcher m;
  std::string err;
  ASSERT_EQ(m.add("took ~1 them ~1 all ~1 $|now|tonight", &err), 0u) << err;
  EXPECT_EQ(run(m, "took them all.").size(), 1u);
  EXPECT_EQ(run(m, "took them all").size(), 1u);  // the end of the text
  EXPECT_EQ(run(m, "took them all now").size(), 1u);
  EXPECT_EQ(run(m, "took them all to the zoo").size(), 0u);
  EXPECT_EQ(m.add("$|done bye", &err), SIZE_MAX) << "a list with '$' cannot start a pattern either";
}

// Ordinals are numbers ("on the 14th", "my 3rd attempt").
TEST(PhraseMatcher, OrdinalsAreNumbers) {
  PhraseMatcher m;
  ASSERT_EQ(m.add("attempted on the #", nullptr), 0u);
  EXPECT_EQ(run(m, "I attempted on the 14th").size(), 1u);
  EXPECT_EQ(run(m, "I attempted on the 2nd").size(), 1u);
  EXPECT_EQ(run(m, "I attempted on the tenth").size(), 1u);
  EXPECT_EQ(run(m, "I attempted on the 14x").size(), 0u);
}

TEST(PhraseMatcher, GapsNeverCrossBoundaries) {
  PhraseMatcher m;
  ASSERT_EQ(m.add("want ~3 die", nullptr), 0u);
  EXPECT_EQ(run(m, "I want it. Plants die").size(), 0u);
  EXPECT_EQ(run(m, "I want, no, die").size(), 0u);
  EXPECT_EQ(run(m, "I want to just die").size(), 1u);
}

TEST(PhraseMatcher, OptionalElementsAndNumbers) {
  PhraseMatcher m;
  ASSERT_EQ(m.add("took ?all # pills", nullptr), 0u);
  ASSERT_EQ(m.add("took ## pills", nullptr), 1u);
  auto a = run(m, "I took twenty pills");
  ASSERT_EQ(a.size(), 2u);
  auto b = run(m, "I took 2 pills");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].pattern, 0u);  // 2 is a number but not ten or more
  EXPECT_EQ(run(m, "took all 3 pills").size(), 1u);
}

TEST(PhraseMatcher, RejectsMalformedPatternsWithAClearMessage) {
  PhraseMatcher m;
  std::string err;
  EXPECT_EQ(m.add("~2 die", &err), SIZE_MAX);
  EXPECT_NE(err.find("expected a word as the first element"), std::string::npos);
  EXPECT_EQ(m.add("die ~x", &err), SIZE_MAX);
  EXPECT_NE(err.find("expected a number after '~'"), std::string::npos);
  EXPECT_EQ(m.add("a||b", &err), SIZE_MAX);
  EXPECT_EQ(m.add("die ~3", &err), SIZE_MAX);
  EXPECT_EQ(m.add("k* x", &err), SIZE_MAX);
  EXPECT_EQ(m.add("", &err), SIZE_MAX);
  EXPECT_EQ(m.size(), 0u);
}

TEST(Lexicon, CompilesEveryBuiltInRule) {
  const Lexicon& lex = lexicon();
  EXPECT_GT(lex.rules.size(), 300u);
  EXPECT_EQ(lex.rules.size(), lex.matcher.size());
}


// Number words are numbers whatever else the matcher holds (a matcher of only "#" and prefix patterns once
// missed "five"), and "##" at the start of a pattern accepts the big numbers "#" does not.
TEST(PhraseMatcher, NumberWordsAreNumbersInAnyMatcher) {
  PhraseMatcher only_numbers;
  std::string error;
  ASSERT_NE(only_numbers.add("# pill*", &error), SIZE_MAX) << error;
  std::vector<PhraseMatch> found;
  only_numbers.find_all(text::tokenize("five pills"), found);
  EXPECT_EQ(found.size(), 1u);
  PhraseMatcher big;
  ASSERT_NE(big.add("## pills", &error), SIZE_MAX) << error;
  found.clear();
  big.find_all(text::tokenize("dozens pills and hundreds pills but two pills"), found);
  EXPECT_EQ(found.size(), 2u);
}

}  // namespace
}  // namespace haven::safety::risk
