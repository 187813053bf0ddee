// The generation loop: sample a token, show its text, feed it back, until something says stop.
//
// It knows nothing about a model's insides: the caller passes the logits of the prompt's last position
// and three hooks (decode one token, a token's bytes, whether a token ends generation). That keeps the
// loop testable with a fake model and lets any engine that produces logits use it.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/generate/text_stream.h"
#include "engine/sampler/sampler.h"

namespace haven::engine {

struct GenerationHooks {
  // Feeds `token` at the next position and returns the logits for the position after it. The span must
  // stay valid until the next call. Required.
  std::function<Result<std::span<const float>>(int32_t token)> decode;
  // The bytes a token stands for (may be part of a UTF-8 character). Required.
  std::function<std::string(int32_t token)> token_piece;
  // True for end-of-generation tokens (EOS, EOT, <|im_end|>…). May be empty: no token ends generation.
  std::function<bool(int32_t token)> is_end_of_generation;
};

struct GenerationOptions {
  int32_t max_tokens = 256;  // >= 0: how many tokens to sample at most
  // false keeps going past end-of-generation tokens (reference runs that always produce max_tokens).
  bool stop_at_end_of_generation = true;
};

enum class StopReason {
  kEndOfGeneration,  // the model produced an end-of-generation token
  kStopString,       // the text reached one of the stream's stop strings
  kMaxTokens,        // max_tokens were sampled
  kCancelled,        // the sink returned false or the cancel flag was set
};

struct GenerationResult {
  // Every sampled token in order, including an end-of-generation token and the tokens that completed a
  // stop string. The text of end-of-generation tokens is never sent to the stream.
  std::vector<int32_t> tokens;
  StopReason reason = StopReason::kMaxTokens;
};

// Runs the loop from `first_logits` (the logits after the prompt). Each sampled token is passed to
// sampler.accept(); callers that want prompt tokens in the penalty window accept them beforehand. The
// stream is finished (or left stopped/cancelled) when this returns. The model is never asked to decode a
// token whose logits would not be used (nothing after the last token, nothing after a stop).
// Returns kInvalidArgument when max_tokens < 0 or a required hook is missing; the sampler's error for bad
// logits; the decode hook's error, with the step number added. After an error the stream may have
// emitted part of the reply and is not finished.
Result<GenerationResult> generate(std::span<const float> first_logits, Sampler& sampler, TextStream& stream,
                                  const GenerationHooks& hooks, const GenerationOptions& options = {});

const char* stop_reason_name(StopReason reason);

}  // namespace haven::engine
