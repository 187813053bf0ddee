// Placeholder until the first training run: a model that never fires.
#include <iterator>

#include "safety/screen/means_reply_classifier.h"

namespace haven::safety::screen {
namespace {

using risk::IdeationModel;
using risk::IdeationWeight;

constexpr IdeationWeight kWeights[] = {
    {"\001", 0.0f},
};

}  // namespace

const risk::IdeationModel& shipped_means_reply_model() {
  static const IdeationModel model{0.0f, 1.0f, 1.0f, kWeights, std::size(kWeights), 6};
  return model;
}

}  // namespace haven::safety::screen
