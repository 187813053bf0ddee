// ggml's quantized block layouts, byte for byte as they lie in GGUF files (little-endian).
//
// Scales are IEEE half floats stored as uint16_t. A row of n elements is n / block_size blocks, one
// after the other; blocks have no alignment beyond 1 (hence every field is read as bytes or through
// memcpy-safe types, never through wider pointers).
#pragma once

#include <cstdint>

namespace haven::engine {

constexpr int kQK = 32;    // elements per block of the "legacy" types (Q4_0 .. Q8_0)
constexpr int kQK_K = 256; // elements per K-quant super-block
constexpr int kKScaleBytes = 12;

#pragma pack(push, 1)
// x = d * (q - 8); q[j] is the low nibble of qs[j], q[j+16] the high nibble.
struct BlockQ4_0 { uint16_t d; uint8_t qs[kQK / 2]; };
// x = d * q + m
struct BlockQ4_1 { uint16_t d; uint16_t m; uint8_t qs[kQK / 2]; };
// x = d * (q - 16); bit j of qh (little-endian u32) is bit 4 of element j.
struct BlockQ5_0 { uint16_t d; uint8_t qh[4]; uint8_t qs[kQK / 2]; };
// x = d * q + m
struct BlockQ5_1 { uint16_t d; uint16_t m; uint8_t qh[4]; uint8_t qs[kQK / 2]; };
// x = d * q
struct BlockQ8_0 { uint16_t d; int8_t qs[kQK]; };
// 8 sub-blocks of 32 with 6-bit scales and mins packed in 12 bytes: x = d * sc * q - dmin * m.
struct BlockQ4_K { uint16_t d; uint16_t dmin; uint8_t scales[kKScaleBytes]; uint8_t qs[kQK_K / 2]; };
// As Q4_K with a fifth bit per element in qh.
struct BlockQ5_K { uint16_t d; uint16_t dmin; uint8_t scales[kKScaleBytes]; uint8_t qh[kQK_K / 8]; uint8_t qs[kQK_K / 2]; };
// 16 sub-blocks of 16 with int8 scales: x = d * sc * (q - 32), q 6 bits (4 in ql, 2 in qh).
struct BlockQ6_K { uint8_t ql[kQK_K / 2]; uint8_t qh[kQK_K / 4]; int8_t scales[kQK_K / 16]; uint16_t d; };
// Activations for K-quant products: x = d * q, bsums[i] = sum of q over elements 16i .. 16i+15.
struct BlockQ8_K { float d; int8_t qs[kQK_K]; int16_t bsums[kQK_K / 16]; };
#pragma pack(pop)

static_assert(sizeof(BlockQ4_0) == 18);
static_assert(sizeof(BlockQ4_1) == 20);
static_assert(sizeof(BlockQ5_0) == 22);
static_assert(sizeof(BlockQ5_1) == 24);
static_assert(sizeof(BlockQ8_0) == 34);
static_assert(sizeof(BlockQ4_K) == 144);
static_assert(sizeof(BlockQ5_K) == 176);
static_assert(sizeof(BlockQ6_K) == 210);
static_assert(sizeof(BlockQ8_K) == 292);

// The 6-bit scale and min of sub-block j (0..7) of a Q4_K/Q5_K block, as ggml packs them.
inline void k_scale_min(int j, const uint8_t* q, uint8_t* sc, uint8_t* m) {
  if (j < 4) {
    *sc = q[j] & 63;
    *m = q[j + 4] & 63;
  } else {
    *sc = static_cast<uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
    *m = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
  }
}

}  // namespace haven::engine
