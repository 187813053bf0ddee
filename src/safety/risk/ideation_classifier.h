// A second reader for suicidal thoughts voiced without the lexicon's phrases: a linear model over word
// unigrams and bigrams (logistic regression), trained only on labelled texts this project wrote itself
// (tests/safety/data/classifier, see docs/safety-evaluation.md) by `haven safety train-ideation`, which
// also writes the weight table (ideation_weights.cpp). Nothing in it is derived from any dataset whose
// licence forbids shipping.
//
// What it may do, and what it may not: it reads the writer's own words for the many indirect ways people
// say they do not want to exist, and at most raises suicide risk to a gentle check-in (kModerate). It
// never sets a crisis interrupt: those stay with the explainable rules in assessor.cpp. The assessor
// also asks for agreement: at its ordinary threshold the classifier counts only where the lexicon found
// some distress in the writer's own words, because a model trained on texts we wrote also learns how we
// wrote them, and on real ordinary comments it fired on style alone; at its confident threshold (set so
// that far fewer validation negatives reach it) it counts alone. Its evidence is the words that weighed most, so a
// reviewer can see why it fired.
//
// Features: canonical words (text::tokenize) with a light suffix stripper, unigrams except function
// words (they carry the writing style of the training texts more than meaning), and all bigrams within
// a clause.
//
// Long texts are read in overlapping windows and the most worrying window counts, so one sentence in
// the middle of a very long story is not drowned by the rest; texts shorter than a window (all training
// texts among them) are read whole, exactly as in training.
//
// Pure functions: no I/O, no state beyond a weight table built once (thread-safe), linear in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "safety/text/normalize.h"

namespace haven::safety::risk {

// Words in one window; windows overlap by half. Longer than any training text, so that every text the
// model was trained on is scored whole, exactly as it was trained; only longer posts are windowed.
constexpr size_t kIdeationWindowWords = 512;
// Below this many words a bag of words has too little to go on (and the texts we trained it on differ
// most from real ones in their small words): such texts score 0 and are left to the lexicon alone.
constexpr size_t kIdeationMinWords = 5;
// Below this many words the assessor trusts the classifier only with the lexicon's agreement, however
// confident it is: in a short message one word ("scratched", "trust myself") weighs too much.
constexpr size_t kIdeationAloneMinWords = 15;

// One weight of the model: a canonical word ("alive") or two words with one space ("be alive").
struct IdeationWeight {
  const char* ngram;
  float weight;
};

// The trained model (ideation_weights.cpp, generated): bias, the two decision thresholds on the
// probability, and the non-zero weights.
struct IdeationModel {
  float bias = 0.0f;
  float threshold = 1.0f;            // 1 or more: never fires
  float confident_threshold = 1.0f;  // at or above it the classifier is trusted alone; 1 or more: never
  const IdeationWeight* weights = nullptr;  // borrowed, static storage
  size_t weight_count = 0;
  // Texts with fewer words score 0. The same linear model also screens replies
  // (screen/means_reply_classifier.h), which can say what they must not in fewer words.
  size_t min_words = kIdeationMinWords;
};
const IdeationModel& shipped_ideation_model();

// The model's features of a stretch of tokens: each distinct unigram and bigram once (bigrams do not
// cross a boundary token). Used by both training and scoring, so they cannot drift apart.
// Hashes are FNV-1a over the canonical words joined by one space.
uint64_t ngram_hash(std::string_view ngram);
// FNV-1a: the offset basis, and one more stretch of bytes hashed into h. ngram_hash(s) is
// fnv1a_extend(kFnv1aOffset, s); the context reader (context_reader.h) hashes its features the same way.
constexpr uint64_t kFnv1aOffset = 1469598103934665603ull;
uint64_t fnv1a_extend(uint64_t h, std::string_view bytes);
std::vector<uint64_t> ideation_features(const std::vector<text::Token>& tokens, size_t begin, size_t end);
// The same features as text ("be alive"), distinct, sorted; ngram_hash of each is in ideation_features.
std::vector<std::string> ideation_feature_names(const std::vector<text::Token>& tokens, size_t begin, size_t end);

struct IdeationResult {
  // The probability of the most worrying window, in [0, 1]; 0 for texts under the model's min_words words.
  float probability = 0.0f;
  bool fires = false;      // probability >= the model's threshold, and the threshold is below 1
  bool confident = false;  // probability >= the model's confident threshold, and that is below 1
  // The words whose features weighed most toward firing, at most three, in text order, as inclusive
  // token index ranges into the tokens given (one word, or the two of a bigram).
  struct Span {
    size_t first = 0;
    size_t last = 0;
  };
  std::vector<Span> evidence;
};

// Scores with one model whose weight table is hashed once: build one per model and reuse it.
class IdeationScorer {
 public:
  explicit IdeationScorer(const IdeationModel& model);  // model is borrowed and must outlive the scorer
  IdeationResult score(const std::vector<text::Token>& tokens) const;

 private:
  const IdeationModel* model_;  // borrowed
  std::unordered_map<uint64_t, float> weights_;
};

// Scores tokens as produced by text::tokenize with the shipped model.
IdeationResult score_ideation(const std::vector<text::Token>& tokens);

// The same with any model, hashing its table for this one call (tests; use IdeationScorer for many texts).
IdeationResult score_ideation(const std::vector<text::Token>& tokens, const IdeationModel& model);

}  // namespace haven::safety::risk
