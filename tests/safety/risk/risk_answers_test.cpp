// Answers to risk questions: "yeah, most nights" after "Are you having thoughts of ending your life?" is a
// disclosure; the same "yeah" after "Do you want a comedy?" is not.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "risk_test_helpers.h"
#include "safety/risk/assessor.h"
#include "safety/risk/risk_answers.h"

namespace haven::safety {
namespace {

using risk::Answer;
using risk::RiskQuestion;
using risk_test::chat;

TEST(RiskAnswers, RecognisesWhatAQuestionAsksAndAboutWhom) {
  EXPECT_EQ(risk::risk_question_in("That sounds heavy. Are you having thoughts of ending your life?"),
            RiskQuestion::kIdeation);
  EXPECT_EQ(risk::risk_question_in("Are you thinking about suicide?"), RiskQuestion::kIdeation);
  EXPECT_EQ(risk::risk_question_in("Have you been hurting yourself?"), RiskQuestion::kSelfHarm);
  EXPECT_EQ(risk::risk_question_in("Do you have a plan to end your life?"), RiskQuestion::kPlan);
  EXPECT_EQ(risk::risk_question_in("Do you have a plan?"), RiskQuestion::kPlanUnspecified);
  EXPECT_EQ(risk::risk_question_in("Have you done anything to hurt yourself tonight?"), RiskQuestion::kAttempt);
  EXPECT_EQ(risk::risk_question_in("Have you taken anything?"), RiskQuestion::kAttemptUnspecified);
  EXPECT_EQ(risk::risk_question_in("I'm here. Are you safe right now?"), RiskQuestion::kSafeNow);
  // Not a question, or not about the person.
  EXPECT_EQ(risk::risk_question_in("Many people have thoughts of suicide at some point."), RiskQuestion::kNone);
  EXPECT_EQ(risk::risk_question_in("Has she told you she is thinking of suicide?"), RiskQuestion::kNone);
  EXPECT_EQ(risk::risk_question_in("Do you want a comedy tonight?"), RiskQuestion::kNone);
}

TEST(RiskAnswers, ReadsYesAndNoFromTheFirstClause) {
  for (const char* t : {"yes", "Yeah, most nights.", "sometimes", "honestly yes", "kind of", "I do.", "i think so",
                        "every day tbh", "a little"})
    EXPECT_EQ(risk::answer_in(t).answer, Answer::kYes) << t;
  for (const char* t : {"no", "No, nothing like that", "not really", "nope, just tired", "I'm not.", "never"})
    EXPECT_EQ(risk::answer_in(t).answer, Answer::kNo) << t;
  for (const char* t : {"", "I am fine thanks", "no one would notice", "what do you mean?", "idk"})
    EXPECT_EQ(risk::answer_in(t).answer, Answer::kUnclear) << t;
  risk::AnswerSpan a = risk::answer_in("yes. tonight");
  EXPECT_TRUE(a.soon);
  EXPECT_EQ(a.byte_start, 0u);
  EXPECT_EQ(a.byte_end, 3u);
}

TEST(RiskAnswers, AYesToTheCheckInQuestionIsADisclosure) {
  auto c = chat({{"user", "rough week"},
                 {"assistant", "I'm sorry. Are you having any thoughts of ending your life?"},
                 {"user", "sometimes, yeah. most nights actually"}});
  Assessment a = assess_conversation(c);
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  EXPECT_FALSE(a.mostly_non_english) << a.reason;
  ASSERT_FALSE(a.evidence.empty());
  EXPECT_EQ(a.evidence.back().message, 2u);  // the writer's own answer, not the question
  c[2].content = "no, nothing like that, just tired";
  EXPECT_EQ(assess_conversation(c).level, Level::kNone);
  // Haven's fixed check-in asks, the model's reply follows, then the person answers.
  auto after_reply = chat({{"user", "everything is falling apart"},
                           {"assistant", "Thank you for telling me. Are you having thoughts of ending your life?"},
                           {"assistant", "I'm here and listening, take your time."},
                           {"user", "yeah"}});
  EXPECT_EQ(assess_conversation(after_reply).level_of(Category::kSuicide), Level::kModerate);
}

TEST(RiskAnswers, PlansActsAndNotBeingSafeAreCrisisLevel) {
  auto plan = chat({{"user", "i want to die"}, {"assistant", "Thank you for telling me. Do you have a plan?"},
                    {"user", "yes. tonight"}});
  EXPECT_EQ(assess_conversation(plan).level_of(Category::kSuicide), Level::kImminent);
  plan[2].content = "yes";
  EXPECT_EQ(assess_conversation(plan).level_of(Category::kSuicide), Level::kHigh);
  auto acted = chat({{"user", "i want to die"}, {"assistant", "Have you taken anything?"}, {"user", "yeah an hour ago"}});
  EXPECT_GE(assess_conversation(acted).level_of(Category::kSuicide), Level::kHigh);
  auto unsafe = chat({{"user", "I want to disappear forever."}, {"assistant", "Are you safe right now?"}, {"user", "no"}});
  EXPECT_GE(assess_conversation(unsafe).level_of(Category::kSuicide), Level::kHigh);
  auto self_harm = chat({{"user", "bad night"}, {"assistant", "Have you been hurting yourself?"}, {"user", "yeah a bit"}});
  EXPECT_EQ(assess_conversation(self_harm).level_of(Category::kSelfHarm), Level::kModerate);
}

TEST(RiskAnswers, ANoToTheQuestionIsNotOverruledByTheClassifier) {
  // The same reply read alone could look like distress to a bag of words; after "no" to the question it
  // is the writer's answer.
  auto c = chat({{"user", "im burnt out from caring for my dad with dementia"},
                 {"assistant", "That's a long stretch. Are you having any thoughts of harming yourself or not "
                               "wanting to be here?"},
                 {"user", "no, nothing like that. i love my life, i'm just exhausted and sad and i need respite care "
                          "before i fall apart completely"}});
  Assessment a = assess_conversation(c);
  EXPECT_EQ(a.reason.find("classifier"), std::string::npos) << a.reason;
  EXPECT_LT(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  // A disclosure in words still counts after a no.
  c.push_back({"assistant", "Thank you for telling me."});
  c.push_back({"user", "actually i lied. i want to die"});
  EXPECT_GE(assess_conversation(c).level_of(Category::kSuicide), Level::kModerate);
}

TEST(RiskAnswers, TheSentenceBeforeTheQuestionSaysWhatItIsAbout) {
  EXPECT_EQ(risk::risk_question_in("When things pile up, some people start having thoughts of not wanting to be "
                                   "alive. Are you having them?"),
            RiskQuestion::kIdeation);
  // A third person in the sentence before does not make the question about them.
  EXPECT_EQ(risk::risk_question_in("Sometimes men in your situation think about ending their lives. Has that "
                                   "crossed your mind?"),
            RiskQuestion::kIdeation);
  auto c = chat({{"user", "part of me wishes the cancer would just win"},
                 {"assistant", "Are you having thoughts of ending your life, or more of a wish not to wake up?"},
                 {"user", "both some days"}});
  EXPECT_GE(assess_conversation(c).level_of(Category::kSuicide), Level::kModerate);
}

TEST(RiskAnswers, NotBeingSafeIsTheAnswerWhateverWasAsked) {
  EXPECT_EQ(risk::answer_in("no im not safe. i dont trust myself tonight").answer, Answer::kUnsafe);
  auto c = chat({{"user", "numb mostly"},
                 {"assistant", "Are you having any thoughts of suicide, or are you feeling unsafe?"},
                 {"user", "no im not safe"}});
  EXPECT_GE(assess_conversation(c).level_of(Category::kSuicide), Level::kModerate);
}

// Follow-up questions a kind companion asks in a hard conversation are not risk questions.
TEST(RiskAnswers, OrdinaryFollowUpsAfterRiskDoNotRaiseIt) {
  const std::pair<const char*, const char*> cases[] = {
      {"I hear you. Have you done anything fun lately?", "yeah, went to the beach today"},
      {"That's hard. Do you have a plan for the weekend?", "yes, seeing my sister tomorrow"},
      {"Have you tried anything that helped before, like a walk?", "yes"},
      {"Have you taken anything for your headache?", "yes, ibuprofen an hour ago"},
      {"Are you safe to drive home?", "no, I had a few beers"},
      {"Do you feel safe at work?", "no, my boss yells"},
      {"Is everything ok? Are you safe?", "No worries, all good"},
      {"Are you safe?", "No, I'm safe, promise"},
      {"Are you safe right now?", "yes, I don't feel unsafe"},
      {"Are you safe right now?", "yeah I'm not safe from my landlord's emails lol"},
      {"Did you hurt yourself when you fell off the bike?", "yeah, scraped my knee"},
      {"Are you cutting back on coffee?", "yes"},
      {"Did you not wake up to your alarm?", "yeah overslept"},
      {"Do you really want to die on that hill?", "yes"}};
  for (const auto& [question, reply] : cases) {
    auto c = chat({{"user", "i want to die"}, {"assistant", question}, {"user", reply}});
    Assessment a = assess_conversation(c);
    EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << question << " / " << reply << " -> " << a.reason;
    EXPECT_EQ(a.reason.find("when asked"), std::string::npos) << question << " / " << reply << " -> " << a.reason;
    auto fresh = chat({{"user", "hi"}, {"assistant", question}, {"user", reply}});
    EXPECT_EQ(assess_conversation(fresh).level, Level::kNone) << question << " / " << reply;
  }
}

// Seventh session, from conversations_tune_g: habits and urges make a bare "hurt yourself" a question
// about self-harm; a question that first says what people in general do is about the user; "your own life"
// and "weren't here" name the thoughts.
TEST(RiskAnswers, QuestionsInTheCompanionsOwnWordsAreRead) {
  const std::pair<const char*, const char*> cases[] = {
      {"That sounds painful. When it gets that heavy, do you ever hurt yourself?", "sometimes"},
      {"Sometimes people hurt themselves to cope with that kind of pressure - is that something you've been doing?",
       "yeah"},
      {"When you say a life for a life, are you thinking about ending your own life?", "Yes."},
      {"With everything so quiet, do you ever find yourself wishing you weren't here anymore?", "Sometimes."}};
  for (const auto& [question, reply] : cases) {
    Assessment a = assess_conversation(chat({{"user", "bad week"}, {"assistant", question}, {"user", reply}}));
    EXPECT_GE(std::max(a.level_of(Category::kSuicide), a.level_of(Category::kSelfHarm)), Level::kModerate)
        << question << " / " << reply << " -> " << a.reason;
  }
  // Someone else's injury is still someone else's.
  EXPECT_EQ(assess_conversation(chat({{"user", "my son fell off his bike"}, {"assistant", "Did they hurt themselves?"},
                                      {"user", "yeah"}}))
                .level,
            Level::kNone);
}

// Seventh session, from conversations_tune_i: "actually" and "for real" after "a joke, or are you actually
// wanting to die?", "myself" after "by accident, or one you made yourself?", "the second one" after a choice
// that names the thoughts last; a risk named in so many words outweighs everyday words in the question.
TEST(RiskAnswers, ChoicesAndAnswersInTheUsersOwnWords) {
  const std::pair<const char*, const char*> cases[] = {
      {"Do you mean that like a joke, or are you actually wanting to die?", "actually. for real. not the tiktok way"},
      {"Is this a cut you got by accident, or one you made yourself?", "myself. couple of days ago."},
      {"When you say done, do you mean you want to step back from things, or are you having thoughts of ending your "
       "life?",
       "the second one"}};
  for (const auto& [question, reply] : cases) {
    Assessment a = assess_conversation(chat({{"user", "rough week"}, {"assistant", question}, {"user", reply}}));
    EXPECT_GE(std::max(a.level_of(Category::kSuicide), a.level_of(Category::kSelfHarm)), Level::kModerate)
        << question << " / " << reply << " -> " << a.reason;
  }
  EXPECT_EQ(risk::risk_question_in("Did you hurt yourself by accident?"), RiskQuestion::kNone);
  EXPECT_EQ(risk::risk_question_in("Do you really want to die on that hill?"), RiskQuestion::kNone);
}

// "I don't think I'll still be alive by Saturday" is not a "no": a long clause after "I don't" says
// something of its own, and the learned reader may read it.
TEST(RiskAnswers, ALongClauseAfterIDontIsNotANo) {
  auto c = chat({{"user", "nah no plans. probably not around by then anyway"},
                 {"assistant", "Are you having thoughts of ending your life?"},
                 {"user", "i mean i don't think i'll still be alive by saturday. i've been building up to it"}});
  EXPECT_EQ(risk::answer_in("i don't think i'll still be alive by saturday").answer, risk::Answer::kUnclear);
  EXPECT_EQ(risk::answer_in("I don't.").answer, risk::Answer::kNo);
  EXPECT_EQ(risk::answer_in("i dont think so").answer, risk::Answer::kNo);
  EXPECT_GE(assess_conversation(c).level_of(Category::kSuicide), Level::kModerate) << assess_conversation(c).reason;
}

TEST(RiskAnswers, AnswersAfterFillersOrADoubtAreStillAnswers) {
  for (const char* reply : {"Y", "I mean yeah", "idk... yes", "I'm not gonna lie, yes, every night", "um, yes"}) {
    auto c = chat({{"user", "rough week"}, {"assistant", "Are you having thoughts of ending your life?"}, {"user", reply}});
    EXPECT_EQ(assess_conversation(c).level_of(Category::kSuicide), Level::kModerate) << reply;
  }
  auto things = chat({{"user", "rough week"}, {"assistant", "Have you thought about ending things?"}, {"user", "yes"}});
  EXPECT_EQ(assess_conversation(things).level_of(Category::kSuicide), Level::kModerate);
}

// A companion's kind everyday questions share words with questions about self-harm; only the body-part
// forms ask about injuries.
TEST(RiskAnswers, EverydayQuestionsAboutYourselfAreNotSelfHarmQuestions) {
  for (const char* q : {"Did you get good marks on your exam?", "Have you made yourself something to eat today?",
                        "Were there any cuts on your team's budget?"})
    EXPECT_EQ(risk::risk_question_in(q), RiskQuestion::kNone) << q;
  EXPECT_EQ(risk::risk_question_in("Are those marks on your arms from hurting yourself?"), RiskQuestion::kSelfHarm);
  auto c = chat({{"user", "rough week at school"}, {"assistant", "Did you get good marks on your exam?"}, {"user", "yes"}});
  EXPECT_LT(assess_conversation(c).level_of(Category::kSelfHarm), Level::kModerate);
}

TEST(RiskAnswers, OrdinaryQuestionsAndOtherPeopleStayOrdinary) {
  auto movie = chat({{"user", "i want to die lol this show is so bad"},
                     {"assistant", "Do you want a comedy? Do you have a plan for the evening?"},
                     {"user", "yes, pizza tonight"}});
  EXPECT_LT(assess_conversation(movie).level, Level::kModerate) << assess_conversation(movie).reason;
  auto friend_ = chat({{"user", "my friend says she wants to die"},
                       {"assistant", "That's a lot to hold. Has she told you she's thinking of suicide?"},
                       {"user", "yes she did"}});
  Assessment a = assess_conversation(friend_);
  EXPECT_LT(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  EXPECT_TRUE(a.concern_for_other_person);
  // The user's own words asking the question are not an answer to themselves.
  auto asked_by_user = chat({{"user", "Are you having thoughts of ending your life?"}, {"user", "yes"}});
  EXPECT_EQ(assess_conversation(asked_by_user).level, Level::kNone);
}

}  // namespace
}  // namespace haven::safety
