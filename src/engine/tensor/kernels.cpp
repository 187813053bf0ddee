#include "engine/tensor/kernels.h"

#include <cassert>
#include <cstdlib>
#include <cstring>

#include "core/thread_pool.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace haven::engine {

GgmlType activation_type(GgmlType weight) {
  switch (weight) {
    case GgmlType::kQ4_0:
    case GgmlType::kQ4_1:
    case GgmlType::kQ5_0:
    case GgmlType::kQ5_1:
    case GgmlType::kQ8_0: return GgmlType::kQ8_0;
    case GgmlType::kQ4_K:
    case GgmlType::kQ5_K:
    case GgmlType::kQ6_K: return GgmlType::kQ8_K;
    default: return GgmlType::kF32;
  }
}

bool cpu_has_avx2() {
#if defined(__x86_64__) || defined(__i386__)
  static const bool has = [] {
    // clang 14's __builtin_cpu_supports knows no "f16c", so F16C comes from CPUID itself.
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) return false;
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) == 0) return false;
    return (ecx & bit_F16C) != 0;
  }();
  return has;
#else
  return false;
#endif
}

KernelIsa active_isa() {
  static const KernelIsa isa = [] {
    const char* forced = std::getenv("HAVEN_KERNELS");  // lets a user on odd hardware fall back
    if (forced != nullptr && std::strcmp(forced, "scalar") == 0) return KernelIsa::kScalar;
    return cpu_has_avx2() ? KernelIsa::kAvx2 : KernelIsa::kScalar;
  }();
  return isa;
}

const char* isa_name(KernelIsa isa) { return isa == KernelIsa::kAvx2 ? "avx2" : "scalar"; }

const TypeKernels& kernels_for(GgmlType type, KernelIsa isa) {
  const TypeKernels* t = nullptr;
  if (isa == KernelIsa::kAvx2 && cpu_has_avx2()) t = detail::avx2_table(type);
  if (t == nullptr) t = detail::scalar_table(type);
  assert(t != nullptr && "kernels asked for a type the engine does not compute with");
  return *t;
}

const TypeKernels& kernels(GgmlType type) { return kernels_for(type, active_isa()); }

void quantize_row(GgmlType type, const float* x, int64_t n, std::vector<uint8_t>& out) {
  auto size = ggml_row_size(type, static_cast<uint64_t>(n));
  assert(size.has_value());
  out.resize(static_cast<size_t>(*size));
  switch (type) {
    case GgmlType::kQ8_0: quantize_row_q8_0(x, out.data(), n); break;
    case GgmlType::kQ8_K: quantize_row_q8_K(x, out.data(), n); break;
    case GgmlType::kF32: std::memcpy(out.data(), x, static_cast<size_t>(n) * 4); break;
    default: assert(false && "not an activation type");
  }
}

void matvec_quantized(GgmlType type, const void* w, int64_t rows, int64_t cols, const void* xq, float* y,
                      ThreadPool* pool, KernelIsa isa) {
  const TypeKernels& k = kernels_for(type, isa);
  const uint64_t row_bytes = *ggml_row_size(type, static_cast<uint64_t>(cols));
  const uint8_t* base = static_cast<const uint8_t*>(w);
  auto work = [&](size_t begin, size_t end, int) {
    size_t r = begin;
    if (k.dot_rows != nullptr) {
      for (; r + kDotRows <= end; r += kDotRows) k.dot_rows(base + r * row_bytes, row_bytes, xq, cols, y + r);
    }
    for (; r < end; ++r) y[r] = k.dot(base + r * row_bytes, xq, cols);
  };
  if (pool == nullptr || pool->size() == 1 || rows < 2) {
    work(0, static_cast<size_t>(rows), 0);
  } else {
    pool->parallel_for(static_cast<size_t>(rows), work);
  }
}

void matvec(GgmlType type, const void* w, int64_t rows, int64_t cols, const float* x, float* y, ThreadPool* pool) {
  std::vector<uint8_t> xq;
  quantize_row(activation_type(type), x, cols, xq);
  matvec_quantized(type, w, rows, cols, xq.data(), y, pool, active_isa());
}

}  // namespace haven::engine
