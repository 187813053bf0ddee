#include "safety/risk/ideation_classifier.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace haven::safety::risk {
namespace {

constexpr uint64_t kFnvOffset = kFnv1aOffset;

uint64_t fnv_extend(uint64_t h, std::string_view bytes) { return fnv1a_extend(h, bytes); }

// A light suffix stripper, so that the few thousand texts we could write teach "wanting", "wanted" and
// "wants" together. Only for the classifier's features; the lexicon matches whole words.
std::string_view stem(std::string_view w) {
  auto ends = [&](std::string_view suf) { return w.size() > suf.size() && w.substr(w.size() - suf.size()) == suf; };
  if (w.size() > 5 && ends("ing")) return w.substr(0, w.size() - 3);
  if (w.size() > 4 && ends("ed")) return w.substr(0, w.size() - 2);
  if (w.size() > 4 && ends("ly")) return w.substr(0, w.size() - 2);
  if (w.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) return w.substr(0, w.size() - 1);
  return w;
}

// Words that say how someone writes more than what they say: on their own they are not features (the
// texts we could write differ from real posts in exactly these), only inside bigrams ("want to").
// Checked on the word and on its stem ("thinking", "knows").
bool is_function_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "from", "by",
      "as", "it", "its", "this", "that", "these", "those", "i", "me", "my", "you", "your", "we", "our", "they",
      "them", "their", "he", "him", "his", "she", "her", "is", "am", "are", "was", "were", "be", "been", "do",
      "did", "does", "have", "has", "had", "will", "would", "can", "could", "just", "think", "like", "really",
      "lol", "im", "if", "then", "than", "there", "here", "what", "when", "how", "about", "up", "out", "all",
      "some", "any", "very", "too", "also", "get", "got", "go", "going", "know", "one", "mean", "well", "yeah"};
  return kWords.count(w) > 0;  // a set: this runs twice for every word the classifiers read
}

// One feature occurrence: its hash and the tokens it spans (for evidence).
struct Occurrence {
  uint64_t hash;
  size_t first;
  size_t last;
};

// Unigrams and bigrams of the words in [begin, end) of the token list, in order, duplicates kept.
std::vector<Occurrence> occurrences(const std::vector<text::Token>& tokens, size_t begin, size_t end) {
  std::vector<Occurrence> out;
  end = std::min(end, tokens.size());
  begin = std::min(begin, end);
  out.reserve((end - begin) * 2);
  bool have_prev = false;
  uint64_t prev_hash = 0;
  size_t prev_token = 0;
  for (size_t i = begin; i < end; ++i) {
    const text::Token& t = tokens[i];
    if (t.is_boundary()) {
      have_prev = false;
      continue;
    }
    const std::string_view w = stem(t.text);
    uint64_t h = fnv_extend(kFnvOffset, w);
    if (!is_function_word(t.text) && !is_function_word(w)) out.push_back({h, i, i});
    if (have_prev) out.push_back({fnv_extend(fnv_extend(prev_hash, " "), w), prev_token, i});
    prev_hash = h;
    prev_token = i;
    have_prev = true;
  }
  return out;
}

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

IdeationResult score_with(const std::vector<text::Token>& tokens, const IdeationModel& model,
                          const std::unordered_map<uint64_t, float>& map) {
  IdeationResult best;
  // Indexes of the word tokens, so windows count words and not punctuation.
  std::vector<size_t> words;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!tokens[i].is_boundary()) words.push_back(i);
  if (words.size() < model.min_words || words.empty()) return best;
  const size_t stride = kIdeationWindowWords / 2;
  float best_logit = -INFINITY;
  std::vector<std::pair<float, IdeationResult::Span>> best_contrib;
  for (size_t first = 0;; first += stride) {
    const size_t last = std::min(first + kIdeationWindowWords, words.size());
    std::vector<Occurrence> occ = occurrences(tokens, words[first], words[last - 1] + 1);
    // Each feature once per window (binary presence, as in training); keep its first occurrence.
    std::stable_sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) { return a.hash < b.hash; });
    float logit = model.bias;
    std::vector<std::pair<float, IdeationResult::Span>> contrib;
    for (size_t k = 0; k < occ.size(); ++k) {
      if (k > 0 && occ[k].hash == occ[k - 1].hash) continue;
      auto it = map.find(occ[k].hash);
      if (it == map.end()) continue;
      logit += it->second;
      if (it->second > 0) contrib.push_back({it->second, {occ[k].first, occ[k].last}});
    }
    if (logit > best_logit) {
      best_logit = logit;
      best_contrib = std::move(contrib);
    }
    if (last == words.size()) break;
  }
  best.probability = sigmoid(best_logit);
  best.fires = model.threshold < 1.0f && best.probability >= model.threshold;
  best.confident = model.confident_threshold < 1.0f && best.probability >= model.confident_threshold;
  std::stable_sort(best_contrib.begin(), best_contrib.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  // The heaviest features, skipping any that overlap one already taken.
  for (const auto& [weight, span] : best_contrib) {
    if (best.evidence.size() == 3) break;
    bool overlaps = false;
    for (const auto& e : best.evidence) overlaps = overlaps || (span.first <= e.last && e.first <= span.last);
    if (!overlaps) best.evidence.push_back(span);
  }
  std::sort(best.evidence.begin(), best.evidence.end(),
            [](const IdeationResult::Span& a, const IdeationResult::Span& b) { return a.first < b.first; });
  return best;
}

}  // namespace

uint64_t fnv1a_extend(uint64_t h, std::string_view bytes) {
  constexpr uint64_t kPrime = 1099511628211ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kPrime;
  }
  return h;
}

uint64_t ngram_hash(std::string_view ngram) { return fnv_extend(kFnvOffset, ngram); }

std::vector<uint64_t> ideation_features(const std::vector<text::Token>& tokens, size_t begin, size_t end) {
  std::vector<uint64_t> out;
  for (const Occurrence& o : occurrences(tokens, begin, end)) out.push_back(o.hash);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> ideation_feature_names(const std::vector<text::Token>& tokens, size_t begin, size_t end) {
  std::vector<std::string> out;
  end = std::min(end, tokens.size());
  begin = std::min(begin, end);
  std::string prev;
  for (size_t i = begin; i < end; ++i) {
    const text::Token& t = tokens[i];
    if (t.is_boundary()) {
      prev.clear();
      continue;
    }
    const std::string w(stem(t.text));
    if (!is_function_word(t.text) && !is_function_word(w)) out.push_back(w);
    if (!prev.empty()) out.push_back(prev + " " + w);
    prev = w;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

IdeationScorer::IdeationScorer(const IdeationModel& model) : model_(&model) {
  weights_.reserve(model.weight_count * 2);
  for (size_t i = 0; i < model.weight_count; ++i) weights_[ngram_hash(model.weights[i].ngram)] += model.weights[i].weight;
}

IdeationResult IdeationScorer::score(const std::vector<text::Token>& tokens) const {
  return score_with(tokens, *model_, weights_);
}

IdeationResult score_ideation(const std::vector<text::Token>& tokens, const IdeationModel& model) {
  return IdeationScorer(model).score(tokens);
}

IdeationResult score_ideation(const std::vector<text::Token>& tokens) {
  static const IdeationScorer* const scorer = new IdeationScorer(shipped_ideation_model());
  return scorer->score(tokens);
}

}  // namespace haven::safety::risk
