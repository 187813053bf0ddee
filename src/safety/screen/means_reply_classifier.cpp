#include "safety/screen/means_reply_classifier.h"

namespace haven::safety::screen {

risk::IdeationTrainingOptions means_reply_training_options() {
  risk::IdeationTrainingOptions options;
  options.fixed_bias = kMeansReplyBias;
  return options;
}

std::string means_reply_model_text(std::string_view reply) {
  std::string out(reply);
  for (char& c : out)
    if (c >= '0' && c <= '9') c = ',';
  return out;
}

ReplyReading read_reply_with(const risk::IdeationScorer& scorer, std::string_view reply) {
  const std::vector<text::Token> tokens = text::tokenize(means_reply_model_text(reply));
  const risk::IdeationResult r = scorer.score(tokens);
  ReplyReading out;
  out.probability = r.probability;
  out.fires = r.fires;
  for (const auto& span : r.evidence) out.evidence.push_back({tokens[span.first].byte_start, tokens[span.last].byte_end});
  return out;
}

MeansReplyReading read_means_reply(std::string_view reply) {
  static const risk::IdeationScorer* const scorer = new risk::IdeationScorer(shipped_means_reply_model());
  return read_reply_with(*scorer, reply);
}

}  // namespace haven::safety::screen
