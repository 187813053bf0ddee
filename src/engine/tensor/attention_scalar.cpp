// The plain attention loops: the reference the AVX2 ones are tested against, and the path on CPUs
// without AVX2. Also the dispatch, which lives here because this file is compiled without -mavx2.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#include "engine/tensor/attention_kernels.h"
#include "engine/tensor/fp16.h"

namespace haven::engine {
namespace {

inline float element(const KvRows& r, uint32_t p, uint32_t d) {
  const size_t i = static_cast<size_t>(p) * r.stride + d;
  if (!r.f16) return static_cast<const float*>(r.data)[i];
  uint16_t h;
  std::memcpy(&h, static_cast<const uint8_t*>(r.data) + 2 * i, 2);
  return fp16_to_fp32(h);
}

void scores_scalar(const float* q, size_t q_stride, uint32_t n_q, KvRows k, uint32_t n_pos, uint32_t head_dim,
                   float scale, float* scores) {
  for (uint32_t j = 0; j < n_q; ++j) {
    const float* qj = q + j * q_stride;
    for (uint32_t p = 0; p < n_pos; ++p) {
      float s = 0;
      for (uint32_t d = 0; d < head_dim; ++d) s += qj[d] * element(k, p, d);
      scores[static_cast<size_t>(j) * n_pos + p] = s * scale;
    }
  }
}

float softmax_scalar(float* x, uint32_t n) {
  assert(n >= 1);
  float max = x[0];
  for (uint32_t i = 1; i < n; ++i) max = std::max(max, x[i]);
  double sum = 0;
  for (uint32_t i = 0; i < n; ++i) {
    x[i] = std::exp(x[i] - max);
    sum += x[i];
  }
  return static_cast<float>(sum);
}

void accumulate_scalar(const float* w, uint32_t n_q, KvRows v, uint32_t n_pos, uint32_t head_dim, float* out,
                       size_t out_stride) {
  for (uint32_t j = 0; j < n_q; ++j) {
    float* oj = out + j * out_stride;
    const float* wj = w + static_cast<size_t>(j) * n_pos;
    for (uint32_t p = 0; p < n_pos; ++p) {
      for (uint32_t d = 0; d < head_dim; ++d) oj[d] += wj[p] * element(v, p, d);
    }
  }
}

}  // namespace

namespace detail {
const AttentionKernels& attention_scalar() {
  static const AttentionKernels k{scores_scalar, softmax_scalar, accumulate_scalar};
  return k;
}
}  // namespace detail

const AttentionKernels& attention_kernels_for(KernelIsa isa) {
  if (isa == KernelIsa::kAvx2) {
    const AttentionKernels* k = detail::attention_avx2();
    assert(k != nullptr && cpu_has_avx2());
    if (k != nullptr) return *k;
  }
  return detail::attention_scalar();
}

const AttentionKernels& attention_kernels() {
  static const AttentionKernels& k =
      attention_kernels_for(detail::attention_avx2() != nullptr ? active_isa() : KernelIsa::kScalar);
  return k;
}

}  // namespace haven::engine
