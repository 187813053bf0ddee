#include "engine/tensor/kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

#include "core/thread_pool.h"
#include "engine/tensor/fp16.h"
#include "engine/tensor/random_blocks.h"

namespace haven::engine {
namespace {

const GgmlType kWeightTypes[] = {GgmlType::kF32,  GgmlType::kF16,  GgmlType::kBF16, GgmlType::kQ4_0,
                                 GgmlType::kQ4_1, GgmlType::kQ5_0, GgmlType::kQ5_1, GgmlType::kQ8_0,
                                 GgmlType::kQ4_K, GgmlType::kQ5_K, GgmlType::kQ6_K};

std::string name_of(GgmlType t) { return ggml_type_name(t); }

uint16_t u16(const uint8_t* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}

// An independent, element-at-a-time reading of ggml's block layouts (written from the format
// description, not from the kernels) to check the dequantizers bit for bit.
float element(GgmlType t, const uint8_t* row, int64_t i) {
  const GgmlTypeTraits tr = ggml_traits(t);
  const uint8_t* b = row + (i / tr.block_size) * tr.type_size;
  const int j = static_cast<int>(i % tr.block_size);
  auto nib = [](const uint8_t* qs, int j) { return j < 16 ? (qs[j] & 0xF) : (qs[j - 16] >> 4); };
  auto qh_bit = [](const uint8_t* qh, int j) { return (qh[j / 8] >> (j % 8)) & 1; };
  switch (t) {
    case GgmlType::kF32: {
      float f;
      std::memcpy(&f, row + 4 * i, 4);
      return f;
    }
    case GgmlType::kF16: return fp16_to_fp32(u16(row + 2 * i));
    case GgmlType::kBF16: return bf16_to_fp32(u16(row + 2 * i));
    case GgmlType::kQ4_0: return static_cast<float>(nib(b + 2, j) - 8) * fp16_to_fp32(u16(b));
    case GgmlType::kQ4_1: return static_cast<float>(nib(b + 4, j)) * fp16_to_fp32(u16(b)) + fp16_to_fp32(u16(b + 2));
    case GgmlType::kQ5_0: return static_cast<float>((nib(b + 6, j) | (qh_bit(b + 2, j) << 4)) - 16) * fp16_to_fp32(u16(b));
    case GgmlType::kQ5_1:
      return static_cast<float>(nib(b + 8, j) | (qh_bit(b + 4, j) << 4)) * fp16_to_fp32(u16(b)) + fp16_to_fp32(u16(b + 2));
    case GgmlType::kQ8_0: return static_cast<float>(static_cast<int8_t>(b[2 + j])) * fp16_to_fp32(u16(b));
    case GgmlType::kQ4_K:
    case GgmlType::kQ5_K: {
      const bool five = t == GgmlType::kQ5_K;
      const int sub = j / 32;  // sub-block 0..7; pairs share 32 bytes of nibbles
      const uint8_t* sc = b + 4;
      int s, m;
      if (sub < 4) {
        s = sc[sub] & 63;
        m = sc[sub + 4] & 63;
      } else {
        s = (sc[sub + 4] & 0xF) | ((sc[sub - 4] >> 6) << 4);
        m = (sc[sub + 4] >> 4) | ((sc[sub] >> 6) << 4);
      }
      const uint8_t* qs = b + (five ? 48 : 16) + (sub / 2) * 32;
      int q = (sub % 2 == 0) ? (qs[j % 32] & 0xF) : (qs[j % 32] >> 4);
      if (five) q += ((b[16 + j % 32] >> sub) & 1) << 4;
      const float d1 = fp16_to_fp32(u16(b)) * static_cast<float>(s);
      const float m1 = fp16_to_fp32(u16(b + 2)) * static_cast<float>(m);
      return d1 * static_cast<float>(q) - m1;
    }
    case GgmlType::kQ6_K: {
      const int half = j / 128, l = j % 128, group = l / 32, pos = l % 32;
      const uint8_t* ql = b + half * 64;
      const uint8_t* qh = b + 128 + half * 32;
      const int low4 = (group == 0) ? (ql[pos] & 0xF) : (group == 1) ? (ql[pos + 32] & 0xF)
                     : (group == 2) ? (ql[pos] >> 4) : (ql[pos + 32] >> 4);
      const int high2 = (qh[pos] >> (2 * group)) & 3;
      const int q = (low4 | (high2 << 4)) - 32;
      const int8_t scale = static_cast<int8_t>(b[192 + half * 8 + group * 2 + pos / 16]);
      return fp16_to_fp32(u16(b + 208)) * static_cast<float>(scale) * static_cast<float>(q);
    }
    default: ADD_FAILURE() << "no reference for " << name_of(t); return 0;
  }
}

std::vector<uint8_t> random_row(GgmlType t, int64_t n, uint64_t seed) {
  std::vector<uint8_t> row(*ggml_row_size(t, static_cast<uint64_t>(n)));
  Rng rng(seed);
  fill_random(t, row.data(), n, 0.5f, rng);
  return row;
}

std::vector<float> random_floats(int64_t n, uint64_t seed) {
  Rng rng(seed);
  std::vector<float> x(static_cast<size_t>(n));
  for (auto& v : x) v = rng.normal();
  return x;
}

TEST(KernelsTest, DequantizationMatchesBlockLayoutBitForBit) {
  const int64_t n = 512;
  for (GgmlType t : kWeightTypes) {
    for (KernelIsa isa : {KernelIsa::kScalar, KernelIsa::kAvx2}) {
      if (isa == KernelIsa::kAvx2 && !cpu_has_avx2()) continue;
      auto row = random_row(t, n, 7);
      std::vector<float> out(n);
      kernels_for(t, isa).dequantize(row.data(), out.data(), n);
      for (int64_t i = 0; i < n; ++i) {
        ASSERT_EQ(std::bit_cast<uint32_t>(out[i]), std::bit_cast<uint32_t>(element(t, row.data(), i)))
            << name_of(t) << " element " << i << ": " << out[i] << " vs " << element(t, row.data(), i);
      }
    }
  }
}

TEST(KernelsTest, HalfFloatConversionsRoundToNearestEven) {
  EXPECT_EQ(fp32_to_fp16(1.0f), 0x3C00);
  EXPECT_EQ(fp32_to_fp16(-2.0f), 0xC000);
  EXPECT_EQ(fp32_to_fp16(65504.0f), 0x7BFF);
  EXPECT_EQ(fp32_to_fp16(1e6f), 0x7C00);                 // overflow to infinity
  EXPECT_EQ(fp32_to_fp16(1.0f + 0x1.0p-11f), 0x3C00);    // tie: to even (down)
  EXPECT_EQ(fp32_to_fp16(1.0f + 3 * 0x1.0p-11f), 0x3C02);  // tie: to even (up)
  EXPECT_EQ(fp32_to_fp16(0x1.0p-24f), 0x0001);           // smallest subnormal
  for (uint32_t h = 0; h < 0x10000; ++h) {
    if ((h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0) continue;  // NaNs
    ASSERT_EQ(fp32_to_fp16(fp16_to_fp32(static_cast<uint16_t>(h))), h) << h;
  }
  EXPECT_EQ(fp32_to_bf16(1.0f), 0x3F80);
  EXPECT_EQ(fp32_to_bf16(std::bit_cast<float>(0x3F808000u)), 0x3F80);  // tie to even
  EXPECT_EQ(fp32_to_bf16(std::bit_cast<float>(0x3F818000u)), 0x3F82);
}

// The reference of every product: dequantized weights times dequantized activations, in double.
double reference_dot(GgmlType t, const std::vector<uint8_t>& w, const std::vector<uint8_t>& aq, int64_t n) {
  std::vector<float> wf(n), af(n);
  kernels_for(t, KernelIsa::kScalar).dequantize(w.data(), wf.data(), n);
  GgmlType at = activation_type(t);
  kernels_for(at, KernelIsa::kScalar).dequantize(aq.data(), af.data(), n);
  double s = 0;
  for (int64_t i = 0; i < n; ++i) s += static_cast<double>(wf[i]) * af[i];
  return s;
}

double abs_dot(GgmlType t, const std::vector<uint8_t>& w, const std::vector<float>& x, int64_t n) {
  std::vector<float> wf(n);
  kernels_for(t, KernelIsa::kScalar).dequantize(w.data(), wf.data(), n);
  double s = 0;
  for (int64_t i = 0; i < n; ++i) s += std::fabs(static_cast<double>(wf[i]) * x[i]);
  return s;
}

TEST(KernelsTest, DotProductsMatchFloatReferenceOnBothPaths) {
  // Odd block counts (96, 800: 3 and 25 blocks of 32; 768: 3 super-blocks) reach the tails of kernels
  // that take several blocks per iteration; 896 is Qwen2.5-0.5B's row width.
  for (int64_t n : {96, 256, 768, 800, 896, 1024, 4864}) {
    for (GgmlType t : kWeightTypes) {
      if (n % ggml_traits(t).block_size != 0) continue;
      GgmlType at = activation_type(t);
      if (n % ggml_traits(at).block_size != 0) continue;
      for (uint64_t seed = 1; seed <= 3; ++seed) {
        auto w = random_row(t, n, seed);
        auto x = random_floats(n, seed + 100);
        std::vector<uint8_t> aq;
        quantize_row(at, x.data(), n, aq);
        const double ref = reference_dot(t, w, aq, n);
        const double mag = abs_dot(t, w, x, n);
        const float scalar = kernels_for(t, KernelIsa::kScalar).dot(w.data(), aq.data(), n);
        EXPECT_NEAR(scalar, ref, 1e-5 * mag + 1e-6) << name_of(t) << " n=" << n;
        if (cpu_has_avx2()) {
          const float avx = kernels_for(t, KernelIsa::kAvx2).dot(w.data(), aq.data(), n);
          EXPECT_NEAR(avx, scalar, 1e-5 * mag + 1e-6) << name_of(t) << " n=" << n << " avx2 vs scalar";
        }
      }
    }
  }
}

// Q6_K with its whole scale range (negative scales, -128 included) and every Q4_K/Q5_K scale and min
// bit pattern: the AVX2 kernels unpack and apply scales in vector lanes, so a wrong lane or sign
// extension shows here even where the generator's usual scales would hide it.
TEST(KernelsTest, KQuantDotsHandleFullScaleRanges) {
  if (!cpu_has_avx2()) GTEST_SKIP() << "no AVX2 on this CPU";
  const int64_t n = 768;
  for (GgmlType t : {GgmlType::kQ4_K, GgmlType::kQ5_K, GgmlType::kQ6_K}) {
    for (uint64_t seed = 1; seed <= 20; ++seed) {
      auto w = random_row(t, n, seed);
      Rng rng(seed + 1000);
      const size_t bytes = ggml_traits(t).type_size;
      for (int64_t b = 0; b < n / 256; ++b) {
        uint8_t* blk = w.data() + b * bytes;
        if (t == GgmlType::kQ6_K) {
          for (int s = 0; s < 16; ++s) blk[192 + s] = static_cast<uint8_t>(rng.next_u64());
          if (seed == 1) blk[192 + b] = 0x80;
        } else {
          for (int s = 0; s < 12; ++s) blk[4 + s] = static_cast<uint8_t>(rng.next_u64());
          if (seed == 1) std::memset(blk + 4, 0xFF, 12);  // every scale and min 63
        }
      }
      auto x = random_floats(n, seed + 100);
      std::vector<uint8_t> aq;
      quantize_row(activation_type(t), x.data(), n, aq);
      const double ref = reference_dot(t, w, aq, n);
      const double mag = abs_dot(t, w, x, n);
      const float scalar = kernels_for(t, KernelIsa::kScalar).dot(w.data(), aq.data(), n);
      const float avx = kernels_for(t, KernelIsa::kAvx2).dot(w.data(), aq.data(), n);
      EXPECT_NEAR(scalar, ref, 1e-5 * mag + 1e-6) << name_of(t) << " seed " << seed;
      EXPECT_NEAR(avx, scalar, 1e-5 * mag + 1e-6) << name_of(t) << " seed " << seed;
    }
  }
}

TEST(KernelsTest, DotProductSeesEveryElement) {
  // A kernel that skipped a block or a nibble half would still pass on random data within tolerance
  // only by luck; this puts a single large weight at each position in turn.
  const int64_t n = 512;
  for (GgmlType t : {GgmlType::kF32, GgmlType::kF16, GgmlType::kBF16}) {
    for (KernelIsa isa : {KernelIsa::kScalar, KernelIsa::kAvx2}) {
      if (isa == KernelIsa::kAvx2 && !cpu_has_avx2()) continue;
      for (int64_t pos = 0; pos < n; pos += 37) {
        std::vector<float> wf(n, 0.0f), x(n, 1.0f);
        wf[pos] = 2.0f;
        x[pos] = 3.0f;
        std::vector<uint8_t> w(*ggml_row_size(t, n));
        for (int64_t i = 0; i < n; ++i) {
          if (t == GgmlType::kF32) std::memcpy(w.data() + 4 * i, &wf[i], 4);
          uint16_t h = t == GgmlType::kF16 ? fp32_to_fp16(wf[i]) : fp32_to_bf16(wf[i]);
          if (t != GgmlType::kF32) std::memcpy(w.data() + 2 * i, &h, 2);
        }
        EXPECT_FLOAT_EQ(kernels_for(t, isa).dot(w.data(), x.data(), n), 6.0f) << name_of(t) << " " << pos;
      }
    }
  }
}

TEST(KernelsTest, Q8_0QuantizationFollowsReference) {
  std::vector<float> x(32, 0.0f);
  x[0] = 127.0f;  // d = 1, so qs = roundf(x)
  x[1] = 62.5f;   // roundf: half away from zero
  x[2] = -62.5f;
  x[3] = 0.49f;
  std::vector<uint8_t> q;
  quantize_row(GgmlType::kQ8_0, x.data(), 32, q);
  ASSERT_EQ(q.size(), 34u);
  EXPECT_EQ(u16(q.data()), fp32_to_fp16(1.0f));
  EXPECT_EQ(static_cast<int8_t>(q[2]), 127);
  EXPECT_EQ(static_cast<int8_t>(q[3]), 63);
  EXPECT_EQ(static_cast<int8_t>(q[4]), -63);
  EXPECT_EQ(static_cast<int8_t>(q[5]), 0);
}

TEST(KernelsTest, Q8_KQuantizationFollowsReference) {
  std::vector<float> x(256, 0.0f);
  x[0] = -127.0f;  // the signed maximum: iscale = -127 / -127 = 1
  x[1] = 62.5f;    // nearest_int: half to even
  x[2] = 63.5f;
  x[17] = 5.0f;
  std::vector<uint8_t> q;
  quantize_row(GgmlType::kQ8_K, x.data(), 256, q);
  ASSERT_EQ(q.size(), 292u);
  float d;
  std::memcpy(&d, q.data(), 4);
  EXPECT_EQ(d, 1.0f);
  EXPECT_EQ(static_cast<int8_t>(q[4]), -127);
  EXPECT_EQ(static_cast<int8_t>(q[5]), 62);
  EXPECT_EQ(static_cast<int8_t>(q[6]), 64);
  int16_t bsum0, bsum1;
  std::memcpy(&bsum0, q.data() + 4 + 256, 2);
  std::memcpy(&bsum1, q.data() + 4 + 256 + 2, 2);
  EXPECT_EQ(bsum0, -127 + 62 + 64);
  EXPECT_EQ(bsum1, 5);
  // A positive maximum gives a negative scale, as in ggml (the values come out negated twice).
  x[0] = 127.0f;
  quantize_row(GgmlType::kQ8_K, x.data(), 256, q);
  std::memcpy(&d, q.data(), 4);
  EXPECT_EQ(d, -1.0f);
  EXPECT_EQ(static_cast<int8_t>(q[4]), -127);
}

TEST(KernelsTest, ActivationQuantizationRoundTrips) {
  for (GgmlType at : {GgmlType::kQ8_0, GgmlType::kQ8_K}) {
    const int64_t n = 1024;
    auto x = random_floats(n, 42);
    x[5] = 0.0f;
    std::vector<uint8_t> q;
    quantize_row(at, x.data(), n, q);
    std::vector<float> back(n);
    kernels_for(at, KernelIsa::kScalar).dequantize(q.data(), back.data(), n);
    const int64_t bs = ggml_traits(at).block_size;
    for (int64_t b = 0; b < n / bs; ++b) {
      float amax = 0;
      for (int64_t i = 0; i < bs; ++i) amax = std::max(amax, std::fabs(x[b * bs + i]));
      // half a step, plus up to 127 steps times the half-float rounding of Q8_0's d (2^-11 relative)
      const float half_step = amax / 127.0f * (0.5f + 127.0f * 0x1.0p-11f) * 1.001f;
      for (int64_t i = 0; i < bs; ++i) {
        ASSERT_NEAR(back[b * bs + i], x[b * bs + i], half_step) << name_of(at) << " element " << b * bs + i;
      }
    }
    EXPECT_EQ(back[5], 0.0f);
  }
  std::vector<float> zeros(256, 0.0f);
  std::vector<uint8_t> q;
  quantize_row(GgmlType::kQ8_K, zeros.data(), 256, q);
  for (uint8_t byte : q) EXPECT_EQ(byte, 0);
}

TEST(KernelsTest, MatvecThreadedEqualsSingleThreaded) {
  const int64_t rows = 67, cols = 512;
  ThreadPool pool(2);
  for (GgmlType t : kWeightTypes) {
    auto w = random_row(t, rows * cols, 9);
    auto x = random_floats(cols, 10);
    std::vector<float> y1(rows), y2(rows);
    matvec(t, w.data(), rows, cols, x.data(), y1.data(), nullptr);
    matvec(t, w.data(), rows, cols, x.data(), y2.data(), &pool);
    EXPECT_EQ(y1, y2) << name_of(t);
    // and each row is that row's dot product
    std::vector<uint8_t> aq;
    quantize_row(activation_type(t), x.data(), cols, aq);
    const uint64_t rb = *ggml_row_size(t, cols);
    for (int64_t r = 0; r < rows; r += 11) {
      EXPECT_EQ(y1[r], kernels(t).dot(w.data() + r * rb, aq.data(), cols)) << name_of(t) << " row " << r;
    }
  }
}

// The multi-row kernels promise each row's dot() result bit for bit, so a caller may use either.
TEST(KernelsTest, MultiRowDotsEqualSingleRowDotsBitForBit) {
  int checked = 0;
  for (GgmlType t : kWeightTypes) {
    for (KernelIsa isa : {KernelIsa::kScalar, KernelIsa::kAvx2}) {
      if (isa == KernelIsa::kAvx2 && !cpu_has_avx2()) continue;
      const TypeKernels& k = kernels_for(t, isa);
      if (k.dot_rows == nullptr) continue;
      for (int64_t n : {32, 64, 96, 896, 4864}) {
        if (n % ggml_traits(t).block_size != 0) continue;
        const uint64_t rb = *ggml_row_size(t, n);
        // One spare row in front, so the kernel must honour the stride from an offset start.
        auto w = random_row(t, (kDotRows + 1) * n, static_cast<uint64_t>(n));
        auto x = random_floats(n, 77);
        std::vector<uint8_t> aq;
        quantize_row(activation_type(t), x.data(), n, aq);
        float out[kDotRows];
        k.dot_rows(w.data() + rb, rb, aq.data(), n, out);
        for (int r = 0; r < kDotRows; ++r) {
          const float one = k.dot(w.data() + (r + 1) * rb, aq.data(), n);
          EXPECT_EQ(std::bit_cast<uint32_t>(out[r]), std::bit_cast<uint32_t>(one))
              << name_of(t) << " " << isa_name(isa) << " n=" << n << " row " << r << ": " << out[r] << " vs " << one;
        }
        ++checked;
      }
    }
  }
  if (cpu_has_avx2()) {
    EXPECT_GE(checked, 15);  // Q4_0, Q5_0 and Q8_0 at five widths
  }
}

TEST(KernelsTest, ActivationTypesFollowLlamaCpp) {
  EXPECT_EQ(activation_type(GgmlType::kQ4_0), GgmlType::kQ8_0);
  EXPECT_EQ(activation_type(GgmlType::kQ5_0), GgmlType::kQ8_0);
  EXPECT_EQ(activation_type(GgmlType::kQ8_0), GgmlType::kQ8_0);
  EXPECT_EQ(activation_type(GgmlType::kQ4_K), GgmlType::kQ8_K);
  EXPECT_EQ(activation_type(GgmlType::kQ5_K), GgmlType::kQ8_K);
  EXPECT_EQ(activation_type(GgmlType::kQ6_K), GgmlType::kQ8_K);
  EXPECT_EQ(activation_type(GgmlType::kF16), GgmlType::kF32);
}

}  // namespace
}  // namespace haven::engine
