// Token sampling: turns the logits of one step into the next token.
//
// The chain runs in llama.cpp's default order (common/common.h, common_params_sampling::samplers, with
// the stages Haven does not have left out):
//
//   penalties -> top-k -> top-p -> min-p -> temperature -> draw
//
//   penalties    over the last `penalty_last_n` accepted tokens: a token seen there has its logit divided
//                by `repetition_penalty` when positive and multiplied by it when not, then loses
//                `frequency_penalty` x (times seen) and `presence_penalty` once (llama.cpp's
//                llama_sampler_penalties).
//   top-k        keeps the k highest logits.
//   top-p        keeps the fewest highest-probability tokens whose probabilities (softmax of the current
//                logits, before temperature) sum to at least p.
//   min-p        keeps tokens whose probability is at least min_p x the highest one
//                (logit >= max_logit + ln(min_p)).
//   temperature  divides the logits by T. Note that, as in llama.cpp, it comes after the filters, so T
//                changes how the survivors are weighed but not which tokens survive.
//   draw         softmax of what remains, then one uniform number u in [0, 1) from xoshiro256** (rng.h):
//                the token is the first whose cumulative probability exceeds u, walking the survivors in
//                (logit descending, id ascending) order when top-k, top-p or min-p is enabled, and in id
//                order when all three are off.
//
// temperature <= 0 is greedy: after penalties, the token with the highest logit (the lowest id on ties),
// with no random number drawn. Determinism: the same seed, parameters, accepted tokens and logits give
// the same tokens on every run of the same build (the only platform-dependent step is libm's exp()).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/status.h"
#include "engine/sampler/rng.h"

namespace haven::engine {

struct SamplerParams {
  float temperature = 0.8f;          // <= 0: greedy
  int32_t top_k = 40;                // <= 0: off
  float top_p = 0.95f;               // in [0, 1]; 1: off
  float min_p = 0.05f;               // in [0, 1]; 0: off
  float repetition_penalty = 1.0f;   // > 0; 1: off
  float frequency_penalty = 0.0f;    // 0: off
  float presence_penalty = 0.0f;     // 0: off
  int32_t penalty_last_n = 64;       // >= 0; how many recent accepted tokens the penalties look at
  uint64_t seed = 0;
};

// One Sampler per generation stream; not thread-safe (sample() reuses internal buffers). Movable.
class Sampler {
 public:
  // Returns kInvalidArgument, naming the field, for a non-finite value, top_p or min_p outside [0, 1], a
  // repetition_penalty <= 0, or a negative penalty_last_n.
  static Result<Sampler> create(const SamplerParams& params);

  // Picks the next token from the logits of one step (one per vocabulary entry). Does not record it:
  // call accept() with the token that is actually fed to the model.
  // Returns kInvalidArgument for an empty span, more than INT32_MAX entries, a NaN or +inf logit (naming
  // the token id), or no finite logit at all. On error the random state is unchanged.
  Result<int32_t> sample(std::span<const float> logits);

  // Records a token (prompt or generated) in the penalty window. Ids outside the logits' range are kept
  // but never match anything.
  void accept(int32_t token);

  // Back to the state create() returned: the random stream restarts from the seed, the window empties.
  void reset();

  const SamplerParams& params() const { return params_; }

 private:
  struct Candidate {
    float logit;
    int32_t id;
  };

  explicit Sampler(const SamplerParams& params) : params_(params), rng_(params.seed) {}
  bool penalties_active() const;
  void apply_penalties();
  // Makes candidates_[0, n) the n best in final order, for n up to candidates_.size().
  void ensure_sorted_prefix(size_t n);

  SamplerParams params_;
  Xoshiro256 rng_;
  std::vector<int32_t> history_;  // ring buffer of the last penalty_last_n accepted tokens
  size_t history_next_ = 0;
  // Reused between steps so sampling does not allocate once warmed up.
  std::vector<float> logits_;
  std::vector<Candidate> candidates_;
  size_t sorted_prefix_ = 0;
  std::vector<int32_t> window_;
  std::vector<double> weights_;
};

}  // namespace haven::engine
