#include "companion/context/context_builder.h"

#include <gtest/gtest.h>

namespace haven::companion {
namespace {

// One token per word: easy to reason about in tests.
size_t words(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

ContextInputs conversation(size_t turns) {
  ContextInputs in;
  in.system_prompt = "You are Haven.";
  for (size_t i = 0; i < turns; ++i) {
    in.turns.push_back({i % 2 == 0 ? "user" : "assistant",
                        "turn " + std::to_string(i) + " with some words in it here"});
  }
  return in;
}

TEST(ContextBuilderTest, EverythingFitsInABigWindow) {
  auto in = conversation(5);
  in.memory_items = {"Has a sister called Ana", "Wants to sleep before midnight"};
  in.safety_instructions = {"Do not give method information."};
  auto built = build_context(in, {4096, 256}, words);
  ASSERT_EQ(built.messages.size(), 6u);
  EXPECT_EQ(built.messages[0].role, "system");
  EXPECT_NE(built.messages[0].content.find("Do not give method information."), std::string::npos);
  EXPECT_NE(built.messages[0].content.find("Has a sister called Ana"), std::string::npos);
  EXPECT_EQ(built.first_included_turn, 0u);
  EXPECT_FALSE(built.needs_summary);
  EXPECT_EQ(built.messages.back().content, in.turns.back().content);
}

TEST(ContextBuilderTest, OldTurnsThatDoNotFitAreReportedForSummary) {
  auto in = conversation(40);
  auto built = build_context(in, {200, 50}, words);
  EXPECT_GT(built.first_included_turn, 0u);
  EXPECT_TRUE(built.needs_summary);
  EXPECT_LE(built.tokens, 150u + 40u);  // within budget, allowing the estimate of overhead
  EXPECT_EQ(built.messages.back().content, in.turns.back().content) << "the newest turn is always there";
}

TEST(ContextBuilderTest, SummarisedTurnsAreNotRepeatedAndTheSummaryIsIncluded) {
  auto in = conversation(10);
  in.earlier_summary = "They talked about work stress.";
  in.summary_covers_turns = 6;
  auto built = build_context(in, {4096, 256}, words);
  EXPECT_EQ(built.first_included_turn, 6u);
  EXPECT_FALSE(built.needs_summary);
  EXPECT_EQ(built.messages.size(), 1u + 4u);
  EXPECT_NE(built.messages[0].content.find("They talked about work stress."), std::string::npos);
}

TEST(ContextBuilderTest, AHugeLastMessageIsCutToItsEnd) {
  ContextInputs in;
  in.system_prompt = "sys";
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "word ";
  big += "FINAL";
  in.turns.push_back({"user", big});
  auto built = build_context(in, {300, 50}, words);
  ASSERT_EQ(built.messages.size(), 2u);
  EXPECT_LT(built.messages[1].content.size(), big.size());
  EXPECT_NE(built.messages[1].content.find("FINAL"), std::string::npos);
}

TEST(ContextBuilderTest, MemoryThatDoesNotFitIsCountedAsDropped) {
  auto in = conversation(1);
  for (int i = 0; i < 50; ++i) in.memory_items.push_back("memory item number " + std::to_string(i));
  auto built = build_context(in, {120, 20}, words);
  EXPECT_GT(built.dropped_memory_items, 0u);
  EXPECT_LE(built.tokens, 100u + 20u);
}

}  // namespace
}  // namespace haven::companion
