#include "companion/memory/memory_proposal.h"

#include <gtest/gtest.h>

namespace haven::companion {
namespace {

TEST(MemoryProposalTest, ParsesTheRequestedForm) {
  auto p = parse_memory_proposal(
      "Summary: We talked about a hard week at work.\n"
      "- fact: Works as a nurse on night shifts\n"
      "* goal: Sleep before midnight\n"
      "**theme**: Feeling unseen by the team\n"
      "person: Ana, a sister who listens\n"
      "try: A ten-minute walk after shifts\n");
  EXPECT_EQ(p.summary, "We talked about a hard week at work.");
  ASSERT_EQ(p.items.size(), 5u);
  EXPECT_EQ(p.items[0].kind, MemoryKind::kFact);
  EXPECT_EQ(p.items[2].kind, MemoryKind::kTheme);
  EXPECT_EQ(p.items[2].text, "Feeling unseen by the team");
  EXPECT_EQ(p.items[4].kind, MemoryKind::kTry);
}

TEST(MemoryProposalTest, IgnoresChatterCapsCountAndLengthAndDropsDuplicates) {
  std::string reply = "Sure! Here is what I would remember:\n\nfact: same\nfact: same\n";
  for (int i = 0; i < 20; ++i) reply += "goal: goal " + std::to_string(i) + "\n";
  reply += "theme: " + std::string(2000, 'x') + "\n";
  auto p = parse_memory_proposal(reply);
  EXPECT_EQ(p.items.size(), kMaxProposedItems);
  EXPECT_EQ(p.items[0].text, "same");
  EXPECT_NE(p.items[1].text, "same");
  for (const auto& item : p.items) EXPECT_LE(item.text.size(), kMaxItemBytes);
}

TEST(MemoryProposalTest, GarbageYieldsAnEmptyProposal) {
  auto p = parse_memory_proposal(std::string("\0\xFF\xFE::::\n\n", 9));
  EXPECT_TRUE(p.summary.empty());
  EXPECT_TRUE(p.items.empty());
}

}  // namespace
}  // namespace haven::companion
