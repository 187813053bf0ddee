// Compute kernels over ggml tensor types: dequantization, activation quantization, dot products and
// matrix-vector products, each in a scalar version and (where the CPU has AVX2, FMA and F16C) an AVX2
// version chosen once at start-up.
//
// Activations. llama.cpp multiplies quantized weights with quantized activations, so we do too:
// Q4_0/Q5_0/Q8_0 weights with Q8_0 activations, Q4_1/Q5_1 with Q8_0 activations plus their sum (ggml
// stores that sum in a Q8_1 block; we recompute it from the Q8_0 block, which is the same number without
// its half-float rounding), Q4_K/Q5_K/Q6_K with Q8_K activations. F32, F16 and BF16 weights take F32
// activations. activation_type() says which.
//
// Preconditions (programmer errors, checked by assert only): n is a multiple of the type's block size
// (of 256 for K-quant activations); buffers hold the bytes ggml_row_size() gives. Kernels never fail.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/tensor/ggml_type.h"

namespace haven {
class ThreadPool;
}

namespace haven::engine {

// Dequantizes n elements of src (of the table's type) into dst.
using DequantizeFn = void (*)(const void* src, float* dst, int64_t n);
// Dot product of n elements: a weight row w (of the table's type) with an activation row a (of
// activation_type()).
using DotFn = float (*)(const void* w, const void* a, int64_t n);

// Dot products of kDotRows consecutive weight rows (row_bytes apart) with one activation row:
// out[r] = dot(w + r * row_bytes, a, n). Each result is bit-identical to what `dot` gives for that row
// (same operations in the same order); the rows share the activation loads and scale conversions,
// and their accumulators hide each other's latency.
constexpr int kDotRows = 4;
using MultiDotFn = void (*)(const void* w, size_t row_bytes, const void* a, int64_t n, float* out);

struct TypeKernels {
  DequantizeFn dequantize = nullptr;
  DotFn dot = nullptr;
  MultiDotFn dot_rows = nullptr;  // null where a type has no such kernel: call dot per row
};

enum class KernelIsa { kScalar, kAvx2 };

// The activation type for a weight type (kF32 for the float types). Only for computable types.
GgmlType activation_type(GgmlType weight);

// Whether the running CPU has AVX2, FMA and F16C (checked once).
bool cpu_has_avx2();
// The ISA the dispatching functions below use: kAvx2 when the CPU has it, unless HAVEN_KERNELS=scalar.
KernelIsa active_isa();
const char* isa_name(KernelIsa isa);

// Kernels for a computable type; dot is null for Q8_K (an activation type only).
const TypeKernels& kernels(GgmlType type);                  // the active ISA's
const TypeKernels& kernels_for(GgmlType type, KernelIsa isa); // a given ISA; kAvx2 only if cpu_has_avx2()

// Quantizes n floats of x to activation type `type` (kQ8_0, kQ8_K, or kF32 for a plain copy) into out,
// which is resized to the row size. Matches ggml's quantize_row_q8_0_ref / quantize_row_q8_K_ref bit
// for bit.
void quantize_row(GgmlType type, const float* x, int64_t n, std::vector<uint8_t>& out);
void quantize_row_q8_0(const float* x, void* y, int64_t n);
void quantize_row_q8_K(const float* x, void* y, int64_t n);

// y[r] = dot(row r of w, x) for r in [0, rows): w is rows x cols of type `type` (rows contiguous),
// x holds cols floats (quantized here to the activation type). Rows are split across the pool's
// threads (pool may be null: one thread).
void matvec(GgmlType type, const void* w, int64_t rows, int64_t cols, const float* x, float* y,
            ThreadPool* pool);
// The same with activations already quantized by quantize_row (for several products sharing one x).
void matvec_quantized(GgmlType type, const void* w, int64_t rows, int64_t cols, const void* xq, float* y,
                      ThreadPool* pool, KernelIsa isa);

// Internal tables (one per ISA); filled by kernels_scalar.cpp and kernels_avx2.cpp.
namespace detail {
const TypeKernels* scalar_table(GgmlType type);
const TypeKernels* avx2_table(GgmlType type);
}  // namespace detail

}  // namespace haven::engine
