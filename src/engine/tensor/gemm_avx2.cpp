// AVX2/FMA/F16C batched products (see gemm.h). This file alone is compiled with -mavx2 -mfma -mf16c (the
// *_avx2.cpp rule in src/engine/CMakeLists.txt) and runs only after cpu_has_avx2() said yes, so it uses no
// inline function from a shared header: only intrinsics, plain structs and its own functions in an
// anonymous namespace.
//
// Shape of the work: weight rows go in groups of 8. A group's blocks are unpacked once per call into a
// per-thread buffer, interleaved so that one register holds 4 consecutive quants of each of the 8 rows
// (one row per 32-bit lane); every token of the call then multiplies that buffer with its quants
// broadcast 4 at a time, which leaves each row's integer sum in its own lane (no horizontal sums) and
// lets one register of 8 row scales scale them. Products are unsigned x signed bytes (maddubs); offsets
// (Q4_0's 8, Q5_0's 16, Q6_K's 32, Q4_K's mins) are taken off with the activation's block sums. Rows
// left over after the groups of 8 use small register-tiled kernels (2 rows x 4 tokens).
#include "engine/tensor/gemm.h"

#include <cstddef>
#include <cstring>
#include <vector>

#include "engine/tensor/quant_blocks.h"

#if defined(__AVX2__) && defined(__FMA__) && defined(__F16C__)
#include <immintrin.h>

namespace haven::engine {
namespace {

inline float h2f(const uint8_t* p) {
  uint16_t h;
  std::memcpy(&h, p, 2);
  return _cvtsh_ss(h);
}

inline __m256i loadu(const void* p) { return _mm256_loadu_si256(static_cast<const __m256i*>(p)); }
inline __m256i load(const void* p) { return _mm256_load_si256(static_cast<const __m256i*>(p)); }

inline float hsum(__m256 v) {
  __m128 r = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  r = _mm_add_ps(r, _mm_movehl_ps(r, r));
  r = _mm_add_ss(r, _mm_movehdup_ps(r));
  return _mm_cvtss_f32(r);
}

// 16 bytes of nibbles -> 32 bytes: low nibbles (elements 0..15), then high nibbles (16..31).
inline __m256i nibbles_32(const uint8_t* p) {
  const __m128i t = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return _mm256_and_si256(_mm256_set_m128i(_mm_srli_epi16(t, 4), t), _mm256_set1_epi8(0x0F));
}

// 32 bits -> 32 bytes, 0xFF where the bit is set.
inline __m256i bits_32(const uint8_t* p) {
  uint32_t x32;
  std::memcpy(&x32, p, 4);
  const __m256i shuf = _mm256_set_epi64x(0x0303030303030303, 0x0202020202020202, 0x0101010101010101, 0);
  __m256i bytes = _mm256_shuffle_epi8(_mm256_set1_epi32(static_cast<int>(x32)), shuf);
  bytes = _mm256_or_si256(bytes, _mm256_set1_epi64x(0x7fbfdfeff7fbfdfe));
  return _mm256_cmpeq_epi8(bytes, _mm256_set1_epi64x(-1));
}

constexpr size_t kQ8_0Bytes = sizeof(BlockQ8_0);
constexpr size_t kQ8_KBytes = sizeof(BlockQ8_K);
constexpr size_t kQ8_KQs = 4;        // offset of qs in BlockQ8_K
constexpr size_t kQ8_KBsums = 260;   // offset of bsums
static_assert(offsetof(BlockQ8_K, qs) == kQ8_KQs && offsetof(BlockQ8_K, bsums) == kQ8_KBsums);

// ---- Q4_0 / Q5_0 / Q8_0 weights with Q8_0 activations ------------------------------------------------

// Each unpacks one 32-element block to 32 signed bytes (the values the scale multiplies).
struct UnpackQ8_0 {
  static constexpr size_t kBytes = sizeof(BlockQ8_0);
  static __m256i q(const uint8_t* b) { return loadu(b + 2); }
};
struct UnpackQ4_0 {
  static constexpr size_t kBytes = sizeof(BlockQ4_0);
  static __m256i q(const uint8_t* b) { return _mm256_sub_epi8(nibbles_32(b + 2), _mm256_set1_epi8(8)); }
};
struct UnpackQ5_0 {
  static constexpr size_t kBytes = sizeof(BlockQ5_0);
  // q - 16 == q | 0xF0 (as int8) when the fifth bit is clear, q when it is set.
  static __m256i q(const uint8_t* b) {
    const __m256i hi = _mm256_andnot_si256(bits_32(b + 2), _mm256_set1_epi8(static_cast<char>(0xF0)));
    return _mm256_or_si256(nibbles_32(b + 6), hi);
  }
};

constexpr int kLegacyRows = 2;
constexpr int kLegacyCols = 4;

// RM rows x CN tokens over nb blocks. The weights are signed, so |w| goes to maddubs's unsigned side and
// w's sign moves onto the activations (never -128: our quantizers clamp to +-127).
template <class U, int RM, int CN>
void tile_legacy(const uint8_t* w, size_t ws, const uint8_t* a, size_t as, int64_t nb, float* y, size_t ldy) {
  __m256 acc[RM][CN];
  for (int r = 0; r < RM; ++r)
    for (int c = 0; c < CN; ++c) acc[r][c] = _mm256_setzero_ps();
  const __m256i ones = _mm256_set1_epi16(1);
  for (int64_t b = 0; b < nb; ++b) {
    __m256i ax[RM], sx[RM];
    float dx[RM];
    for (int r = 0; r < RM; ++r) {
      const uint8_t* blk = w + r * ws + static_cast<size_t>(b) * U::kBytes;
      sx[r] = U::q(blk);
      ax[r] = _mm256_sign_epi8(sx[r], sx[r]);
      dx[r] = h2f(blk);
    }
    for (int c = 0; c < CN; ++c) {
      const uint8_t* ab = a + c * as + static_cast<size_t>(b) * kQ8_0Bytes;
      const float dy = h2f(ab);
      const __m256i qy = loadu(ab + 2);
      for (int r = 0; r < RM; ++r) {
        const __m256i p = _mm256_madd_epi16(_mm256_maddubs_epi16(ax[r], _mm256_sign_epi8(qy, sx[r])), ones);
        acc[r][c] = _mm256_fmadd_ps(_mm256_set1_ps(dx[r] * dy), _mm256_cvtepi32_ps(p), acc[r][c]);
      }
    }
  }
  for (int r = 0; r < RM; ++r)
    for (int c = 0; c < CN; ++c) y[c * ldy + r] = hsum(acc[r][c]);
}

template <class U, int RM>
void cols_legacy(const uint8_t* w, size_t ws, const uint8_t* a, size_t as, size_t n_tokens, int64_t nb, float* y,
                 size_t ldy) {
  size_t t = 0;
  for (; t + kLegacyCols <= n_tokens; t += kLegacyCols) {
    tile_legacy<U, RM, kLegacyCols>(w, ws, a + t * as, as, nb, y + t * ldy, ldy);
  }
  switch (n_tokens - t) {
    case 1: tile_legacy<U, RM, 1>(w, ws, a + t * as, as, nb, y + t * ldy, ldy); break;
    case 2: tile_legacy<U, RM, 2>(w, ws, a + t * as, as, nb, y + t * ldy, ldy); break;
    case 3: tile_legacy<U, RM, 3>(w, ws, a + t * as, as, nb, y + t * ldy, ldy); break;
    default: break;
  }
}
static_assert(kLegacyCols == 4, "cols_legacy's tail handles up to 3 tokens");

template <class U>
void gemm_legacy(const uint8_t* w, size_t ws, size_t rows, const uint8_t* a, size_t as, size_t n_tokens,
                 int64_t cols, float* y, size_t ldy) {
  const int64_t nb = cols / kQK;
  size_t r = 0;
  for (; r + kLegacyRows <= rows; r += kLegacyRows) {
    cols_legacy<U, kLegacyRows>(w + r * ws, ws, a, as, n_tokens, nb, y + r, ldy);
  }
  static_assert(kLegacyRows == 2, "the row tail below handles one row");
  if (r < rows) cols_legacy<U, 1>(w + r * ws, ws, a, as, n_tokens, nb, y + r, ldy);
}

// ---- Q4_0 / Q5_0 in groups of 8 rows: one int32 lane per row ------------------------------------------
//
// For 8 rows at once, the block's 32 unsigned quants (0..15 or 0..31) are interleaved so that register k
// holds elements 4k..4k+3 of every row, one row per 32-bit lane. Multiplying it with the token's elements
// 4k..4k+3 broadcast to every lane gives each row's partial sum in its own lane: no horizontal sums, and
// the 8 per-row block scales multiply one register. The offset (8 or 16) comes back as
// offset * sum(activation quants), in integers. A group's blocks are unpacked once per call into a
// per-thread buffer and reused by every token of the call.

struct alignas(32) Interleaved8 {
  __m256i q[8];
  __m256 d;
};

// Unsigned quants (before the offset) of one block.
inline __m256i unsigned_q4_0(const uint8_t* b) { return nibbles_32(b + 2); }
inline __m256i unsigned_q5_0(const uint8_t* b) {
  return _mm256_or_si256(nibbles_32(b + 6), _mm256_and_si256(bits_32(b + 2), _mm256_set1_epi8(0x10)));
}

struct Interleave4_0 {
  using Scalar = UnpackQ4_0;
  static constexpr int kOffset = 8;
  static __m256i q(const uint8_t* b) { return unsigned_q4_0(b); }
};
struct Interleave5_0 {
  using Scalar = UnpackQ5_0;
  static constexpr int kOffset = 16;
  static __m256i q(const uint8_t* b) { return unsigned_q5_0(b); }
};

template <class I>
void interleave_rows(const uint8_t* w, size_t ws, int64_t nb, Interleaved8* out) {
  alignas(32) uint8_t tmp[8][32];
  alignas(32) float d[8];
  for (int64_t b = 0; b < nb; ++b) {
    for (int r = 0; r < 8; ++r) {
      const uint8_t* blk = w + r * ws + static_cast<size_t>(b) * I::Scalar::kBytes;
      _mm256_store_si256(reinterpret_cast<__m256i*>(tmp[r]), I::q(blk));
      d[r] = h2f(blk);
    }
    alignas(32) uint32_t lanes[8][8];
    for (int k = 0; k < 8; ++k)
      for (int r = 0; r < 8; ++r) std::memcpy(&lanes[k][r], tmp[r] + 4 * k, 4);
    for (int k = 0; k < 8; ++k) out[b].q[k] = load(lanes[k]);
    out[b].d = _mm256_load_ps(d);
  }
}

inline __m256i bcast32(const uint8_t* p) {
  int32_t v;
  std::memcpy(&v, p, 4);
  return _mm256_set1_epi32(v);
}

// 8 rows x CN tokens; sums[t * nb + b] = offset * sum of token t's quants in block b.
template <int CN>
void tile_interleaved(const Interleaved8* wb, int64_t nb, const uint8_t* a, size_t as, const int32_t* sums,
                      float* y, size_t ldy) {
  __m256 acc[CN];
  for (int c = 0; c < CN; ++c) acc[c] = _mm256_setzero_ps();
  const __m256i ones = _mm256_set1_epi16(1);
  for (int64_t b = 0; b < nb; ++b) {
    __m256i q[8];
    for (int k = 0; k < 8; ++k) q[k] = load(&wb[b].q[k]);
    const __m256 dx = wb[b].d;
    for (int c = 0; c < CN; ++c) {
      const uint8_t* ab = a + c * as + static_cast<size_t>(b) * kQ8_0Bytes;
      // Four products of at most 2 * 31 * 127 each fit int16.
      __m256i s0 = _mm256_maddubs_epi16(q[0], bcast32(ab + 2));
      s0 = _mm256_add_epi16(s0, _mm256_maddubs_epi16(q[1], bcast32(ab + 6)));
      s0 = _mm256_add_epi16(s0, _mm256_maddubs_epi16(q[2], bcast32(ab + 10)));
      s0 = _mm256_add_epi16(s0, _mm256_maddubs_epi16(q[3], bcast32(ab + 14)));
      __m256i s1 = _mm256_maddubs_epi16(q[4], bcast32(ab + 18));
      s1 = _mm256_add_epi16(s1, _mm256_maddubs_epi16(q[5], bcast32(ab + 22)));
      s1 = _mm256_add_epi16(s1, _mm256_maddubs_epi16(q[6], bcast32(ab + 26)));
      s1 = _mm256_add_epi16(s1, _mm256_maddubs_epi16(q[7], bcast32(ab + 30)));
      __m256i p = _mm256_add_epi32(_mm256_madd_epi16(s0, ones), _mm256_madd_epi16(s1, ones));
      p = _mm256_sub_epi32(p, _mm256_set1_epi32(sums[static_cast<size_t>(c) * static_cast<size_t>(nb) + static_cast<size_t>(b)]));
      acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p), _mm256_mul_ps(dx, _mm256_set1_ps(h2f(ab))), acc[c]);
    }
  }
  for (int c = 0; c < CN; ++c) _mm256_storeu_ps(y + c * ldy, acc[c]);
}

constexpr int kInterleavedCols = 4;

template <class I>
void gemm_interleaved(const uint8_t* w, size_t ws, size_t rows, const uint8_t* a, size_t as, size_t n_tokens,
                      int64_t cols, float* y, size_t ldy) {
  const int64_t nb = cols / kQK;
  const size_t nbs = static_cast<size_t>(nb);
  thread_local std::vector<Interleaved8> wbuf;
  thread_local std::vector<int32_t> sums;
  if (wbuf.size() < nbs) wbuf.resize(nbs);
  if (sums.size() < n_tokens * nbs) sums.resize(n_tokens * nbs);
  const __m256i ones8 = _mm256_set1_epi8(1);
  const __m256i ones16 = _mm256_set1_epi16(1);
  auto lanes = [&](const uint8_t* blk) {  // 8 int32 partial sums of a block's 32 quants
    return _mm256_madd_epi16(_mm256_maddubs_epi16(ones8, loadu(blk + 2)), ones16);
  };
  for (size_t t = 0; t < n_tokens; ++t) {
    const uint8_t* at = a + t * as;
    int32_t* out = sums.data() + t * nbs;
    size_t b = 0;
    // Eight blocks at a time: the horizontal adds leave block i's two half-sums in lanes i and i + 4.
    for (; b + 8 <= nbs; b += 8) {
      const uint8_t* p = at + b * kQ8_0Bytes;
      const __m256i h01 = _mm256_hadd_epi32(lanes(p), lanes(p + kQ8_0Bytes));
      const __m256i h23 = _mm256_hadd_epi32(lanes(p + 2 * kQ8_0Bytes), lanes(p + 3 * kQ8_0Bytes));
      const __m256i h45 = _mm256_hadd_epi32(lanes(p + 4 * kQ8_0Bytes), lanes(p + 5 * kQ8_0Bytes));
      const __m256i h67 = _mm256_hadd_epi32(lanes(p + 6 * kQ8_0Bytes), lanes(p + 7 * kQ8_0Bytes));
      const __m256i h0123 = _mm256_hadd_epi32(h01, h23);
      const __m256i h4567 = _mm256_hadd_epi32(h45, h67);
      const __m256i lo = _mm256_permute2x128_si256(h0123, h4567, 0x20);
      const __m256i hi = _mm256_permute2x128_si256(h0123, h4567, 0x31);
      const __m256i total = _mm256_mullo_epi32(_mm256_add_epi32(lo, hi), _mm256_set1_epi32(I::kOffset));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + b), total);
    }
    for (; b < nbs; ++b) {
      const __m256i v = lanes(at + b * kQ8_0Bytes);
      __m128i r = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
      r = _mm_add_epi32(r, _mm_shuffle_epi32(r, 0x4E));
      r = _mm_add_epi32(r, _mm_shuffle_epi32(r, 0xB1));
      out[b] = I::kOffset * _mm_cvtsi128_si32(r);
    }
  }
  size_t r = 0;
  for (; r + 8 <= rows; r += 8) {
    interleave_rows<I>(w + r * ws, ws, nb, wbuf.data());
    size_t t = 0;
    for (; t + kInterleavedCols <= n_tokens; t += kInterleavedCols) {
      tile_interleaved<kInterleavedCols>(wbuf.data(), nb, a + t * as, as, sums.data() + t * nbs, y + t * ldy + r, ldy);
    }
    switch (n_tokens - t) {
      case 1: tile_interleaved<1>(wbuf.data(), nb, a + t * as, as, sums.data() + t * nbs, y + t * ldy + r, ldy); break;
      case 2: tile_interleaved<2>(wbuf.data(), nb, a + t * as, as, sums.data() + t * nbs, y + t * ldy + r, ldy); break;
      case 3: tile_interleaved<3>(wbuf.data(), nb, a + t * as, as, sums.data() + t * nbs, y + t * ldy + r, ldy); break;
      default: break;
    }
  }
  static_assert(kInterleavedCols == 4, "the token tail above handles up to 3 tokens");
  if (r < rows) gemm_legacy<typename I::Scalar>(w + r * ws, ws, rows - r, a, as, n_tokens, cols, y + r, ldy);
}

// Q8_0 in groups of 8 rows, laid out as above. The weights are signed (-127..127), so |w| goes to
// maddubs's unsigned side and w's sign onto the broadcast activations; a product pair can reach
// 2 * 127 * 127, so every product is widened to int32 on its own.
struct alignas(32) Interleaved8s {
  __m256i aq[8];  // |w|
  __m256i q[8];   // w
  __m256 d;
};

void interleave_rows_q8_0(const uint8_t* w, size_t ws, int64_t nb, Interleaved8s* out) {
  alignas(32) float d[8];
  for (int64_t b = 0; b < nb; ++b) {
    alignas(32) uint32_t lanes[8][8];
    for (int r = 0; r < 8; ++r) {
      const uint8_t* blk = w + r * ws + static_cast<size_t>(b) * kQ8_0Bytes;
      for (int k = 0; k < 8; ++k) std::memcpy(&lanes[k][r], blk + 2 + 4 * k, 4);
      d[r] = h2f(blk);
    }
    for (int k = 0; k < 8; ++k) {
      const __m256i q = load(lanes[k]);
      out[b].q[k] = q;
      out[b].aq[k] = _mm256_sign_epi8(q, q);
    }
    out[b].d = _mm256_load_ps(d);
  }
}

template <int CN>
void tile_interleaved_q8_0(const Interleaved8s* wb, int64_t nb, const uint8_t* a, size_t as, float* y, size_t ldy) {
  __m256 acc[CN];
  for (int c = 0; c < CN; ++c) acc[c] = _mm256_setzero_ps();
  const __m256i ones = _mm256_set1_epi16(1);
  for (int64_t b = 0; b < nb; ++b) {
    __m256i aq[8];
    for (int k = 0; k < 8; ++k) aq[k] = load(&wb[b].aq[k]);
    const __m256 dx = wb[b].d;
    for (int c = 0; c < CN; ++c) {
      const uint8_t* ab = a + c * as + static_cast<size_t>(b) * kQ8_0Bytes + 2;
      __m256i p = _mm256_madd_epi16(_mm256_maddubs_epi16(aq[0], _mm256_sign_epi8(bcast32(ab), wb[b].q[0])), ones);
      for (int k = 1; k < 8; ++k) {
        const __m256i sy = _mm256_sign_epi8(bcast32(ab + 4 * k), wb[b].q[k]);
        p = _mm256_add_epi32(p, _mm256_madd_epi16(_mm256_maddubs_epi16(aq[k], sy), ones));
      }
      acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p), _mm256_mul_ps(dx, _mm256_set1_ps(h2f(ab - 2))), acc[c]);
    }
  }
  for (int c = 0; c < CN; ++c) _mm256_storeu_ps(y + c * ldy, acc[c]);
}

void gemm_interleaved_q8_0(const uint8_t* w, size_t ws, size_t rows, const uint8_t* a, size_t as, size_t n_tokens,
                           int64_t cols, float* y, size_t ldy) {
  const int64_t nb = cols / kQK;
  thread_local std::vector<Interleaved8s> wbuf;
  if (wbuf.size() < static_cast<size_t>(nb)) wbuf.resize(static_cast<size_t>(nb));
  size_t r = 0;
  for (; r + 8 <= rows; r += 8) {
    interleave_rows_q8_0(w + r * ws, ws, nb, wbuf.data());
    size_t t = 0;
    for (; t + kInterleavedCols <= n_tokens; t += kInterleavedCols) {
      tile_interleaved_q8_0<kInterleavedCols>(wbuf.data(), nb, a + t * as, as, y + t * ldy + r, ldy);
    }
    switch (n_tokens - t) {
      case 1: tile_interleaved_q8_0<1>(wbuf.data(), nb, a + t * as, as, y + t * ldy + r, ldy); break;
      case 2: tile_interleaved_q8_0<2>(wbuf.data(), nb, a + t * as, as, y + t * ldy + r, ldy); break;
      case 3: tile_interleaved_q8_0<3>(wbuf.data(), nb, a + t * as, as, y + t * ldy + r, ldy); break;
      default: break;
    }
  }
  if (r < rows) gemm_legacy<UnpackQ8_0>(w + r * ws, ws, rows - r, a, as, n_tokens, cols, y + r, ldy);
}

// ---- Q4_K / Q6_K weights with Q8_K activations -------------------------------------------------------

// One super-block of one weight row, unpacked: unsigned quants, per-32-element int16 multipliers for
// madd, and a correction vector that madd pairs with the activation's 16 bsums.
struct alignas(32) KUnpacked {
  uint8_t q[kQK_K];
  __m256i scale[8];
  __m256i corr;
  float d;
  float dmin;
};

inline void scale_min(int j, const uint8_t* q, uint8_t* sc, uint8_t* m) {
  if (j < 4) {
    *sc = q[j] & 63;
    *m = q[j + 4] & 63;
  } else {
    *sc = static_cast<uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
    *m = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
  }
}

// x = d * sc_j * q - dmin * m_j for sub-block j of 32: the q part goes through the integer products, the
// min part is dmin * sum_j m_j * (bsum[2j] + bsum[2j+1]), subtracted in float.
struct UnpackQ4_K {
  static constexpr size_t kBytes = sizeof(BlockQ4_K);
  static void unpack(const uint8_t* blk, KUnpacked& u) {
    u.d = h2f(blk);
    u.dmin = h2f(blk + 2);
    const uint8_t* scales = blk + 4;
    const uint8_t* qs = blk + 16;
    alignas(32) int16_t mins[16];
    for (int j = 0; j < 8; ++j) {
      uint8_t sc, m;
      scale_min(j, scales, &sc, &m);
      u.scale[j] = _mm256_set1_epi16(sc);
      mins[2 * j] = mins[2 * j + 1] = m;
    }
    u.corr = load(mins);
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    for (int j = 0; j < 4; ++j) {
      const __m256i q4 = loadu(qs + 32 * j);
      _mm256_store_si256(reinterpret_cast<__m256i*>(u.q + 64 * j), _mm256_and_si256(q4, m4));
      _mm256_store_si256(reinterpret_cast<__m256i*>(u.q + 64 * j + 32),
                         _mm256_and_si256(_mm256_srli_epi16(q4, 4), m4));
    }
  }
  static __m256 finish(const KUnpacked& u, __m256i sumi, __m256i bsums, float dy, __m256 acc) {
    acc = _mm256_fmadd_ps(_mm256_set1_ps(u.d * dy), _mm256_cvtepi32_ps(sumi), acc);
    const __m256i mins = _mm256_madd_epi16(u.corr, bsums);
    return _mm256_fnmadd_ps(_mm256_set1_ps(u.dmin * dy), _mm256_cvtepi32_ps(mins), acc);
  }
};

// x = d * sc_s * (q - 32) for sub-block s of 16: the q part goes through the integer products and
// 32 * sum_s sc_s * bsum[s] is subtracted from the same integer sum.
struct UnpackQ6_K {
  static constexpr size_t kBytes = sizeof(BlockQ6_K);
  static void unpack(const uint8_t* blk, KUnpacked& u) {
    const uint8_t* ql = blk;
    const uint8_t* qh = blk + 128;
    const int8_t* sc = reinterpret_cast<const int8_t*>(blk + 192);
    u.d = h2f(blk + 208);
    u.dmin = 0.0f;
    u.corr = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(sc)));
    for (int g = 0; g < 8; ++g) {
      u.scale[g] = _mm256_set_m128i(_mm_set1_epi16(sc[2 * g + 1]), _mm_set1_epi16(sc[2 * g]));
    }
    const __m256i m4 = _mm256_set1_epi8(0x0F);
    const __m256i m3 = _mm256_set1_epi8(3);
    for (int k = 0; k < 2; ++k) {
      const __m256i l0 = loadu(ql + 64 * k);
      const __m256i l1 = loadu(ql + 64 * k + 32);
      const __m256i h = loadu(qh + 32 * k);
      const __m256i q1 = _mm256_or_si256(_mm256_and_si256(l0, m4), _mm256_slli_epi16(_mm256_and_si256(h, m3), 4));
      const __m256i q2 = _mm256_or_si256(_mm256_and_si256(l1, m4),
                                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), m3), 4));
      const __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4),
                                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), m3), 4));
      const __m256i q4 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4),
                                         _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), m3), 4));
      uint8_t* out = u.q + 128 * k;
      _mm256_store_si256(reinterpret_cast<__m256i*>(out), q1);
      _mm256_store_si256(reinterpret_cast<__m256i*>(out + 32), q2);
      _mm256_store_si256(reinterpret_cast<__m256i*>(out + 64), q3);
      _mm256_store_si256(reinterpret_cast<__m256i*>(out + 96), q4);
    }
  }
  static __m256 finish(const KUnpacked& u, __m256i sumi, __m256i bsums, float dy, __m256 acc) {
    const __m256i offset = _mm256_slli_epi32(_mm256_madd_epi16(u.corr, bsums), 5);
    return _mm256_fmadd_ps(_mm256_set1_ps(u.d * dy), _mm256_cvtepi32_ps(_mm256_sub_epi32(sumi, offset)), acc);
  }
};

constexpr int kKRows = 2;
constexpr int kKCols = 4;

// RM unpacked rows (nsb super-blocks each, row r at u + r * nsb) x CN tokens.
template <class U, int RM, int CN>
void tile_k(const KUnpacked* u, int64_t nsb, const uint8_t* a, size_t as, float* y, size_t ldy) {
  __m256 acc[RM][CN];
  for (int r = 0; r < RM; ++r)
    for (int c = 0; c < CN; ++c) acc[r][c] = _mm256_setzero_ps();
  for (int64_t sb = 0; sb < nsb; ++sb) {
    const uint8_t* ab = a + static_cast<size_t>(sb) * kQ8_KBytes;
    __m256i sumi[RM][CN];
    for (int r = 0; r < RM; ++r)
      for (int c = 0; c < CN; ++c) sumi[r][c] = _mm256_setzero_si256();
    for (int g = 0; g < 8; ++g) {
      __m256i qv[RM], sv[RM];
      for (int r = 0; r < RM; ++r) {
        qv[r] = load(u[r * nsb + sb].q + 32 * g);
        sv[r] = u[r * nsb + sb].scale[g];
      }
      for (int c = 0; c < CN; ++c) {
        const __m256i yv = loadu(ab + c * as + kQ8_KQs + 32 * g);
        for (int r = 0; r < RM; ++r) {
          sumi[r][c] = _mm256_add_epi32(sumi[r][c], _mm256_madd_epi16(_mm256_maddubs_epi16(qv[r], yv), sv[r]));
        }
      }
    }
    for (int c = 0; c < CN; ++c) {
      float dy;
      std::memcpy(&dy, ab + c * as, 4);
      const __m256i bsums = loadu(ab + c * as + kQ8_KBsums);
      for (int r = 0; r < RM; ++r) acc[r][c] = U::finish(u[r * nsb + sb], sumi[r][c], bsums, dy, acc[r][c]);
    }
  }
  for (int r = 0; r < RM; ++r)
    for (int c = 0; c < CN; ++c) y[c * ldy + r] = hsum(acc[r][c]);
}

template <class U, int RM>
void cols_k(const KUnpacked* u, int64_t nsb, const uint8_t* a, size_t as, size_t n_tokens, float* y, size_t ldy) {
  size_t t = 0;
  for (; t + kKCols <= n_tokens; t += kKCols) tile_k<U, RM, kKCols>(u, nsb, a + t * as, as, y + t * ldy, ldy);
  switch (n_tokens - t) {
    case 1: tile_k<U, RM, 1>(u, nsb, a + t * as, as, y + t * ldy, ldy); break;
    case 2: tile_k<U, RM, 2>(u, nsb, a + t * as, as, y + t * ldy, ldy); break;
    case 3: tile_k<U, RM, 3>(u, nsb, a + t * as, as, y + t * ldy, ldy); break;
    default: break;
  }
}
static_assert(kKCols == 4, "cols_k's tail handles up to 3 tokens");

template <class U>
void gemm_k(const uint8_t* w, size_t ws, size_t rows, const uint8_t* a, size_t as, size_t n_tokens, int64_t cols,
            float* y, size_t ldy) {
  const int64_t nsb = cols / kQK_K;
  // Unpacked rows live in a per-thread buffer kept between calls (kKRows rows of nsb super-blocks).
  thread_local std::vector<KUnpacked> buffer;
  const size_t need = static_cast<size_t>(kKRows * nsb);
  if (buffer.size() < need) buffer.resize(need);
  KUnpacked* u = buffer.data();
  static_assert(kKRows == 2, "the row tail below handles one row");
  for (size_t r = 0; r < rows; r += kKRows) {
    const int rm = rows - r >= static_cast<size_t>(kKRows) ? kKRows : 1;
    for (int i = 0; i < rm; ++i) {
      const uint8_t* row = w + (r + i) * ws;
      for (int64_t sb = 0; sb < nsb; ++sb) U::unpack(row + static_cast<size_t>(sb) * U::kBytes, u[i * nsb + sb]);
    }
    if (rm == kKRows) {
      cols_k<U, kKRows>(u, nsb, a, as, n_tokens, y + r, ldy);
    } else {
      cols_k<U, 1>(u, nsb, a, as, n_tokens, y + r, ldy);
    }
  }
}

// ---- Q4_K / Q6_K in groups of 8 rows --------------------------------------------------------------
//
// The same interleaving as Q4_0 above, per super-block: group g (elements 32g..32g+31) is 8 registers,
// register k holding elements 32g+4k..32g+4k+3 of the 8 rows, one row per 32-bit lane. The sub-block
// scales become madd multipliers with the row's scale in both 16-bit halves of its lane; the Q4_K mins
// and the Q6_K offset of 32 become madd products of per-row scale pairs with broadcast pairs of the
// activation's bsums.

struct alignas(32) KInterleaved8 {
  __m256i q[8][8];
  __m256i scale[16];  // Q4_K: [g] for the 8 groups; Q6_K: [s] for the 16 sub-blocks of 16
  __m256i corr[8];    // lane r: (c[2i], c[2i+1]) as int16, c = Q4_K mins (i < 4) or Q6_K scales
  __m256 d;
  __m256 dmin;
};

struct KRow {
  alignas(32) uint8_t q[kQK_K];
  int16_t sc[16];
  int16_t corr[16];
  float d;
  float dmin;
};

struct InterleaveQ4_K {
  static constexpr size_t kBytes = sizeof(BlockQ4_K);
  static void row(const uint8_t* blk, KRow& out) {
    KUnpacked u;
    UnpackQ4_K::unpack(blk, u);
    std::memcpy(out.q, u.q, sizeof(out.q));
    for (int j = 0; j < 8; ++j) {
      uint8_t sc, m;
      scale_min(j, blk + 4, &sc, &m);
      out.sc[j] = sc;
      out.corr[j] = m;
    }
    out.d = u.d;
    out.dmin = u.dmin;
  }
};

struct InterleaveQ6_K {
  static constexpr size_t kBytes = sizeof(BlockQ6_K);
  static void row(const uint8_t* blk, KRow& out) {
    KUnpacked u;
    UnpackQ6_K::unpack(blk, u);
    std::memcpy(out.q, u.q, sizeof(out.q));
    const int8_t* sc = reinterpret_cast<const int8_t*>(blk + 192);
    for (int s = 0; s < 16; ++s) out.sc[s] = out.corr[s] = sc[s];
    out.d = u.d;
    out.dmin = 0.0f;
  }
};

inline uint32_t pair16(int16_t lo, int16_t hi) {
  return static_cast<uint32_t>(static_cast<uint16_t>(lo)) | (static_cast<uint32_t>(static_cast<uint16_t>(hi)) << 16);
}

template <class I>
void interleave_k(const uint8_t* w, size_t ws, int64_t nsb, KInterleaved8* out) {
  KRow rows[8];
  for (int64_t sb = 0; sb < nsb; ++sb) {
    for (int r = 0; r < 8; ++r) I::row(w + r * ws + static_cast<size_t>(sb) * I::kBytes, rows[r]);
    KInterleaved8& o = out[sb];
    alignas(32) uint32_t lanes[8];
    for (int g = 0; g < 8; ++g) {
      for (int k = 0; k < 8; ++k) {
        for (int r = 0; r < 8; ++r) std::memcpy(&lanes[r], rows[r].q + 32 * g + 4 * k, 4);
        o.q[g][k] = load(lanes);
      }
    }
    for (int s = 0; s < 16; ++s) {
      for (int r = 0; r < 8; ++r) lanes[r] = pair16(rows[r].sc[s], rows[r].sc[s]);
      o.scale[s] = load(lanes);
    }
    for (int i = 0; i < 8; ++i) {
      for (int r = 0; r < 8; ++r) lanes[r] = pair16(rows[r].corr[2 * i], rows[r].corr[2 * i + 1]);
      o.corr[i] = load(lanes);
    }
    alignas(32) float d[8], dmin[8];
    for (int r = 0; r < 8; ++r) {
      d[r] = rows[r].d;
      dmin[r] = rows[r].dmin;
    }
    o.d = _mm256_load_ps(d);
    o.dmin = _mm256_load_ps(dmin);
  }
}

// 8 rows x CN tokens of Q4_K (kSix false) or Q6_K (kSix true).
template <bool kSix, int CN>
void tile_k8(const KInterleaved8* wb, int64_t nsb, const uint8_t* a, size_t as, float* y, size_t ldy) {
  __m256 acc[CN];
  for (int c = 0; c < CN; ++c) acc[c] = _mm256_setzero_ps();
  for (int64_t sb = 0; sb < nsb; ++sb) {
    const KInterleaved8& x = wb[sb];
    const uint8_t* ab = a + static_cast<size_t>(sb) * kQ8_KBytes;
    __m256i sumi[CN];
    for (int c = 0; c < CN; ++c) sumi[c] = _mm256_setzero_si256();
    for (int g = 0; g < 8; ++g) {
      __m256i q[8];
      for (int k = 0; k < 8; ++k) q[k] = load(&x.q[g][k]);
      for (int c = 0; c < CN; ++c) {
        const uint8_t* yq = ab + c * as + kQ8_KQs + 32 * g;
        if (!kSix) {
          // Eight products of at most 2 * 15 * 127 each fit int16.
          __m256i s = _mm256_maddubs_epi16(q[0], bcast32(yq));
          for (int k = 1; k < 8; ++k) s = _mm256_add_epi16(s, _mm256_maddubs_epi16(q[k], bcast32(yq + 4 * k)));
          sumi[c] = _mm256_add_epi32(sumi[c], _mm256_madd_epi16(s, x.scale[g]));
        } else {
          // Two products of at most 2 * 63 * 127 each fit int16; sub-blocks of 16 are k 0..3 and 4..7.
          const __m256i s0 = _mm256_add_epi16(_mm256_maddubs_epi16(q[0], bcast32(yq)),
                                              _mm256_maddubs_epi16(q[1], bcast32(yq + 4)));
          const __m256i s1 = _mm256_add_epi16(_mm256_maddubs_epi16(q[2], bcast32(yq + 8)),
                                              _mm256_maddubs_epi16(q[3], bcast32(yq + 12)));
          const __m256i s2 = _mm256_add_epi16(_mm256_maddubs_epi16(q[4], bcast32(yq + 16)),
                                              _mm256_maddubs_epi16(q[5], bcast32(yq + 20)));
          const __m256i s3 = _mm256_add_epi16(_mm256_maddubs_epi16(q[6], bcast32(yq + 24)),
                                              _mm256_maddubs_epi16(q[7], bcast32(yq + 28)));
          const __m256i lo = _mm256_madd_epi16(_mm256_add_epi16(s0, s1), x.scale[2 * g]);
          const __m256i hi = _mm256_madd_epi16(_mm256_add_epi16(s2, s3), x.scale[2 * g + 1]);
          sumi[c] = _mm256_add_epi32(sumi[c], _mm256_add_epi32(lo, hi));
        }
      }
    }
    for (int c = 0; c < CN; ++c) {
      const uint8_t* at = ab + c * as;
      float dy;
      std::memcpy(&dy, at, 4);
      const uint8_t* bs = at + kQ8_KBsums;
      if (!kSix) {
        // Pair sums of the bsums: sub-block j of 32 has bsum[2j] + bsum[2j+1].
        const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bs));
        const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bs + 16));
        const __m128i p = _mm_hadd_epi16(b0, b1);
        __m256i mins = _mm256_madd_epi16(x.corr[0], _mm256_set1_epi32(_mm_extract_epi32(p, 0)));
        mins = _mm256_add_epi32(mins, _mm256_madd_epi16(x.corr[1], _mm256_set1_epi32(_mm_extract_epi32(p, 1))));
        mins = _mm256_add_epi32(mins, _mm256_madd_epi16(x.corr[2], _mm256_set1_epi32(_mm_extract_epi32(p, 2))));
        mins = _mm256_add_epi32(mins, _mm256_madd_epi16(x.corr[3], _mm256_set1_epi32(_mm_extract_epi32(p, 3))));
        const __m256 vdy = _mm256_set1_ps(dy);
        acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(sumi[c]), _mm256_mul_ps(x.d, vdy), acc[c]);
        acc[c] = _mm256_fnmadd_ps(_mm256_cvtepi32_ps(mins), _mm256_mul_ps(x.dmin, vdy), acc[c]);
      } else {
        __m256i off = _mm256_madd_epi16(x.corr[0], bcast32(bs));
        for (int i = 1; i < 8; ++i) off = _mm256_add_epi32(off, _mm256_madd_epi16(x.corr[i], bcast32(bs + 4 * i)));
        const __m256i total = _mm256_sub_epi32(sumi[c], _mm256_slli_epi32(off, 5));
        acc[c] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(total), _mm256_mul_ps(x.d, _mm256_set1_ps(dy)), acc[c]);
      }
    }
  }
  for (int c = 0; c < CN; ++c) _mm256_storeu_ps(y + c * ldy, acc[c]);
}

template <class I, class U, bool kSix>
void gemm_k8(const uint8_t* w, size_t ws, size_t rows, const uint8_t* a, size_t as, size_t n_tokens, int64_t cols,
             float* y, size_t ldy) {
  const int64_t nsb = cols / kQK_K;
  thread_local std::vector<KInterleaved8> wbuf;
  if (wbuf.size() < static_cast<size_t>(nsb)) wbuf.resize(static_cast<size_t>(nsb));
  size_t r = 0;
  for (; r + 8 <= rows; r += 8) {
    interleave_k<I>(w + r * ws, ws, nsb, wbuf.data());
    size_t t = 0;
    for (; t + kInterleavedCols <= n_tokens; t += kInterleavedCols) {
      tile_k8<kSix, kInterleavedCols>(wbuf.data(), nsb, a + t * as, as, y + t * ldy + r, ldy);
    }
    switch (n_tokens - t) {
      case 1: tile_k8<kSix, 1>(wbuf.data(), nsb, a + t * as, as, y + t * ldy + r, ldy); break;
      case 2: tile_k8<kSix, 2>(wbuf.data(), nsb, a + t * as, as, y + t * ldy + r, ldy); break;
      case 3: tile_k8<kSix, 3>(wbuf.data(), nsb, a + t * as, as, y + t * ldy + r, ldy); break;
      default: break;
    }
  }
  if (r < rows) gemm_k<U>(w + r * ws, ws, rows - r, a, as, n_tokens, cols, y + r, ldy);
}

// ---- activation quantization ---------------------------------------------------------------------
//
// The same arithmetic as the model's scalar quantizers (engine/model/row_ops.cpp), element for element:
// the maximum is exact in any order, the products are the same single roundings, and rounding to
// nearest even is what _mm256_round_ps does, so the bytes are identical.

inline float hmax(__m256 v) {
  __m128 r = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  r = _mm_max_ps(r, _mm_movehl_ps(r, r));
  r = _mm_max_ss(r, _mm_movehdup_ps(r));
  return _mm_cvtss_f32(r);
}

// 32 floats times s, rounded to nearest even, as 32 int8 in order (values within +-127 after rounding,
// or clamped to 127 above by the saturating packs).
inline __m256i round_pack(const float* x, __m256 s) {
  const int mode = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;
  const __m256i i0 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x), s), mode));
  const __m256i i1 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x + 8), s), mode));
  const __m256i i2 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x + 16), s), mode));
  const __m256i i3 = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(_mm256_loadu_ps(x + 24), s), mode));
  const __m256i p = _mm256_packs_epi16(_mm256_packs_epi32(i0, i1), _mm256_packs_epi32(i2, i3));
  // The packs work within 128-bit lanes: put the 4-byte groups back in order.
  return _mm256_permutevar8x32_epi32(p, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

void quantize_q8_0(const float* x, uint8_t* y, int64_t n) {
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
  for (int64_t b = 0; b < n / kQK; ++b, x += kQK, y += kQ8_0Bytes) {
    __m256 m = _mm256_and_ps(_mm256_loadu_ps(x), abs_mask);
    m = _mm256_max_ps(m, _mm256_and_ps(_mm256_loadu_ps(x + 8), abs_mask));
    m = _mm256_max_ps(m, _mm256_and_ps(_mm256_loadu_ps(x + 16), abs_mask));
    m = _mm256_max_ps(m, _mm256_and_ps(_mm256_loadu_ps(x + 24), abs_mask));
    const float amax = hmax(m);
    const float d = amax / 127.f;
    const float id = amax != 0.0f ? 127.f / amax : 0.0f;
    const uint16_t h = _cvtss_sh(d, _MM_FROUND_TO_NEAREST_INT);
    std::memcpy(y, &h, 2);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(y + 2), round_pack(x, _mm256_set1_ps(id)));
  }
}

void quantize_q8_K(const float* x, uint8_t* y, int64_t n) {
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7FFFFFFF));
  for (int64_t b = 0; b < n / kQK_K; ++b, x += kQK_K, y += kQ8_KBytes) {
    __m256 m = _mm256_setzero_ps();
    for (int i = 0; i < kQK_K; i += 8) m = _mm256_max_ps(m, _mm256_and_ps(_mm256_loadu_ps(x + i), abs_mask));
    const float amax = hmax(m);
    if (amax == 0.0f) {
      std::memset(y, 0, kQ8_KBytes);
      continue;
    }
    // The scalar code keeps the first element of largest magnitude (its sign matters).
    const __m256 va = _mm256_set1_ps(amax);
    float max = 0.0f;
    for (int i = 0; i < kQK_K; i += 8) {
      const int hit = _mm256_movemask_ps(_mm256_cmp_ps(_mm256_and_ps(_mm256_loadu_ps(x + i), abs_mask), va, _CMP_EQ_OQ));
      if (hit != 0) {
        max = x[i + __builtin_ctz(static_cast<unsigned>(hit))];
        break;
      }
    }
    const float iscale = -127.f / max;
    const __m256 s = _mm256_set1_ps(iscale);
    int8_t* qs = reinterpret_cast<int8_t*>(y + kQ8_KQs);
    for (int i = 0; i < kQK_K; i += 32) _mm256_storeu_si256(reinterpret_cast<__m256i*>(qs + i), round_pack(x + i, s));
    int16_t bsums[16];
    const __m256i ones8 = _mm256_set1_epi8(1);
    for (int j = 0; j < 16; j += 2) {
      // Pairwise byte sums, then sums of 8 pairs per 16-byte half.
      const __m256i p = _mm256_maddubs_epi16(ones8, loadu(qs + 16 * j));
      const __m256i s4 = _mm256_madd_epi16(p, _mm256_set1_epi16(1));
      __m128i lo = _mm256_castsi256_si128(s4), hi = _mm256_extracti128_si256(s4, 1);
      lo = _mm_hadd_epi32(lo, hi);
      lo = _mm_hadd_epi32(lo, lo);
      bsums[j] = static_cast<int16_t>(_mm_cvtsi128_si32(lo));
      bsums[j + 1] = static_cast<int16_t>(_mm_extract_epi32(lo, 1));
    }
    const float d = 1 / iscale;
    std::memcpy(y, &d, 4);
    std::memcpy(y + kQ8_KBsums, bsums, sizeof bsums);
  }
}

}  // namespace

namespace detail {

GemmFn gemm_avx2(GgmlType type) {
  switch (type) {
    case GgmlType::kQ4_0: return gemm_interleaved<Interleave4_0>;
    case GgmlType::kQ5_0: return gemm_interleaved<Interleave5_0>;
    case GgmlType::kQ8_0: return gemm_interleaved_q8_0;
    case GgmlType::kQ4_K: return gemm_k8<InterleaveQ4_K, UnpackQ4_K, false>;
    case GgmlType::kQ6_K: return gemm_k8<InterleaveQ6_K, UnpackQ6_K, true>;
    default: return nullptr;
  }
}

QuantizeActFn quantize_avx2(GgmlType act_type) {
  switch (act_type) {
    case GgmlType::kQ8_0: return quantize_q8_0;
    case GgmlType::kQ8_K: return quantize_q8_K;
    default: return nullptr;
  }
}

}  // namespace detail
}  // namespace haven::engine

#else  // not built with AVX2 flags (non-x86 target)

namespace haven::engine::detail {
GemmFn gemm_avx2(GgmlType) { return nullptr; }
QuantizeActFn quantize_avx2(GgmlType) { return nullptr; }
}  // namespace haven::engine::detail

#endif
