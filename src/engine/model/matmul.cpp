#include "engine/model/matmul.h"

#include <algorithm>
#include <cassert>

#include "engine/model/row_ops.h"
#include "engine/tensor/gemm.h"
#include "engine/tensor/kernels.h"

namespace haven::engine::model_detail {
namespace {

// Rows per work item: small enough to balance two to sixteen threads, large enough that each item's
// weights are reused across the tokens of a batch while they sit in cache.
constexpr size_t kRowBlock = 16;
// Tokens per inner tile in batched products, so the activations of a tile stay in L2.
constexpr size_t kTokenTile = 64;
// Batched kernels take as many tokens per call as fit this many activation bytes (L2 to L3): a call
// unpacks its weights once per 8 rows, then streams the call's activations past them, so fewer,
// longer calls unpack less often.
constexpr size_t kGemmActivationBytes = 1280 * 1024;
// Rows per work item for the batched kernels: they spend per call a pass over the call's activations
// (sums per block) and per 8 rows an unpacking of the weights, so larger items; still 14 items or more
// per 896-row product, enough to balance two threads.
constexpr size_t kGemmRowBlock = 64;
// Tokens per quantization work item when several threads quantize a batch.
constexpr size_t kQuantizeTokens = 8;

using RowDot = float (*)(const void* w, const void* a, int64_t n);

// The tensor library's dot product (AVX2 where the CPU has it) when it takes the same activation blocks
// as ours; our own row_ops otherwise (F16 weights: llama.cpp rounds the activations to F16, which the
// library does not do, and that rounding is visible in the logits).
RowDot library_dot(GgmlType type) {
  if (type == GgmlType::kF16 || type == GgmlType::kBF16) return nullptr;
  if (activation_type(type) != activation_type_for(type)) return nullptr;
  return kernels(type).dot;
}

}  // namespace

void Matmul::run(ThreadPool& pool, const float* x, size_t n_tokens, size_t cols,
                 const std::vector<MatmulJob>& jobs) {
  // Quantize the activations once per distinct activation type.
  GgmlType act_types[4];
  size_t n_act = 0;
  std::vector<int> job_act(jobs.size());
  std::vector<size_t> act_bytes(4, 0);
  for (size_t j = 0; j < jobs.size(); ++j) {
    assert(jobs[j].w->cols == cols);
    const GgmlType at = activation_type_for(jobs[j].w->type);
    size_t k = 0;
    while (k < n_act && act_types[k] != at) ++k;
    if (k == n_act) {
      assert(n_act < 4);
      act_types[n_act] = at;
      act_bytes[n_act] = activation_row_bytes(jobs[j].w->type, cols);
      act_[n_act].resize(act_bytes[n_act] * n_tokens);
      const GgmlType wt = jobs[j].w->type;
      uint8_t* out = act_[n_act].data();
      const size_t ab = act_bytes[n_act];
      const QuantizeActFn fast = quantize_activation_kernel(at, active_isa());  // same bytes as row_ops
      auto quantize = [&](size_t begin, size_t end, int) {
        const size_t t1 = std::min(n_tokens, end * kQuantizeTokens);
        for (size_t t = begin * kQuantizeTokens; t < t1; ++t) {
          if (fast != nullptr) {
            fast(x + t * cols, out + t * ab, static_cast<int64_t>(cols));
          } else {
            quantize_activation_row(wt, x + t * cols, out + t * ab, cols);
          }
        }
      };
      // A prompt batch's quantization is a few percent of its products: worth both threads.
      if (n_tokens >= 2 * kQuantizeTokens) {
        pool.parallel_for((n_tokens + kQuantizeTokens - 1) / kQuantizeTokens, quantize);
      } else {
        quantize(0, (n_tokens + kQuantizeTokens - 1) / kQuantizeTokens, 0);
      }
      ++n_act;
    }
    job_act[j] = static_cast<int>(k);
  }

  // Batched kernels for a batch (a single token keeps the dot products: nothing to share).
  std::vector<GemmFn> job_gemm(jobs.size(), nullptr);
  std::vector<size_t> job_tile(jobs.size(), kTokenTile);
  std::vector<size_t> job_rows(jobs.size(), kRowBlock);
  if (n_tokens >= 2) {
    const KernelIsa isa = active_isa();
    for (size_t j = 0; j < jobs.size(); ++j) {
      if (library_dot(jobs[j].w->type) == nullptr) continue;
      job_gemm[j] = gemm_kernel(jobs[j].w->type, isa);
      if (job_gemm[j] == nullptr) continue;
      job_tile[j] = std::clamp<size_t>(kGemmActivationBytes / act_bytes[job_act[j]], 8, 512);
      job_rows[j] = kGemmRowBlock;
    }
  }

  // Work items: row blocks of every job, one after the other.
  std::vector<size_t> first_block(jobs.size() + 1, 0);
  for (size_t j = 0; j < jobs.size(); ++j) {
    first_block[j + 1] = first_block[j] + (jobs[j].w->rows + job_rows[j] - 1) / job_rows[j];
  }
  const size_t total = first_block.back();

  pool.parallel_for(total, [&](size_t begin, size_t end, int) {
    size_t j = 0;
    for (size_t item = begin; item < end; ++item) {
      while (item >= first_block[j + 1]) ++j;
      const WeightMatrix& w = *jobs[j].w;
      const size_t r0 = (item - first_block[j]) * job_rows[j];
      const size_t r1 = std::min<size_t>(r0 + job_rows[j], w.rows);
      const RowDot dot = library_dot(w.type);
      const uint8_t* act = act_[job_act[j]].data();
      const size_t ab = act_bytes[job_act[j]];
      float* y = jobs[j].y;
      if (const GemmFn gemm = job_gemm[j]) {
        for (size_t t0 = 0; t0 < n_tokens; t0 += job_tile[j]) {
          const size_t nt = std::min(n_tokens - t0, job_tile[j]);
          gemm(w.row(r0), w.row_bytes, r1 - r0, act + t0 * ab, ab, nt, static_cast<int64_t>(cols),
               y + t0 * w.rows + r0, w.rows);
        }
        continue;
      }
      // Several rows per call share the activation loads and scale conversions (decode's hot loop).
      const MultiDotFn dot_rows = dot != nullptr ? kernels(w.type).dot_rows : nullptr;
      if (dot_rows != nullptr) {
        for (size_t t = 0; t < n_tokens; ++t) {
          const uint8_t* a = act + t * ab;
          float* yt = y + t * w.rows;
          size_t r = r0;
          for (; r + kDotRows <= r1; r += kDotRows) dot_rows(w.row(r), w.row_bytes, a, static_cast<int64_t>(cols), yt + r);
          for (; r < r1; ++r) yt[r] = dot(w.row(r), a, static_cast<int64_t>(cols));
        }
        continue;
      }
      for (size_t t0 = 0; t0 < n_tokens; t0 += kTokenTile) {
        const size_t t1 = std::min(n_tokens, t0 + kTokenTile);
        for (size_t r = r0; r < r1; ++r) {
          const uint8_t* wr = w.row(r);
          if (dot) {
            for (size_t t = t0; t < t1; ++t) y[t * w.rows + r] = dot(wr, act + t * ab, static_cast<int64_t>(cols));
          } else {
            for (size_t t = t0; t < t1; ++t) y[t * w.rows + r] = dot_row(w.type, wr, act + t * ab, cols);
          }
        }
      }
    }
  });
}

}  // namespace haven::engine::model_detail
