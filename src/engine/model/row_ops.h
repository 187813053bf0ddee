// Row operations the forward pass needs for every weight type: dequantize a row, quantize an activation
// row to the type a weight type is multiplied with, and the dot product of one weight row with one
// quantized activation row.
//
// These are the model area's own scalar versions, written from ggml's published block layouts. They
// follow llama.cpp's arithmetic on x86 (activations quantized to Q8_0 for Q4_0/Q5_0/Q8_0 weights, to Q8_1
// for Q4_1/Q5_1, to Q8_K for K-quants, to F16 for F16 weights), because matching llama.cpp's logits on
// quantized models depends on quantizing the activations the same way. The tensor library's kernels
// replace them where those exist (see matmul.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/tensor/ggml_type.h"

namespace haven::engine::model_detail {

float half_to_float(uint16_t h);
uint16_t float_to_half(float f);  // round to nearest even, as F16C does
float bf16_to_float(uint16_t h);
uint16_t float_to_bf16(float f);  // round to nearest even

// True when dequantize_row/dot products handle this weight type.
bool row_type_supported(GgmlType type);
// The activation type a weight type is multiplied with (F32 for F32, F16 for F16, Q8_0 for Q4_0, ...).
GgmlType activation_type_for(GgmlType weight_type);
// Bytes of one activation row of n elements in the activation type for weight_type.
size_t activation_row_bytes(GgmlType weight_type, size_t n);

// Precondition for all: the type is supported and n is a multiple of its block size.
void dequantize_row(GgmlType type, const uint8_t* src, float* dst, size_t n);
// Writes activation_row_bytes(weight_type, n) bytes to dst.
void quantize_activation_row(GgmlType weight_type, const float* src, uint8_t* dst, size_t n);
// Dot product of a weight row (weight_type) with an activation row made by quantize_activation_row.
float dot_row(GgmlType weight_type, const uint8_t* weight_row, const uint8_t* activation_row, size_t n);

}  // namespace haven::engine::model_detail
