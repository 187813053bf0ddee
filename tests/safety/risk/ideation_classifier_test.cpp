// The ideation classifier: its table is what our own texts train (so nothing else went into it), it
// reads what it was trained for on texts it was not trained on, it finds one worrying passage in a long
// story, and in the assessor it never does more than ask a gentle check-in.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "safety/risk/assessor.h"
#include "safety/risk/ideation_classifier.h"
#include "safety/risk/ideation_training.h"
#include "weight_table_test_helpers.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {
namespace {

std::string classifier_dir() {
  std::string here = __FILE__;  // tests/safety/risk/ideation_classifier_test.cpp
  return here.substr(0, here.rfind("/risk/")) + "/data/classifier";
}

// Files of the classifier folder whose names start with prefix, sorted as a shell glob sorts them.
std::vector<std::string> files_starting(const std::string& prefix) {
  std::vector<std::string> out;
  if (DIR* d = opendir(classifier_dir().c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.rfind(prefix, 0) == 0 && name.size() > 6 && name.substr(name.size() - 6) == ".jsonl")
        out.push_back(classifier_dir() + "/" + name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Row {
  LabelledText text;
  std::string kind;
};

std::vector<Row> read_rows(const std::vector<std::string>& files) {
  std::vector<Row> rows;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      rows.push_back({{j.at("text").get<std::string>(), j.at("label").get<int>() == 1}, j.value("kind", "")});
    }
  }
  return rows;
}

float shipped_probability(const std::string& text) {
  return score_ideation(text::tokenize(text)).probability;
}

TEST(IdeationClassifier, ShippedTableIsWhatOurOwnTextsTrain) {
  std::vector<Row> rows = read_rows(files_starting("train_"));
  ASSERT_GE(rows.size(), 1000u) << "training texts missing from " << classifier_dir();
  std::vector<LabelledText> texts;
  for (const auto& r : rows) texts.push_back(r.text);
  TrainedIdeationModel trained = train_ideation(texts, IdeationTrainingOptions{});
  const IdeationModel& shipped = shipped_ideation_model();
  const size_t differ = test::weight_table_differences(trained, shipped);
  EXPECT_EQ(differ, 0u) << "regenerate src/safety/risk/ideation_weights.cpp with haven safety train-ideation";

  // The thresholds follow the documented rule on the validation texts the classifier reads.
  std::vector<std::string> negative_texts;
  for (const auto& r : read_rows(files_starting("validation")))
    if (!r.text.positive && ideation_reads(r.text.text)) negative_texts.push_back(r.text.text);
  std::vector<double> negatives = ideation_probabilities(trained, negative_texts);
  ASSERT_GE(negatives.size(), 300u);
  EXPECT_NEAR(shipped.threshold,
              round_threshold_up(threshold_for_false_positive_rate(negatives, kIdeationMaxValidationFalsePositiveRate)),
              1e-5);
  EXPECT_NEAR(shipped.confident_threshold,
              round_threshold_up(
                  threshold_for_false_positive_rate(negatives, kIdeationConfidentValidationFalsePositiveRate)),
              1e-5);
  EXPECT_LT(shipped.threshold, shipped.confident_threshold);
}

TEST(IdeationClassifier, HashesAndNamesDescribeTheSameFeatures) {
  auto tokens = text::tokenize(
      "I don't want to wake up tomorrow. Everyone would be better off, really thinking it knows scars gets "
      "scared; tired people");
  std::vector<uint64_t> hashes = ideation_features(tokens, 0, tokens.size());
  std::vector<std::string> names = ideation_feature_names(tokens, 0, tokens.size());
  ASSERT_EQ(hashes.size(), names.size());
  std::vector<uint64_t> from_names;
  for (const auto& n : names) from_names.push_back(ngram_hash(n));
  std::sort(from_names.begin(), from_names.end());
  EXPECT_EQ(from_names, hashes);
  auto has = [&](const char* n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  EXPECT_TRUE(has("wake up"));
  EXPECT_TRUE(has("better off"));
  // Bigrams stop at sentence and clause ends.
  EXPECT_FALSE(has("tomorrow everyone"));
  EXPECT_FALSE(has("off really"));
  EXPECT_FALSE(has("scar tir"));
  // Function words are not unigrams, before or after the suffix stripper; they stay inside bigrams.
  EXPECT_FALSE(has("i"));
  EXPECT_FALSE(has("think"));
  EXPECT_FALSE(has("know"));
  EXPECT_TRUE(has("want to"));
  EXPECT_TRUE(has("scar"));  // "scars" and "scared" share a stem: a known cost of the light stripper
  EXPECT_TRUE(has("tir people"));
  // Out-of-range spans are empty, not errors.
  EXPECT_TRUE(ideation_features(tokens, tokens.size() + 5, 2).empty());
  EXPECT_TRUE(ideation_feature_names(tokens, 3, 1).empty());
}

// Texts the model was not trained on: the validation files, written separately. They set its thresholds,
// so these are tuning figures, not held-out ones (docs/safety-evaluation.md has both).
TEST(IdeationClassifier, ReadsValidationTextsAtTheirFigures) {
  std::vector<Row> rows = read_rows(files_starting("validation"));
  size_t pos = 0, tp = 0, neg = 0, fp = 0;
  for (const auto& r : rows) {
    if (!ideation_reads(r.text.text)) continue;
    const bool fired = shipped_probability(r.text.text) >= shipped_ideation_model().threshold;
    (r.text.positive ? pos : neg)++;
    if (fired) (r.text.positive ? tp : fp)++;
  }
  ASSERT_GE(pos, 150u);
  ASSERT_GE(neg, 300u);
  // Figures at the time of training (docs/safety-evaluation.md), less a margin for rounding the table.
  EXPECT_GE(static_cast<double>(tp) / pos, 0.85) << tp << "/" << pos;
  EXPECT_LE(static_cast<double>(fp) / neg, 0.05) << fp << "/" << neg;
}

// Ordinary sentences with many different words, so that a long story has a whole-text score of its own.
std::string long_ordinary_story(size_t sentences, size_t offset = 0) {
  const char* parts[] = {
      "I took the bus to work and the driver was playing old songs.",
      "Lunch was leftover rice with some vegetables from the weekend market.",
      "My sister called about the plans for her birthday next month.",
      "The printer jammed twice and nobody in the office knew how to fix it.",
      "In the evening I watered the plants and folded the laundry.",
      "We argued about which film to watch and ended up with a documentary about whales.",
      "The garage finally replaced the brakes, which cost less than I feared.",
      "A neighbour lent me a ladder so I could clean the gutters before the storm.",
      "Our team shipped the new invoicing screen and the manager ordered pizza.",
      "I tried a recipe for lentil soup with cumin, lemon and too much garlic.",
      "The library had the second book of the series, so I reserved the third.",
      "My knee complained on the stairs after the long walk along the canal.",
      "The cat knocked a glass off the table and looked very pleased about it.",
      "Traffic near the stadium was slow because of the football match.",
      "I booked the dentist for Thursday and paid the electricity bill online.",
      "A friend sent photos from her holiday in Portugal, all beaches and tiles.",
      "The weather turned cold, so I found the winter coats in the attic.",
      "At the market the fishmonger recommended mackerel, cheap and fresh.",
      "My nephew explained a video game to me for forty minutes without breathing.",
      "The meeting about the budget ran late and nobody agreed on anything."};
  std::string s;
  for (size_t i = 0; i < sentences; ++i) s += std::string(parts[(i + offset) % 20]) + " ";
  return s;
}

// The shipped model's probability of the whole text as one window, as training would read it.
double whole_text_probability(const std::string& t) {
  auto tokens = text::tokenize(t);
  const IdeationModel& m = shipped_ideation_model();
  std::map<std::string, double> w;
  for (size_t i = 0; i < m.weight_count; ++i) w[m.weights[i].ngram] = m.weights[i].weight;
  double logit = m.bias;
  for (const auto& n : ideation_feature_names(tokens, 0, tokens.size()))
    if (auto it = w.find(n); it != w.end()) logit += it->second;
  return 1.0 / (1.0 + std::exp(-logit));
}

TEST(IdeationClassifier, FindsOneWorryingStretchOfAVeryLongText) {
  const std::string worry =
      "honestly i dont see the point in any of it anymore, everyone would be better off without me and "
      "i just want to go to sleep and not wake up. ";
  std::string stretch;  // about 480 words: what one window holds
  for (int i = 0; i < 8; ++i) stretch += worry + "it has been like this for weeks. ";
  std::string story = long_ordinary_story(150);  // about 1,900 words
  std::string with_worry = story + stretch;
  EXPECT_FALSE(score_ideation(text::tokenize(story)).fires);
  auto tokens = text::tokenize(with_worry);
  IdeationResult r = score_ideation(tokens);
  EXPECT_TRUE(r.fires) << r.probability;
  // Windows are what find it: read whole, the long story before it outweighs it.
  EXPECT_GT(r.probability, whole_text_probability(with_worry) + 0.1) << whole_text_probability(with_worry);
  // The evidence points into the worrying stretch: most of the words that weighed most are there (a word
  // of the story inside the same window, such as "nobody", may weigh a little too).
  ASSERT_FALSE(r.evidence.empty());
  size_t in_stretch = 0;
  for (const auto& span : r.evidence) {
    EXPECT_LE(span.first, span.last);
    EXPECT_LE(tokens[span.last].byte_end, with_worry.size());
    if (tokens[span.first].byte_start >= story.size()) ++in_stretch;
  }
  EXPECT_GT(in_stretch * 2, r.evidence.size()) << in_stretch << " of " << r.evidence.size();
  // A text no longer than a window is read whole, as in training.
  const std::string short_post = long_ordinary_story(10) + worry;
  EXPECT_NEAR(score_ideation(text::tokenize(short_post)).probability, whole_text_probability(short_post), 1e-4);
}

TEST(IdeationClassifier, InTheAssessorItIsACheckInAtMostAndShowsItsWords) {
  // Voiced without any of the lexicon's phrases; the classifier is what notices it.
  const std::string t =
      "i feel like such a failure at everything. lately i keep picturing how quiet it would be if i just "
      "wasnt around anymore and it feels like relief";
  Assessment a = assess_text(t);
  ASSERT_NE(a.reason.find("classifier"), std::string::npos) << a.reason;
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  EXPECT_EQ(a.level, Level::kModerate);
  ASSERT_FALSE(a.evidence.empty());
  for (const Evidence& e : a.evidence) {
    EXPECT_LT(e.byte_start, e.byte_end);
    EXPECT_LE(e.byte_end, t.size());
    EXPECT_EQ(e.level, Level::kModerate);
  }
}

TEST(IdeationClassifier, WhatTheRulesReadAsPastResolvedOrFictionItDoesNotRead) {
  const std::string now =
      "i feel like such a failure at everything. lately i keep picturing how quiet it would be if i just "
      "wasnt around anymore and it feels like relief";
  ASSERT_NE(assess_text(now).reason.find("classifier"), std::string::npos) << assess_text(now).reason;
  for (const std::string& t :
       {std::string("i feel like such a failure at everything. years ago i kept picturing how quiet it would be "
                    "if i just wasnt around anymore but that is long behind me now and i am doing well"),
        std::string("i feel like such a failure at everything. in the novel i am writing the girl keeps picturing "
                    "how quiet it would be if she just wasnt around anymore and it feels like relief")}) {
    Assessment a = assess_text(t);
    EXPECT_EQ(a.reason.find("classifier"), std::string::npos) << t << " -> " << a.reason;
    EXPECT_LT(a.level_of(Category::kSuicide), Level::kModerate) << t << " -> " << a.reason;
  }
}

TEST(IdeationClassifier, ReadsTheWritersShortChatMessagesTogether) {
  // Each message is too short for the classifier; together they say it, and one is the writer's own
  // distress ("hopeless") for it to agree with.
  std::vector<ChatMessage> c = {{"user", "so hopeless lately."},
                                {"assistant", "That sounds really heavy. What's been happening?"},
                                {"user", "picturing the quiet"},
                                {"assistant", "Quiet how?"},
                                {"user", "me not around anymore"},
                                {"assistant", "Can you tell me more?"},
                                {"user", "honestly feels like relief"}};
  for (const auto& m : c) {
    if (m.role == "user") {
      EXPECT_FALSE(ideation_reads(m.content)) << m.content;
    }
  }
  Assessment a = assess_conversation(c);
  EXPECT_EQ(a.level_of(Category::kSuicide), Level::kModerate) << a.reason;
  EXPECT_NE(a.reason.find("the session reads like suicidal thoughts"), std::string::npos) << a.reason;
  ASSERT_FALSE(a.evidence.empty());
  for (const Evidence& e : a.evidence) {
    ASSERT_LT(e.message, c.size());
    EXPECT_EQ(c[e.message].role, "user");
    EXPECT_LE(e.byte_end, c[e.message].content.size());
  }
  // The same words from the assistant are never the writer's.
  std::vector<ChatMessage> echoed = {{"user", "i feel like such a failure lately."},
                                     {"assistant", "idk. i keep picturing how quiet it would be"},
                                     {"assistant", "if i just wasnt around anymore. honestly it feels like relief"},
                                     {"user", "anyway, what should i cook tonight?"}};
  EXPECT_LT(assess_conversation(echoed).level_of(Category::kSuicide), Level::kModerate);
}

TEST(IdeationClassifier, OrdinaryTextAndOtherPeoplesRiskStayQuiet) {
  for (const char* t : {"lol this heat is killing me, i swear the bus had no air con at all today and i melted",
                        "i'm so tired after that double shift at the warehouse, going to bed early and sleeping in",
                        "my friend said she wants to die and i don't know how to help her, what do i say to her?",
                        "i'm not suicidal, just really stressed about rent this month and the landlord keeps calling",
                        "we watched a documentary about suicide prevention in class today and wrote an essay on it"}) {
    auto tokens = text::tokenize(t);
    ASSERT_TRUE(ideation_reads(t)) << t;
    EXPECT_FALSE(score_ideation(tokens).fires) << t << " " << shipped_probability(t);
  }
}

TEST(IdeationClassifier, TooShortTextsAndUntrainedModelsNeverFire) {
  EXPECT_FALSE(ideation_reads("i want to disappear"));
  EXPECT_EQ(shipped_probability("i want to disappear"), 0.0f);
  EXPECT_TRUE(ideation_reads("i want to disappear forever"));
  // A threshold of 1 means never, even where float rounding makes the probability exactly 1.
  IdeationWeight huge[] = {{"disappear", 100.0f}};
  IdeationModel never{0.0f, 1.0f, 1.0f, huge, 1};
  auto tokens = text::tokenize("some days i just want to disappear for good and never come back to any of it");
  IdeationResult r = score_ideation(tokens, never);
  EXPECT_EQ(r.probability, 1.0f);
  EXPECT_FALSE(r.fires);
  EXPECT_FALSE(r.confident);
}

TEST(IdeationClassifier, TrainingIsDeterministic) {
  const std::string day = " after a long day at work with the usual meetings and emails and a late bus home";
  std::vector<LabelledText> texts = {{"i want to disappear forever" + day, true},
                                     {"i want to go to the beach" + day, false},
                                     {"nobody would miss me if i was gone" + day, true},
                                     {"nobody answered my email today" + day, false}};
  IdeationTrainingOptions o;
  o.min_texts_per_feature = 1;
  TrainedIdeationModel a = train_ideation(texts, o), b = train_ideation(texts, o);
  EXPECT_EQ(a.weights, b.weights);
  EXPECT_EQ(a.bias, b.bias);
  EXPECT_GT(ideation_probability(a, "i want to disappear" + day), ideation_probability(a, "i want to go" + day));
  // Too short to judge: left to the lexicon.
  EXPECT_EQ(ideation_probability(a, "i want to disappear"), 0.0);
  EXPECT_TRUE(train_ideation({}, o).weights.empty());
}

TEST(IdeationClassifier, ThresholdRuleKeepsTheAllowedShareOfNegativesBelow) {
  std::vector<double> neg = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
  double t = threshold_for_false_positive_rate(neg, 0.2);  // two of ten may fire
  EXPECT_GT(t, 0.8);
  EXPECT_LE(t, 0.9);
  EXPECT_GT(threshold_for_false_positive_rate(neg, 0.0), 0.95);
  EXPECT_EQ(threshold_for_false_positive_rate({}, 0.1), 1.0);
}

}  // namespace
}  // namespace haven::safety::risk
