#include "engine/model/matmul.h"

#include <algorithm>
#include <cassert>

#include "engine/model/row_ops.h"
#include "engine/tensor/kernels.h"

namespace haven::engine::model_detail {
namespace {

// Rows per work item: small enough to balance two to sixteen threads, large enough that each item's
// weights are reused across the tokens of a batch while they sit in cache.
constexpr size_t kRowBlock = 16;
// Tokens per inner tile in batched products, so the activations of a tile stay in L2.
constexpr size_t kTokenTile = 64;

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
      for (size_t t = 0; t < n_tokens; ++t) {
        quantize_activation_row(jobs[j].w->type, x + t * cols, act_[n_act].data() + t * act_bytes[n_act], cols);
      }
      ++n_act;
    }
    job_act[j] = static_cast<int>(k);
  }

  // Work items: row blocks of every job, one after the other.
  std::vector<size_t> first_block(jobs.size() + 1, 0);
  for (size_t j = 0; j < jobs.size(); ++j) {
    first_block[j + 1] = first_block[j] + (jobs[j].w->rows + kRowBlock - 1) / kRowBlock;
  }
  const size_t total = first_block.back();
  pool.parallel_for(total, [&](size_t begin, size_t end, int) {
    size_t j = 0;
    for (size_t item = begin; item < end; ++item) {
      while (item >= first_block[j + 1]) ++j;
      const WeightMatrix& w = *jobs[j].w;
      const size_t r0 = (item - first_block[j]) * kRowBlock;
      const size_t r1 = std::min<size_t>(r0 + kRowBlock, w.rows);
      const RowDot dot = library_dot(w.type);
      const uint8_t* act = act_[job_act[j]].data();
      const size_t ab = act_bytes[job_act[j]];
      float* y = jobs[j].y;
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
