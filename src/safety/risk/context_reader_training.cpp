#include "safety/risk/context_reader_training.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace haven::safety::risk {
namespace {

// splitmix64: a generator whose sequence is the same on every machine and standard library (std::shuffle
// and the std distributions are not).
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double normal() {
    const double u = 1.0 - uniform();  // (0, 1]
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * uniform());
  }
};

// Adagrad accumulators, one per parameter.
struct Accumulators {
  std::vector<float> embeddings, filters, filter_bias, output;
  float output_bias = 0.0f;
};

constexpr float kAccumulatorStart = 1e-8f;
// Embeddings start small and random: at zero, every filter would start at its bias (zero) everywhere, and
// a filter that never rises above zero gets no gradient.
constexpr double kEmbeddingSpread = 0.05;

inline void step(float& parameter, float& accumulated, float gradient, float rate) {
  accumulated += gradient * gradient;
  parameter -= rate * gradient / std::sqrt(accumulated);
}

// One text: forward pass, then the gradient of the log loss through max-pooling to the filters and
// embeddings that produced each filter's maximum. Output weights and filters take one Adagrad step each;
// an embedding takes one step per occurrence of its feature in the text (a word said three times moves
// its row three times, as it weighed three times in the reading).
void train_one(ContextModel& m, std::vector<float>& embeddings, Accumulators& a, const std::vector<std::vector<uint32_t>>& all_features, bool positive,
               const ContextTrainingOptions& options, Random& random) {
  std::vector<std::vector<uint32_t>> kept;
  if (options.token_dropout > 0.0) {
    kept = all_features;
    for (auto& f : kept)
      if (random.uniform() < options.token_dropout) f.clear();
  }
  const std::vector<std::vector<uint32_t>>& features = options.token_dropout > 0.0 ? kept : all_features;
  const size_t n = features.size();
  const float rate = static_cast<float>(options.learning_rate);
  const float l2 = static_cast<float>(options.l2);
  std::vector<float> x(n * kContextDim, 0.0f);
  for (size_t t = 0; t < n; ++t) {
    if (features[t].empty()) continue;
    const float inv = 1.0f / static_cast<float>(features[t].size());
    for (uint32_t b : features[t])
      for (size_t d = 0; d < kContextDim; ++d) x[t * kContextDim + d] += embeddings[b * kContextDim + d] * inv;
  }
  constexpr ptrdiff_t kHalf = static_cast<ptrdiff_t>(kContextWidth / 2);
  std::vector<float> h(kContextFilters, 0.0f);
  std::vector<ptrdiff_t> where(kContextFilters, -1);
  const float keep_scale = static_cast<float>(1.0 / (1.0 - options.dropout));
  for (size_t k = 0; k < kContextFilters; ++k) {
    float best = -INFINITY;
    size_t best_t = 0;
    for (size_t t = 0; t < n; ++t) {
      float z = m.filter_bias[k];
      for (size_t j = 0; j < kContextWidth; ++j) {
        const ptrdiff_t p = static_cast<ptrdiff_t>(t) + static_cast<ptrdiff_t>(j) - kHalf;
        if (p < 0 || p >= static_cast<ptrdiff_t>(n)) continue;
        const float* f = &m.filters[(k * kContextWidth + j) * kContextDim];
        const float* xp = &x[static_cast<size_t>(p) * kContextDim];
        for (size_t d = 0; d < kContextDim; ++d) z += f[d] * xp[d];
      }
      if (z > best) {
        best = z;
        best_t = t;
      }
    }
    const bool dropped = options.dropout > 0.0 && random.uniform() < options.dropout;
    if (best > 0.0f && !dropped) {
      h[k] = best * keep_scale;
      where[k] = static_cast<ptrdiff_t>(best_t);
    }
  }
  float logit = m.output_bias;
  for (size_t k = 0; k < kContextFilters; ++k) logit += m.output[k] * h[k];
  const float probability = 1.0f / (1.0f + std::exp(-logit));
  const float g = probability - (positive ? 1.0f : 0.0f);

  std::vector<float> gx(n * kContextDim, 0.0f);
  for (size_t k = 0; k < kContextFilters; ++k) {
    const float gh = g * m.output[k] * (where[k] >= 0 ? keep_scale : 0.0f);
    step(m.output[k], a.output[k], g * h[k] + l2 * m.output[k], rate);
    if (where[k] < 0) continue;
    step(m.filter_bias[k], a.filter_bias[k], gh, rate);
    for (size_t j = 0; j < kContextWidth; ++j) {
      const ptrdiff_t p = where[k] + static_cast<ptrdiff_t>(j) - kHalf;
      if (p < 0 || p >= static_cast<ptrdiff_t>(n)) continue;
      const size_t at = (k * kContextWidth + j) * kContextDim;
      const float* xp = &x[static_cast<size_t>(p) * kContextDim];
      float* gxp = &gx[static_cast<size_t>(p) * kContextDim];
      for (size_t d = 0; d < kContextDim; ++d) {
        gxp[d] += gh * m.filters[at + d];
        step(m.filters[at + d], a.filters[at + d], gh * xp[d] + l2 * m.filters[at + d], rate);
      }
    }
  }
  step(m.output_bias, a.output_bias, g, rate);
  for (size_t t = 0; t < n; ++t) {
    if (features[t].empty()) continue;
    const float inv = 1.0f / static_cast<float>(features[t].size());
    for (uint32_t b : features[t])
      for (size_t d = 0; d < kContextDim; ++d)
        step(embeddings[b * kContextDim + d], a.embeddings[b * kContextDim + d], gx[t * kContextDim + d] * inv, rate);
  }
}

}  // namespace

std::vector<std::vector<uint32_t>> context_features(const std::string& text) {
  const std::vector<text::Token> tokens = text::tokenize(text);
  const size_t n = std::min(tokens.size(), kContextMaxTokens);
  std::vector<std::vector<uint32_t>> out(n);
  for (size_t i = 0; i < n; ++i) context_token_features(tokens[i].text, out[i]);
  return out;
}

ContextModel train_context(const std::vector<LabelledText>& texts, const ContextTrainingOptions& options) {
  Random random{options.seed};
  ContextModel m;
  std::vector<float> embeddings(size_t{kContextBuckets} * kContextDim);  // as floats while training
  for (float& e : embeddings) e = static_cast<float>(random.normal() * kEmbeddingSpread);
  const double filter_spread = std::sqrt(2.0 / static_cast<double>(kContextWidth * kContextDim));
  m.filters.resize(kContextFilters * kContextWidth * kContextDim);
  for (float& f : m.filters) f = static_cast<float>(random.normal() * filter_spread);
  m.filter_bias.assign(kContextFilters, 0.0f);
  const double output_spread = std::sqrt(1.0 / static_cast<double>(kContextFilters));
  m.output.resize(kContextFilters);
  for (float& o : m.output) o = static_cast<float>(random.normal() * output_spread);

  Accumulators a;
  a.embeddings.assign(embeddings.size(), kAccumulatorStart);
  a.filters.assign(m.filters.size(), kAccumulatorStart);
  a.filter_bias.assign(kContextFilters, kAccumulatorStart);
  a.output.assign(kContextFilters, kAccumulatorStart);
  a.output_bias = kAccumulatorStart;

  std::vector<std::vector<std::vector<uint32_t>>> features;
  features.reserve(texts.size());
  for (const LabelledText& t : texts) features.push_back(context_features(t.text));
  std::vector<size_t> order(texts.size());
  std::iota(order.begin(), order.end(), size_t{0});
  // Embeddings no training text touched are set to zero at the end: a piece of a word nobody wrote says
  // nothing, instead of whatever it started as.
  std::vector<bool> touched(kContextBuckets, false);
  for (const auto& text : features)
    for (const auto& token : text)
      for (uint32_t b : token) touched[b] = true;
  for (size_t epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.next() % i]);  // Fisher-Yates
    for (size_t i : order)
      if (!features[i].empty()) train_one(m, embeddings, a, features[i], texts[i].positive, options, random);
  }
  for (size_t b = 0; b < kContextBuckets; ++b)
    if (!touched[b]) std::fill_n(embeddings.begin() + static_cast<ptrdiff_t>(b * kContextDim), kContextDim, 0.0f);
  set_embeddings(m, embeddings);
  return m;
}

ContextEnsemble train_context_ensemble(const std::vector<LabelledText>& texts, const ContextTrainingOptions& options) {
  ContextEnsemble ensemble;
  for (size_t i = 0; i < std::max<size_t>(1, options.members); ++i) {
    ContextTrainingOptions one = options;
    one.seed = options.seed + i;
    ensemble.members.push_back(train_context(texts, one));
  }
  return ensemble;
}

}  // namespace haven::safety::risk
