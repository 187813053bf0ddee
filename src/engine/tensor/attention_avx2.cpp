// AVX2/FMA/F16C attention loops. This file alone is compiled with -mavx2 -mfma -mf16c (see
// src/engine/CMakeLists.txt) and its functions run only after cpu_has_avx2() said yes, so like
// kernels_avx2.cpp it uses no inline function from a shared header, only intrinsics and its own code.
//
// Positions are processed in tiles: an F16 tile is converted to floats once and then used by every
// query head of the KV group while it is in L1, which is where the gain over the scalar loops comes
// from (the conversion, not the arithmetic, dominated them).
#include "engine/tensor/attention_kernels.h"

#if defined(__AVX2__) && defined(__FMA__) && defined(__F16C__)
#include <immintrin.h>

#include <algorithm>

namespace haven::engine {
namespace {

constexpr uint32_t kTile = 16;         // positions per tile
constexpr uint32_t kMaxHeadDim = 256;  // the tile buffer's width; wider heads take the scalar loops

bool vector_shape(uint32_t head_dim) { return head_dim % 8 == 0 && head_dim <= kMaxHeadDim; }

// Rows [p0, p0 + np) of r as floats: converted into tile for F16, in place for F32.
const float* tile_rows(const KvRows& r, uint32_t p0, uint32_t np, uint32_t head_dim, float* tile, size_t* row_stride) {
  if (!r.f16) {
    *row_stride = r.stride;
    return static_cast<const float*>(r.data) + static_cast<size_t>(p0) * r.stride;
  }
  const uint8_t* base = static_cast<const uint8_t*>(r.data);
  for (uint32_t p = 0; p < np; ++p) {
    const uint8_t* src = base + 2 * (static_cast<size_t>(p0 + p) * r.stride);
    float* dst = tile + static_cast<size_t>(p) * head_dim;
    for (uint32_t d = 0; d < head_dim; d += 8) {
      _mm256_store_ps(dst + d, _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * d))));
    }
  }
  *row_stride = head_dim;
  return tile;
}

void scores_avx2(const float* q, size_t q_stride, uint32_t n_q, KvRows k, uint32_t n_pos, uint32_t head_dim,
                 float scale, float* scores) {
  if (!vector_shape(head_dim)) {
    detail::attention_scalar().scores(q, q_stride, n_q, k, n_pos, head_dim, scale, scores);
    return;
  }
  alignas(32) float tile[kTile * kMaxHeadDim];
  const __m128 vscale = _mm_set1_ps(scale);
  for (uint32_t p0 = 0; p0 < n_pos; p0 += kTile) {
    const uint32_t np = std::min(kTile, n_pos - p0);
    size_t rs = 0;
    const float* rows = tile_rows(k, p0, np, head_dim, tile, &rs);
    for (uint32_t j = 0; j < n_q; ++j) {
      const float* qj = q + j * q_stride;
      float* sj = scores + static_cast<size_t>(j) * n_pos + p0;
      uint32_t p = 0;
      // Four positions at a time share each load of q and one horizontal reduction.
      for (; p + 4 <= np; p += 4) {
        const float* r0 = rows + p * rs;
        const float* r1 = r0 + rs;
        const float* r2 = r1 + rs;
        const float* r3 = r2 + rs;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(),
               a3 = _mm256_setzero_ps();
        for (uint32_t d = 0; d < head_dim; d += 8) {
          const __m256 qv = _mm256_loadu_ps(qj + d);
          a0 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(r0 + d), a0);
          a1 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(r1 + d), a1);
          a2 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(r2 + d), a2);
          a3 = _mm256_fmadd_ps(qv, _mm256_loadu_ps(r3 + d), a3);
        }
        const __m256 h = _mm256_hadd_ps(_mm256_hadd_ps(a0, a1), _mm256_hadd_ps(a2, a3));
        const __m128 s = _mm_add_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
        _mm_storeu_ps(sj + p, _mm_mul_ps(s, vscale));
      }
      for (; p < np; ++p) {
        const float* r = rows + p * rs;
        __m256 a = _mm256_setzero_ps();
        for (uint32_t d = 0; d < head_dim; d += 8) a = _mm256_fmadd_ps(_mm256_loadu_ps(qj + d), _mm256_loadu_ps(r + d), a);
        __m128 x = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
        x = _mm_add_ps(x, _mm_movehl_ps(x, x));
        x = _mm_add_ss(x, _mm_movehdup_ps(x));
        sj[p] = _mm_cvtss_f32(x) * scale;
      }
    }
  }
}

// exp for x <= 0 (the softmax's x - max): 2^n * e^r with n = round(x / ln 2), |r| <= ln 2 / 2, e^r by
// its Taylor polynomial to degree 6 (truncation error below 2e-7 relative). Inputs under -87 are
// clamped there: e^-87 is about 1.6e-38, the smallest result that stays a normal float, and so close
// to zero that the softmax cannot tell.
inline __m256 exp_nonpositive(__m256 x) {
  x = _mm256_max_ps(x, _mm256_set1_ps(-87.0f));
  const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                   _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  // ln 2 split in two so that n * hi is exact.
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693145751953125f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(1.428606765330187e-06f), r);
  __m256 p = _mm256_set1_ps(1.0f / 720.0f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 120.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 24.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 6.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
  const __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
}

float softmax_avx2(float* x, uint32_t n) {
  uint32_t i = 0;
  __m256 vmax = _mm256_set1_ps(x[0]);
  for (; i + 8 <= n; i += 8) vmax = _mm256_max_ps(vmax, _mm256_loadu_ps(x + i));
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, vmax);
  float max = lanes[0];
  for (float l : lanes) max = std::max(max, l);
  for (; i < n; ++i) max = std::max(max, x[i]);

  const __m256 m = _mm256_set1_ps(max);
  __m256 vsum = _mm256_setzero_ps();
  for (i = 0; i + 8 <= n; i += 8) {
    const __m256 e = exp_nonpositive(_mm256_sub_ps(_mm256_loadu_ps(x + i), m));
    _mm256_storeu_ps(x + i, e);
    vsum = _mm256_add_ps(vsum, e);
  }
  _mm256_store_ps(lanes, vsum);
  float sum = 0;
  for (float l : lanes) sum += l;
  if (i < n) {
    alignas(32) float tail[8];
    for (uint32_t t = 0; t < 8; ++t) tail[t] = i + t < n ? x[i + t] - max : 0.0f;
    _mm256_store_ps(tail, exp_nonpositive(_mm256_load_ps(tail)));
    for (; i < n; ++i) {
      x[i] = tail[i % 8];
      sum += x[i];
    }
  }
  return sum;
}

void accumulate_avx2(const float* w, uint32_t n_q, KvRows v, uint32_t n_pos, uint32_t head_dim, float* out,
                     size_t out_stride) {
  if (!vector_shape(head_dim)) {
    detail::attention_scalar().accumulate(w, n_q, v, n_pos, head_dim, out, out_stride);
    return;
  }
  alignas(32) float tile[kTile * kMaxHeadDim];
  for (uint32_t p0 = 0; p0 < n_pos; p0 += kTile) {
    const uint32_t np = std::min(kTile, n_pos - p0);
    size_t rs = 0;
    const float* rows = tile_rows(v, p0, np, head_dim, tile, &rs);
    for (uint32_t j = 0; j < n_q; ++j) {
      const float* wj = w + static_cast<size_t>(j) * n_pos + p0;
      float* oj = out + j * out_stride;
      uint32_t d = 0;
      // 32 output floats stay in registers across the tile's positions.
      for (; d + 32 <= head_dim; d += 32) {
        __m256 o0 = _mm256_loadu_ps(oj + d), o1 = _mm256_loadu_ps(oj + d + 8), o2 = _mm256_loadu_ps(oj + d + 16),
               o3 = _mm256_loadu_ps(oj + d + 24);
        for (uint32_t p = 0; p < np; ++p) {
          const __m256 wv = _mm256_set1_ps(wj[p]);
          const float* r = rows + p * rs + d;
          o0 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(r), o0);
          o1 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(r + 8), o1);
          o2 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(r + 16), o2);
          o3 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(r + 24), o3);
        }
        _mm256_storeu_ps(oj + d, o0);
        _mm256_storeu_ps(oj + d + 8, o1);
        _mm256_storeu_ps(oj + d + 16, o2);
        _mm256_storeu_ps(oj + d + 24, o3);
      }
      for (; d < head_dim; d += 8) {
        __m256 o = _mm256_loadu_ps(oj + d);
        for (uint32_t p = 0; p < np; ++p) o = _mm256_fmadd_ps(_mm256_set1_ps(wj[p]), _mm256_loadu_ps(rows + p * rs + d), o);
        _mm256_storeu_ps(oj + d, o);
      }
    }
  }
}

}  // namespace

namespace detail {
const AttentionKernels* attention_avx2() {
  static const AttentionKernels k{scores_avx2, softmax_avx2, accumulate_avx2};
  return &k;
}
}  // namespace detail

}  // namespace haven::engine

#else

namespace haven::engine::detail {
const AttentionKernels* attention_avx2() { return nullptr; }
}  // namespace haven::engine::detail

#endif
