#include "safety/wellbeing/nudges.h"

#include <gtest/gtest.h>

#include <string>

#include "safety/screen/text_scan.h"

namespace haven::safety::wellbeing {
namespace {

constexpr int64_t kMin = 60 * 1000;
constexpr int64_t kHour = 60 * kMin;
// 2026-11-27 12:00:00 UTC, a Friday.
constexpr int64_t kNoonUtc = 1'795'780'800'000;

bool has_kind(const std::vector<Nudge>& v, NudgeKind k) {
  for (const auto& n : v) {
    if (n.kind == k) return true;
  }
  return false;
}

NudgeHistory ai_already_shown(int64_t at) {
  NudgeHistory h;
  h.last_shown_ms[static_cast<size_t>(NudgeKind::kAiReminder)] = at;
  return h;
}

TEST(NudgesTest, DefaultConfigIsValidAndBadValuesAreNamed) {
  EXPECT_TRUE(validate(Config{}).is_ok());
  EXPECT_EQ(Config{}.break_after_minutes, 25);
  Config c;
  c.break_after_minutes = 0;
  EXPECT_NE(validate(c).message().find("break_after_minutes"), std::string::npos);
  c = Config{};
  c.late_night_end_hour = c.late_night_start_hour;
  EXPECT_FALSE(validate(c).is_ok());
  c = Config{};
  c.late_night_start_hour = 24;
  EXPECT_FALSE(validate(c).is_ok());
}

TEST(NudgesTest, BreakAfterTwentyFiveMinutesThenOncePerWindow) {
  Config c;
  NudgeHistory h = ai_already_shown(kNoonUtc);
  SessionTimes t{kNoonUtc, kNoonUtc + 24 * kMin, 0, 0};
  EXPECT_FALSE(has_kind(time_nudges(c, t, h), NudgeKind::kBreak));
  t.now_ms = kNoonUtc + 25 * kMin;
  auto due = time_nudges(c, t, h);
  ASSERT_TRUE(has_kind(due, NudgeKind::kBreak));
  EXPECT_NE(due[0].text.find("25 minutes"), std::string::npos);
  record(h, due[0], t.now_ms);
  t.now_ms += 10 * kMin;
  EXPECT_FALSE(has_kind(time_nudges(c, t, h), NudgeKind::kBreak));  // never nagging
  t.now_ms = kNoonUtc + 50 * kMin;
  EXPECT_TRUE(has_kind(time_nudges(c, t, h), NudgeKind::kBreak));   // the next window
  c.breaks = false;
  EXPECT_FALSE(has_kind(time_nudges(c, t, h), NudgeKind::kBreak));
}

TEST(NudgesTest, ANewSessionStartsANewBreakWindow) {
  Config c;
  NudgeHistory h = ai_already_shown(kNoonUtc);
  h.last_shown_ms[static_cast<size_t>(NudgeKind::kBreak)] = kNoonUtc - 5 * kHour;
  SessionTimes t{kNoonUtc, kNoonUtc + 5 * kMin, 0, 0};
  EXPECT_FALSE(has_kind(time_nudges(c, t, h), NudgeKind::kBreak));
}

TEST(NudgesTest, SoftDailyLimitOncePerLocalDay) {
  Config c;
  c.daily_soft_limit_minutes = 60;
  NudgeHistory h = ai_already_shown(kNoonUtc);
  SessionTimes t{kNoonUtc, kNoonUtc + 10 * kMin, 0, 55 * kMin};
  auto due = time_nudges(c, t, h);
  ASSERT_TRUE(has_kind(due, NudgeKind::kDailyLimit));
  for (const auto& n : due) {
    if (n.kind == NudgeKind::kDailyLimit) {
      EXPECT_NE(n.text.find("65 minutes"), std::string::npos) << n.text;
      record(h, n, t.now_ms);
    }
  }
  t.now_ms += 30 * kMin;
  EXPECT_FALSE(has_kind(time_nudges(c, t, h), NudgeKind::kDailyLimit));
  // The next day, with the same amount of use, it may come back once.
  SessionTimes tomorrow{kNoonUtc + 24 * kHour, kNoonUtc + 24 * kHour + 10 * kMin, 0, 55 * kMin};
  EXPECT_TRUE(has_kind(time_nudges(c, tomorrow, h), NudgeKind::kDailyLimit));
}

TEST(NudgesTest, LateNightUsesLocalTimeOncePerNight) {
  Config c;  // 23:00 to 05:00
  NudgeHistory h = ai_already_shown(kNoonUtc);
  // 12:00 UTC is 23:30 in a UTC+11:30 zone... use +11 h 30 min.
  SessionTimes t{kNoonUtc, kNoonUtc + kMin, 11 * 60 + 30, 0};
  auto due = time_nudges(c, t, h);
  ASSERT_TRUE(has_kind(due, NudgeKind::kLateNight));
  for (const auto& n : due) record(h, n, t.now_ms);
  t.now_ms += 2 * kHour;  // 01:30 local, same night
  EXPECT_FALSE(has_kind(time_nudges(c, t, h), NudgeKind::kLateNight));
  SessionTimes noon_utc{kNoonUtc, kNoonUtc + kMin, 0, 0};
  EXPECT_FALSE(has_kind(time_nudges(c, noon_utc, ai_already_shown(kNoonUtc)), NudgeKind::kLateNight));
  // Negative offsets work too: 04:00 local at UTC-8 is 12:00 UTC.
  SessionTimes early{kNoonUtc, kNoonUtc + kMin, -8 * 60, 0};
  EXPECT_TRUE(has_kind(time_nudges(c, early, ai_already_shown(kNoonUtc)), NudgeKind::kLateNight));
}

TEST(NudgesTest, AiReminderAtFirstUseThenAtMostOncePerInterval) {
  Config c;
  NudgeHistory h;
  SessionTimes t{kNoonUtc, kNoonUtc, 0, 0};
  auto due = time_nudges(c, t, h);
  ASSERT_TRUE(has_kind(due, NudgeKind::kAiReminder));
  for (const auto& n : due) {
    if (n.kind == NudgeKind::kAiReminder) {
      EXPECT_NE(n.text.find("isn't a therapist"), std::string::npos);
      record(h, n, t.now_ms);
    }
  }
  t.now_ms += 23 * kHour;
  EXPECT_FALSE(has_kind(time_nudges(c, t, h), NudgeKind::kAiReminder));
  t.now_ms += 1 * kHour;
  EXPECT_TRUE(has_kind(time_nudges(c, t, h), NudgeKind::kAiReminder));
}

TEST(NudgesTest, AiReminderWhenTheUserTreatsHavenAsAPerson) {
  Config c;
  NudgeHistory h;
  EXPECT_TRUE(ai_reminder_for_message("You're my therapist now, honestly.", c, kNoonUtc, h).has_value());
  EXPECT_TRUE(ai_reminder_for_message("are you real?", c, kNoonUtc, h).has_value());
  EXPECT_FALSE(ai_reminder_for_message("My therapist said to try journaling.", c, kNoonUtc, h).has_value());
  h.last_shown_ms[static_cast<size_t>(NudgeKind::kAiReminder)] = kNoonUtc - 10 * kMin;
  EXPECT_FALSE(ai_reminder_for_message("are you real?", c, kNoonUtc, h).has_value());
}

TEST(NudgesTest, StrongConclusionsAboutSelfAndOthers) {
  for (const char* yes : {"Everyone hates me.", "I'm worthless", "nobody cares about me", "He's definitely cheating on me",
                          "I'll never be happy", "I ruin everything", "my boss is out to get me",
                          "I know she is lying"}) {
    EXPECT_TRUE(is_strong_conclusion(yes)) << yes;
  }
  for (const char* no : {"I'm not worthless, I know that.", "Everyone was tired today.", "He's cheating at cards lol",
                         "I felt a bit useless at the gym", "I had a good day"}) {
    EXPECT_FALSE(is_strong_conclusion(no)) << no;
  }
}

TEST(NudgesTest, RealityAnchorNamesTrustedPeopleAndRespectsItsGap) {
  Config c;
  NudgeHistory h;
  auto n = reality_anchor("Everyone hates me", {"Sam", "Priya", "Jo"}, c, kNoonUtc, h);
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->kind, NudgeKind::kRealityAnchor);
  EXPECT_NE(n->text.find("Sam or Priya"), std::string::npos) << n->text;
  EXPECT_EQ(n->text.find("Jo"), std::string::npos);
  record(h, *n, kNoonUtc);
  EXPECT_FALSE(reality_anchor("I'm worthless", {"Sam"}, c, kNoonUtc + 10 * kMin, h).has_value());
  auto later = reality_anchor("he is definitely cheating", {"Sam"}, c, kNoonUtc + 31 * kMin, h);
  ASSERT_TRUE(later.has_value());
  EXPECT_NE(later->text.find("someone else"), std::string::npos);

  auto nobody = reality_anchor("I'm a failure", {}, c, kNoonUtc, NudgeHistory{});
  ASSERT_TRUE(nobody.has_value());
  EXPECT_NE(nobody->text.find("someone you trust"), std::string::npos);
  EXPECT_FALSE(reality_anchor("What a lovely walk", {"Sam"}, c, kNoonUtc, NudgeHistory{}).has_value());
  c.reality_anchors = false;
  EXPECT_FALSE(reality_anchor("Everyone hates me", {"Sam"}, c, kNoonUtc, NudgeHistory{}).has_value());
}

TEST(NudgesTest, OffDeviceActivitiesAfterIntenseSessionsOnly) {
  Config c;
  SessionSummary calm{kNoonUtc, kNoonUtc + 20 * kMin, Level::kNone, 0};
  EXPECT_FALSE(end_of_session(c, calm, NudgeHistory{}).has_value());

  SessionSummary risky = calm;
  risky.max_risk = Level::kModerate;
  auto n = end_of_session(c, risky, NudgeHistory{});
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->kind, NudgeKind::kOffDeviceActivity);
  EXPECT_NE(n->text.find("crisis line"), std::string::npos);

  SessionSummary long_one{kNoonUtc, kNoonUtc + 50 * kMin, Level::kNone, 0};
  EXPECT_TRUE(end_of_session(c, long_one, NudgeHistory{}).has_value());
  SessionSummary emotional{kNoonUtc, kNoonUtc + 10 * kMin, Level::kNone, 3};
  EXPECT_TRUE(end_of_session(c, emotional, NudgeHistory{}).has_value());

  NudgeHistory h;
  record(h, *n, kNoonUtc + 20 * kMin);
  EXPECT_FALSE(end_of_session(c, risky, h).has_value());  // once per session

  // Suggestions rotate with the day.
  SessionSummary next_day = risky;
  next_day.start_ms += 24 * kHour;
  next_day.end_ms += 24 * kHour;
  auto m = end_of_session(c, next_day, NudgeHistory{});
  ASSERT_TRUE(m.has_value());
  EXPECT_NE(m->text, n->text);
}

TEST(NudgesTest, EmotionalIntensity) {
  EXPECT_TRUE(is_emotionally_intense("I can't stop crying"));
  EXPECT_TRUE(is_emotionally_intense("I'm having a panic attack"));
  EXPECT_FALSE(is_emotionally_intense("Had pasta for dinner"));
  EXPECT_TRUE(scan::compile_failures().empty()) << scan::compile_failures().front();
}

}  // namespace
}  // namespace haven::safety::wellbeing
