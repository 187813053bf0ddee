// Session: one running conversation with a Model: its KV cache, scratch buffers and threads.
//
// decode() appends tokens at positions n_past(), n_past()+1, ... and computes logits. A prompt goes in
// as one call (processed in batches of up to SessionOptions::n_batch tokens); generation then calls
// decode() with one token at a time. A Session is used from one thread at a time; several Sessions may
// share one Model.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/status.h"
#include "core/thread_pool.h"
#include "engine/model/kv_cache.h"
#include "engine/model/matmul.h"
#include "engine/model/model.h"

namespace haven::engine {

struct SessionOptions {
  uint32_t n_ctx = 4096;    // positions the KV cache holds; 0 means the model's context_length
  KvType kv_type = KvType::kF16;
  int threads = 2;          // counts the calling thread
  uint32_t n_batch = 512;   // tokens per forward pass while processing a long input
};

enum class Logits {
  kLast,  // only the last token's logits (generation)
  kAll,   // every token's logits (scoring a prompt)
};

class Session {
 public:
  // model is borrowed and must outlive the Session.
  // kInvalidArgument when n_ctx, threads or n_batch is 0 or absurd (the message names the value);
  // kOutOfRange when the KV cache would need more than 64 GiB.
  static Result<std::unique_ptr<Session>> create(const Model& model, const SessionOptions& options);

  // Runs the tokens at the next positions. On success logits() holds tokens.size() rows (kAll) or one
  // row (kLast) of n_vocab floats.
  //   kInvalidArgument  tokens is empty or holds an id outside the vocabulary; nothing changed
  //   kOutOfRange       n_past() + tokens.size() exceeds n_ctx; nothing changed
  Status decode(std::span<const int32_t> tokens, Logits which = Logits::kLast);

  const std::vector<float>& logits() const { return logits_; }
  const float* logits_row(size_t i) const { return logits_.data() + i * model_->config().n_vocab; }
  uint32_t n_past() const { return n_past_; }
  uint32_t n_ctx() const { return n_ctx_; }
  const KvCache& kv_cache() const { return kv_; }
  // Forgets every position (the cache contents are overwritten as new tokens come).
  void reset() { n_past_ = 0; }
  // Forgets positions from n on (n <= n_past()), e.g. to reuse a shared prefix.
  void truncate(uint32_t n) { if (n < n_past_) n_past_ = n; }

 private:
  Session(const Model& model, const SessionOptions& options, uint32_t n_ctx);
  void forward(const int32_t* tokens, uint32_t n, bool all_logits, float* logits_out);
  void attention(uint32_t layer, uint32_t n, uint32_t pos0);

  const Model* model_;  // borrowed
  SessionOptions options_;
  uint32_t n_ctx_;
  uint32_t n_past_ = 0;
  KvCache kv_;
  ThreadPool pool_;
  model_detail::Matmul matmul_;
  std::vector<float> rope_cos_, rope_sin_;  // per token of a batch: rope_dim / 2 angles each
  // Scratch, sized for n_batch tokens.
  std::vector<float> x_, xn_, q_, k_, v_, attn_, proj_, gate_, up_, scores_, out_norm_;
  std::vector<float> logits_;
};

}  // namespace haven::engine
