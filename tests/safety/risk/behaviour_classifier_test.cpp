// The behaviour classifier: its table is what our own texts train (so nothing else went into it), its
// thresholds follow the documented rule, and in the assessor it asks at most a gentle check-in, with the
// lexicon's agreement unless it is confident, and never for someone else's act or an ordinary message.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "labelled_texts_test_helpers.h"
#include "risk_test_helpers.h"
#include "safety/risk/assessor.h"
#include "safety/risk/behaviour_classifier.h"
#include "safety/risk/ideation_classifier.h"
#include "safety/risk/ideation_training.h"
#include "safety/text/normalize.h"
#include "weight_table_test_helpers.h"

namespace haven::safety::risk {
namespace {

using test::files_starting;

std::string data_dir() { return test::safety_data_dir(); }

std::vector<LabelledText> read_texts(const std::vector<std::string>& files) { return test::read_labelled_texts(files); }

// The documented command's files, in its order (docs/safety-evaluation.md).
std::vector<std::string> training_files() {
  std::vector<std::string> files = files_starting("behaviour_classifier", "train_");
  files.push_back(data_dir() + "/classifier/train_ordinary.jsonl");
  files.push_back(data_dir() + "/classifier/train_stress.jsonl");
  return files;
}

TEST(BehaviourClassifier, ShippedTableIsWhatOurOwnTextsTrain) {
  const std::vector<LabelledText> texts = read_texts(training_files());
  ASSERT_GE(texts.size(), 2000u);
  const TrainedIdeationModel trained = train_ideation(texts, IdeationTrainingOptions{});
  const IdeationModel& shipped = shipped_behaviour_model();
  EXPECT_EQ(shipped.min_words, kBehaviourMinWords);
  EXPECT_EQ(test::weight_table_differences(trained, shipped), 0u)
      << "regenerate src/safety/risk/behaviour_weights.cpp with haven safety train-ideation --model behaviour";

  std::vector<std::string> negatives;
  for (const auto& t : read_texts(files_starting("classifier", "validation")))
    if (!t.positive && ideation_reads(t.text, kBehaviourMinWords)) negatives.push_back(t.text);
  ASSERT_GE(negatives.size(), 300u);
  const std::vector<double> p = ideation_probabilities(trained, negatives, kBehaviourMinWords);
  EXPECT_NEAR(shipped.threshold,
              round_threshold_up(threshold_for_false_positive_rate(p, kBehaviourMaxValidationFalsePositiveRate)), 1e-5);
  EXPECT_NEAR(shipped.confident_threshold,
              round_threshold_up(threshold_for_false_positive_rate(p, kBehaviourConfidentValidationFalsePositiveRate)),
              1e-5);
  EXPECT_LT(shipped.threshold, shipped.confident_threshold);
}

// Acts told in words the lexicon has no phrase for are at least a check-in, in the category their words point
// to. (The second, an attempt broken off at a railway, is high since the eleventh session: the means
// question reader, at 0.6, reads "nobody knows where i was" as a question about not being found.)
TEST(BehaviourClassifier, ActsToldInOrdinaryWordsAreACheckIn) {
  int found = 0;
  for (const char* t : {"the stitches itch today. long sleeves at work all week again so nobody sees",
                        "got as far as the station and watched my train leave. sat on the platform till dark. "
                        "nobody knows where i was"}) {
    if (!score_behaviour(text::tokenize(t)).fires) continue;
    ++found;
    const Assessment a = assess_text(t);
    EXPECT_GE(risk_test::sh(a), Level::kModerate) << t << " -> " << a.reason;
  }
  EXPECT_GE(found, 1) << "expected the reader to know at least one of these";
  // The category follows the act's words.
  EXPECT_TRUE(reads_as_self_harm(text::tokenize("new marks on my thighs, plasters in my bag")));
  EXPECT_FALSE(reads_as_self_harm(text::tokenize("took the pills and waited")));
  EXPECT_FALSE(reads_as_self_harm(text::tokenize("a quiet day at home")));
}

// Its firing alone, below its confident threshold, does not make an ordinary message a check-in.
TEST(BehaviourClassifier, NeedsAgreementBelowItsConfidentThreshold) {
  for (const char* t : {"the examiner was actually nice this time and i didn't stall once. my mum screamed when i "
                        "told her. gonna drive to the beach on sunday if she lets me borrow the car",
                        "Tried knitting tonight. Produced something between a scarf and a tangle. Will continue.",
                        "Couldn't sleep so I got up and made tea and sat by the window. Back to bed now."}) {
    const IdeationResult r = score_behaviour(text::tokenize(t));
    if (r.confident) continue;  // confident firings count alone, by design
    EXPECT_LT(risk_test::sh(assess_text(t)), Level::kModerate) << t << " -> " << assess_text(t).reason;
  }
}

// Below its thresholds, the reader counts where the ideation reader agrees, in messages long enough that
// style alone does not carry both; a short chat reply never does.
TEST(BehaviourClassifier, CountsWhereTheIdeationReaderAgreesInLongerMessages) {
  const char* act = "Paid off the credit card so nobody inherits my debt. Wrote down where the insurance papers "
                    "are. Put the cat's carrier out by the door with a note for my sister about her food and the "
                    "vet. Everything feels very quiet tonight.";
  const std::vector<text::Token> tokens = text::tokenize(act);
  const IdeationResult b = score_behaviour(tokens);
  const IdeationResult i = score_ideation(tokens);
  size_t words = 0;
  for (const auto& t : tokens) words += t.is_boundary() ? 0 : 1;
  ASSERT_GE(words, kBehaviourSupportedMinWords);
  // The case this rule exists for: the reader alone would not count, both together do.
  if (b.probability >= kBehaviourSupportedProbability && !b.confident && i.probability >= kIdeationSupportingBehaviourProbability) {
    EXPECT_EQ(risk_test::sh(assess_text(act)), Level::kModerate) << assess_text(act).reason;
  } else {
    ADD_FAILURE() << "the example no longer sits between the thresholds: behaviour " << b.probability << ", ideation "
                  << i.probability << "; choose another";
  }
  // A chat reply of ordinary style that reaches both is below the word count and stays ordinary.
  const char* reply = "my parents wont let me go to the concert bc its 'on a school night'. its literally the only "
                      "time theyre touring here";
  EXPECT_LT(risk_test::sh(assess_text(reply)), Level::kModerate) << assess_text(reply).reason;
}

// Our own 1,500 ordinary and stress texts stay within the 5% (the reader adds to the lexicon's).
TEST(BehaviourClassifier, RarelyFiresOnOrdinaryText) {
  int n = 0, fired = 0;
  for (const auto& t : read_texts({data_dir() + "/classifier/validation_ordinary.jsonl",
                                   data_dir() + "/classifier/validation_stress.jsonl"})) {
    ++n;
    fired += score_behaviour(text::tokenize(t.text)).confident ? 1 : 0;
  }
  ASSERT_GE(n, 200);
  EXPECT_LE(fired * 100, n * 2) << fired << " of " << n << " confident on ordinary and stress texts";
}

}  // namespace
}  // namespace haven::safety::risk
