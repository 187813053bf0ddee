// Training for the ideation classifier (ideation_classifier.h): L2-regularised logistic regression over
// the classifier's own features, fitted by full-batch Adam in a fixed order, so the same texts give the
// same weights on every machine (to the precision the weight table is written with). Used by
// `haven safety train-ideation` and by the test that retrains from the committed texts and checks the
// committed table is what they give.
//
// Pure functions; never fail (an empty training set gives a model of bias 0 and no weights).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "safety/risk/ideation_classifier.h"

namespace haven::safety::risk {

// How the shipped table was made: the threshold is the lowest at which at most this share of the
// validation files' label-0 texts fire (threshold_for_false_positive_rate).
constexpr double kIdeationMaxValidationFalsePositiveRate = 0.05;
// The confident threshold, at which the classifier counts without the lexicon's agreement: the lowest at
// which at most this share of the validation files' label-0 texts fire.
constexpr double kIdeationConfidentValidationFalsePositiveRate = 0.035;

struct LabelledText {
  std::string text;
  bool positive = false;
};

struct IdeationTrainingOptions {
  // Features seen in fewer training texts than this are left out: a word one author used once says
  // more about that author than about suicidal thinking.
  size_t min_texts_per_feature = 2;
  // Strength of the L2 penalty on the mean log loss (not on the bias).
  double l2 = 1e-3;
  size_t iterations = 600;
  double learning_rate = 0.05;
  // Weights smaller than this in magnitude are dropped from the table.
  double prune_below = 0.01;
  // When set, the bias is held at this value instead of fitted: a model that must find words for its
  // class before it fires (the means-reply model, whose negatives are all distinctively caring replies,
  // otherwise learns that a reply with none of their words is unsafe).
  std::optional<double> fixed_bias;
};

// Weights and bias are rounded to this step after training, so that the model the trainer scores
// validation texts with is exactly the table it writes.
constexpr double kIdeationWeightStep = 1e-4;

struct TrainedIdeationModel {
  double bias = 0.0;
  // Sorted by feature text.
  std::vector<std::pair<std::string, double>> weights;
  size_t training_texts = 0;
  size_t positives = 0;
  double final_loss = 0.0;  // mean log loss plus penalty at the end, for the report
};

TrainedIdeationModel train_ideation(const std::vector<LabelledText>& texts, const IdeationTrainingOptions& options);

// The probabilities a trained model gives texts, scored exactly as the shipped table would score them
// (0 for texts too short to read): for validation inside the trainer.
// min_words is the shipped model's (IdeationModel::min_words).
std::vector<double> ideation_probabilities(const TrainedIdeationModel& model, const std::vector<std::string>& texts,
                                           size_t min_words = kIdeationMinWords);
double ideation_probability(const TrainedIdeationModel& model, const std::string& text,
                            size_t min_words = kIdeationMinWords);

// Whether the classifier reads a text at all (min_words words or more); texts it does not read say
// nothing about its threshold and are left out of it.
bool ideation_reads(const std::string& text, size_t min_words = kIdeationMinWords);

// The lowest threshold, among the probabilities the negatives get, at which at most max_false_positive_rate
// of the negatives reach it (a text fires when its probability >= threshold). 1.0 when there are none.
double threshold_for_false_positive_rate(std::vector<double> negative_probabilities, double max_false_positive_rate);

// Where a generated table goes: the ideation classifier's (the defaults) or another model built the
// same way (the reply screener's means model, screen/means_reply_classifier.h).
struct WeightsSourceTarget {
  std::string command = "haven safety train-ideation";
  std::string header = "safety/risk/ideation_classifier.h";  // declares the function
  std::string name_space = "haven::safety::risk";
  std::string function = "shipped_ideation_model";
  size_t min_words = kIdeationMinWords;
};

// C++ source for the weights file: the model as an IdeationModel table, with a header comment naming
// how it was made (provenance is one line per entry, written as given). The threshold is written with
// four decimals: pass one already rounded up to kIdeationWeightStep (round_threshold_up).
double round_threshold_up(double threshold);
std::string render_ideation_weights_source(const TrainedIdeationModel& model, double threshold,
                                           double confident_threshold, const std::vector<std::string>& provenance,
                                           const WeightsSourceTarget& target = WeightsSourceTarget{});

}  // namespace haven::safety::risk
