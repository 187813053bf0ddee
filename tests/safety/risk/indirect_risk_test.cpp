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

namespace haven::safety {
namespace {

Level sh(const Assessment& a) { return std::max(a.level_of(Category::kSuicide), a.level_of(Category::kSelfHarm)); }

std::vector<ChatMessage> chat(std::initializer_list<std::pair<const char*, const char*>> turns) {
  std::vector<ChatMessage> out;
  for (const auto& [role, content] : turns) out.push_back({role, content});
  return out;
}

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
  for (const char* t : {"I've been planning my suicide.", "I spent the night researching ways to die.",
                        "I want to overdose.", "I keep thinking about driving my car into a tree."}) {
    EXPECT_GE(assess_text(t).level_of(Category::kSuicide), Level::kHigh) << t;
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
  auto c = chat({{"user", "I've let my parents down again."},
                 {"assistant", "That sounds heavy. What happened?"},
                 {"user", "I just hate myself."},
                 {"assistant", "I'm sorry you feel that way about yourself."},
                 {"user", "And I can't see any way out."}});
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

}  // namespace
}  // namespace haven::safety
