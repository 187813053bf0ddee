#include "engine/generate/generate_loop.h"

#include <string>

namespace haven::engine {
namespace {

StopReason reason_for(TextStream::State state, StopReason otherwise) {
  switch (state) {
    case TextStream::State::kStopString: return StopReason::kStopString;
    case TextStream::State::kCancelled: return StopReason::kCancelled;
    default: return otherwise;
  }
}

}  // namespace

const char* stop_reason_name(StopReason reason) {
  switch (reason) {
    case StopReason::kEndOfGeneration: return "end_of_generation";
    case StopReason::kStopString: return "stop_string";
    case StopReason::kMaxTokens: return "max_tokens";
    case StopReason::kCancelled: return "cancelled";
  }
  return "unknown";
}

Result<GenerationResult> generate(std::span<const float> first_logits, Sampler& sampler, TextStream& stream,
                                  const GenerationHooks& hooks, const GenerationOptions& options) {
  if (options.max_tokens < 0) {
    return invalid_argument("generate: expected max_tokens >= 0, found " + std::to_string(options.max_tokens));
  }
  if (!hooks.decode || !hooks.token_piece) {
    return invalid_argument("generate: expected decode and token_piece hooks, found one missing");
  }
  GenerationResult result;
  result.tokens.reserve(static_cast<size_t>(options.max_tokens));
  std::span<const float> logits = first_logits;
  while (true) {
    if (stream.check_cancel() != TextStream::State::kRunning) {
      result.reason = reason_for(stream.state(), StopReason::kCancelled);
      return result;
    }
    if (result.tokens.size() >= static_cast<size_t>(options.max_tokens)) {
      result.reason = reason_for(stream.finish(), StopReason::kMaxTokens);
      return result;
    }
    auto sampled = sampler.sample(logits);
    if (!sampled.is_ok()) {
      return sampled.status().with_context("generate: step " + std::to_string(result.tokens.size()));
    }
    const int32_t token = *sampled;
    sampler.accept(token);
    result.tokens.push_back(token);

    const bool eog = hooks.is_end_of_generation && hooks.is_end_of_generation(token);
    if (eog && options.stop_at_end_of_generation) {
      result.reason = reason_for(stream.finish(), StopReason::kEndOfGeneration);
      return result;
    }
    if (!eog && stream.push(hooks.token_piece(token)) != TextStream::State::kRunning) {
      result.reason = reason_for(stream.state(), StopReason::kCancelled);
      return result;
    }
    if (result.tokens.size() >= static_cast<size_t>(options.max_tokens)) continue;  // no decode needed
    if (stream.check_cancel() != TextStream::State::kRunning) continue;
    auto next = hooks.decode(token);
    if (!next.is_ok()) {
      return next.status().with_context("generate: step " + std::to_string(result.tokens.size() - 1));
    }
    logits = *next;
  }
}

}  // namespace haven::engine
