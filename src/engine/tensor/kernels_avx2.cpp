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

inline int hsum_i32(__m256i v) {
  __m128i r = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  r = _mm_add_epi32(r, _mm_shuffle_epi32(r, 0x4E));
  r = _mm_add_epi32(r, _mm_shuffle_epi32(r, 0xB1));
  return _mm_cvtsi128_si32(r);
}

inline __m256i loadu(const void* p) { return _mm256_loadu_si256(static_cast<const __m256i*>(p)); }

// 16 bytes of nibbles -> 32 bytes: low nibbles first (elements 0..15), then high (16..31).
inline __m256i nibbles_32(const uint8_t* p) {
  const __m128i t = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m256i b = _mm256_set_m128i(_mm_srli_epi16(t, 4), t);
  return _mm256_and_si256(b, _mm256_set1_epi8(0x0F));
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

float dot_q4_0(const void* w, const void* a, int64_t n) {
  const BlockQ4_0* x = static_cast<const BlockQ4_0*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  __m256 acc = _mm256_setzero_ps();
  const __m256i off = _mm256_set1_epi8(8);
  for (int64_t ib = 0; ib < n / kQK; ++ib) {
    const __m256 d = _mm256_set1_ps(h2f(x[ib].d) * h2f(y[ib].d));
    const __m256i qx = _mm256_sub_epi8(nibbles_32(x[ib].qs), off);
    const __m256i qy = loadu(y[ib].qs);
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_i8(qx, qy)), acc);
  }
  return hsum(acc);
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

float dot_q5_0(const void* w, const void* a, int64_t n) {
  const BlockQ5_0* x = static_cast<const BlockQ5_0*>(w);
  const BlockQ8_0* y = static_cast<const BlockQ8_0*>(a);
  __m256 acc = _mm256_setzero_ps();
  for (int64_t ib = 0; ib < n / kQK; ++ib) {
    const __m256 d = _mm256_set1_ps(h2f(x[ib].d) * h2f(y[ib].d));
    __m256i qx = nibbles_32(x[ib].qs);
    // q - 16 == q | 0xF0 (as int8) when the fifth bit is clear, q when it is set.
    const __m256i hi = _mm256_andnot_si256(bits_32(x[ib].qh), _mm256_set1_epi8(static_cast<char>(0xF0)));
    qx = _mm256_or_si256(qx, hi);
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_i8(qx, loadu(y[ib].qs))), acc);
  }
  return hsum(acc);
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
  __m256 acc = _mm256_setzero_ps();
  for (int64_t ib = 0; ib < n / kQK; ++ib) {
    const __m256 d = _mm256_set1_ps(h2f(x[ib].d) * h2f(y[ib].d));
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(dot_i8(loadu(x[ib].qs), loadu(y[ib].qs))), acc);
  }
  return hsum(acc);
}

// Q4_K and Q5_K: per 64 elements, a low-nibble sub-block and a high-nibble one, each with a scale.
template <bool kFive>
float dot_qk45(const uint8_t* base, size_t block_bytes, const BlockQ8_K* y, int64_t n) {
  __m256 acc = _mm256_setzero_ps();
  float acc_m = 0.0f;
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  for (int64_t i = 0; i < n / kQK_K; ++i) {
    const uint8_t* blk = base + i * block_bytes;
    uint16_t dh, dminh;
    __builtin_memcpy(&dh, blk, 2);
    __builtin_memcpy(&dminh, blk + 2, 2);
    const uint8_t* scales = blk + 4;
    const uint8_t* qh = blk + 16;
    const uint8_t* qs = kFive ? blk + 48 : blk + 16;
    uint8_t sc[8], mn[8];
    for (int s = 0; s < 8; ++s) scale_min(s, scales, &sc[s], &mn[s]);
    int summ = 0;
    for (int s = 0; s < 8; ++s) summ += mn[s] * (y[i].bsums[2 * s] + y[i].bsums[2 * s + 1]);
    acc_m += y[i].d * h2f(dminh) * static_cast<float>(summ);

    __m256i hbits = kFive ? loadu(qh) : _mm256_setzero_si256();
    __m256i sumi = _mm256_setzero_si256();
    for (int j = 0; j < 4; ++j) {
      const __m256i q4 = loadu(qs + 32 * j);
      __m256i lo = _mm256_and_si256(q4, m4);
      __m256i hi = _mm256_and_si256(_mm256_srli_epi16(q4, 4), m4);
      if (kFive) {
        const __m256i one = _mm256_set1_epi8(1);
        lo = _mm256_or_si256(lo, _mm256_slli_epi16(_mm256_and_si256(hbits, one), 4));
        hbits = _mm256_srli_epi16(hbits, 1);
        hi = _mm256_or_si256(hi, _mm256_slli_epi16(_mm256_and_si256(hbits, one), 4));
        hbits = _mm256_srli_epi16(hbits, 1);
      }
      const __m256i plo = _mm256_maddubs_epi16(lo, loadu(y[i].qs + 64 * j));
      const __m256i phi = _mm256_maddubs_epi16(hi, loadu(y[i].qs + 64 * j + 32));
      sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(plo, _mm256_set1_epi16(sc[2 * j])));
      sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(phi, _mm256_set1_epi16(sc[2 * j + 1])));
    }
    acc = _mm256_fmadd_ps(_mm256_set1_ps(y[i].d * h2f(dh)), _mm256_cvtepi32_ps(sumi), acc);
  }
  return hsum(acc) - acc_m;
}

float dot_q4_K(const void* w, const void* a, int64_t n) {
  return dot_qk45<false>(static_cast<const uint8_t*>(w), sizeof(BlockQ4_K), static_cast<const BlockQ8_K*>(a), n);
}

float dot_q5_K(const void* w, const void* a, int64_t n) {
  return dot_qk45<true>(static_cast<const uint8_t*>(w), sizeof(BlockQ5_K), static_cast<const BlockQ8_K*>(a), n);
}

float dot_q6_K(const void* w, const void* a, int64_t n) {
  const BlockQ6_K* x = static_cast<const BlockQ6_K*>(w);
  const BlockQ8_K* y = static_cast<const BlockQ8_K*>(a);
  float sumf = 0.0f;
  const __m256i m4 = _mm256_set1_epi8(0x0F);
  const __m256i m3 = _mm256_set1_epi8(3);
  for (int64_t i = 0; i < n / kQK_K; ++i) {
    const uint8_t* ql = x[i].ql;
    const uint8_t* qh = x[i].qh;
    const int8_t* sc = x[i].scales;
    const int8_t* q8 = y[i].qs;
    // sum(sc * (q - 32) * y) = sum(sc * q * y) - 32 * sum(sc * bsum)
    int offset = 0;
    for (int s = 0; s < 16; ++s) offset += sc[s] * y[i].bsums[s];
    __m256i sumi = _mm256_setzero_si256();
    for (int k = 0; k < 2; ++k) {
      const __m256i l0 = loadu(ql);
      const __m256i l1 = loadu(ql + 32);
      const __m256i h = loadu(qh);
      const __m256i q1 = _mm256_or_si256(_mm256_and_si256(l0, m4), _mm256_slli_epi16(_mm256_and_si256(h, m3), 4));
      const __m256i q2 = _mm256_or_si256(_mm256_and_si256(l1, m4),
                                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), m3), 4));
      const __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4),
                                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), m3), 4));
      const __m256i q4 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4),
                                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), m3), 4));
      const __m256i qs[4] = {q1, q2, q3, q4};
      for (int g = 0; g < 4; ++g) {
        const __m256i p = _mm256_maddubs_epi16(qs[g], loadu(q8 + 32 * g));
        const __m256i scales = _mm256_set_m128i(_mm_set1_epi16(sc[2 * g + 1]), _mm_set1_epi16(sc[2 * g]));
        sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p, scales));
      }
      ql += 64;
      qh += 32;
      q8 += 128;
      sc += 8;
    }
    const int total = hsum_i32(sumi) - 32 * offset;
    sumf += h2f(x[i].d) * y[i].d * static_cast<float>(total);
  }
  return sumf;
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
      {dequant_bf16, dot_bf16},                         {dequant_q4_0, dot_q4_0},
      {scalar(GgmlType::kQ4_1)->dequantize, dot_q4_1}, {scalar(GgmlType::kQ5_0)->dequantize, dot_q5_0},
      {scalar(GgmlType::kQ5_1)->dequantize, dot_q5_1}, {dequant_q8_0, dot_q8_0},
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
