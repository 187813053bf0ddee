// The portable batched product: the scalar dot product for every (row, token) pair, so the scalar path
// (HAVEN_KERNELS=scalar, or CPUs without AVX2) computes exactly what it computed before batching.
#include "engine/tensor/gemm.h"

namespace haven::engine {
namespace {

template <GgmlType kType>
void gemm_by_dots(const uint8_t* w, size_t w_stride, size_t rows, const uint8_t* a, size_t a_stride,
                  size_t n_tokens, int64_t cols, float* y, size_t ldy) {
  static const DotFn dot = kernels_for(kType, KernelIsa::kScalar).dot;
  for (size_t r = 0; r < rows; ++r) {
    for (size_t t = 0; t < n_tokens; ++t) y[t * ldy + r] = dot(w + r * w_stride, a + t * a_stride, cols);
  }
}

}  // namespace

namespace detail {

GemmFn gemm_scalar(GgmlType type) {
  switch (type) {
    case GgmlType::kQ4_0: return gemm_by_dots<GgmlType::kQ4_0>;
    case GgmlType::kQ5_0: return gemm_by_dots<GgmlType::kQ5_0>;
    case GgmlType::kQ8_0: return gemm_by_dots<GgmlType::kQ8_0>;
    case GgmlType::kQ4_K: return gemm_by_dots<GgmlType::kQ4_K>;
    case GgmlType::kQ6_K: return gemm_by_dots<GgmlType::kQ6_K>;
    default: return nullptr;
  }
}

}  // namespace detail

GemmFn gemm_kernel(GgmlType type, KernelIsa isa) {
  if (isa == KernelIsa::kAvx2 && cpu_has_avx2()) {
    if (GemmFn f = detail::gemm_avx2(type)) return f;
  }
  return detail::gemm_scalar(type);
}

QuantizeActFn quantize_activation_kernel(GgmlType act_type, KernelIsa isa) {
  if (isa == KernelIsa::kAvx2 && cpu_has_avx2()) return detail::quantize_avx2(act_type);
  return nullptr;
}

}  // namespace haven::engine
