// Shared by the tests that check a shipped weight table is what the committed texts train
// (ideation_classifier_test.cpp, screen/means_reply_classifier_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <map>
#include <string>

#include "safety/risk/ideation_classifier.h"
#include "safety/risk/ideation_training.h"

namespace haven::safety::risk::test {

// How many weights differ (beyond the table's rounding) between a retrained model and a shipped table;
// reports the first few as failures. A weight pruned from the table may be missing from it.
inline size_t weight_table_differences(const TrainedIdeationModel& trained, const IdeationModel& shipped) {
  constexpr double kTolerance = 2e-4;
  EXPECT_NEAR(trained.bias, shipped.bias, kTolerance);
  std::map<std::string, double> retrained(trained.weights.begin(), trained.weights.end());
  std::map<std::string, double> table;
  for (size_t i = 0; i < shipped.weight_count; ++i) table[shipped.weights[i].ngram] = shipped.weights[i].weight;
  const double prune = IdeationTrainingOptions{}.prune_below;
  size_t differ = 0;
  for (const auto& [name, w] : retrained) {
    auto it = table.find(name);
    const bool ok = it != table.end() ? std::fabs(it->second - w) <= kTolerance : std::fabs(w) < prune + kTolerance;
    if (!ok && ++differ <= 5) ADD_FAILURE() << "weight of '" << name << "': retrained " << w;
  }
  for (const auto& [name, w] : table)
    if (!retrained.count(name) && std::fabs(w) >= prune + kTolerance && ++differ <= 5)
      ADD_FAILURE() << "weight of '" << name << "' is in the table but not retrained: " << w;
  return differ;
}

}  // namespace haven::safety::risk::test
