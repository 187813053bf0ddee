#include "safety/policy/response_policy.h"

#include <gtest/gtest.h>

#include <string>

#include "safety/screen/reply_screener.h"

namespace haven::safety::policy {
namespace {

RiskPicture with(Category c, Level l) {
  RiskPicture r;
  r.set(c, l);
  return r;
}

PolicyContext in(const char* country, bool plan = false) {
  PolicyContext ctx;
  ctx.country = resources::find_country(country);
  ctx.has_safety_plan = plan;
  return ctx;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

bool any_instruction(const Decision& d, std::string_view part) {
  for (const auto& i : d.model_instructions) {
    if (contains(i, part)) return true;
  }
  return false;
}

bool has_resource(const Decision& d, std::string_view number) {
  for (const auto& r : d.resources) {
    if (r.number == number) return true;
  }
  return false;
}

TEST(ResponsePolicyTest, NoRiskMeansNoInterruption) {
  Decision d = decide(RiskPicture{}, in("US"));
  EXPECT_EQ(d.kind, ResponseKind::kNone);
  EXPECT_TRUE(d.immediate_text.empty());
  EXPECT_TRUE(d.resources.empty());
  EXPECT_TRUE(d.model_instructions.empty());
  EXPECT_TRUE(d.model_may_reply);
  EXPECT_FALSE(d.screen_before_showing);
}

TEST(ResponsePolicyTest, HighSuicideRiskGetsTheFixedCrisisResponseForTheCountry) {
  Decision d = decide(with(Category::kSuicide, Level::kHigh), in("GB", /*plan=*/true));
  EXPECT_EQ(d.kind, ResponseKind::kCrisis);
  EXPECT_TRUE(contains(d.immediate_text, "116 123"));
  EXPECT_TRUE(contains(d.immediate_text, "999"));
  EXPECT_TRUE(contains(d.immediate_text, "safety plan"));
  EXPECT_TRUE(contains(d.immediate_text, "AI"));
  EXPECT_TRUE(d.offer_safety_plan);
  EXPECT_FALSE(d.suggest_making_plan);
  EXPECT_TRUE(d.model_may_reply);  // the conversation stays open
  EXPECT_TRUE(d.screen_before_showing);
  EXPECT_TRUE(has_resource(d, "116 123"));
  EXPECT_TRUE(has_resource(d, "999 or 112"));
  EXPECT_TRUE(any_instruction(d, "Never give information about suicide or self-harm methods"));
  EXPECT_TRUE(any_instruction(d, "crisis line"));
}

TEST(ResponsePolicyTest, ImminentRiskPutsTheEmergencyNumberFirst) {
  Decision d = decide(with(Category::kSuicide, Level::kImminent), in("US"));
  EXPECT_EQ(d.kind, ResponseKind::kCrisis);
  size_t emergency = d.immediate_text.find("911");
  size_t line = d.immediate_text.find("988");
  ASSERT_NE(emergency, std::string::npos);
  ASSERT_NE(line, std::string::npos);
  EXPECT_LT(emergency, line);
  EXPECT_TRUE(contains(d.immediate_text, "stay close to another person"));
  EXPECT_TRUE(any_instruction(d, "immediate danger"));
  EXPECT_TRUE(d.suggest_making_plan);
}

TEST(ResponsePolicyTest, SelfHarmHighGetsItsOwnWording) {
  Decision d = decide(with(Category::kSelfHarm, Level::kHigh), in("AU"));
  EXPECT_EQ(d.kind, ResponseKind::kCrisis);
  EXPECT_TRUE(contains(d.immediate_text, "13 11 14"));
  EXPECT_TRUE(contains(d.immediate_text, "000"));
  EXPECT_TRUE(contains(d.immediate_text, "hurt yourself"));
}

TEST(ResponsePolicyTest, RepeatedTurnsGetAShortReminderNotTheWholeResponseAgain) {
  RiskPicture r = with(Category::kSuicide, Level::kHigh);
  r.carried_from_earlier = true;
  PolicyContext ctx = in("US");
  ctx.crisis_response_shown = true;
  Decision d = decide(r, ctx);
  EXPECT_EQ(d.kind, ResponseKind::kCrisisReminder);
  EXPECT_TRUE(contains(d.immediate_text, "988"));
  EXPECT_LT(d.immediate_text.size(), decide(with(Category::kSuicide, Level::kHigh), in("US")).immediate_text.size());
}

TEST(ResponsePolicyTest, UnknownCountryFallsBackWithoutInventingNumbers) {
  PolicyContext ctx;  // no country
  Decision d = decide(with(Category::kSuicide, Level::kHigh), ctx);
  EXPECT_TRUE(contains(d.immediate_text, "your local emergency number"));
  for (char digit = '0'; digit <= '9'; ++digit) EXPECT_EQ(d.immediate_text.find(digit), std::string::npos);
}

TEST(ResponsePolicyTest, ModerateGetsAGentleCheckInWithResourcesOneStepAway) {
  Decision d = decide(with(Category::kSuicide, Level::kModerate), in("CA"));
  EXPECT_EQ(d.kind, ResponseKind::kCheckIn);
  EXPECT_TRUE(d.resources_one_step_away);
  EXPECT_TRUE(contains(d.immediate_text, "thoughts of ending your life"));  // asks directly
  EXPECT_TRUE(has_resource(d, "988"));
  EXPECT_TRUE(d.screen_before_showing);
  EXPECT_TRUE(any_instruction(d, "one gentle question"));

  Decision eating = decide(with(Category::kEatingDisorder, Level::kModerate), in("CA"));
  EXPECT_EQ(eating.kind, ResponseKind::kCheckIn);
  EXPECT_TRUE(any_instruction(eating, "calorie"));
}

TEST(ResponsePolicyTest, ACheckInOrWorryForSomeoneElseIsNotRepeatedEveryTurn) {
  PolicyContext ctx = in("CA");
  ctx.check_in_shown = true;
  Decision d = decide(with(Category::kSuicide, Level::kModerate), ctx);
  EXPECT_EQ(d.kind, ResponseKind::kCheckIn);
  EXPECT_TRUE(d.immediate_text.empty()) << d.immediate_text;
  EXPECT_FALSE(d.resources_one_step_away);
  // The model is still steered, and the resources are still there for /help.
  EXPECT_TRUE(any_instruction(d, "one gentle question"));
  EXPECT_TRUE(has_resource(d, "988"));
  // A rise to a crisis is never held back by an earlier check-in.
  EXPECT_FALSE(decide(with(Category::kSuicide, Level::kHigh), ctx).immediate_text.empty());

  RiskPicture other = with(Category::kSuicide, Level::kNone);
  other.concern_for_other_person = true;
  EXPECT_FALSE(decide(other, in("CA")).immediate_text.empty());
  PolicyContext shown = in("CA");
  shown.concern_shown = true;
  Decision again = decide(other, shown);
  EXPECT_EQ(again.kind, ResponseKind::kConcernForOther);
  EXPECT_TRUE(again.immediate_text.empty());
}

TEST(ResponsePolicyTest, OtherHighCategoriesGetTheirMatchingResponse) {
  Decision abuse = decide(with(Category::kAbuse, Level::kHigh), in("US"));
  EXPECT_EQ(abuse.kind, ResponseKind::kAbuse);
  EXPECT_TRUE(contains(abuse.immediate_text, "1-800-799-7233"));
  EXPECT_TRUE(contains(abuse.immediate_text, "not your fault"));
  EXPECT_TRUE(has_resource(abuse, "1-800-799-7233"));
  EXPECT_TRUE(any_instruction(abuse, "Do not suggest confronting"));

  Decision substance = decide(with(Category::kSubstance, Level::kHigh), in("US"));
  EXPECT_EQ(substance.kind, ResponseKind::kSubstance);
  EXPECT_TRUE(contains(substance.immediate_text, "911"));
  EXPECT_TRUE(contains(substance.immediate_text, "1-800-222-1222"));

  Decision medical = decide(with(Category::kMedical, Level::kImminent), in("DE"));
  EXPECT_EQ(medical.kind, ResponseKind::kMedical);
  EXPECT_TRUE(contains(medical.immediate_text, "112"));

  Decision others = decide(with(Category::kHarmToOthers, Level::kHigh), in("FR"));
  EXPECT_EQ(others.kind, ResponseKind::kHarmToOthers);
  EXPECT_TRUE(contains(others.immediate_text, "3114"));
  EXPECT_TRUE(any_instruction(others, "Do not help with any plan to hurt anyone"));

  // A country without a domestic-violence line in the table still gets its crisis line.
  Decision abuse_fr = decide(with(Category::kAbuse, Level::kHigh), in("FR"));
  EXPECT_TRUE(contains(abuse_fr.immediate_text, "3114"));
}

TEST(ResponsePolicyTest, SuicideCrisisWinsOverOtherCategoriesButKeepsTheirResources) {
  RiskPicture r = with(Category::kSuicide, Level::kHigh);
  r.set(Category::kAbuse, Level::kHigh);
  Decision d = decide(r, in("GB"));
  EXPECT_EQ(d.kind, ResponseKind::kCrisis);
  EXPECT_TRUE(has_resource(d, "0808 2000 247"));
  EXPECT_TRUE(any_instruction(d, "violence or abuse"));
}

TEST(ResponsePolicyTest, ConcernForSomeoneElseGetsADifferentResponse) {
  RiskPicture r;
  r.concern_for_other_person = true;
  Decision d = decide(r, in("US"));
  EXPECT_EQ(d.kind, ResponseKind::kConcernForOther);
  EXPECT_TRUE(contains(d.immediate_text, "looking out for them"));
  EXPECT_TRUE(contains(d.immediate_text, "988"));
  EXPECT_FALSE(d.offer_safety_plan);
  EXPECT_TRUE(any_instruction(d, "worried about someone else"));
  EXPECT_TRUE(any_instruction(d, "Never give information about suicide"));
}

TEST(ResponsePolicyTest, PsychosisManiaAndOcdGetGroundingInstructions) {
  Decision p = decide(with(Category::kPsychosis, Level::kLow), in("US"));
  EXPECT_EQ(p.kind, ResponseKind::kGrounding);
  EXPECT_TRUE(p.immediate_text.empty());
  EXPECT_TRUE(any_instruction(p, "Do not confirm these beliefs and do not argue"));
  EXPECT_TRUE(any_instruction(p, "escape"));
  EXPECT_TRUE(p.screen_before_showing);

  Decision m = decide(with(Category::kMania, Level::kModerate), in("US"));
  EXPECT_TRUE(any_instruction(m, "locations, cities"));
  Decision o = decide(with(Category::kOcd, Level::kLow), in("US"));
  EXPECT_TRUE(any_instruction(o, "no products"));
}

TEST(ResponsePolicyTest, NonEnglishNoticeOncePerSession) {
  RiskPicture r;
  r.mostly_non_english = true;
  PolicyContext ctx = in("DE");
  EXPECT_TRUE(contains(decide(r, ctx).non_english_notice, "haven help-now"));
  ctx.non_english_notice_shown = true;
  EXPECT_TRUE(decide(r, ctx).non_english_notice.empty());
}

TEST(ResponsePolicyTest, FromAssessmentKeepsTheHighestLevelPerCategory) {
  Assessment a;
  a.categories = {{Category::kSelfHarm, Level::kModerate}, {Category::kSuicide, Level::kHigh}};
  a.level = Level::kHigh;
  a.concern_for_other_person = true;
  RiskPicture r = RiskPicture::from_assessment(a);
  EXPECT_EQ(r.level(Category::kSuicide), Level::kHigh);
  EXPECT_EQ(r.level(Category::kSelfHarm), Level::kModerate);
  EXPECT_EQ(r.overall(), Level::kHigh);
  EXPECT_TRUE(r.concern_for_other_person);
}

// The fixed texts are shown without screening, so they must pass our own screener and never mention
// methods: checked for every kind of response in every country.
TEST(ResponsePolicyTest, EveryFixedTextPassesTheReplyScreener) {
  screen::ScreenContext strict;
  strict.risk = Level::kImminent;
  strict.psychosis = strict.mania = strict.compulsion = true;
  std::vector<RiskPicture> pictures;
  for (Category c : kAllCategories) {
    for (Level l : {Level::kModerate, Level::kHigh, Level::kImminent}) pictures.push_back(with(c, l));
  }
  RiskPicture other;
  other.concern_for_other_person = true;
  pictures.push_back(other);
  std::vector<const resources::CountryResources*> countries;
  for (const auto& c : resources::all_countries()) countries.push_back(&c);
  countries.push_back(nullptr);
  for (const auto* country : countries) {
    for (const auto& r : pictures) {
      PolicyContext ctx;
      ctx.country = country;
      Decision d = decide(r, ctx);
      auto v = screen::screen_reply(d.immediate_text, strict);
      EXPECT_FALSE(v.unsafe) << (country ? country->code : "generic") << " " << response_kind_name(d.kind) << ": "
                             << d.immediate_text;
    }
  }
}

}  // namespace
}  // namespace haven::safety::policy
