// The settled decision (assessor.cpp, settled_decision): people who have decided to end their lives often
// say so only in veiled words: an ending ("none of it will matter after sunday"), a sudden calm, a mind made
// up or a day chosen, means got, affairs put in order. Each sign alone is mostly ordinary speech, so the
// tests pair every family with the everyday sentences that share its words. Our own sentences throughout.
#include <gtest/gtest.h>

#include "risk_test_helpers.h"
#include "safety/risk/assessor.h"

namespace haven::safety {
namespace {

using risk_test::chat;
using risk_test::sh;

TEST(SettledDecision, AnEndingWithATimeOrAPlanIsACrisisInterrupt) {
  for (const char* t : {"I've written the letters. After Sunday none of it will matter.",
                        "by friday nobody will have to check on me anymore",
                        "I've rehomed the cat so she's looked after. I won't be anyone's problem much longer.",
                        "the rope is in the boot of the car. it will all be over soon",
                        "Told my sister where the passwords are. After the 14th nobody has to sort out my mess but her."}) {
    const Assessment a = assess_text(t);
    EXPECT_GE(sh(a), Level::kHigh) << t << " -> " << a.reason;
    EXPECT_FALSE(a.evidence.empty()) << t;
  }
}

TEST(SettledDecision, ACalmBesideMeansGotAndATimeIsACrisisInterrupt) {
  for (const char* t : {"picked up the gun from my uncle's today. weirdly calm. on saturday then",
                        "Collected a rifle this morning. Feels like a weight off my shoulders. Tonight.",
                        "been saving my tablets for weeks. so relieved they're all there. tomorrow"}) {
    const Assessment a = assess_text(t);
    EXPECT_GE(sh(a), Level::kHigh) << t << " -> " << a.reason;
  }
}

TEST(SettledDecision, ThoughtsWithAMindMadeUpOrMeansGotAreACrisisInterrupt) {
  for (const char* t : {"I keep thinking everyone would be better off without me. I've got the tablets I've been "
                        "saving and tonight feels like the night.",
                        "I don't want to be alive anymore. My mind is made up and for the first time in months I "
                        "feel calm."}) {
    const Assessment a = assess_text(t);
    EXPECT_GE(sh(a), Level::kHigh) << t << " -> " << a.reason;
  }
}

TEST(SettledDecision, TheSignsMayComeInDifferentMessages) {
  const Assessment a = assess_conversation(
      chat({{"user", "been a strange week. i feel calmer than i have in ages"},
            {"assistant", "That's good to hear. What do you think has changed?"},
            {"user", "picked up my dad's rifle from the farm. on saturday nobody will have to worry about me anymore"}}));
  EXPECT_GE(sh(a), Level::kHigh) << a.reason;
  // Each message alone is less: the calm is nothing, the last one is what the session makes it.
  EXPECT_LT(sh(assess_text("been a strange week. i feel calmer than i have in ages")), Level::kModerate);
}

TEST(SettledDecision, AnEndingAloneOrACalmWithMeansGotIsACheckIn) {
  for (const char* t : {"I won't be a burden much longer.", "nobody will have to put up with me much longer"}) {
    const Assessment a = assess_text(t);
    EXPECT_EQ(sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
  // At least a check-in (the readers may find the thoughts that make it a plan).
  for (const char* t : {"The pills I've been keeping are in the drawer. I feel so calm now.",
                        "picked the gun up from my brother's. weirdly calm"}) {
    const Assessment a = assess_text(t);
    EXPECT_GE(sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
  // A mind made up and a calm alone are not enough: jobs are quit and moves decided in the same words.
  EXPECT_LT(sh(assess_text("Decision's made, I'm moving back home. So relieved.")), Level::kModerate);
}

TEST(SettledDecision, EverydayEndingsDatesAndReliefAreNotACrisis) {
  // Exams, leases, jobs and hunting trips end and begin on dates too.
  for (const char* t : {"Exams finish on Friday, it'll all be over by then and I can finally sleep!",
                        "Got my rifle back from the gunsmith today, so relieved, deer season starts on saturday.",
                        "The lease ends on Sunday. None of it will matter once we're in the new flat.",
                        "Handed in my notice. Friday is my last day and I feel lighter already.",
                        "Picked the date! 14th of June at the botanical gardens, I'm getting married!",
                        "Tonight is the night, the band plays at nine."}) {
    const Assessment a = assess_text(t);
    EXPECT_LT(sh(a), Level::kHigh) << t << " -> " << a.reason;
  }
  for (const char* t : {"so relieved, exams are over tomorrow", "bought new rope for the dinghy today",
                        "Tonight is the night, the band plays at nine."}) {
    const Assessment a = assess_text(t);
    EXPECT_LT(sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
}

TEST(SettledDecision, SomeoneElsesEndingIsConcernNotTheWritersRisk) {
  for (const char* t : {"My dad keeps saying 'you won't have to worry about me much longer.' Should I be worried?",
                        "my roommate has been saying stuff like 'it will all be over soon' since her exams",
                        "Dad won't be there on Saturday, he's working again."}) {
    const Assessment a = assess_text(t);
    EXPECT_LT(sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
  // Someone else's preparation is not the writer's either.
  const Assessment a = assess_text("My brother gave away all his stuff last month and said he won't be around much longer.");
  EXPECT_LT(sh(a), Level::kHigh) << a.reason;
}

TEST(SettledDecision, ASongOrAStoryIsNotTheWriter) {
  for (const char* t : {"The chorus goes 'I gave my coat away, I won't need it where I'm going' and we all cry.",
                        "In the novel she writes her letters, and by Sunday none of it will matter to her."}) {
    const Assessment a = assess_text(t);
    EXPECT_LT(sh(a), Level::kHigh) << t << " -> " << a.reason;
  }
}

}  // namespace
}  // namespace haven::safety
