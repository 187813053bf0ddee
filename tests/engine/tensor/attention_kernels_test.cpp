// The attention loops: the scalar ones against a direct double-precision computation, the AVX2 ones
// against the scalar ones, over F32 and F16 rows, several group sizes, head widths (including widths the
// AVX2 path hands to the scalar loops) and position counts that do and do not fill whole tiles.
#include "engine/tensor/attention_kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "engine/tensor/fp16.h"

namespace haven::engine {
namespace {

struct Cache {
  std::vector<float> f32;
  std::vector<uint16_t> f16;
  size_t stride = 0;
  // Row p of KV head `head`: rows of `stride` elements holding several heads, as the KV cache does.
  KvRows rows(bool half, uint32_t head, uint32_t head_dim) const {
    const size_t off = static_cast<size_t>(head) * head_dim;
    return half ? KvRows{f16.data() + off, stride, true} : KvRows{f32.data() + off, stride, false};
  }
  double at(bool half, size_t i) const { return half ? fp16_to_fp32(f16[i]) : f32[i]; }
};

Cache make_cache(uint32_t n_pos, size_t stride, std::mt19937& rng) {
  std::normal_distribution<float> dist(0.0f, 1.0f);
  Cache c;
  c.stride = stride;
  c.f32.resize(n_pos * stride);
  c.f16.resize(n_pos * stride);
  for (size_t i = 0; i < c.f32.size(); ++i) {
    c.f16[i] = fp32_to_fp16(dist(rng));
    c.f32[i] = fp16_to_fp32(c.f16[i]);  // same values in both types, so both must give the same results
  }
  return c;
}

std::vector<float> random_floats(size_t n, std::mt19937& rng, float sd = 1.0f) {
  std::normal_distribution<float> dist(0.0f, sd);
  std::vector<float> v(n);
  for (float& x : v) x = dist(rng);
  return v;
}

void expect_close(const std::vector<float>& got, const std::vector<double>& want, double tol, const std::string& what) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    ASSERT_NEAR(got[i], want[i], tol * (1.0 + std::fabs(want[i]))) << what << " at " << i;
  }
}

void expect_close(const std::vector<float>& got, const std::vector<float>& want, double tol, const std::string& what) {
  expect_close(got, std::vector<double>(want.begin(), want.end()), tol, what);
}

struct Shape {
  uint32_t n_q, head_dim, n_pos;
};
const Shape kShapes[] = {{1, 64, 1},  {7, 64, 5},   {7, 64, 33},  {4, 128, 300}, {2, 64, 512},
                         {1, 8, 17},  {3, 12, 9},   {5, 40, 20},  {1, 256, 16},  {2, 264, 7}};

std::string label(const Shape& s, bool half) {
  return std::string(half ? "f16" : "f32") + " n_q=" + std::to_string(s.n_q) + " head_dim=" +
         std::to_string(s.head_dim) + " n_pos=" + std::to_string(s.n_pos);
}

TEST(AttentionKernelsTest, ScalarScoresAndAccumulateMatchDirectComputation) {
  std::mt19937 rng(1);
  const AttentionKernels& k = detail::attention_scalar();
  for (const Shape& s : kShapes) {
    for (bool half : {false, true}) {
      const uint32_t head = 1;  // the second of two KV heads, so the head offset matters
      const Cache c = make_cache(s.n_pos, 2 * s.head_dim, rng);
      const size_t q_stride = s.head_dim + 3;
      const auto q = random_floats(s.n_q * q_stride, rng);
      const float scale = 0.125f;
      std::vector<float> scores(s.n_q * s.n_pos);
      k.scores(q.data(), q_stride, s.n_q, c.rows(half, head, s.head_dim), s.n_pos, s.head_dim, scale, scores.data());
      std::vector<double> want(scores.size());
      for (uint32_t j = 0; j < s.n_q; ++j) {
        for (uint32_t p = 0; p < s.n_pos; ++p) {
          double d = 0;
          for (uint32_t i = 0; i < s.head_dim; ++i) d += q[j * q_stride + i] * c.at(half, p * c.stride + head * s.head_dim + i);
          want[j * s.n_pos + p] = d * scale;
        }
      }
      expect_close(scores, want, 1e-5, "scores " + label(s, half));

      const auto w = random_floats(s.n_q * s.n_pos, rng, 0.1f);
      const size_t out_stride = s.head_dim + 5;
      auto out = random_floats(s.n_q * out_stride, rng);  // accumulate adds to what is there
      std::vector<double> want_out(out.begin(), out.end());
      k.accumulate(w.data(), s.n_q, c.rows(half, head, s.head_dim), s.n_pos, s.head_dim, out.data(), out_stride);
      for (uint32_t j = 0; j < s.n_q; ++j) {
        for (uint32_t p = 0; p < s.n_pos; ++p) {
          for (uint32_t i = 0; i < s.head_dim; ++i) {
            want_out[j * out_stride + i] += w[j * s.n_pos + p] * c.at(half, p * c.stride + head * s.head_dim + i);
          }
        }
      }
      expect_close(out, want_out, 1e-5, "accumulate " + label(s, half));
    }
  }
}

TEST(AttentionKernelsTest, ScalarSoftmaxMatchesDirectComputation) {
  std::mt19937 rng(2);
  for (uint32_t n : {1u, 3u, 8u, 17u, 1000u}) {
    auto x = random_floats(n, rng, 5.0f);
    double max = x[0];
    for (float v : x) max = std::max<double>(max, v);
    std::vector<double> want(n);
    double want_sum = 0;
    for (uint32_t i = 0; i < n; ++i) want_sum += want[i] = std::exp(x[i] - max);
    const float sum = detail::attention_scalar().softmax(x.data(), n);
    expect_close(x, want, 1e-6, "softmax n=" + std::to_string(n));
    EXPECT_NEAR(sum, want_sum, 1e-6 * want_sum);
  }
}

TEST(AttentionKernelsTest, Avx2MatchesScalar) {
  if (!cpu_has_avx2()) GTEST_SKIP() << "this CPU has no AVX2/FMA/F16C";
  const AttentionKernels& scalar = attention_kernels_for(KernelIsa::kScalar);
  const AttentionKernels& avx2 = attention_kernels_for(KernelIsa::kAvx2);
  ASSERT_NE(avx2.scores, scalar.scores);
  std::mt19937 rng(3);
  for (const Shape& s : kShapes) {
    for (bool half : {false, true}) {
      const Cache c = make_cache(s.n_pos, 3 * s.head_dim, rng);
      const auto q = random_floats(s.n_q * s.head_dim * 2, rng);
      const KvRows rows = c.rows(half, 2, s.head_dim);
      std::vector<float> a(s.n_q * s.n_pos), b(s.n_q * s.n_pos);
      scalar.scores(q.data(), 2 * s.head_dim, s.n_q, rows, s.n_pos, s.head_dim, 0.3f, a.data());
      avx2.scores(q.data(), 2 * s.head_dim, s.n_q, rows, s.n_pos, s.head_dim, 0.3f, b.data());
      expect_close(b, a, 1e-5, "scores " + label(s, half));

      const auto w = random_floats(s.n_q * s.n_pos, rng, 0.1f);
      auto oa = random_floats(s.n_q * s.head_dim, rng);
      auto ob = oa;
      scalar.accumulate(w.data(), s.n_q, rows, s.n_pos, s.head_dim, oa.data(), s.head_dim);
      avx2.accumulate(w.data(), s.n_q, rows, s.n_pos, s.head_dim, ob.data(), s.head_dim);
      expect_close(ob, oa, 1e-5, "accumulate " + label(s, half));
    }
  }
}

TEST(AttentionKernelsTest, Avx2SoftmaxMatchesScalar) {
  if (!cpu_has_avx2()) GTEST_SKIP() << "this CPU has no AVX2/FMA/F16C";
  const AttentionKernels& scalar = attention_kernels_for(KernelIsa::kScalar);
  const AttentionKernels& avx2 = attention_kernels_for(KernelIsa::kAvx2);
  std::mt19937 rng(4);
  for (uint32_t n : {1u, 7u, 8u, 9u, 64u, 513u}) {
    for (float sd : {0.5f, 5.0f, 60.0f}) {  // 60: many inputs far below the maximum, where exp underflows
      const auto x = random_floats(n, rng, sd);
      auto a = x, b = x;
      const float sa = scalar.softmax(a.data(), n);
      const float sb = avx2.softmax(b.data(), n);
      for (uint32_t i = 0; i < n; ++i) ASSERT_NEAR(b[i], a[i], 1e-6 * a[i] + 1e-37) << "n=" << n << " at " << i;
      EXPECT_NEAR(sb, sa, 1e-6 * sa);
    }
  }
}

}  // namespace
}  // namespace haven::engine
