#include "safety/plan/safety_plan.h"

#include <gtest/gtest.h>

#include <string>

namespace haven::safety::plan {
namespace {

SafetyPlan sample() {
  SafetyPlan p;
  p.warning_signs = {"I stop answering messages", "I can't sleep"};
  p.coping_alone = {"a walk by the canal", "a hot shower"};
  p.people_and_places = {"the library café"};
  p.people_to_ask = {{"Sam", "+44 7700 900123"}, {"my sister", ""}};
  p.professionals = {{"Dr Okafor (GP)", "020 7946 0000"}};
  p.safer_space = {"ask Sam to keep my pills"};
  p.reasons_for_living = {"my cat, Miso"};
  p.updated_unix_ms = 1'700'000'000'000;
  return p;
}

TEST(SafetyPlanTest, SixStepsInOrderWithTitlesAndPrompts) {
  ASSERT_EQ(kAllSteps.size(), 6u);
  for (size_t i = 0; i < kAllSteps.size(); ++i) {
    std::string title(step_title(kAllSteps[i]));
    EXPECT_EQ(title.substr(0, 2), std::to_string(i + 1) + ".");
    EXPECT_FALSE(step_prompt(kAllSteps[i]).empty());
  }
}

TEST(SafetyPlanTest, ASampleValidatesAndCounts) {
  SafetyPlan p = sample();
  EXPECT_TRUE(validate(p).is_ok()) << validate(p).message();
  EXPECT_EQ(p.steps_filled(), 6);
  EXPECT_FALSE(p.empty());
  SafetyPlan blank;
  EXPECT_TRUE(validate(blank).is_ok());  // a draft may be empty
  EXPECT_TRUE(blank.empty());
}

TEST(SafetyPlanTest, ValidationNamesTheStepAndItem) {
  SafetyPlan p = sample();
  p.coping_alone.push_back("   ");
  Status s = validate(p);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("things I can do on my own item 3"), std::string::npos) << s.message();

  p = sample();
  p.warning_signs[0] = std::string(kMaxItemBytes + 1, 'x');
  EXPECT_NE(validate(p).message().find("at most 500 bytes"), std::string::npos);

  p = sample();
  p.warning_signs[0] = "bad \xFF bytes";
  EXPECT_NE(validate(p).message().find("UTF-8"), std::string::npos);

  p = sample();
  p.warning_signs[0] = "line\nbreak";
  EXPECT_NE(validate(p).message().find("control character"), std::string::npos);

  p = sample();
  p.people_to_ask[0].phone = "call me maybe";
  EXPECT_NE(validate(p).message().find("phone number"), std::string::npos);

  p = sample();
  p.professionals[0].name = "";
  EXPECT_FALSE(validate(p).is_ok());

  p = sample();
  p.safer_space.assign(kMaxItemsPerStep + 1, "x");
  EXPECT_NE(validate(p).message().find("at most 20 items"), std::string::npos);

  p = sample();
  p.updated_unix_ms = -1;
  EXPECT_FALSE(validate(p).is_ok());
}

TEST(SafetyPlanTest, RenderingListsEveryStepAndTheCrisisLine) {
  std::string text = render_text(sample(), *resources::find_country("GB"));
  size_t last = 0;
  for (Step s : kAllSteps) {
    size_t at = text.find(step_title(s));
    ASSERT_NE(at, std::string::npos) << step_title(s);
    EXPECT_GT(at, last);
    last = at;
  }
  EXPECT_NE(text.find("my cat, Miso"), std::string::npos);
  EXPECT_LT(text.find("my cat, Miso"), text.find(step_title(Step::kWarningSigns)));  // reasons first
  EXPECT_NE(text.find("Sam: +44 7700 900123"), std::string::npos);
  EXPECT_NE(text.find("Samaritans: 116 123"), std::string::npos);
  EXPECT_NE(text.find("Emergency services: 999 or 112"), std::string::npos);
}

TEST(SafetyPlanTest, AnEmptyPlanStillShowsWhereToGetHelp) {
  std::string text = render_text(SafetyPlan{}, resources::generic_resources());
  EXPECT_NE(text.find("(nothing here yet)"), std::string::npos);
  EXPECT_NE(text.find("your local emergency number"), std::string::npos);
}

}  // namespace
}  // namespace haven::safety::plan
