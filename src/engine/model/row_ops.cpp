#include "engine/model/row_ops.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <vector>

namespace haven::engine::model_detail {
namespace {

uint32_t float_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
float bits_float(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

// The classic branch-free conversion (exact for every half value, denormals included).
float half_to_float_slow(uint16_t h) {
  const uint32_t w = static_cast<uint32_t>(h) << 16;
  const uint32_t sign = w & 0x80000000u;
  const uint32_t two_w = w + w;
  const uint32_t exp_offset = 0xE0u << 23;
  const float normalized = bits_float((two_w >> 4) + exp_offset) * 0x1.0p-112f;
  const float denormalized = bits_float((two_w >> 17) | (126u << 23)) - 0.5f;
  const uint32_t result =
      sign | (two_w < (1u << 27) ? float_bits(denormalized) : float_bits(normalized));
  return bits_float(result);
}

const float* half_table() {
  static const std::vector<float> table = [] {
    std::vector<float> t(65536);
    for (uint32_t i = 0; i < 65536; ++i) t[i] = half_to_float_slow(static_cast<uint16_t>(i));
    return t;
  }();
  return table.data();
}

uint16_t load_u16(const uint8_t* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}
float load_half(const uint8_t* p) { return half_to_float(load_u16(p)); }
void store_half(uint8_t* p, float f) {
  const uint16_t h = float_to_half(f);
  std::memcpy(p, &h, 2);
}

// Round half to even, as ggml's nearest_int and AVX2's _MM_ROUND_NEAREST do.
int nearest_int(float f) { return static_cast<int>(std::nearbyint(f)); }

void scale_min_k4(int j, const uint8_t* q, uint8_t* d, uint8_t* m) {
  if (j < 4) {
    *d = q[j] & 63;
    *m = q[j + 4] & 63;
  } else {
    *d = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
    *m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
  }
}

constexpr size_t kQK = 32;
constexpr size_t kQKK = 256;
// Block sizes in bytes.
constexpr size_t kQ4_0 = 18, kQ4_1 = 20, kQ5_0 = 22, kQ5_1 = 24, kQ8_0 = 34, kQ8_1 = 36;
constexpr size_t kQ4K = 144, kQ5K = 176, kQ6K = 210, kQ8K = 292;

// ---- dequantization -------------------------------------------------------------------------------

void deq_q4_0(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQK; ++b, x += kQ4_0, y += kQK) {
    const float d = load_half(x);
    const uint8_t* qs = x + 2;
    for (int j = 0; j < 16; ++j) {
      y[j] = static_cast<float>((qs[j] & 0xF) - 8) * d;
      y[j + 16] = static_cast<float>((qs[j] >> 4) - 8) * d;
    }
  }
}

void deq_q4_1(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQK; ++b, x += kQ4_1, y += kQK) {
    const float d = load_half(x), m = load_half(x + 2);
    const uint8_t* qs = x + 4;
    for (int j = 0; j < 16; ++j) {
      y[j] = static_cast<float>(qs[j] & 0xF) * d + m;
      y[j + 16] = static_cast<float>(qs[j] >> 4) * d + m;
    }
  }
}

void deq_q5_0(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQK; ++b, x += kQ5_0, y += kQK) {
    const float d = load_half(x);
    uint32_t qh;
    std::memcpy(&qh, x + 2, 4);
    const uint8_t* qs = x + 6;
    for (int j = 0; j < 16; ++j) {
      const uint8_t h0 = ((qh >> j) << 4) & 0x10;
      const uint8_t h1 = (qh >> (j + 12)) & 0x10;
      y[j] = static_cast<float>(((qs[j] & 0xF) | h0) - 16) * d;
      y[j + 16] = static_cast<float>(((qs[j] >> 4) | h1) - 16) * d;
    }
  }
}

void deq_q5_1(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQK; ++b, x += kQ5_1, y += kQK) {
    const float d = load_half(x), m = load_half(x + 2);
    uint32_t qh;
    std::memcpy(&qh, x + 4, 4);
    const uint8_t* qs = x + 8;
    for (int j = 0; j < 16; ++j) {
      const uint8_t h0 = ((qh >> j) << 4) & 0x10;
      const uint8_t h1 = (qh >> (j + 12)) & 0x10;
      y[j] = static_cast<float>((qs[j] & 0xF) | h0) * d + m;
      y[j + 16] = static_cast<float>((qs[j] >> 4) | h1) * d + m;
    }
  }
}

void deq_q8_0(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQK; ++b, x += kQ8_0, y += kQK) {
    const float d = load_half(x);
    const int8_t* qs = reinterpret_cast<const int8_t*>(x + 2);
    for (size_t j = 0; j < kQK; ++j) y[j] = static_cast<float>(qs[j]) * d;
  }
}

void deq_q4_k(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQKK; ++b, x += kQ4K) {
    const float d = load_half(x), dmin = load_half(x + 2);
    const uint8_t* scales = x + 4;
    const uint8_t* q = x + 16;
    int is = 0;
    for (int j = 0; j < 256; j += 64) {
      uint8_t sc, m;
      scale_min_k4(is + 0, scales, &sc, &m);
      const float d1 = d * sc, m1 = dmin * m;
      scale_min_k4(is + 1, scales, &sc, &m);
      const float d2 = d * sc, m2 = dmin * m;
      for (int l = 0; l < 32; ++l) *y++ = d1 * static_cast<float>(q[l] & 0xF) - m1;
      for (int l = 0; l < 32; ++l) *y++ = d2 * static_cast<float>(q[l] >> 4) - m2;
      q += 32;
      is += 2;
    }
  }
}

void deq_q5_k(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQKK; ++b, x += kQ5K) {
    const float d = load_half(x), dmin = load_half(x + 2);
    const uint8_t* scales = x + 4;
    const uint8_t* qh = x + 16;
    const uint8_t* ql = x + 48;
    int is = 0;
    uint8_t u1 = 1, u2 = 2;
    for (int j = 0; j < 256; j += 64) {
      uint8_t sc, m;
      scale_min_k4(is + 0, scales, &sc, &m);
      const float d1 = d * sc, m1 = dmin * m;
      scale_min_k4(is + 1, scales, &sc, &m);
      const float d2 = d * sc, m2 = dmin * m;
      for (int l = 0; l < 32; ++l)
        *y++ = d1 * static_cast<float>((ql[l] & 0xF) + (qh[l] & u1 ? 16 : 0)) - m1;
      for (int l = 0; l < 32; ++l)
        *y++ = d2 * static_cast<float>((ql[l] >> 4) + (qh[l] & u2 ? 16 : 0)) - m2;
      ql += 32;
      is += 2;
      u1 = static_cast<uint8_t>(u1 << 2);
      u2 = static_cast<uint8_t>(u2 << 2);
    }
  }
}

void deq_q6_k(const uint8_t* x, float* y, size_t n) {
  for (size_t b = 0; b < n / kQKK; ++b, x += kQ6K) {
    const float d = load_half(x + 208);
    const uint8_t* ql = x;
    const uint8_t* qh = x + 128;
    const int8_t* sc = reinterpret_cast<const int8_t*>(x + 192);
    for (int half = 0; half < 2; ++half) {
      for (int l = 0; l < 32; ++l) {
        const int is = l / 16;
        const int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
        const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
        const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
        const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
        y[l] = d * static_cast<float>(sc[is + 0]) * static_cast<float>(q1);
        y[l + 32] = d * static_cast<float>(sc[is + 2]) * static_cast<float>(q2);
        y[l + 64] = d * static_cast<float>(sc[is + 4]) * static_cast<float>(q3);
        y[l + 96] = d * static_cast<float>(sc[is + 6]) * static_cast<float>(q4);
      }
      y += 128;
      ql += 64;
      qh += 32;
      sc += 8;
    }
  }
}

// ---- activation quantization ----------------------------------------------------------------------

// As llama.cpp's AVX2 quantize_row_q8_0/q8_1: d = amax/127, values scaled by 127/amax, rounded to even.
void quant_q8_0(const float* x, uint8_t* y, size_t n, bool with_sum) {
  const size_t bs = with_sum ? kQ8_1 : kQ8_0;
  for (size_t b = 0; b < n / kQK; ++b, x += kQK, y += bs) {
    float amax = 0;
    for (size_t j = 0; j < kQK; ++j) amax = std::max(amax, std::fabs(x[j]));
    const float d = amax / 127.f;
    const float id = amax != 0.0f ? 127.f / amax : 0.0f;
    int8_t* qs = reinterpret_cast<int8_t*>(y + (with_sum ? 4 : 2));
    int sum = 0;
    for (size_t j = 0; j < kQK; ++j) {
      qs[j] = static_cast<int8_t>(nearest_int(x[j] * id));
      sum += qs[j];
    }
    store_half(y, d);
    if (with_sum) store_half(y + 2, d * static_cast<float>(sum));
  }
}

void quant_q8_k(const float* x, uint8_t* y, size_t n) {
  for (size_t b = 0; b < n / kQKK; ++b, x += kQKK, y += kQ8K) {
    float max = 0, amax = 0;
    for (size_t j = 0; j < kQKK; ++j) {
      const float ax = std::fabs(x[j]);
      if (ax > amax) {
        amax = ax;
        max = x[j];
      }
    }
    int8_t* qs = reinterpret_cast<int8_t*>(y + 4);
    int16_t bsums[16];
    if (amax == 0.0f) {
      const float zero = 0;
      std::memcpy(y, &zero, 4);
      std::memset(qs, 0, kQKK);
      std::memset(bsums, 0, sizeof bsums);
      std::memcpy(y + 260, bsums, sizeof bsums);
      continue;
    }
    const float iscale = -127.f / max;
    for (size_t j = 0; j < kQKK; ++j) qs[j] = static_cast<int8_t>(std::min(127, nearest_int(iscale * x[j])));
    for (int j = 0; j < 16; ++j) {
      int sum = 0;
      for (int i = 0; i < 16; ++i) sum += qs[j * 16 + i];
      bsums[j] = static_cast<int16_t>(sum);
    }
    const float d = 1 / iscale;
    std::memcpy(y, &d, 4);
    std::memcpy(y + 260, bsums, sizeof bsums);
  }
}

// ---- dot products ---------------------------------------------------------------------------------

float dot_f32(const uint8_t* w, const uint8_t* a, size_t n) {
  const float* x = reinterpret_cast<const float*>(w);
  const float* y = reinterpret_cast<const float*>(a);
  // Eight partial sums: lets the compiler vectorize and is closer to SIMD summation order.
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 8; ++k) acc[k] += x[i + k] * y[i + k];
  float s = 0;
  for (; i < n; ++i) s += x[i] * y[i];
  return s + ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

float dot_f16(const uint8_t* w, const uint8_t* a, size_t n) {
  const float* t = half_table();
  const uint16_t* x = reinterpret_cast<const uint16_t*>(w);
  const uint16_t* y = reinterpret_cast<const uint16_t*>(a);
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 8; ++k) acc[k] += t[x[i + k]] * t[y[i + k]];
  float s = 0;
  for (; i < n; ++i) s += t[x[i]] * t[y[i]];
  return s + ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

float dot_bf16(const uint8_t* w, const uint8_t* a, size_t n) {
  const uint16_t* x = reinterpret_cast<const uint16_t*>(w);
  const uint16_t* y = reinterpret_cast<const uint16_t*>(a);
  double s = 0;
  for (size_t i = 0; i < n; ++i) s += static_cast<double>(bf16_to_float(x[i]) * bf16_to_float(y[i]));
  return static_cast<float>(s);
}

float dot_q4_0(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQK; ++b, w += kQ4_0, a += kQ8_0) {
    const uint8_t* qs = w + 2;
    const int8_t* q8 = reinterpret_cast<const int8_t*>(a + 2);
    int sumi = 0;
    for (int j = 0; j < 16; ++j) sumi += ((qs[j] & 0xF) - 8) * q8[j] + ((qs[j] >> 4) - 8) * q8[j + 16];
    sum += static_cast<float>(sumi) * (load_half(w) * load_half(a));
  }
  return sum;
}

float dot_q4_1(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQK; ++b, w += kQ4_1, a += kQ8_1) {
    const uint8_t* qs = w + 4;
    const int8_t* q8 = reinterpret_cast<const int8_t*>(a + 4);
    int sumi = 0;
    for (int j = 0; j < 16; ++j) sumi += (qs[j] & 0xF) * q8[j] + (qs[j] >> 4) * q8[j + 16];
    sum += (load_half(w) * load_half(a)) * static_cast<float>(sumi) + load_half(w + 2) * load_half(a + 2);
  }
  return sum;
}

float dot_q5_0(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQK; ++b, w += kQ5_0, a += kQ8_0) {
    uint32_t qh;
    std::memcpy(&qh, w + 2, 4);
    const uint8_t* qs = w + 6;
    const int8_t* q8 = reinterpret_cast<const int8_t*>(a + 2);
    int sumi = 0;
    for (int j = 0; j < 16; ++j) {
      const int h0 = ((qh >> j) << 4) & 0x10;
      const int h1 = (qh >> (j + 12)) & 0x10;
      sumi += (((qs[j] & 0xF) | h0) - 16) * q8[j] + (((qs[j] >> 4) | h1) - 16) * q8[j + 16];
    }
    sum += static_cast<float>(sumi) * (load_half(w) * load_half(a));
  }
  return sum;
}

float dot_q5_1(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQK; ++b, w += kQ5_1, a += kQ8_1) {
    uint32_t qh;
    std::memcpy(&qh, w + 4, 4);
    const uint8_t* qs = w + 8;
    const int8_t* q8 = reinterpret_cast<const int8_t*>(a + 4);
    int sumi = 0;
    for (int j = 0; j < 16; ++j) {
      const int h0 = ((qh >> j) << 4) & 0x10;
      const int h1 = (qh >> (j + 12)) & 0x10;
      sumi += ((qs[j] & 0xF) | h0) * q8[j] + ((qs[j] >> 4) | h1) * q8[j + 16];
    }
    sum += (load_half(w) * load_half(a)) * static_cast<float>(sumi) + load_half(w + 2) * load_half(a + 2);
  }
  return sum;
}

float dot_q8_0(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQK; ++b, w += kQ8_0, a += kQ8_0) {
    const int8_t* x = reinterpret_cast<const int8_t*>(w + 2);
    const int8_t* y = reinterpret_cast<const int8_t*>(a + 2);
    int sumi = 0;
    for (size_t j = 0; j < kQK; ++j) sumi += x[j] * y[j];
    sum += static_cast<float>(sumi) * (load_half(w) * load_half(a));
  }
  return sum;
}

float load_f32(const uint8_t* p) {
  float f;
  std::memcpy(&f, p, 4);
  return f;
}

float dot_q4_k(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQKK; ++b, w += kQ4K, a += kQ8K) {
    const float d8 = load_f32(a);
    const int8_t* q8 = reinterpret_cast<const int8_t*>(a + 4);
    int16_t bsums[16];
    std::memcpy(bsums, a + 260, sizeof bsums);
    uint8_t sc[8], mn[8];
    for (int j = 0; j < 8; ++j) scale_min_k4(j, w + 4, &sc[j], &mn[j]);
    int sumi_mins = 0;
    for (int j = 0; j < 16; ++j) sumi_mins += bsums[j] * mn[j / 2];
    const uint8_t* q = w + 16;
    int sumi = 0;
    for (int j = 0; j < 4; ++j) {
      int s1 = 0, s2 = 0;
      for (int l = 0; l < 32; ++l) {
        s1 += (q[l] & 0xF) * q8[l];
        s2 += (q[l] >> 4) * q8[l + 32];
      }
      sumi += sc[2 * j] * s1 + sc[2 * j + 1] * s2;
      q += 32;
      q8 += 64;
    }
    sum += (load_half(w) * d8) * static_cast<float>(sumi) - (load_half(w + 2) * d8) * static_cast<float>(sumi_mins);
  }
  return sum;
}

float dot_q5_k(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQKK; ++b, w += kQ5K, a += kQ8K) {
    const float d8 = load_f32(a);
    const int8_t* q8 = reinterpret_cast<const int8_t*>(a + 4);
    int16_t bsums[16];
    std::memcpy(bsums, a + 260, sizeof bsums);
    uint8_t sc[8], mn[8];
    for (int j = 0; j < 8; ++j) scale_min_k4(j, w + 4, &sc[j], &mn[j]);
    int sumi_mins = 0;
    for (int j = 0; j < 16; ++j) sumi_mins += bsums[j] * mn[j / 2];
    const uint8_t* qh = w + 16;
    const uint8_t* ql = w + 48;
    int sumi = 0;
    for (int j = 0; j < 4; ++j) {
      int s1 = 0, s2 = 0;
      for (int l = 0; l < 32; ++l) {
        s1 += ((ql[l] & 0xF) + (((qh[l] >> (2 * j)) & 1) << 4)) * q8[l];
        s2 += ((ql[l] >> 4) + (((qh[l] >> (2 * j + 1)) & 1) << 4)) * q8[l + 32];
      }
      sumi += sc[2 * j] * s1 + sc[2 * j + 1] * s2;
      ql += 32;
      q8 += 64;
    }
    sum += (load_half(w) * d8) * static_cast<float>(sumi) - (load_half(w + 2) * d8) * static_cast<float>(sumi_mins);
  }
  return sum;
}

float dot_q6_k(const uint8_t* w, const uint8_t* a, size_t n) {
  float sum = 0;
  for (size_t b = 0; b < n / kQKK; ++b, w += kQ6K, a += kQ8K) {
    const float d8 = load_f32(a);
    const int8_t* q8 = reinterpret_cast<const int8_t*>(a + 4);
    const uint8_t* ql = w;
    const uint8_t* qh = w + 128;
    const int8_t* sc = reinterpret_cast<const int8_t*>(w + 192);
    int sumi = 0;
    for (int half = 0; half < 2; ++half) {
      int s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
      for (int l = 0; l < 32; ++l) {
        const int is = l / 16;
        const int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
        const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
        const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
        const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
        s[is + 0] += q1 * q8[l];
        s[is + 2] += q2 * q8[l + 32];
        s[is + 4] += q3 * q8[l + 64];
        s[is + 6] += q4 * q8[l + 96];
      }
      for (int k = 0; k < 8; ++k) sumi += sc[k] * s[k];
      ql += 64;
      qh += 32;
      sc += 8;
      q8 += 128;
    }
    sum += (load_half(w + 208) * d8) * static_cast<float>(sumi);
  }
  return sum;
}

}  // namespace

float half_to_float(uint16_t h) { return half_table()[h]; }

uint16_t float_to_half(float f) {
  const float scale_to_inf = 0x1.0p+112f;
  const float scale_to_zero = 0x1.0p-110f;
  float base = (std::fabs(f) * scale_to_inf) * scale_to_zero;
  const uint32_t w = float_bits(f);
  const uint32_t shl1_w = w + w;
  const uint32_t sign = w & 0x80000000u;
  uint32_t bias = shl1_w & 0xFF000000u;
  if (bias < 0x71000000u) bias = 0x71000000u;
  base = bits_float((bias >> 1) + 0x07800000u) + base;
  const uint32_t bits = float_bits(base);
  const uint32_t exp_bits = (bits >> 13) & 0x00007C00u;
  const uint32_t mantissa_bits = bits & 0x00000FFFu;
  const uint32_t nonsign = exp_bits + mantissa_bits;
  return static_cast<uint16_t>((sign >> 16) | (shl1_w > 0xFF000000u ? 0x7E00u : nonsign));
}

float bf16_to_float(uint16_t h) { return bits_float(static_cast<uint32_t>(h) << 16); }

uint16_t float_to_bf16(float f) {
  uint32_t u = float_bits(f);
  if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((u >> 16) | 64);  // quiet NaN
  return static_cast<uint16_t>((u + (0x7fffu + ((u >> 16) & 1))) >> 16);
}

bool row_type_supported(GgmlType type) {
  switch (type) {
    case GgmlType::kF32:
    case GgmlType::kF16:
    case GgmlType::kBF16:
    case GgmlType::kQ4_0:
    case GgmlType::kQ4_1:
    case GgmlType::kQ5_0:
    case GgmlType::kQ5_1:
    case GgmlType::kQ8_0:
    case GgmlType::kQ4_K:
    case GgmlType::kQ5_K:
    case GgmlType::kQ6_K:
      return true;
    default:
      return false;
  }
}

GgmlType activation_type_for(GgmlType weight_type) {
  switch (weight_type) {
    case GgmlType::kF16: return GgmlType::kF16;
    case GgmlType::kBF16: return GgmlType::kBF16;
    case GgmlType::kQ4_0:
    case GgmlType::kQ5_0:
    case GgmlType::kQ8_0: return GgmlType::kQ8_0;
    case GgmlType::kQ4_1:
    case GgmlType::kQ5_1: return GgmlType::kQ8_1;
    case GgmlType::kQ4_K:
    case GgmlType::kQ5_K:
    case GgmlType::kQ6_K: return GgmlType::kQ8_K;
    default: return GgmlType::kF32;
  }
}

size_t activation_row_bytes(GgmlType weight_type, size_t n) {
  switch (activation_type_for(weight_type)) {
    case GgmlType::kF16:
    case GgmlType::kBF16: return n * 2;
    case GgmlType::kQ8_0: return n / kQK * kQ8_0;
    case GgmlType::kQ8_1: return n / kQK * kQ8_1;
    case GgmlType::kQ8_K: return n / kQKK * kQ8K;
    default: return n * 4;
  }
}

void dequantize_row(GgmlType type, const uint8_t* src, float* dst, size_t n) {
  switch (type) {
    case GgmlType::kF32: std::memcpy(dst, src, n * 4); return;
    case GgmlType::kF16: {
      const float* t = half_table();
      for (size_t i = 0; i < n; ++i) dst[i] = t[load_u16(src + 2 * i)];
      return;
    }
    case GgmlType::kBF16:
      for (size_t i = 0; i < n; ++i) dst[i] = bf16_to_float(load_u16(src + 2 * i));
      return;
    case GgmlType::kQ4_0: deq_q4_0(src, dst, n); return;
    case GgmlType::kQ4_1: deq_q4_1(src, dst, n); return;
    case GgmlType::kQ5_0: deq_q5_0(src, dst, n); return;
    case GgmlType::kQ5_1: deq_q5_1(src, dst, n); return;
    case GgmlType::kQ8_0: deq_q8_0(src, dst, n); return;
    case GgmlType::kQ4_K: deq_q4_k(src, dst, n); return;
    case GgmlType::kQ5_K: deq_q5_k(src, dst, n); return;
    case GgmlType::kQ6_K: deq_q6_k(src, dst, n); return;
    default: assert(false && "dequantize_row: unsupported type"); return;
  }
}

void quantize_activation_row(GgmlType weight_type, const float* src, uint8_t* dst, size_t n) {
  switch (activation_type_for(weight_type)) {
    case GgmlType::kF16:
      for (size_t i = 0; i < n; ++i) store_half(dst + 2 * i, src[i]);
      return;
    case GgmlType::kBF16:
      for (size_t i = 0; i < n; ++i) {
        const uint16_t h = float_to_bf16(src[i]);
        std::memcpy(dst + 2 * i, &h, 2);
      }
      return;
    case GgmlType::kQ8_0: quant_q8_0(src, dst, n, false); return;
    case GgmlType::kQ8_1: quant_q8_0(src, dst, n, true); return;
    case GgmlType::kQ8_K: quant_q8_k(src, dst, n); return;
    default: std::memcpy(dst, src, n * 4); return;
  }
}

float dot_row(GgmlType weight_type, const uint8_t* w, const uint8_t* a, size_t n) {
  switch (weight_type) {
    case GgmlType::kF32: return dot_f32(w, a, n);
    case GgmlType::kF16: return dot_f16(w, a, n);
    case GgmlType::kBF16: return dot_bf16(w, a, n);
    case GgmlType::kQ4_0: return dot_q4_0(w, a, n);
    case GgmlType::kQ4_1: return dot_q4_1(w, a, n);
    case GgmlType::kQ5_0: return dot_q5_0(w, a, n);
    case GgmlType::kQ5_1: return dot_q5_1(w, a, n);
    case GgmlType::kQ8_0: return dot_q8_0(w, a, n);
    case GgmlType::kQ4_K: return dot_q4_k(w, a, n);
    case GgmlType::kQ5_K: return dot_q5_k(w, a, n);
    case GgmlType::kQ6_K: return dot_q6_k(w, a, n);
    default: assert(false && "dot_row: unsupported type"); return 0;
  }
}

}  // namespace haven::engine::model_detail
