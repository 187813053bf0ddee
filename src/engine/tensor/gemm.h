// Batched products of quantized weight rows with already-quantized activation rows (prompt
// processing): y[t * ldy + r] = dot(weight row r, activation row t), for a tile of rows x tokens.
//
// Why a separate kernel from the dot products in kernels.h: a dot product unpacks each weight block
// (nibbles, fifth bits, 6-bit scales) for one activation row only, so a batch of n tokens unpacks every
// block n times. These kernels unpack a block once for several weight rows and reuse it for several
// tokens held in registers, which is what makes prompt processing compute-bound on the integer
// products rather than on the unpacking.
//
// Results equal the per-row dot products of kernels.h up to float summation order (the integer parts are
// exact; block scales are applied in float, in another order).
//
// Preconditions (programmer errors, checked by assert only): cols is a multiple of the weight type's
// block size (256 for K-quants); weight rows are w_stride bytes apart, activation rows a_stride bytes
// apart, each holding ggml_row_size(type, cols) bytes of the type / its activation type.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/tensor/ggml_type.h"
#include "engine/tensor/kernels.h"

namespace haven::engine {

// Writes y[t * ldy + r] for r in [0, rows), t in [0, n_tokens).
using GemmFn = void (*)(const uint8_t* w, size_t w_stride, size_t rows, const uint8_t* a, size_t a_stride,
                        size_t n_tokens, int64_t cols, float* y, size_t ldy);

// The batched kernel for a weight type on an ISA, or null for types without one (the caller then loops
// over kernels(type).dot). Types with one: Q4_0, Q5_0, Q8_0 (Q8_0 activations), Q4_K, Q6_K (Q8_K
// activations). The scalar versions loop over the scalar dot products, so HAVEN_KERNELS=scalar gives
// the same numbers as before.
GemmFn gemm_kernel(GgmlType type, KernelIsa isa);

// Quantizes n floats (a multiple of the block size) of one activation row to Q8_0 or Q8_K, byte for byte
// as the model's scalar quantizers (engine/model/row_ops.h: round to nearest even, llama.cpp's x86
// arithmetic). Null where there is no fast version (then use row_ops).
using QuantizeActFn = void (*)(const float* x, uint8_t* out, int64_t n);
QuantizeActFn quantize_activation_kernel(GgmlType act_type, KernelIsa isa);

namespace detail {
GemmFn gemm_scalar(GgmlType type);
QuantizeActFn quantize_avx2(GgmlType act_type);  // null when the binary has no AVX2 code
GemmFn gemm_avx2(GgmlType type);  // null when the binary has no AVX2 code
}  // namespace detail

}  // namespace haven::engine
