// AVX2/FMA/F16C dot products. This file alone is compiled with -mavx2 -mfma -mf16c (see
// src/engine/CMakeLists.txt) and its functions run only after cpu_has_avx2() said yes. So it uses no
// inline function from a shared header (the linker could keep this file's AVX2 copy for everyone):
// only intrinsics, plain structs and functions of its own in an anonymous namespace.
//
// The integer products follow ggml's approach: unsigned x signed byte products (maddubs) summed to
// 32-bit lanes, scaled per block in float with FMA. Results equal the scalar kernels up to float
// summation order.
#include "engine/tensor/kernels.h"
#include "engine/tensor/quant_blocks.h"

#if defined(__AVX2__) && defined(__FMA__) && defined(__F16C__)
#include <immintrin.h>

namespace haven::engine {
namespace {

inline float h2f(uint16_t h) { return _cvtsh_ss(h); }

inline float hsum(__m256 v) {
  __m128 r = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  r = _mm_add_ps(r, _mm_movehl_ps(r, r));
  r = _mm_add_ss(r, _mm_movehdup_ps(r));
  return _mm_cvtss_f32(r);
}

inline __m256i loadu(const void* p) { return _mm256_loadu_si256(static_cast<const __m256i*>(p)); }

// 16 bytes of nibbles -> 32 bytes: low nibbles first (elements 0..15), then high (16..31). The bytes
// are loaded into both halves at once and the high half shifted by a per-lane count, which saves the
// cross-lane insert (a shuffle-port uop, and these kernels are short of those).
inline __m256i nibbles_32(const uint8_t* p) {
  const __m256i b = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  return _mm256_and_si256(_mm256_srlv_epi64(b, _mm256_set_epi64x(4, 4, 0, 0)), _mm256_set1_epi8(0x0F));
}

// 32 bits -> 32 bytes, 0xFF where the bit is set.
inline __m256i bits_32(const uint8_t* p) {
  uint32_t x32;
  __builtin_memcpy(&x32, p, 4);
  const __m256i shuf = _mm256_set_epi64x(0x0303030303030303, 0x0202020202020202, 0x0101010101010101, 0);
  __m256i bytes = _mm256_shuffle_epi8(_mm256_set1_epi32(static_cast<int>(x32)), shuf);
  bytes = _mm256_or_si256(bytes, _mm256_set1_epi64x(0x7fbfdfeff7fbfdfe));
  return _mm256_cmpeq_epi8(bytes, _mm256_set1_epi64x(-1));
}

// Sum of signed x * signed y over 32 bytes, as 8 int32 lanes (y never -128: it comes from our
// activation quantizers).
inline __m256i dot_i8(__m256i x, __m256i y) {
  const __m256i ax = _mm256_sign_epi8(x, x);
  const __m256i sy = _mm256_sign_epi8(y, x);
  return _mm256_madd_epi16(_mm256_maddubs_epi16(ax, sy), _mm256_set1_epi16(1));
}

// Sum of unsigned x * signed y over 32 bytes, as 8 int32 lanes.
inline __m256i dot_u8i8(__m256i x, __m256i y) {
  return _mm256_madd_epi16(_mm256_maddubs_epi16(x, y), _mm256_set1_epi16(1));
}

inline void scale_min(int j, const uint8_t* q, uint8_t* sc, uint8_t* m) {
  if (j < 4) {
    *sc = q[j] & 63;
    *m = q[j + 4] & 63;
  } else {
    *sc = static_cast<uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
    *m = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
  }
}

float dot_f32(const void* w, const void* a, int64_t n) {
  const float* x = static_cast<const float*>(w);
  const float* y = static_cast<const float*>(a);
  __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
  int64_t i = 0;
  for (; i + 32 <= n; i += 32) {
    s0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), s0);
    s1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8), _mm256_loadu_ps(y + i + 8), s1);
    s2 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 16), _mm256_loadu_ps(y + i + 16), s2);
    s3 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 24), _mm256_loadu_ps(y + i + 24), s3);
  }
  for (; i + 8 <= n; i += 8) s0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), s0);
  float sum = hsum(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
  for (; i < n; ++i) sum += x[i] * y[i];
  return sum;
}

inline __m256 load_f16(const uint8_t* p) {
  return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

float dot_f16(const void* w, const void* a, int64_t n) {
  const uint8_t* x = static_cast<const uint8_t*>(w);
  const float* y = static_cast<const float*>(a);
  __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
  int64_t i = 0;
  for (; i + 32 <= n; i += 32) {
    s0 = _mm256_fmadd_ps(load_f16(x + 2 * i), _mm256_loadu_ps(y + i), s0);
    s1 = _mm256_fmadd_ps(load_f16(x + 2 * i + 16), _mm256_loadu_ps(y + i + 8), s1);
    s2 = _mm256_fmadd_ps(load_f16(x + 2 * i + 32), _mm256_loadu_ps(y + i + 16), s2);
    s3 = _mm256_fmadd_ps(load_f16(x + 2 * i + 48), _mm256_loadu_ps(y + i + 24), s3);
  }
  for (; i + 8 <= n; i += 8) s0 = _mm256_fmadd_ps(load_f16(x + 2 * i), _mm256_loadu_ps(y + i), s0);
  float sum = hsum(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
  for (; i < n; ++i) {
    uint16_t h;
    __builtin_memcpy(&h, x + 2 * i, 2);
    sum += h2f(h) * y[i];
  }
  return sum;
}

inline __m256 load_bf16(const uint8_t* p) {
  const __m256i v = _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  return _mm256_castsi256_ps(_mm256_slli_epi32(v, 16));
}

float dot_bf16(const void* w, const void* a, int64_t n) {
  const uint8_t* x = static_cast<const uint8_t*>(w);
  const float* y = static_cast<const float*>(a);
  __m256 s0 = _mm256_setzero_ps(), s1 = s0;
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    s0 = _mm256_fmadd_ps(load_bf16(x + 2 * i), _mm256_loadu_ps(y + i), s0);
    s1 = _mm256_fmadd_ps(load_bf16(x + 2 * i + 16), _mm256_loadu_ps(y + i + 8), s1);
  }
  for (; i + 8 <= n; i += 8) s0 = _mm256_fmadd_ps(load_bf16(x + 2 * i), _mm256_loadu_ps(y + i), s0);
  float sum = hsum(_mm256_add_ps(s0, s1));
  for (; i < n; ++i) {
    uint16_t h;
    __builtin_memcpy(&h, x + 2 * i, 2);
    uint32_t u = static_cast<uint32_t>(h) << 16;
    float f;
    __builtin_memcpy(&f, &u, 4);
    sum += f * y[i];
  }
  return sum;
}

// The legacy types take two blocks per iteration into two accumulators: with one, every block waits
// for the previous block's FMA (4 cycles), which is longer than the rest of a block's work.
inline __m256 block_scale(uint16_t dx, uint16_t dy) { return _mm256_set1_ps(h2f(dx) * h2f(dy)); }

// Sum of (q - off) * y over 32 bytes for unsigned q (0..31), as 8 int32 lanes: q * y as unsigned x
// signed byte products, minus off * y, both exact in 16 bits. Needs no sign instructions (one uop
// fewer than dot_i8 for Q4_0), and the off * y term depends on the activations only, so the
// multi-row kernels below compute it once for all rows.
inline __m256i dot_offset_u8i8(__m256i q, __m256i y, __m256i off) {
  return _mm256_madd_epi16(_mm256_sub_epi16(_mm256_maddubs_epi16(q, y), _mm256_maddubs_epi16(off, y)),
                           _mm256_set1_epi16(1));
}

float dot_q4_0(const void* w, const void* a, int64_t n) {
  const BlockQ4_0* x = static_cast<const BlockQ4_0*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  const __m256i off = _mm256_set1_epi8(8);
  const int64_t nb = n / kQK;
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  int64_t ib = 0;
  for (; ib + 2 <= nb; ib += 2) {
    const __m256i p0 = dot_offset_u8i8(nibbles_32(x[ib].qs), loadu(y[ib].qs), off);
    const __m256i p1 = dot_offset_u8i8(nibbles_32(x[ib + 1].qs), loadu(y[ib + 1].qs), off);
    acc0 = _mm256_fmadd_ps(block_scale(x[ib].d, y[ib].d), _mm256_cvtepi32_ps(p0), acc0);
    acc1 = _mm256_fmadd_ps(block_scale(x[ib + 1].d, y[ib + 1].d), _mm256_cvtepi32_ps(p1), acc1);
  }
  if (ib < nb) {
    const __m256i p0 = dot_offset_u8i8(nibbles_32(x[ib].qs), loadu(y[ib].qs), off);
    acc0 = _mm256_fmadd_ps(block_scale(x[ib].d, y[ib].d), _mm256_cvtepi32_ps(p0), acc0);
  }
  return hsum(_mm256_add_ps(acc0, acc1));
}

float dot_q4_1(const void* w, const void* a, int64_t n) {
  const BlockQ4_1* x = static_cast<const BlockQ4_1*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  __m256 acc = _mm256_setzero_ps();
  __m256 accm = _mm256_setzero_ps();
  const __m256i ones = _mm256_set1_epi8(1);
  for (int64_t ib = 0; ib < n / kQK; ++ib) {
    const float dy = h2f(y[ib].d);
    const __m256i qx = nibbles_32(x[ib].qs);
    const __m256i qy = loadu(y[ib].qs);
    acc = _mm256_fmadd_ps(_mm256_set1_ps(h2f(x[ib].d) * dy), _mm256_cvtepi32_ps(dot_u8i8(qx, qy)), acc);
    accm = _mm256_fmadd_ps(_mm256_set1_ps(h2f(x[ib].m) * dy), _mm256_cvtepi32_ps(dot_u8i8(ones, qy)), accm);
  }
  return hsum(_mm256_add_ps(acc, accm));
}

// Q5_0 weights as unsigned bytes 0..31 (the fifth bit from qh); the offset of 16 goes to dot_offset_u8i8.
inline __m256i q5_0_bytes(const BlockQ5_0& b) {
  return _mm256_or_si256(nibbles_32(b.qs), _mm256_and_si256(bits_32(b.qh), _mm256_set1_epi8(0x10)));
}

float dot_q5_0(const void* w, const void* a, int64_t n) {
  const BlockQ5_0* x = static_cast<const BlockQ5_0*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  const __m256i off = _mm256_set1_epi8(16);
  const int64_t nb = n / kQK;
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  int64_t ib = 0;
  for (; ib + 2 <= nb; ib += 2) {
    const __m256i p0 = dot_offset_u8i8(q5_0_bytes(x[ib]), loadu(y[ib].qs), off);
    const __m256i p1 = dot_offset_u8i8(q5_0_bytes(x[ib + 1]), loadu(y[ib + 1].qs), off);
    acc0 = _mm256_fmadd_ps(block_scale(x[ib].d, y[ib].d), _mm256_cvtepi32_ps(p0), acc0);
    acc1 = _mm256_fmadd_ps(block_scale(x[ib + 1].d, y[ib + 1].d), _mm256_cvtepi32_ps(p1), acc1);
  }
  if (ib < nb) {
    const __m256i p0 = dot_offset_u8i8(q5_0_bytes(x[ib]), loadu(y[ib].qs), off);
    acc0 = _mm256_fmadd_ps(block_scale(x[ib].d, y[ib].d), _mm256_cvtepi32_ps(p0), acc0);
  }
  return hsum(_mm256_add_ps(acc0, acc1));
}

float dot_q5_1(const void* w, const void* a, int64_t n) {
  const BlockQ5_1* x = static_cast<const BlockQ5_1*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  __m256 acc = _mm256_setzero_ps();
  __m256 accm = _mm256_setzero_ps();
  const __m256i ones = _mm256_set1_epi8(1);
  for (int64_t ib = 0; ib < n / kQK; ++ib) {
    const float dy = h2f(y[ib].d);
    __m256i qx = nibbles_32(x[ib].qs);
    qx = _mm256_or_si256(qx, _mm256_and_si256(bits_32(x[ib].qh), _mm256_set1_epi8(0x10)));
    const __m256i qy = loadu(y[ib].qs);
    acc = _mm256_fmadd_ps(_mm256_set1_ps(h2f(x[ib].d) * dy), _mm256_cvtepi32_ps(dot_u8i8(qx, qy)), acc);
    accm = _mm256_fmadd_ps(_mm256_set1_ps(h2f(x[ib].m) * dy), _mm256_cvtepi32_ps(dot_u8i8(ones, qy)), accm);
  }
  return hsum(_mm256_add_ps(acc, accm));
}

float dot_q8_0(const void* w, const void* a, int64_t n) {
  const BlockQ8_0* x = static_cast<const BlockQ8_0*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  const int64_t nb = n / kQK;
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  int64_t ib = 0;
  for (; ib + 2 <= nb; ib += 2) {
    const __m256i p0 = dot_i8(loadu(x[ib].qs), loadu(y[ib].qs));
    const __m256i p1 = dot_i8(loadu(x[ib + 1].qs), loadu(y[ib + 1].qs));
    acc0 = _mm256_fmadd_ps(block_scale(x[ib].d, y[ib].d), _mm256_cvtepi32_ps(p0), acc0);
    acc1 = _mm256_fmadd_ps(block_scale(x[ib + 1].d, y[ib + 1].d), _mm256_cvtepi32_ps(p1), acc1);
  }
  if (ib < nb) {
    const __m256i p0 = dot_i8(loadu(x[ib].qs), loadu(y[ib].qs));
    acc0 = _mm256_fmadd_ps(block_scale(x[ib].d, y[ib].d), _mm256_cvtepi32_ps(p0), acc0);
  }
  return hsum(_mm256_add_ps(acc0, acc1));
}

// kDotRows rows at once for the types with Q8_0 activations: the activation block, its scale and (for
// the offset types) its offset term are loaded or computed once for all rows. Per row, the same
// operations as the single-row kernels in the same order (blocks alternate between two accumulators,
// the last odd block goes to the first), so each result equals that row's dot() bit for bit.
enum class LegacyType { kQ4_0, kQ5_0, kQ8_0 };

constexpr size_t kPrefetchBytes = 4096;

// Decode streams every weight once, so the next blocks are asked for kPrefetchBytes ahead (about
// the next group of rows: rows are contiguous), one request per 64-byte line of the block.
template <size_t kBytes>
inline void prefetch_ahead(const void* blk) {
  const char* p = static_cast<const char*>(blk) + kPrefetchBytes;
  for (size_t off = 0; off < kBytes; off += 64) _mm_prefetch(p + off, _MM_HINT_T0);
}

template <LegacyType kT>
inline __m256i legacy_block_dot(const uint8_t* blk, __m256i qy, __m256i yterm) {
  if constexpr (kT == LegacyType::kQ4_0) {
    const __m256i q = nibbles_32(reinterpret_cast<const BlockQ4_0*>(blk)->qs);
    return _mm256_madd_epi16(_mm256_sub_epi16(_mm256_maddubs_epi16(q, qy), yterm), _mm256_set1_epi16(1));
  } else if constexpr (kT == LegacyType::kQ5_0) {
    const __m256i q = q5_0_bytes(*reinterpret_cast<const BlockQ5_0*>(blk));
    return _mm256_madd_epi16(_mm256_sub_epi16(_mm256_maddubs_epi16(q, qy), yterm), _mm256_set1_epi16(1));
  } else {
    return dot_i8(loadu(reinterpret_cast<const BlockQ8_0*>(blk)->qs), qy);
  }
}

template <LegacyType kT>
void dot_rows_legacy(const void* w, size_t row_bytes, const void* a, int64_t n, float* out) {
  constexpr size_t kBlockBytes = kT == LegacyType::kQ4_0 ? sizeof(BlockQ4_0)
                                 : kT == LegacyType::kQ5_0 ? sizeof(BlockQ5_0) : sizeof(BlockQ8_0);
  const __m256i off = _mm256_set1_epi8(kT == LegacyType::kQ4_0 ? 8 : 16);
  const uint8_t* base = static_cast<const uint8_t*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  const int64_t nb = n / kQK;
  __m256 acc0[kDotRows], acc1[kDotRows];
  for (int r = 0; r < kDotRows; ++r) acc0[r] = acc1[r] = _mm256_setzero_ps();
  auto block = [&](int64_t ib, __m256* acc) {
    const __m256i qy = loadu(y[ib].qs);
    const __m256i yterm = kT == LegacyType::kQ8_0 ? _mm256_setzero_si256() : _mm256_maddubs_epi16(off, qy);
    const float dy = h2f(y[ib].d);
    for (int r = 0; r < kDotRows; ++r) {
      const uint8_t* blk = base + static_cast<size_t>(r) * row_bytes + static_cast<size_t>(ib) * kBlockBytes;
      // Blocks are smaller than a cache line, so one request per block and row covers every line.
      _mm_prefetch(reinterpret_cast<const char*>(blk) + kPrefetchBytes, _MM_HINT_T0);
      uint16_t dx;
      __builtin_memcpy(&dx, blk, 2);
      const __m256i p = legacy_block_dot<kT>(blk, qy, yterm);
      acc[r] = _mm256_fmadd_ps(_mm256_set1_ps(h2f(dx) * dy), _mm256_cvtepi32_ps(p), acc[r]);
    }
  };
  int64_t ib = 0;
  for (; ib + 2 <= nb; ib += 2) {
    block(ib, acc0);
    block(ib + 1, acc1);
  }
  if (ib < nb) block(ib, acc0);
  for (int r = 0; r < kDotRows; ++r) out[r] = hsum(_mm256_add_ps(acc0[r], acc1[r]));
}

// The 6-bit scales and mins of a Q4_K/Q5_K block, unpacked from their 12 bytes with word operations
// instead of eight byte-at-a-time branches: the 8 scales in the low 8 bytes, the 8 mins in the high 8.
inline __m128i k_scales_mins(const uint8_t* q) {
  uint32_t w0, w1, w2;
  __builtin_memcpy(&w0, q, 4);
  __builtin_memcpy(&w1, q + 4, 4);
  __builtin_memcpy(&w2, q + 8, 4);
  const uint32_t sc_lo = w0 & 0x3F3F3F3Fu;
  const uint32_t m_lo = w1 & 0x3F3F3F3Fu;
  const uint32_t sc_hi = (w2 & 0x0F0F0F0Fu) | ((w0 >> 2) & 0x30303030u);
  const uint32_t m_hi = ((w2 >> 4) & 0x0F0F0F0Fu) | ((w1 >> 2) & 0x30303030u);
  return _mm_set_epi32(static_cast<int>(m_hi), static_cast<int>(m_lo), static_cast<int>(sc_hi),
                       static_cast<int>(sc_lo));
}

// Shuffle control that copies 16-bit lane k of each 128-bit half to all 8 lanes of that half.
inline __m256i bcast16_ctrl(int k) { return _mm256_set1_epi16(static_cast<short>((2 * k) | ((2 * k + 1) << 8))); }

// Q4_K and Q5_K: per 64 elements, a low-nibble sub-block and a high-nibble one, each with a scale.
// sum(d * sc * q * y - dmin * m * y) = d * sum(sc * q * y) - dmin * sum(m * bsum): the second sum comes
// from the activation block's sums per 16 elements, one madd per block.
template <bool kFive>
float dot_qk45(const uint8_t* base, size_t block_bytes, const BlockQ8_K* y, int64_t n) {
  __m256 acc = _mm256_setzero_ps();
  __m256 acc_m = _mm256_setzero_ps();
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  for (int64_t i = 0; i < n / kQK_K; ++i) {
    const uint8_t* blk = base + i * block_bytes;
    prefetch_ahead<kFive ? sizeof(BlockQ5_K) : sizeof(BlockQ4_K)>(blk);
    uint16_t dh, dminh;
    __builtin_memcpy(&dh, blk, 2);
    __builtin_memcpy(&dminh, blk + 2, 2);
    const uint8_t* qh = blk + 16;
    const uint8_t* qs = kFive ? blk + 48 : blk + 16;
    const __m128i scm = k_scales_mins(blk + 4);
    // Each min twice, against the 16 bsums: int32 lane s = m[s] * (bsum[2s] + bsum[2s+1]).
    const __m128i mins = _mm_cvtepu8_epi16(_mm_unpackhi_epi64(scm, scm));
    const __m256i mins2 = _mm256_set_m128i(_mm_unpackhi_epi16(mins, mins), _mm_unpacklo_epi16(mins, mins));
    const __m256i summ = _mm256_madd_epi16(loadu(y[i].bsums), mins2);
    acc_m = _mm256_fmadd_ps(_mm256_set1_ps(y[i].d * h2f(dminh)), _mm256_cvtepi32_ps(summ), acc_m);

    const __m256i sc = _mm256_broadcastsi128_si256(_mm_cvtepu8_epi16(scm));
    __m256i hbits = kFive ? loadu(qh) : _mm256_setzero_si256();
    __m256i sumi0 = _mm256_setzero_si256(), sumi1 = _mm256_setzero_si256();
    for (int j = 0; j < 4; ++j) {
      const __m256i q4 = loadu(qs + 32 * j);
      __m256i lo = _mm256_and_si256(q4, m4);
      __m256i hi = _mm256_and_si256(_mm256_srli_epi16(q4, 4), m4);
      if (kFive) {
        // Bit 2j of qh is the fifth bit of the low sub-block, bit 2j + 1 of the high one.
        const __m256i bit4 = _mm256_set1_epi8(0x10);
        lo = _mm256_or_si256(lo, _mm256_and_si256(_mm256_slli_epi16(hbits, 4), bit4));
        hi = _mm256_or_si256(hi, _mm256_and_si256(_mm256_slli_epi16(hbits, 3), bit4));
        hbits = _mm256_srli_epi16(hbits, 2);
      }
      const __m256i plo = _mm256_maddubs_epi16(lo, loadu(y[i].qs + 64 * j));
      const __m256i phi = _mm256_maddubs_epi16(hi, loadu(y[i].qs + 64 * j + 32));
      sumi0 = _mm256_add_epi32(sumi0, _mm256_madd_epi16(plo, _mm256_shuffle_epi8(sc, bcast16_ctrl(2 * j))));
      sumi1 = _mm256_add_epi32(sumi1, _mm256_madd_epi16(phi, _mm256_shuffle_epi8(sc, bcast16_ctrl(2 * j + 1))));
    }
    acc = _mm256_fmadd_ps(_mm256_set1_ps(y[i].d * h2f(dh)), _mm256_cvtepi32_ps(_mm256_add_epi32(sumi0, sumi1)), acc);
  }
  return hsum(_mm256_sub_ps(acc, acc_m));
}

float dot_q4_K(const void* w, const void* a, int64_t n) {
  return dot_qk45<false>(static_cast<const uint8_t*>(w), sizeof(BlockQ4_K), static_cast<const BlockQ8_K*>(a), n);
}

float dot_q5_K(const void* w, const void* a, int64_t n) {
  return dot_qk45<true>(static_cast<const uint8_t*>(w), sizeof(BlockQ5_K), static_cast<const BlockQ8_K*>(a), n);
}

// Shuffle control for Q6_K group g of a 128-element half: scale 2g to the low 128 bits, 2g + 1 to the
// high 128 bits (16 elements each), from a register holding that half's 8 scales in both halves.
inline __m256i q6_scale_ctrl(int g) {
  const __m128i lo = _mm_set1_epi16(static_cast<short>((4 * g) | ((4 * g + 1) << 8)));
  const __m128i hi = _mm_set1_epi16(static_cast<short>((4 * g + 2) | ((4 * g + 3) << 8)));
  return _mm256_set_m128i(hi, lo);
}

// Q6_K: 6-bit unsigned q (4 bits in ql, 2 in qh) with an offset of 32 and one int8 scale per 16
// elements. sum(sc * (q - 32) * y) = sum(sc * q * y) - 32 * sum(sc * bsum), all in int32 lanes.
float dot_q6_K(const void* w, const void* a, int64_t n) {
  const BlockQ6_K* x = static_cast<const BlockQ6_K*>(w);
  const BlockQ8_K* y = static_cast<const BlockQ8_K*>(a);
  __m256 acc = _mm256_setzero_ps();
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  const __m256i m30 = _mm256_set1_epi8(0x30);
  for (int64_t i = 0; i < n / kQK_K; ++i) {
    prefetch_ahead<sizeof(BlockQ6_K)>(&x[i]);
    const uint8_t* ql = x[i].ql;
    const uint8_t* qh = x[i].qh;
    const int8_t* q8 = y[i].qs;
    const __m256i sc16 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x[i].scales)));
    __m256i sumi0 = _mm256_sub_epi32(_mm256_setzero_si256(),
                                     _mm256_slli_epi32(_mm256_madd_epi16(sc16, loadu(y[i].bsums)), 5));
    __m256i sumi1 = _mm256_setzero_si256();
    for (int k = 0; k < 2; ++k) {
      const __m256i sc = k == 0 ? _mm256_permute2x128_si256(sc16, sc16, 0x00) : _mm256_permute2x128_si256(sc16, sc16, 0x11);
      const __m256i l0 = loadu(ql);
      const __m256i l1 = loadu(ql + 32);
      const __m256i h = loadu(qh);
      // Bits 2g, 2g + 1 of qh are bits 4, 5 of group g.
      const __m256i q1 = _mm256_or_si256(_mm256_and_si256(l0, m4), _mm256_and_si256(_mm256_slli_epi16(h, 4), m30));
      const __m256i q2 = _mm256_or_si256(_mm256_and_si256(l1, m4), _mm256_and_si256(_mm256_slli_epi16(h, 2), m30));
      const __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4), _mm256_and_si256(h, m30));
      const __m256i q4 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4),
                                         _mm256_and_si256(_mm256_srli_epi16(h, 2), m30));
      const __m256i p1 = _mm256_madd_epi16(_mm256_maddubs_epi16(q1, loadu(q8)), _mm256_shuffle_epi8(sc, q6_scale_ctrl(0)));
      const __m256i p2 = _mm256_madd_epi16(_mm256_maddubs_epi16(q2, loadu(q8 + 32)), _mm256_shuffle_epi8(sc, q6_scale_ctrl(1)));
      const __m256i p3 = _mm256_madd_epi16(_mm256_maddubs_epi16(q3, loadu(q8 + 64)), _mm256_shuffle_epi8(sc, q6_scale_ctrl(2)));
      const __m256i p4 = _mm256_madd_epi16(_mm256_maddubs_epi16(q4, loadu(q8 + 96)), _mm256_shuffle_epi8(sc, q6_scale_ctrl(3)));
      sumi0 = _mm256_add_epi32(sumi0, _mm256_add_epi32(p1, p2));
      sumi1 = _mm256_add_epi32(sumi1, _mm256_add_epi32(p3, p4));
      ql += 64;
      qh += 32;
      q8 += 128;
    }
    acc = _mm256_fmadd_ps(_mm256_set1_ps(h2f(x[i].d) * y[i].d), _mm256_cvtepi32_ps(_mm256_add_epi32(sumi0, sumi1)), acc);
  }
  return hsum(acc);
}

// ---- dequantization: the same float operations as the scalar code, in the same order (no FMA), so
// the results are bit-identical.

void dequant_f16(const void* src, float* dst, int64_t n) {
  const uint8_t* p = static_cast<const uint8_t*>(src);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(dst + i, load_f16(p + 2 * i));
  for (; i < n; ++i) {
    uint16_t h;
    __builtin_memcpy(&h, p + 2 * i, 2);
    dst[i] = h2f(h);
  }
}

void dequant_bf16(const void* src, float* dst, int64_t n) {
  const uint8_t* p = static_cast<const uint8_t*>(src);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(dst + i, load_bf16(p + 2 * i));
  for (; i < n; ++i) {
    uint16_t h;
    __builtin_memcpy(&h, p + 2 * i, 2);
    uint32_t u = static_cast<uint32_t>(h) << 16;
    __builtin_memcpy(dst + i, &u, 4);
  }
}

// 32 int8 lanes times a scalar, stored as 32 floats.
inline void store_scaled_i8(__m256i q, __m256 d, float* y) {
  const __m128i lo = _mm256_castsi256_si128(q);
  const __m128i hi = _mm256_extracti128_si256(q, 1);
  _mm256_storeu_ps(y, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(lo)), d));
  _mm256_storeu_ps(y + 8, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(lo, 8))), d));
  _mm256_storeu_ps(y + 16, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(hi)), d));
  _mm256_storeu_ps(y + 24, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_srli_si128(hi, 8))), d));
}

void dequant_q8_0(const void* src, float* y, int64_t n) {
  const BlockQ8_0* x = static_cast<const BlockQ8_0*>(src);
  for (int64_t i = 0; i < n / kQK; ++i) store_scaled_i8(loadu(x[i].qs), _mm256_set1_ps(h2f(x[i].d)), y + i * kQK);
}

void dequant_q4_0(const void* src, float* y, int64_t n) {
  const BlockQ4_0* x = static_cast<const BlockQ4_0*>(src);
  for (int64_t i = 0; i < n / kQK; ++i) {
    const __m256i q = _mm256_sub_epi8(nibbles_32(x[i].qs), _mm256_set1_epi8(8));
    store_scaled_i8(q, _mm256_set1_ps(h2f(x[i].d)), y + i * kQK);
  }
}

// y[l] = d1 * q[l] - m1 for 32 unsigned bytes.
inline void store_affine_u8(__m256i q, float d1, float m1, float* y) {
  const __m256 d = _mm256_set1_ps(d1), m = _mm256_set1_ps(m1);
  const __m128i lo = _mm256_castsi256_si128(q);
  const __m128i hi = _mm256_extracti128_si256(q, 1);
  const __m128i parts[4] = {lo, _mm_srli_si128(lo, 8), hi, _mm_srli_si128(hi, 8)};
  for (int k = 0; k < 4; ++k) {
    const __m256 f = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(parts[k]));
    _mm256_storeu_ps(y + 8 * k, _mm256_sub_ps(_mm256_mul_ps(d, f), m));
  }
}

void dequant_q4_K(const void* src, float* y, int64_t n) {
  const BlockQ4_K* x = static_cast<const BlockQ4_K*>(src);
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  for (int64_t i = 0; i < n / kQK_K; ++i) {
    const float d = h2f(x[i].d);
    const float min = h2f(x[i].dmin);
    for (int j = 0; j < 4; ++j) {
      uint8_t sc, m;
      scale_min(2 * j, x[i].scales, &sc, &m);
      const float d1 = d * sc, m1 = min * m;
      scale_min(2 * j + 1, x[i].scales, &sc, &m);
      const float d2 = d * sc, m2 = min * m;
      const __m256i q = loadu(x[i].qs + 32 * j);
      store_affine_u8(_mm256_and_si256(q, m4), d1, m1, y);
      store_affine_u8(_mm256_and_si256(_mm256_srli_epi16(q, 4), m4), d2, m2, y + 32);
      y += 64;
    }
  }
}

const TypeKernels* scalar(GgmlType t) { return detail::scalar_table(t); }

struct Tables {
  TypeKernels f32, f16, bf16, q4_0, q4_1, q5_0, q5_1, q8_0, q4_K, q5_K, q6_K;
};

const Tables& tables() {
  // Dequantization runs on single rows (embedding lookups), never in the hot loop: the common types
  // have AVX2 versions, the rest use the scalar code.
  static const Tables t{
      {scalar(GgmlType::kF32)->dequantize, dot_f32},   {dequant_f16, dot_f16},
      {dequant_bf16, dot_bf16},
      {dequant_q4_0, dot_q4_0, dot_rows_legacy<LegacyType::kQ4_0>},
      {scalar(GgmlType::kQ4_1)->dequantize, dot_q4_1},
      {scalar(GgmlType::kQ5_0)->dequantize, dot_q5_0, dot_rows_legacy<LegacyType::kQ5_0>},
      {scalar(GgmlType::kQ5_1)->dequantize, dot_q5_1},
      {dequant_q8_0, dot_q8_0, dot_rows_legacy<LegacyType::kQ8_0>},
      {dequant_q4_K, dot_q4_K},                         {scalar(GgmlType::kQ5_K)->dequantize, dot_q5_K},
      {scalar(GgmlType::kQ6_K)->dequantize, dot_q6_K},
  };
  return t;
}

}  // namespace

namespace detail {

const TypeKernels* avx2_table(GgmlType type) {
  const Tables& t = tables();
  switch (type) {
    case GgmlType::kF32: return &t.f32;
    case GgmlType::kF16: return &t.f16;
    case GgmlType::kBF16: return &t.bf16;
    case GgmlType::kQ4_0: return &t.q4_0;
    case GgmlType::kQ4_1: return &t.q4_1;
    case GgmlType::kQ5_0: return &t.q5_0;
    case GgmlType::kQ5_1: return &t.q5_1;
    case GgmlType::kQ8_0: return &t.q8_0;
    case GgmlType::kQ4_K: return &t.q4_K;
    case GgmlType::kQ5_K: return &t.q5_K;
    case GgmlType::kQ6_K: return &t.q6_K;
    default: return nullptr;
  }
}

}  // namespace detail
}  // namespace haven::engine

#else  // not built with AVX2 flags (non-x86 target): no AVX2 kernels

namespace haven::engine::detail {
const TypeKernels* avx2_table(GgmlType) { return nullptr; }
}  // namespace haven::engine::detail

#endif
