#include "engine/model/session.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "engine/model/row_ops.h"
#include "engine/tensor/attention_kernels.h"

namespace haven::engine {
namespace {

using model_detail::MatmulJob;

// As ggml_rms_norm followed by the multiplication with the weight: the sum of squares in double,
// then x * (1/sqrt(mean + eps)), then * w.
void rms_norm(const float* x, const float* w, float eps, size_t n, float* y) {
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += static_cast<double>(x[i] * x[i]);
  const float mean = static_cast<float>(sum / static_cast<double>(n));
  const float scale = 1.0f / std::sqrt(mean + eps);
  for (size_t i = 0; i < n; ++i) y[i] = (x[i] * scale) * w[i];
}

// ggml's RoPE cache: theta starts at the position and is multiplied by base^(-2/n_dims) per pair, each
// pair's angle divided by its frequency factor when the model has rope_freqs.
void rope_angles(uint32_t pos, uint32_t rope_dim, float base, const std::vector<float>& factors,
                 float* cos_out, float* sin_out) {
  const float theta_scale = std::pow(base, -2.0f / static_cast<float>(rope_dim));
  float theta = static_cast<float>(pos);
  for (uint32_t i = 0; i < rope_dim / 2; ++i) {
    const float ff = factors.empty() ? 1.0f : factors[i];
    const float angle = theta / ff;
    cos_out[i] = std::cos(angle);
    sin_out[i] = std::sin(angle);
    theta *= theta_scale;
  }
}

void rope_head(float* x, uint32_t rope_dim, RopeStyle style, const float* c, const float* s) {
  if (style == RopeStyle::kNormal) {
    for (uint32_t i = 0; i < rope_dim / 2; ++i) {
      const float x0 = x[2 * i], x1 = x[2 * i + 1];
      x[2 * i] = x0 * c[i] - x1 * s[i];
      x[2 * i + 1] = x0 * s[i] + x1 * c[i];
    }
  } else {
    const uint32_t half = rope_dim / 2;
    for (uint32_t i = 0; i < half; ++i) {
      const float x0 = x[i], x1 = x[i + half];
      x[i] = x0 * c[i] - x1 * s[i];
      x[i + half] = x0 * s[i] + x1 * c[i];
    }
  }
}

float silu(float x) { return x / (1.0f + std::exp(-x)); }

}  // namespace

Result<std::unique_ptr<Session>> Session::create(const Model& model, const SessionOptions& options) {
  const ModelConfig& c = model.config();
  uint32_t n_ctx = options.n_ctx == 0 ? c.n_ctx_train : options.n_ctx;
  if (n_ctx == 0) n_ctx = 4096;
  if (n_ctx > (1u << 22)) {
    return invalid_argument("context length: expected at most 4,194,304 tokens, found " + std::to_string(n_ctx));
  }
  if (options.threads < 1 || options.threads > 256) {
    return invalid_argument("threads: expected 1 to 256, found " + std::to_string(options.threads));
  }
  if (options.n_batch < 1 || options.n_batch > 8192) {
    return invalid_argument("batch size: expected 1 to 8192, found " + std::to_string(options.n_batch));
  }
  const double kv_bytes = 2.0 * c.n_layer * n_ctx * c.kv_dim() * (options.kv_type == KvType::kF32 ? 4 : 2);
  if (kv_bytes > 64.0 * (1ull << 30)) {
    return out_of_range("KV cache: expected at most 64 GiB, found " +
                        std::to_string(static_cast<uint64_t>(kv_bytes / (1ull << 20))) + " MiB for " +
                        std::to_string(n_ctx) + " positions");
  }
  return std::unique_ptr<Session>(new Session(model, options, n_ctx));
}

Session::Session(const Model& model, const SessionOptions& options, uint32_t n_ctx)
    : model_(&model),
      options_(options),
      n_ctx_(n_ctx),
      kv_(options.kv_type, model.config().n_layer, n_ctx, model.config().kv_dim()),
      pool_(options.threads) {
  const ModelConfig& c = model.config();
  const size_t b = std::min(options.n_batch, n_ctx);
  x_.resize(b * c.n_embd);
  xn_.resize(b * std::max(c.n_embd, c.q_dim()));
  q_.resize(b * c.q_dim());
  k_.resize(b * c.kv_dim());
  v_.resize(b * c.kv_dim());
  attn_.resize(b * c.q_dim());
  proj_.resize(b * c.n_embd);
  gate_.resize(b * c.n_ff);
  up_.resize(b * c.n_ff);
  rope_cos_.resize(b * (c.rope_dim / 2));
  rope_sin_.resize(b * (c.rope_dim / 2));
  // Per thread: the scores of one KV group's query heads over all positions.
  scores_.resize(static_cast<size_t>(options.threads) * (c.n_head / c.n_head_kv) * n_ctx);
}

Status Session::decode(std::span<const int32_t> tokens, Logits which) {
  const ModelConfig& c = model_->config();
  if (tokens.empty()) return invalid_argument("decode: expected at least one token, found none");
  for (int32_t t : tokens) {
    if (t < 0 || static_cast<uint32_t>(t) >= c.n_vocab) {
      return invalid_argument("token id " + std::to_string(t) + ": expected 0 to " + std::to_string(c.n_vocab - 1));
    }
  }
  if (static_cast<uint64_t>(n_past_) + tokens.size() > n_ctx_) {
    return out_of_range("context full: expected at most " + std::to_string(n_ctx_) + " tokens, found " +
                        std::to_string(static_cast<uint64_t>(n_past_) + tokens.size()));
  }
  const bool all = which == Logits::kAll;
  logits_.assign((all ? tokens.size() : 1) * static_cast<size_t>(c.n_vocab), 0.0f);
  const size_t batch = x_.size() / c.n_embd;
  for (size_t start = 0; start < tokens.size(); start += batch) {
    const uint32_t n = static_cast<uint32_t>(std::min(batch, tokens.size() - start));
    const bool last_batch = start + n == tokens.size();
    float* out = nullptr;
    if (all) {
      out = logits_.data() + start * c.n_vocab;
    } else if (last_batch) {
      out = logits_.data();
    }
    forward(tokens.data() + start, n, all, out);
  }
  return Status::ok();
}

void Session::forward(const int32_t* tokens, uint32_t n, bool all_logits, float* logits_out) {
  const Model& m = *model_;
  const ModelConfig& c = m.config();
  const uint32_t pos0 = n_past_;
  const size_t E = c.n_embd, QD = c.q_dim(), KD = c.kv_dim(), F = c.n_ff;

  const WeightMatrix& embd = m.token_embd();
  for (uint32_t t = 0; t < n; ++t) {
    model_detail::dequantize_row(embd.type, embd.row(static_cast<uint64_t>(tokens[t])), &x_[t * E], E);
  }

  // The rotation angles depend only on the position, so they are computed once per token, not per layer.
  const size_t half = c.rope_dim / 2;
  for (uint32_t t = 0; t < n; ++t) {
    rope_angles(pos0 + t, c.rope_dim, c.rope_freq_base, m.rope_freqs(), &rope_cos_[t * half], &rope_sin_[t * half]);
  }

  for (uint32_t li = 0; li < c.n_layer; ++li) {
    const LayerWeights& L = m.layer(li);
    for (uint32_t t = 0; t < n; ++t) rms_norm(&x_[t * E], L.attn_norm.data(), c.rms_eps, E, &xn_[t * E]);
    matmul_.run(pool_, xn_.data(), n, E, {{&L.wq, q_.data()}, {&L.wk, k_.data()}, {&L.wv, v_.data()}});
    for (uint32_t t = 0; t < n; ++t) {
      float* q = &q_[t * QD];
      float* k = &k_[t * KD];
      float* v = &v_[t * KD];
      if (!L.bq.empty()) {
        for (size_t i = 0; i < QD; ++i) q[i] += L.bq[i];
        for (size_t i = 0; i < KD; ++i) k[i] += L.bk[i];
        for (size_t i = 0; i < KD; ++i) v[i] += L.bv[i];
      }
      if (c.has_qk_norm) {
        for (uint32_t h = 0; h < c.n_head; ++h) {
          rms_norm(q + h * c.head_dim, L.q_norm.data(), c.rms_eps, c.head_dim, q + h * c.head_dim);
        }
        for (uint32_t h = 0; h < c.n_head_kv; ++h) {
          rms_norm(k + h * c.head_dim, L.k_norm.data(), c.rms_eps, c.head_dim, k + h * c.head_dim);
        }
      }
      const float* cos_t = &rope_cos_[t * half];
      const float* sin_t = &rope_sin_[t * half];
      for (uint32_t h = 0; h < c.n_head; ++h) {
        rope_head(q + h * c.head_dim, c.rope_dim, c.rope_style, cos_t, sin_t);
      }
      for (uint32_t h = 0; h < c.n_head_kv; ++h) {
        rope_head(k + h * c.head_dim, c.rope_dim, c.rope_style, cos_t, sin_t);
      }
      kv_.store(li, pos0 + t, k, v);
    }
    attention(li, n, pos0);
    matmul_.run(pool_, attn_.data(), n, QD, {{&L.wo, proj_.data()}});
    for (size_t i = 0; i < n * E; ++i) x_[i] += proj_[i];

    for (uint32_t t = 0; t < n; ++t) rms_norm(&x_[t * E], L.ffn_norm.data(), c.rms_eps, E, &xn_[t * E]);
    matmul_.run(pool_, xn_.data(), n, E, {{&L.w_gate, gate_.data()}, {&L.w_up, up_.data()}});
    for (size_t i = 0; i < n * F; ++i) gate_[i] = silu(gate_[i]) * up_[i];
    matmul_.run(pool_, gate_.data(), n, F, {{&L.w_down, proj_.data()}});
    for (size_t i = 0; i < n * E; ++i) x_[i] += proj_[i];
  }
  n_past_ = pos0 + n;

  if (!logits_out) return;
  const uint32_t first = all_logits ? 0 : n - 1;
  const uint32_t rows = n - first;
  for (uint32_t t = first; t < n; ++t) {
    rms_norm(&x_[t * E], m.output_norm().data(), c.rms_eps, E, &xn_[(t - first) * E]);
  }
  matmul_.run(pool_, xn_.data(), rows, E, {{&m.output(), logits_out}});
}

void Session::attention(uint32_t layer, uint32_t n, uint32_t pos0) {
  const ModelConfig& c = model_->config();
  const uint32_t hd = c.head_dim;
  const uint32_t n_kv = c.n_head_kv;
  const uint32_t group = c.n_head / n_kv;
  const size_t QD = c.q_dim();
  const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
  const size_t per_thread = static_cast<size_t>(group) * n_ctx_;
  const bool f16 = kv_.type() == KvType::kF16;
  const size_t head_bytes = static_cast<size_t>(hd) * (f16 ? 2 : 4);
  const AttentionKernels& ak = attention_kernels();
  // One work item is one token's query heads of one KV group, so each K/V row is read once per group.
  // The pool hands out contiguous chunks of items, and a causal token t costs t + pos0 + 1 positions, so
  // tokens are taken in the order 0, n-1, 1, n-2, ...: chunks of equal length then carry about equal work.
  pool_.parallel_for(static_cast<size_t>(n) * n_kv, [&](size_t begin, size_t end, int tid) {
    float* scores = scores_.data() + static_cast<size_t>(tid) * per_thread;
    for (size_t item = begin; item < end; ++item) {
      const uint32_t pair = static_cast<uint32_t>(item / n_kv);
      const uint32_t g = static_cast<uint32_t>(item % n_kv);
      const uint32_t t = pair % 2 == 0 ? pair / 2 : n - 1 - pair / 2;
      const uint32_t n_pos = pos0 + t + 1;  // causal: this token sees itself and everything before
      const KvRows k{kv_.k_raw(layer, 0) + g * head_bytes, c.kv_dim(), f16};
      const KvRows v{kv_.v_raw(layer, 0) + g * head_bytes, c.kv_dim(), f16};
      const float* q = &q_[t * QD + static_cast<size_t>(g) * group * hd];
      float* out = &attn_[t * QD + static_cast<size_t>(g) * group * hd];
      ak.scores(q, hd, group, k, n_pos, hd, scale, scores);
      float inv[1024];  // group <= n_head, which the loader limits to 1024
      for (uint32_t j = 0; j < group; ++j) inv[j] = 1.0f / ak.softmax(scores + static_cast<size_t>(j) * n_pos, n_pos);
      std::fill(out, out + static_cast<size_t>(group) * hd, 0.0f);
      ak.accumulate(scores, group, v, n_pos, hd, out, hd);
      // Normalising the outputs instead of the weights: head_dim multiplications instead of n_pos.
      for (uint32_t j = 0; j < group; ++j) {
        for (uint32_t d = 0; d < hd; ++d) out[j * hd + d] *= inv[j];
      }
    }
  });
}

}  // namespace haven::engine
