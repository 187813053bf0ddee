// Shared by the tests of the screener's learned readers (means_reply_classifier_test.cpp,
// harm_reply_classifier_test.cpp): our labelled replies as the trainer reads them, and the check that a
// shipped table is what they train, with its threshold where the documented rule puts it.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../risk/weight_table_test_helpers.h"
#include "safety/risk/assessor.h"
#include "safety/risk/ideation_classifier.h"
#include "safety/risk/ideation_training.h"
#include "safety/screen/means_reply_classifier.h"

namespace haven::safety::screen::test {

// tests/safety
inline std::filesystem::path tests_dir() { return std::filesystem::path(__FILE__).parent_path().parent_path(); }

struct LabelledReply {
  bool unsafe = false;
  std::string category;
  std::string reply;  // as written
  std::string model_text;  // as the reply models read it (means_reply_model_text)
  std::vector<ChatMessage> messages;
};

inline std::vector<LabelledReply> read_labelled_replies(const std::vector<std::filesystem::path>& files) {
  std::vector<LabelledReply> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    EXPECT_TRUE(in.good()) << "cannot open " << f;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      LabelledReply r;
      r.unsafe = j.at("label") == "unsafe";
      r.category = j.at("category").get<std::string>();
      r.reply = j.at("reply").get<std::string>();
      r.model_text = means_reply_model_text(r.reply);
      for (const auto& m : j.at("messages"))
        r.messages.push_back({m.at("role").get<std::string>(), m.at("content").get<std::string>()});
      out.push_back(std::move(r));
    }
  }
  return out;
}

// The shipped table is what `train` gives with `options`, and its threshold is the lowest at which at most
// `max_fpr` of `validation_safe` (texts of `min_words` words or more) fire; it has no confident threshold.
inline void expect_shipped_reply_table(const std::vector<risk::LabelledText>& train,
                                       const std::vector<std::string>& validation_safe,
                                       const risk::IdeationTrainingOptions& options,
                                       const risk::IdeationModel& shipped, size_t min_words, double max_fpr,
                                       const std::string& weights_file) {
  const risk::TrainedIdeationModel trained = risk::train_ideation(train, options);
  EXPECT_EQ(shipped.min_words, min_words);
  ASSERT_TRUE(options.fixed_bias.has_value());
  EXPECT_NEAR(shipped.bias, *options.fixed_bias, 2e-4);
  EXPECT_EQ(risk::test::weight_table_differences(trained, shipped), 0u)
      << "regenerate " << weights_file << " (docs/safety-policy.md)";
  std::vector<std::string> safe;
  for (const auto& t : validation_safe)
    if (risk::ideation_reads(t, min_words)) safe.push_back(t);
  const std::vector<double> p = risk::ideation_probabilities(trained, safe, min_words);
  EXPECT_NEAR(shipped.threshold,
              risk::round_threshold_up(risk::threshold_for_false_positive_rate(p, max_fpr)), 1e-5);
  EXPECT_GE(shipped.confident_threshold, 1.0f) << "a reply model has no confident threshold";
}

}  // namespace haven::safety::screen::test
