// Indirect suicidal ideation: the ways people voice it without the words "kill myself", and the rule that
// several kinds of distress together are worth a gentle check-in. Each test names one behaviour and fails
// when it breaks; the hard negatives next to each family keep its precision honest.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "safety/risk/assessor.h"
#include "risk_test_helpers.h"

namespace haven::safety {
namespace {

using risk_test::chat;
using risk_test::sh;

TEST(IndirectRisk, PassiveWishesInOtherWordsAreModerate) {
  for (const char* t : {"A part of me wants to die.", "I don't care enough to live.",
                        "I don't want to keep on living.", "I just want to stop existing.",
                        "I'd rather die than keep being me.", "I should just disappear.",
                        "I keep fantasizing about my death.", "I can't imagine myself growing old beyond forty.",
                        "I was never meant to survive this life.", "I don't trust myself around my meds tonight.",
                        "I'm sick of being alive.", "Why do I even exist?", "I hate being alive.",
                        "Death seems like the only way out.", "I can't wait to die.",
                        "I keep praying that God takes me in my sleep.", "I'm having dark thoughts again.",
                        "My family would be happier if I was gone.", "I won't be a burden much longer.",
                        "I feel like ending it all."}) {
    Assessment a = assess_text(t);
    EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << t << " -> " << a.reason;
  }
}

TEST(IndirectRisk, GoodbyesLastPostsAndIdeationQuestionsAreModerate) {
  for (const char* t : {"Should I just end it?", "This is my final message.", "I'm so done. Goodbye.",
                        "How many of my sleeping pills would it take to die?", "Would antifreeze kill me?",
                        "I'm ready to finally end it."}) {
    Assessment a = assess_text(t);
    EXPECT_GE(a.level_of(Category::kSuicide), Level::kModerate) << t << " -> " << a.reason;
  }
}

TEST(IndirectRisk, PastAttemptsAreModerateAndPlansOrMethodResearchAreHigh) {
  for (const char* t : {"I've attempted before, a few times.", "Since my last attempt I've been careful.",
                        "I survived an attempt when I was younger."}) {
    EXPECT_EQ(assess_text(t).level_of(Category::kSuicide), Level::kModerate) << t;
  }
  // Attempts told plainly, with or without the word suicide, are behaviour: high.
  for (const char* t : {"Last Thursday I tried to end it.", "I attempted last month.", "I've attempted twice."}) {
    EXPECT_GE(assess_text(t).level_of(Category::kSuicide), Level::kHigh) << t;
  }
  // An act days or weeks ago is recent behaviour (the C-SSRS asks about the past three months): high.
  // Years ago it is history: moderate. Thoughts weeks ago are past thoughts.
  EXPECT_EQ(assess_text("I attempted 3 weeks ago and nobody knows.").level_of(Category::kSuicide), Level::kHigh);
  EXPECT_EQ(assess_text("Two days ago I tried to kill myself.").level_of(Category::kSuicide), Level::kHigh);
  EXPECT_EQ(assess_text("Years ago I tried to kill myself.").level_of(Category::kSuicide), Level::kModerate);
  // Thoughts days or weeks ago are this month's: still a check-in; years ago they are the past.
  EXPECT_EQ(assess_text("3 weeks ago I wanted to die.").level_of(Category::kSuicide), Level::kModerate);
  EXPECT_EQ(assess_text("Years ago I wanted to die.").level_of(Category::kSuicide), Level::kLow);
  for (const char* t : {"I tried to end it with him last week but he kept calling.", "I attempted the exam again.",
                        "I attempted a marathon last year.", "I've lost the will to go to the gym."}) {
    EXPECT_LT(assess_text(t).level_of(Category::kSuicide), Level::kModerate) << t;
  }
  // Losing the will to live is a passive wish.
  for (const char* t : {"I've lost my will to live.", "I don't have any reason to live anymore."}) {
    EXPECT_EQ(assess_text(t).level_of(Category::kSuicide), Level::kModerate) << t;
  }
  for (const char* t : {"I've been planning my suicide.", "I spent the night researching ways to die.",
                        "I want to overdose.", "I keep thinking about driving my car into a tree."}) {
    EXPECT_GE(assess_text(t).level_of(Category::kSuicide), Level::kHigh) << t;
  }
}

// Behaviour is the strongest evidence on the C-SSRS, and people tell it in many ways besides "I attempted
// suicide". Each family with its ordinary look-alikes.
TEST(IndirectRisk, BehaviourToldInOtherWordsIsElevated) {
  for (const char* t : {"I overdosed in the spring and never told my parents.",
                        "The overdose in March was not an accident.", "It was an attempt on my own life.",
                        "My therapist calls it an aborted attempt.", "It was my second attempt.",
                        "I attempted in November, right before exams.", "I made a real attempt last year.",
                        "I took way too much on purpose and slept for two days.",
                        "Took everything in the medicine cabinet on Saturday.", "They pumped my stomach at 3am.",
                        "I stockpiled for a month and then took them all.", "I woke up with tubes in my arms.",
                        "My brother found me unconscious and called 999."}) {
    EXPECT_GE(risk_test::sh(assess_text(t)), Level::kModerate) << t << " -> " << assess_text(t).reason;
  }
  for (const char* t : {"I burned my arm on purpose so I could feel something.",
                        "I hit myself over and over after the phone call.",
                        "Banged my head against the wall until it stopped.", "I cut for the first time in a year.",
                        "I keep picking the scabs open.", "I've been cutting since I was 15.",
                        "I bit my arm until it left marks.", "Punched the wall till my knuckles bled."}) {
    EXPECT_GE(assess_text(t).level_of(Category::kSelfHarm), Level::kModerate) << t << " -> " << assess_text(t).reason;
  }
  for (const char* t : {"been planning to end it", "i dont trust myself tonight",
                        "i want to die. i don't plan to be around after this weekend",
                        "I scratched my arms on purpose again.", "8 months clean from cutting and i did it again tonight"}) {
    EXPECT_GE(risk_test::sh(assess_text(t)), Level::kModerate) << t << " -> " << assess_text(t).reason;
  }
  for (const char* t : {"I'm planning to end it with him on Friday.", "I don't plan to be around after 5 today, leaving early.",
                        "I trust myself to drive tonight.", "I scratched my arm on the rose bush.",
                        "I'm not planning to be around after 10, going to bed early",
                        "After that breakup I just don't trust myself anymore.",
                        "my eczema is flaring again, I keep scratching my skin raw", "I scratched my arm open on a nail",
                        "overdosed on netflix this weekend", "I overdosed on caffeine this morning lol",
                        "My cat makes attempts on my life every morning"}) {
    EXPECT_LT(risk_test::sh(assess_text(t)), Level::kModerate) << t << " -> " << assess_text(t).reason;
  }
  // Ends relationships too: a check-in that asks, not a crisis response.
  EXPECT_EQ(assess_text("My boyfriend and I keep fighting. I've decided to end it.").level_of(Category::kSuicide),
            Level::kModerate);
  for (const char* t : {"My uncle overdosed on sugar at the wedding, according to my aunt.",
                        "I made an attempt at the soufflé and it collapsed.",
                        "Passed my driving test on my second attempt today!",
                        "I took way too much luggage on purpose, just in case.",
                        "The dog found me asleep on the couch and licked my face.",
                        "It's like banging my head against a wall with this landlord.",
                        "I cut my hair for the first time in a year.", "I burned my hand on the oven tray."}) {
    EXPECT_LT(risk_test::sh(assess_text(t)), Level::kHigh) << t << " -> " << assess_text(t).reason;
  }
}

TEST(IndirectRisk, OrdinaryUsesOfTheSameWordsStayBelowModerate) {
  for (const char* t : {"I'd rather die than sing in public.", "I'm so done with this essay.",
                        "This is my last post about the game, the patch is out.",
                        "I want to disappear under my blanket and watch films all day lol",
                        "I don't trust myself around chocolate.", "I paid $200 off myself.",
                        "I want out of this group chat.", "Goodbye everyone, see you after the holidays!",
                        "I'm not going to be here next week, I'm on holiday.",
                        "I'm ending things with my boyfriend.", "I won't stop myself from going to the concert.",
                        "I can't wait to see you.", "How much ibuprofen can I take for a headache?"}) {
    Assessment a = assess_text(t);
    EXPECT_LT(sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
}

TEST(IndirectRisk, NegationOtherPeopleFictionAndTopicStillApply) {
  for (const char* t : {"I don't hate being alive, I love my life.", "My brother says he doesn't care enough to live.",
                        "She keeps fantasizing about her death and I'm scared.",
                        "In the film the hero says death is the only way out.",
                        "What does it mean when someone has dark thoughts?"}) {
    Assessment a = assess_text(t);
    EXPECT_LT(sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
}

TEST(IndirectRisk, AgesSchoolsAndRecentWeeksAreNotThePast) {
  for (const char* t : {"I'm 22 years old and I want to die.", "I'm in college and I want to die.",
                        "In the past week I have wanted to die every day.", "Back in my room I just want to die."}) {
    Assessment a = assess_text(t);
    EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << t << " -> " << a.reason;
  }
  // What is told as the past still reads as the past.
  for (const char* t : {"When I was 15 years old I wanted to die.", "Back in high school I wanted to die.",
                        "I wanted to die in the past."}) {
    Assessment a = assess_text(t);
    EXPECT_EQ(a.level_of(Category::kSuicide), Level::kLow) << t << " -> " << a.reason;
  }
}

TEST(IndirectRisk, ThreeKindsOfDistressAreACheckInWithTheirEvidence) {
  const std::string text = "I feel trapped. I let everyone down. Nothing will ever get better.";
  Assessment a = assess_text(text);
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  EXPECT_NE(a.reason.find("several kinds of distress"), std::string::npos) << a.reason;
  ASSERT_EQ(a.evidence.size(), 3u);  // one span per kind: entrapment, burden, hopelessness
  EXPECT_EQ(text.substr(a.evidence[0].byte_start, a.evidence[0].byte_end - a.evidence[0].byte_start), "trapped");
  EXPECT_EQ(text.substr(a.evidence[1].byte_start, a.evidence[1].byte_end - a.evidence[1].byte_start),
            "let everyone down");
}

TEST(IndirectRisk, OneKindRepeatedOrTwoOrdinaryKindsDoNotAddUp) {
  // The same theme many times is still one kind.
  EXPECT_LT(sh(assess_text("I hate myself. I hate myself so much. I'm worthless, useless, a failure.")),
            Level::kModerate);
  // Tired and lonely after a long week: two kinds that no model of suicidal thinking pairs.
  EXPECT_LT(sh(assess_text("I'm so tired after this week and a bit lonely since my roommate moved out.")),
            Level::kModerate);
}

TEST(IndirectRisk, CorePairsFromTheModelsOfSuicidalThinkingAreEnough) {
  for (const char* t : {
           // Burdensomeness with thwarted belonging (Joiner).
           "I let everyone down and I have no one.",
           // Defeat with entrapment (O'Connor).
           "I hate myself and I feel completely trapped.",
           // Thoughts of one's own death with any other kind.
           "Sometimes I wonder what death would feel like. I feel so alone.",
       }) {
    Assessment a = assess_text(t);
    EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << t << " -> " << a.reason;
    EXPECT_NE(a.reason.find("several kinds of distress"), std::string::npos) << t << " -> " << a.reason;
  }
}

TEST(IndirectRisk, DistressNeverRaisesACrisisInterruptAlone) {
  Assessment a = assess_text(
      "I'm trapped, I'm a burden, I hate myself, nobody cares, I'm so tired, there's no hope, I'm in so much pain.");
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
}

TEST(IndirectRisk, NegatedOrSomeoneElsesDistressDoesNotCount) {
  EXPECT_LT(sh(assess_text("I'm not a burden, I'm not alone and I'm not hopeless anymore.")), Level::kModerate);
  Assessment a = assess_text("My sister feels trapped. She hates herself. She is so alone.");
  EXPECT_LT(sh(a), Level::kModerate) << a.reason;
}

TEST(IndirectRisk, KindsOfDistressAddUpAcrossTheWritersTurns) {
  // Each turn under the classifier's five words, so the rule that adds the turns up is what speaks.
  auto c = chat({{"user", "Let my parents down."},
                 {"assistant", "That sounds heavy. What happened?"},
                 {"user", "I just hate myself."},
                 {"assistant", "I'm sorry you feel that way about yourself."},
                 {"user", "No way out."}});
  Assessment a = assess_conversation(c);
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  EXPECT_NE(a.reason.find("several kinds of distress in the session"), std::string::npos) << a.reason;
  bool first = false, last = false;
  for (const auto& e : a.evidence) {
    first = first || e.message == 0;
    last = last || e.message == 4;
  }
  EXPECT_TRUE(first && last) << "evidence should point at the turns that added up";
  // The assistant's words never count as the writer's distress.
  auto d = chat({{"user", "hi"},
                 {"assistant", "Do you ever feel trapped, like a burden, or that you hate yourself?"},
                 {"user", "no, not really"}});
  EXPECT_EQ(assess_conversation(d).level, Level::kNone);
}

TEST(IndirectRisk, ConcernForSomeoneElseAcrossTurnsIsNotACrisis) {
  auto c = chat({{"user", "My sister told me she wants to die."},
                 {"assistant", "That must be frightening. Is she safe right now?"},
                 {"user", "I think so. She says she feels trapped and like a burden. How do I talk to her?"}});
  Assessment a = assess_conversation(c);
  EXPECT_LT(sh(a), Level::kHigh) << a.reason;
  EXPECT_TRUE(a.concern_for_other_person);
}

// Our own labelled cases (tests/safety/data/*.jsonl, written by us): every positive reaches its category at
// moderate or above, no ordinary text is elevated, and no clinical or hard negative is a crisis interrupt.
std::string data_dir() {
  std::string here = __FILE__;  // tests/safety/risk/indirect_risk_test.cpp
  return here.substr(0, here.rfind("/risk/")) + "/data";
}

TEST(IndirectRisk, OurLabelledCasesMeetTheirRolesTargets) {
  std::vector<std::string> files;
  if (DIR* d = opendir(data_dir().c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 6 && name.substr(name.size() - 6) == ".jsonl") files.push_back(name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  ASSERT_NE(std::find(files.begin(), files.end(), "tune_round3.jsonl"), files.end());
  size_t rows = 0;
  for (const auto& name : files) {
    std::ifstream in(data_dir() + "/" + name);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      std::vector<ChatMessage> messages;
      if (j.contains("text")) {
        messages.push_back({"user", j["text"].get<std::string>()});
      } else {
        for (const auto& m : j["messages"]) messages.push_back({m["role"], m["content"]});
      }
      Assessment a = assess_conversation(messages);
      std::string id = name + ":" + j["id"].get<std::string>();
      std::string role = j["role"];
      ++rows;
      if (role == "positive") {
        Category c = Category::kSuicide;
        if (j.contains("category")) c = *category_from_name(j["category"].get<std::string>());
        Level got = a.level_of(c);
        if (c == Category::kSuicide) got = sh(a);
        EXPECT_GE(got, Level::kModerate) << id << " -> " << a.reason;
      } else if (role == "negative") {
        EXPECT_LT(a.level, Level::kModerate) << id << " -> " << a.reason;
      } else if (role != "ambiguous") {
        EXPECT_LT(sh(a), Level::kHigh) << id << " -> " << a.reason;
      }
    }
  }
  EXPECT_GT(rows, 300u);
}

// ---------- round 4 ----------

TEST(IndirectRisk, PresentCueAfterAPastOneReadsTheRestAsNow) {
  // The past cue alone keeps its sentence in the past (and below a check-in)...
  for (const char* t : {"When I was 15, I wanted to die.", "Years ago I wanted to die.",
                        "I wanted to die years ago but not anymore.",
                        // A long punctuated sentence keeps its past to the end.
                        "Years ago, after my parents divorced and we moved to a new city where I knew nobody at "
                        "all, I wanted to die."}) {
    EXPECT_LT(sh(assess_text(t)), Level::kModerate) << t;
  }
  // ...until a present cue after it says it is back, or the phrase stands before it in another clause.
  for (const char* t : {"Years ago I wanted to die, and now I want to die again.",
                        "Back in high school I thought about suicide and lately I think about suicide every day.",
                        "I want to die, like I did years ago.",
                        // Typed without punctuation: the past cue does not reach the end of a run-on post.
                        "i used to be happy when i was little and then my parents split up and everything fell "
                        "apart and nobody ever listens to me and i want to die every single day"}) {
    Assessment a = assess_text(t);
    EXPECT_GE(sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
}

TEST(IndirectRisk, ContextPhrasesNeedSuicideTalkInTheSameMessage) {
  // Alone they are ordinary.
  for (const char* t : {"I'm ready to do it, the marathon is on Sunday.", "We haven't ruled it out yet.",
                        "I took the easy way out and bought a cake.", "I won't be here next week, I'm on holiday.",
                        "Tonight is the night, the band plays at nine."}) {
    EXPECT_LT(assess_text(t).level, Level::kModerate) << t;
  }
  // After the message speaks of suicide they carry it, even where that mention alone would not raise the
  // writer's level (a past thought, someone else's death).
  for (const char* t : {"When I was 15 I thought about suicide. I haven't ruled it out.",
                        "My brother killed himself last year. I think I'm ready to do it too.",
                        "Back in college I was suicidal. These days the thoughts are back.",
                        "I've been suicidal for months. I think I'm ready to do it.",
                        "Suicide has been on my mind for years. I haven't ruled it out.",
                        "I've thought about suicide so much. Maybe the easy way out is best.",
                        "I keep thinking about killing myself and the thoughts are back again."}) {
    Assessment a = assess_text(t);
    EXPECT_GE(a.level_of(Category::kSuicide), Level::kModerate) << t << " -> " << a.reason;
  }
  // A negated mention is no context, and someone else's readiness is not the writer's.
  Assessment negated = assess_text("I'm not suicidal. I'm ready to do it, the exam is tomorrow.");
  EXPECT_LT(sh(negated), Level::kModerate) << negated.reason;
  Assessment other = assess_text("My sister is suicidal and she says she is ready to do it.");
  EXPECT_LT(sh(other), Level::kModerate) << other.reason;
  EXPECT_TRUE(other.concern_for_other_person);
}

TEST(IndirectRisk, SlangCensoringAndEuphemismsAreRead) {
  for (const char* t : {"i want to k*ll myself", "been thinking about s**cide", "i need to die",
                        "guess it's time to end it all.", "i won't make it to 30.", "is life even worth living",
                        "i wish i could just not exist", "i'd be better off in the ground",
                        "every day i wake up disappointed that im still alive", "i want my life to end",
                        "i cant see any way out except dying", "i wouldnt care if i died tomorrow",
                        "I didn't kill myself tonight. But I could have.",
                        "I think about flipping my car on the highway a lot."}) {
    Assessment a = assess_text(t);
    EXPECT_GE(a.level_of(Category::kSuicide), Level::kModerate) << t << " -> " << a.reason;
  }
  for (const char* t : {"The excuse needs to die.", "I need to dye my hair.", "what the f*ck",
                        "I won't make it to the 10 am meeting.", "I'm flipping pancakes for the kids."}) {
    EXPECT_LT(assess_text(t).level, Level::kModerate) << t;
  }
}

TEST(IndirectRisk, HopelessnessWithAnyOtherKindIsACheckIn) {
  Assessment a = assess_text("I lost my job last week. Nothing will ever get better.");
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  // One kind alone is not.
  EXPECT_LT(assess_text("Nothing will ever get better with this printer.").level, Level::kModerate);
  EXPECT_LT(assess_text("I lost my job last week.").level, Level::kModerate);
}

TEST(IndirectRisk, PreparationCountsAsAFarewellKind) {
  // Things given away with loneliness is a check-in; either alone, or someone else's, is not.
  Assessment a = assess_text("I'm so lonely. I've been giving away my things.");
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  EXPECT_LT(assess_text("I've been giving away my things.").level, Level::kModerate);
  EXPECT_LT(assess_text("I'm so lonely.").level, Level::kModerate);
  EXPECT_LT(assess_text("She's so lonely. She has been giving away her things.").level, Level::kModerate);
  // A broad act ("wrote notes") is not a farewell.
  EXPECT_LT(assess_text("I'm so lonely. I wrote notes for the exam.").level, Level::kModerate);
}

TEST(IndirectRisk, ConversationsAcrossTurnsRoundFour) {
  // Disclosure early, then a context phrase: the session stays elevated and the later turn counts too.
  Assessment a = assess_conversation(chat({{"user", "I've had suicidal thoughts since spring."},
                                           {"assistant", "Thank you for telling me. How are you right now?"},
                                           {"user", "Better, I guess. Let's talk about my garden."}}));
  EXPECT_GE(sh(a), Level::kModerate) << a.reason;
  EXPECT_TRUE(a.carried_from_earlier);
  // Only someone else's risk, turn after turn: concern for them, never a crisis interrupt for the writer.
  Assessment b = assess_conversation(chat({{"user", "My brother tried to kill himself last month."},
                                           {"assistant", "I'm so sorry. How are you holding up?"},
                                           {"user", "He says he is ready to do it again and I don't know what to do."}}));
  EXPECT_LT(sh(b), Level::kHigh) << b.reason;
  EXPECT_TRUE(b.concern_for_other_person);
}

}  // namespace
}  // namespace haven::safety
