#include "companion/practice/practice.h"

#include <gtest/gtest.h>

namespace haven::companion {
namespace {

TEST(PracticeTest, ThoughtRecordCollectsEveryFieldInOrder) {
  auto flow = PracticeFlow::start(PracticeKind::kThoughtRecord);
  std::vector<std::string> keys;
  int i = 0;
  while (!flow->done()) {
    keys.push_back(flow->current().key);
    ASSERT_TRUE(flow->answer("answer " + std::to_string(i++)).is_ok());
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"situation", "thought", "feelings", "evidence_for",
                                            "evidence_against", "balanced", "feelings_after"}));
  std::string record = flow->render_record();
  EXPECT_NE(record.find("Thought record"), std::string::npos);
  EXPECT_NE(record.find("answer 0"), std::string::npos);
  EXPECT_NE(record.find("answer 6"), std::string::npos);
}

TEST(PracticeTest, RequiredAnswersCannotBeEmptyOrSkipped) {
  auto flow = PracticeFlow::start(PracticeKind::kGrounding);
  EXPECT_EQ(flow->answer("   ").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(flow->skip().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(flow->current().key, "see");
  EXPECT_EQ(flow->answer("\xFF").code(), StatusCode::kInvalidArgument);
}

TEST(PracticeTest, MoodCheckInAllowsSkippingOptionalQuestions) {
  auto flow = PracticeFlow::start(PracticeKind::kMoodCheckIn);
  ASSERT_TRUE(flow->answer("6").is_ok());
  while (!flow->done()) ASSERT_TRUE(flow->skip().is_ok());
  EXPECT_EQ(flow->answers().size(), 5u);
  EXPECT_EQ(flow->answers()[0].answer, "6");
}

TEST(PracticeTest, TherapyPrepShowsRecentThemes) {
  auto flow = PracticeFlow::start(PracticeKind::kTherapyPrep, {"sleep has been hard", "talked to my sister"});
  ASSERT_TRUE(flow->answer("work").is_ok());
  while (!flow->done()) ASSERT_TRUE(flow->skip().is_ok());
  std::string record = flow->render_record();
  EXPECT_NE(record.find("sleep has been hard"), std::string::npos);
  EXPECT_NE(record.find("work"), std::string::npos);
}

TEST(PracticeTest, NamesRoundTrip) {
  for (auto k : {PracticeKind::kThoughtRecord, PracticeKind::kGrounding, PracticeKind::kMoodCheckIn,
                 PracticeKind::kTherapyPrep}) {
    EXPECT_EQ(practice_from_name(practice_name(k)), k);
  }
  EXPECT_FALSE(practice_from_name("nonsense").has_value());
}

}  // namespace
}  // namespace haven::companion
