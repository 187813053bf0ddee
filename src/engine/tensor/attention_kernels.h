// The inner loops of attention over a KV cache, in a scalar version and (where the CPU has AVX2, FMA and
// F16C) an AVX2 version chosen once at start-up like the matrix kernels (kernels.h: active_isa()).
//
// Each call handles the query heads of one KV group together (n_q heads sharing one K/V head under
// grouped-query attention), so each K and V row is read and converted from F16 once per group instead
// of once per query head. Rows are read straight from the cache's storage: row p of the KV head starts
// at element p * stride of `data`, in F32 or F16.
//
// Preconditions (programmer errors, checked by assert only): n_pos >= 1, head_dim >= 1, buffers hold
// the sizes given. The AVX2 versions equal the scalar ones up to float summation order (and, for
// softmax, a polynomial exp within a few ulp of std::exp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/tensor/kernels.h"

namespace haven::engine {

struct KvRows {
  const void* data = nullptr;  // borrowed: element 0 of position 0 of one KV head
  size_t stride = 0;           // elements from one position to the next
  bool f16 = false;            // IEEE half when true, float otherwise
};

// scores[j * n_pos + p] = scale * dot(q_j, K row p) for j in [0, n_q), p in [0, n_pos); q_j starts at
// q + j * q_stride and holds head_dim floats.
using AttnScoresFn = void (*)(const float* q, size_t q_stride, uint32_t n_q, KvRows k, uint32_t n_pos,
                              uint32_t head_dim, float scale, float* scores);
// x[i] = exp(x[i] - max(x)) for i in [0, n); returns the sum of the new values.
using AttnSoftmaxFn = float (*)(float* x, uint32_t n);
// out_j += sum_p w[j * n_pos + p] * V row p for j in [0, n_q); out_j starts at out + j * out_stride
// and holds head_dim floats.
using AttnAccumulateFn = void (*)(const float* w, uint32_t n_q, KvRows v, uint32_t n_pos, uint32_t head_dim,
                                  float* out, size_t out_stride);

struct AttentionKernels {
  AttnScoresFn scores = nullptr;
  AttnSoftmaxFn softmax = nullptr;
  AttnAccumulateFn accumulate = nullptr;
};

// The active ISA's kernels (active_isa()).
const AttentionKernels& attention_kernels();
// A given ISA's; kAvx2 only if cpu_has_avx2().
const AttentionKernels& attention_kernels_for(KernelIsa isa);

namespace detail {
const AttentionKernels& attention_scalar();
const AttentionKernels* attention_avx2();  // null when built without AVX2 support
}  // namespace detail

}  // namespace haven::engine
