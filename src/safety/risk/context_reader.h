// A fourth reader, of words in their order: a small convolutional network over the writer's words and
// the pieces of them (three to five letters), trained only on labelled texts this project wrote itself
// (the ideation and behaviour classifiers' training files and tests/safety/data/context_reader) by
// `haven safety train-ideation --model context`, which writes its table (context_reader_weights.cpp, and
// one context_reader_weights_memberN.cpp per network).
//
// Why it exists: the linear readers (ideation_classifier.h, behaviour_classifier.h) weigh each word or
// word pair on its own, so they know only the words their training texts used. Each new set of texts
// scored 0.80 to 0.85 on its first run however many phrases the lexicon learned from the last. This reader
// looks at three words at a time, in order ("took them all", "the stitches itch"), and at parts of words,
// so "overdosed", "od'd" and "overdosing" or a misspelt "suicdal" share what they learned. Every set written
// after it was trained scored 1 to 6 points higher with it (docs/safety-evaluation.md).
//
// What it may do: like the other readers, at most raise the writer's suicide or self-harm risk to a gentle
// check-in (kModerate), never a crisis interrupt, reading the same tokens (stories, questions about the
// topic, the past, other people's words and negated phrases hidden by the assessor). At its threshold it
// counts only with the lexicon's agreement (two kinds of the writer's distress, or one with a method
// named); at its confident threshold it counts alone in a message of kContextAloneMinWords words
// or more, at kContextLongMessageProbability in one of kContextLongMessageMinWords, and at
// kContextShortMessageProbability in one of kContextShortMessageMinWords (assessor.cpp).
//
// The shipped reader is an ensemble (ContextEnsemble): kContextMembers networks trained alike from
// consecutive seeds, whose probabilities are averaged. One network's recall moved by up to 7 points with
// its seed alone; the average of five read better than the mean of its members on every set measured
// (docs/safety-evaluation.md, "Ninth session"). The tokens' features are hashed once for all members.
//
// The network, for tokens t = 1..T (text::tokenize, boundaries included):
//   x_t = mean of the embeddings of the token's features (context_token_features)
//   z_{k,t} = b_k + sum_{j in 0..W-1} F_{k,j} . x_{t+j-W/2}          (zero outside the text)
//   h_k = max(0, max_t z_{k,t}), t within a window of at most kContextMaxTokens tokens
//   probability = sigmoid(c + sum_k o_k h_k)
//
// Pure functions: no I/O, no state beyond the table decoded once (thread-safe), linear in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {

constexpr size_t kContextDim = 16;         // width of an embedding
constexpr size_t kContextFilters = 32;     // filters, each reading kContextWidth tokens
constexpr size_t kContextWidth = 3;
constexpr uint32_t kContextBuckets = 1u << 16;  // features are hashed into this many embeddings
constexpr size_t kContextMinGram = 3;      // letter pieces of "<word>", from this length...
constexpr size_t kContextMaxGram = 5;      // ...to this one
constexpr size_t kContextMaxGramWordBytes = 24;  // longer words give pieces of their first bytes only
// Texts with fewer words score 0: too little for a reading of order.
constexpr size_t kContextMinWords = 5;
// The assessor counts a confident reading without the lexicon's agreement only in messages of at least
// this many words (as for the ideation reader, kIdeationAloneMinWords): on short everyday replies and
// comments the reader was confident on style alone more often than on anything written there.
constexpr size_t kContextAloneMinWords = 15;
// In a message of at least kContextLongMessageMinWords words, a reading of kContextLongMessageProbability
// (between the two thresholds) also counts alone. Chosen on the sets already read, after the ensemble:
// behaviour told in everyday words 0.887 to 0.902, suite-style prompts 0.930 to 0.935, for stress posts
// (dreaddit) 0.251 to 0.261 and hard negatives 0.148 to 0.151 elevated; no ordinary conversation or short
// comment changed. Lowering the confident reading's floor to 10 words found more but made 5 more of 420
// ordinary conversations check-ins.
constexpr size_t kContextLongMessageMinWords = 25;
constexpr float kContextLongMessageProbability = 0.70f;
// And in a message of kContextShortMessageMinWords words or more, a reading of
// kContextShortMessageProbability, where the five members all but agree ("Tried last night. Didn't work.
// I'm at my sister's now."). On the sets already read: behaviour 0.902 to 0.915, conversations 0.948 to
// 0.962, suite-style prompts 0.935 to 0.940; ordinary conversations unchanged, short comments (GoEmotions)
// 0.019 to 0.020, hard negatives 0 to 3 more in a thousand. At 0.90 ordinary conversations rose too.
constexpr size_t kContextShortMessageMinWords = 6;
constexpr float kContextShortMessageProbability = 0.95f;
// A text is pooled at most this many tokens at a time (pooling over more would let a long text collect the
// most worrying triple of each filter from different places); longer texts are pooled in windows of this
// many tokens that overlap by half, and the most worrying window counts, as in the linear readers. The
// filters read across window edges; memory stays that of half a window however long the message.
// Training reads a text's first window.
constexpr size_t kContextMaxTokens = 512;

// Networks in the shipped ensemble, and the most a table may hold.
constexpr size_t kContextMembers = 5;
constexpr size_t kContextMaxMembers = 16;

// The trained network. Sizes are fixed by the constants above. Embeddings are kept as the table stores
// them, a scale and kContextDim small integers each (value = scale * integer): a quarter of the memory
// of floats, so the table stays in a core's cache while a long text is read.
struct ContextModel {
  std::vector<int8_t> embeddings;     // kContextBuckets x kContextDim
  std::vector<float> embedding_scale;  // kContextBuckets, each 0 or more
  std::vector<float> filters;      // kContextFilters x kContextWidth x kContextDim
  std::vector<float> filter_bias;  // kContextFilters
  std::vector<float> output;       // kContextFilters
  float output_bias = 0.0f;
  float threshold = 1.0f;            // at or above: fires; 1 or more: never fires
  float confident_threshold = 1.0f;  // at or above: confident; 1 or more: never
};

// Embeddings from floats (kContextBuckets x kContextDim): each row scaled so its largest magnitude is 127.
void set_embeddings(ContextModel& model, const std::vector<float>& values);

// The embedding buckets of one token's features, appended to out: the token itself, and for words (not
// boundaries) every piece of kContextMinGram to kContextMaxGram bytes of "<token>". Used by training and
// scoring, so they cannot drift apart.
void context_token_features(std::string_view token, std::vector<uint32_t>& out);

// The serialised table: "HCR1", then little-endian: output bias, threshold, confident threshold (f32),
// filter biases, output weights, filters (f32 each), then for each of the kContextBuckets embeddings a
// f32 scale and kContextDim int8 values. decode(encode(m)) == m.
std::string encode_context_model(const ContextModel& model);
// Fails with kCorruption naming what was expected and found (size, magic, a non-finite number); on
// failure nothing is returned.
Result<ContextModel> decode_context_model(std::string_view bytes);

// Several networks read together: the probability is the mean of the members' probabilities for the
// same window, and the thresholds are the ensemble's own (the members' are not used).
struct ContextEnsemble {
  std::vector<ContextModel> members;  // 1 to kContextMaxMembers
  float threshold = 1.0f;             // as ContextModel's
  float confident_threshold = 1.0f;
};

// The serialised ensemble: "HCE1", then little-endian: the member count (u32), threshold and confident
// threshold (f32), then each member as encode_context_model writes it. decode(encode(e)) == e.
std::string encode_context_ensemble(const ContextEnsemble& ensemble);
// Fails with kCorruption naming what was expected and found (size, magic, member count, a member's
// fault); on failure nothing is returned.
Result<ContextEnsemble> decode_context_ensemble(std::string_view bytes);

// The shipped ensemble (context_reader_weights*.cpp, generated), decoded once. A table that does not
// decode is a build error caught by the tests; the program then gets a reader that never fires.
const ContextEnsemble& shipped_context_reader();
// The bytes of the ensemble's header in encode_context_ensemble (magic, member count, thresholds): the
// generated sources keep it apart from the networks, one file each.
constexpr size_t kContextEnsembleHeaderBytes = 16;
// A generated table decoded: pieces is a null-terminated list of null-terminated arrays of base64 lines
// (the header, then each network), whose decoded bytes in order are encode_context_ensemble's. A table
// that does not decode gives a one-member ensemble that never fires (for each shipped table of this
// network: this reader's and means_question_reader.h's).
ContextEnsemble decode_shipped_ensemble(const char* const* const* pieces);

struct ContextResult {
  float probability = 0.0f;  // of the most worrying window; 0 for texts under kContextMinWords words
  bool fires = false;        // probability >= threshold, and the threshold is below 1
  bool confident = false;    // probability >= confident threshold, and that is below 1
  bool partial = false;      // stopped early: probability is a bound below what the caller needed
  // The word the network weighed most with its neighbouring words (inclusive token index range), when it
  // fires or is confident; empty when no word added to the reading.
  struct Span {
    size_t first = 0;
    size_t last = 0;
  };
  std::vector<Span> evidence;
};

// Scores tokens as produced by text::tokenize, by one network with its own thresholds, by an ensemble
// with the ensemble's, or by the shipped ensemble. For an ensemble the evidence is the word its members
// weighed most together in the window they read as most worrying together.
//
// needed: the lowest probability that would matter to the caller. An ensemble stops reading as soon as
// its remaining members, even all reading 1, could not bring the mean up to it; the result is then
// partial, with probability the bound it stopped at (below needed), nothing firing and no evidence: compare
// a partial probability with nothing above needed. Most ordinary messages stop after two members. 0 reads
// every member.
ContextResult score_context(const std::vector<text::Token>& tokens, const ContextModel& model);
ContextResult score_context(const std::vector<text::Token>& tokens, const ContextEnsemble& ensemble,
                            float needed = 0.0f);
ContextResult score_context(const std::vector<text::Token>& tokens, float needed = 0.0f);  // the shipped ensemble
// The same reading with the firing threshold given instead of the table's (fires, with evidence, at
// `threshold` or above); reading stops once it cannot reach it.
ContextResult score_context_at(const std::vector<text::Token>& tokens, const ContextEnsemble& ensemble,
                               float threshold);

// The filters' responses z_{k,t} (kContextFilters floats per token, token-major) for token vectors x_t
// (kContextDim floats per token), by a chosen kernel: four-float registers, or eight with fused
// multiply-adds where the processor has them (context_eight_wide_available; elsewhere the four-wide one
// runs). The reader uses the widest available; the tests check each against a plain reference.
enum class ContextKernel { kFourWide, kEightWide };
bool context_eight_wide_available();
std::vector<float> context_filter_responses(const std::vector<float>& token_vectors, size_t count,
                                            const ContextModel& model, ContextKernel kernel);

// Standard base64 (RFC 4648, with padding), for the generated table's text. Decoding fails with
// kCorruption on a character outside the alphabet or a length that is not a multiple of four.
std::string base64_encode(std::string_view bytes);
Result<std::string> base64_decode(std::string_view text);

}  // namespace haven::safety::risk
