#include "engine/sampler/sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace haven::engine {
namespace {

Status bad_param(const char* name, const std::string& expected, double found) {
  return invalid_argument(std::string("sampler: expected ") + name + " " + expected + ", found " +
                          std::to_string(found));
}

}  // namespace

Result<Sampler> Sampler::create(const SamplerParams& p) {
  if (!std::isfinite(p.temperature)) return bad_param("temperature", "a finite number", p.temperature);
  if (!(p.top_p >= 0.0f && p.top_p <= 1.0f)) return bad_param("top_p", "in [0, 1]", p.top_p);
  if (!(p.min_p >= 0.0f && p.min_p <= 1.0f)) return bad_param("min_p", "in [0, 1]", p.min_p);
  if (!(std::isfinite(p.repetition_penalty) && p.repetition_penalty > 0.0f)) {
    return bad_param("repetition_penalty", "a finite number above 0", p.repetition_penalty);
  }
  if (!std::isfinite(p.frequency_penalty)) {
    return bad_param("frequency_penalty", "a finite number", p.frequency_penalty);
  }
  if (!std::isfinite(p.presence_penalty)) return bad_param("presence_penalty", "a finite number", p.presence_penalty);
  if (p.penalty_last_n < 0) return bad_param("penalty_last_n", "0 or more", p.penalty_last_n);
  return Sampler(p);
}

void Sampler::accept(int32_t token) {
  const size_t n = static_cast<size_t>(params_.penalty_last_n);
  if (n == 0) return;
  if (history_.size() < n) {
    history_.push_back(token);
  } else {
    history_[history_next_] = token;
    history_next_ = (history_next_ + 1) % n;
  }
}

void Sampler::reset() {
  rng_.reseed(params_.seed);
  history_.clear();
  history_next_ = 0;
}

bool Sampler::penalties_active() const {
  return params_.penalty_last_n > 0 && !history_.empty() &&
         (params_.repetition_penalty != 1.0f || params_.frequency_penalty != 0.0f ||
          params_.presence_penalty != 0.0f);
}

void Sampler::apply_penalties() {
  window_.assign(history_.begin(), history_.end());
  std::sort(window_.begin(), window_.end());
  for (size_t i = 0; i < window_.size();) {
    size_t j = i;
    while (j < window_.size() && window_[j] == window_[i]) ++j;
    const int32_t id = window_[i];
    const float count = static_cast<float>(j - i);
    i = j;
    if (id < 0 || static_cast<size_t>(id) >= logits_.size()) continue;
    float& l = logits_[static_cast<size_t>(id)];
    l = l <= 0.0f ? l * params_.repetition_penalty : l / params_.repetition_penalty;
    l -= count * params_.frequency_penalty + params_.presence_penalty;
  }
}

void Sampler::ensure_sorted_prefix(size_t n) {
  n = std::min(n, candidates_.size());
  if (n <= sorted_prefix_) return;
  // Grow geometrically so a caller walking forward one token at a time stays linear overall.
  n = std::min(candidates_.size(), std::max({n, 2 * sorted_prefix_, size_t{64}}));
  auto better = [](const Candidate& a, const Candidate& b) {
    return a.logit > b.logit || (a.logit == b.logit && a.id < b.id);
  };
  auto first = candidates_.begin() + static_cast<std::ptrdiff_t>(sorted_prefix_);
  auto mid = candidates_.begin() + static_cast<std::ptrdiff_t>(n);
  if (mid != candidates_.end()) std::nth_element(first, mid, candidates_.end(), better);
  std::sort(first, mid, better);
  sorted_prefix_ = n;
}

Result<int32_t> Sampler::sample(std::span<const float> logits) {
  if (logits.empty()) return invalid_argument("sampler: expected logits for at least one token, found none");
  if (logits.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return invalid_argument("sampler: expected at most 2147483647 logits, found " + std::to_string(logits.size()));
  }
  for (size_t i = 0; i < logits.size(); ++i) {
    if (std::isnan(logits[i]) || logits[i] == std::numeric_limits<float>::infinity()) {
      return invalid_argument(std::string("sampler: expected finite logits, found ") +
                              (std::isnan(logits[i]) ? "NaN" : "+inf") + " for token " + std::to_string(i));
    }
  }
  constexpr float kNegInf = -std::numeric_limits<float>::infinity();
  const bool penalise = penalties_active();
  if (params_.temperature <= 0.0f && !penalise) {
    // Plain greedy reads the caller's logits directly: no copy of the vocabulary.
    size_t best = 0;
    for (size_t i = 1; i < logits.size(); ++i) {
      if (logits[i] > logits[best]) best = i;
    }
    if (logits[best] == kNegInf) return invalid_argument("sampler: expected at least one finite logit, found none");
    return static_cast<int32_t>(best);
  }
  logits_.assign(logits.begin(), logits.end());
  if (penalise) apply_penalties();

  if (params_.temperature <= 0.0f) {
    size_t best = 0;
    for (size_t i = 1; i < logits_.size(); ++i) {
      if (logits_[i] > logits_[best]) best = i;
    }
    if (logits_[best] == kNegInf) {
      return invalid_argument("sampler: expected at least one finite logit, found none");
    }
    return static_cast<int32_t>(best);
  }

  auto better = [](const Candidate& a, const Candidate& b) {
    return a.logit > b.logit || (a.logit == b.logit && a.id < b.id);
  };
  candidates_.clear();
  const size_t k = params_.top_k > 0 ? static_cast<size_t>(params_.top_k) : 0;
  const bool heap_top_k = k > 0 && k * 8 < logits_.size();
  if (heap_top_k) {
    // The usual case (k = 40 of 150k): one pass with a k-element heap whose front is the worst kept
    // candidate, instead of materialising the whole vocabulary. Under the total order `better` the k best
    // are unique, so this keeps exactly what nth_element would.
    for (size_t i = 0; i < logits_.size(); ++i) {
      const float l = logits_[i];
      if (l == kNegInf) continue;
      const Candidate c{l, static_cast<int32_t>(i)};
      if (candidates_.size() < k) {
        candidates_.push_back(c);
        std::push_heap(candidates_.begin(), candidates_.end(), better);
      } else if (better(c, candidates_.front())) {
        std::pop_heap(candidates_.begin(), candidates_.end(), better);
        candidates_.back() = c;
        std::push_heap(candidates_.begin(), candidates_.end(), better);
      }
    }
    std::sort(candidates_.begin(), candidates_.end(), better);
    sorted_prefix_ = candidates_.size();
  } else {
    for (size_t i = 0; i < logits_.size(); ++i) {
      if (logits_[i] != kNegInf) candidates_.push_back({logits_[i], static_cast<int32_t>(i)});
    }
    sorted_prefix_ = 0;
  }
  if (candidates_.empty()) return invalid_argument("sampler: expected at least one finite logit, found none");

  if (!heap_top_k && k > 0 && k < candidates_.size()) {
    ensure_sorted_prefix(k);
    candidates_.resize(k);
    sorted_prefix_ = std::min(sorted_prefix_, candidates_.size());
  }

  if (params_.top_p < 1.0f) {
    // The normaliser is summed before any reordering, in a fixed order (id order, or sorted when top-k
    // cut the list), so rounding never depends on how the standard library partitions.
    double max_logit = candidates_[0].logit;
    for (const Candidate& c : candidates_) max_logit = std::max(max_logit, static_cast<double>(c.logit));
    double sum = 0.0;
    for (const Candidate& c : candidates_) sum += std::exp(static_cast<double>(c.logit) - max_logit);
    double cum = 0.0;
    size_t keep = candidates_.size();
    for (size_t i = 0; i < candidates_.size(); ++i) {
      ensure_sorted_prefix(i + 1);
      cum += std::exp(static_cast<double>(candidates_[i].logit) - max_logit);
      if (cum / sum >= params_.top_p) {
        keep = i + 1;
        break;
      }
    }
    ensure_sorted_prefix(keep);
    candidates_.resize(keep);
    sorted_prefix_ = std::min(sorted_prefix_, candidates_.size());
  }

  if (params_.min_p > 0.0f) {
    ensure_sorted_prefix(1);
    const float threshold = candidates_[0].logit + std::log(params_.min_p);
    size_t keep = 0;
    for (const Candidate& c : candidates_) keep += c.logit >= threshold ? 1 : 0;
    keep = std::max<size_t>(keep, 1);
    ensure_sorted_prefix(keep);
    candidates_.resize(keep);
    sorted_prefix_ = std::min(sorted_prefix_, candidates_.size());
  }

  // Draw. With any filter enabled the survivors are walked in (logit descending, id ascending) order;
  // with none, in id order. Either way the order depends only on the logits.
  const bool filtered = params_.top_k > 0 || params_.top_p < 1.0f || params_.min_p > 0.0f;
  if (filtered) ensure_sorted_prefix(candidates_.size());
  double max_logit = candidates_[0].logit;
  for (const Candidate& c : candidates_) max_logit = std::max(max_logit, static_cast<double>(c.logit));
  const double t = static_cast<double>(params_.temperature);
  weights_.resize(candidates_.size());
  double sum = 0.0;
  for (size_t i = 0; i < candidates_.size(); ++i) {
    weights_[i] = std::exp((static_cast<double>(candidates_[i].logit) - max_logit) / t);
    sum += weights_[i];
  }
  const double target = rng_.uniform() * sum;
  double cum = 0.0;
  for (size_t i = 0; i < candidates_.size(); ++i) {
    cum += weights_[i];
    if (cum > target) return candidates_[i].id;
  }
  // Rounding left target at or past the last partial sum: the last candidate with any weight.
  for (size_t i = candidates_.size(); i-- > 0;) {
    if (weights_[i] > 0.0) return candidates_[i].id;
  }
  return candidates_[0].id;
}

}  // namespace haven::engine
