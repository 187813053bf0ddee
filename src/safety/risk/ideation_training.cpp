#include "safety/risk/ideation_training.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "safety/risk/ideation_classifier.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {
namespace {

std::vector<std::string> features_of(const std::string& text) {
  std::vector<text::Token> tokens = text::tokenize(text);
  return ideation_feature_names(tokens, 0, tokens.size());
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// A C++ string literal for a canonical word or bigram (letters, digits, a few marks; escape the rest).
std::string literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f || c == '?') {  // '?' avoids trigraph-looking sequences
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

TrainedIdeationModel train_ideation(const std::vector<LabelledText>& texts, const IdeationTrainingOptions& options) {
  TrainedIdeationModel model;
  model.training_texts = texts.size();
  if (texts.empty()) return model;
  // Feature ids in text order of the feature (std::map), so ids never depend on hashing or input order.
  std::vector<std::vector<std::string>> names(texts.size());
  std::map<std::string, size_t> text_count;
  for (size_t i = 0; i < texts.size(); ++i) {
    names[i] = features_of(texts[i].text);
    for (const auto& n : names[i]) ++text_count[n];
    if (texts[i].positive) ++model.positives;
  }
  std::map<std::string, size_t> id;
  std::vector<std::string> feature_name;
  for (const auto& [n, count] : text_count) {
    if (count < options.min_texts_per_feature) continue;
    id.emplace(n, feature_name.size());
    feature_name.push_back(n);
  }
  std::vector<std::vector<size_t>> x(texts.size());
  for (size_t i = 0; i < texts.size(); ++i)
    for (const auto& n : names[i]) {
      auto it = id.find(n);
      if (it != id.end()) x[i].push_back(it->second);
    }

  const size_t dims = feature_name.size() + 1;  // the last is the bias
  std::vector<double> w(dims, 0.0), m(dims, 0.0), v(dims, 0.0), grad(dims, 0.0);
  if (options.fixed_bias) w[dims - 1] = *options.fixed_bias;
  const double n = static_cast<double>(texts.size());
  const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  double b1t = 1.0, b2t = 1.0;
  for (size_t iter = 0; iter < options.iterations; ++iter) {
    std::fill(grad.begin(), grad.end(), 0.0);
    double loss = 0.0;
    for (size_t i = 0; i < texts.size(); ++i) {
      double z = w[dims - 1];
      for (size_t f : x[i]) z += w[f];
      const double p = sigmoid(z);
      const double y = texts[i].positive ? 1.0 : 0.0;
      loss += -(y * std::log(std::max(p, 1e-12)) + (1 - y) * std::log(std::max(1 - p, 1e-12)));
      const double g = (p - y) / n;
      for (size_t f : x[i]) grad[f] += g;
      grad[dims - 1] += g;
    }
    loss /= n;
    for (size_t f = 0; f + 1 < dims; ++f) {
      grad[f] += options.l2 * w[f];
      loss += 0.5 * options.l2 * w[f] * w[f];
    }
    model.final_loss = loss;
    b1t *= beta1;
    b2t *= beta2;
    if (options.fixed_bias) grad[dims - 1] = 0.0;
    for (size_t f = 0; f < dims; ++f) {
      m[f] = beta1 * m[f] + (1 - beta1) * grad[f];
      v[f] = beta2 * v[f] + (1 - beta2) * grad[f] * grad[f];
      const double mhat = m[f] / (1 - b1t);
      const double vhat = v[f] / (1 - b2t);
      w[f] -= options.learning_rate * mhat / (std::sqrt(vhat) + eps);
    }
  }
  auto rounded = [](double x) { return std::round(x / kIdeationWeightStep) * kIdeationWeightStep; };
  model.bias = rounded(w[dims - 1]);
  for (size_t f = 0; f + 1 < dims; ++f)
    if (std::fabs(w[f]) >= options.prune_below) model.weights.emplace_back(feature_name[f], rounded(w[f]));
  return model;
}

std::vector<double> ideation_probabilities(const TrainedIdeationModel& model, const std::vector<std::string>& texts,
                                           size_t min_words) {
  std::vector<IdeationWeight> table;
  table.reserve(model.weights.size());
  for (const auto& [name, weight] : model.weights) table.push_back({name.c_str(), static_cast<float>(weight)});
  IdeationModel view;
  view.bias = static_cast<float>(model.bias);
  view.threshold = 1.0f;
  view.weights = table.data();
  view.weight_count = table.size();
  view.min_words = min_words;
  const IdeationScorer scorer(view);
  std::vector<double> out;
  out.reserve(texts.size());
  for (const auto& t : texts) out.push_back(scorer.score(text::tokenize(t)).probability);
  return out;
}

double ideation_probability(const TrainedIdeationModel& model, const std::string& text, size_t min_words) {
  return ideation_probabilities(model, {text}, min_words).front();
}

bool ideation_reads(const std::string& text, size_t min_words) {
  size_t words = 0;
  for (const text::Token& t : text::tokenize(text)) words += t.is_boundary() ? 0 : 1;
  return words >= min_words && words > 0;
}

double round_threshold_up(double threshold) {
  return std::ceil(threshold / kIdeationWeightStep) * kIdeationWeightStep;
}

double threshold_for_false_positive_rate(std::vector<double> negative_probabilities, double max_false_positive_rate) {
  if (negative_probabilities.empty()) return 1.0;
  if (!(max_false_positive_rate >= 0.0)) max_false_positive_rate = 0.0;  // NaN too
  max_false_positive_rate = std::min(max_false_positive_rate, 1.0);
  std::sort(negative_probabilities.begin(), negative_probabilities.end());
  const size_t n = negative_probabilities.size();
  // Largest count of negatives allowed to reach the threshold.
  const size_t allowed = static_cast<size_t>(std::floor(max_false_positive_rate * static_cast<double>(n) + 1e-9));
  // Threshold just above the (n - allowed - 1)-th probability: everything at or above the next one fires.
  if (allowed >= n) return negative_probabilities.front();
  const double below = negative_probabilities[n - allowed - 1];
  return std::nextafter(below, 2.0);
}

std::string render_ideation_weights_source(const TrainedIdeationModel& model, double threshold,
                                           double confident_threshold, const std::vector<std::string>& provenance,
                                           const WeightsSourceTarget& target) {
  std::string s;
  const std::string header_name = target.header.substr(target.header.find_last_of('/') + 1);
  s += "// Generated by `" + target.command + "`; do not edit by hand (see " + header_name + ").\n";
  for (const auto& line : provenance) s += "// " + line + "\n";
  s += "#include <iterator>\n\n#include \"" + target.header + "\"\n\n";
  s += "namespace " + target.name_space + " {\nnamespace {\n\n";
  s += target.name_space == "haven::safety::risk" ? "" : "using risk::IdeationModel;\nusing risk::IdeationWeight;\n\n";
  s += "constexpr IdeationWeight kWeights[] = {\n";
  char buf[64];
  for (const auto& [name, weight] : model.weights) {
    std::snprintf(buf, sizeof buf, "%.4ff", weight);
    s += "    {" + literal(name) + ", " + buf + "},\n";
  }
  s += "};\n\n}  // namespace\n\n";
  s += "const " + std::string(target.name_space == "haven::safety::risk" ? "" : "risk::") + "IdeationModel& " +
       target.function + "() {\n";
  std::snprintf(buf, sizeof buf, "%.4ff", model.bias);
  std::string bias = buf;
  std::snprintf(buf, sizeof buf, "%.4ff", threshold);
  std::string thresholds = buf;
  std::snprintf(buf, sizeof buf, ", %.4ff", confident_threshold);
  thresholds += buf;
  std::string min_words;
  if (target.min_words != kIdeationMinWords) min_words = ", " + std::to_string(target.min_words);
  s += "  static const IdeationModel model{" + bias + ", " + thresholds + ", kWeights, std::size(kWeights)" + min_words +
       "};\n";
  s += "  return model;\n}\n\n}  // namespace " + target.name_space + "\n";
  return s;
}

}  // namespace haven::safety::risk
