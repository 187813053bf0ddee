#include "engine/tensor/gemm.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/thread_pool.h"
#include "engine/model/matmul.h"
#include "engine/model/row_ops.h"
#include "engine/tensor/random_blocks.h"

namespace haven::engine {
namespace {

const GgmlType kGemmTypes[] = {GgmlType::kQ4_0, GgmlType::kQ5_0, GgmlType::kQ8_0, GgmlType::kQ4_K,
                               GgmlType::kQ6_K};

struct Problem {
  GgmlType type;
  int64_t cols;
  size_t rows;
  size_t n_tokens;
  size_t w_stride, a_stride;
  std::vector<uint8_t> w;   // rows x w_stride (rows padded, as a sub-matrix of a wider buffer would be)
  std::vector<uint8_t> a;   // n_tokens x a_stride
  std::vector<float> mag;   // per (token, row): sum |w_i x_i|, the scale of float rounding
};

Problem make_problem(GgmlType t, int64_t cols, size_t rows, size_t n_tokens, uint64_t seed) {
  Problem p{t, cols, rows, n_tokens, 0, 0, {}, {}, {}};
  const GgmlType at = activation_type(t);
  const size_t wrow = *ggml_row_size(t, static_cast<uint64_t>(cols));
  const size_t arow = *ggml_row_size(at, static_cast<uint64_t>(cols));
  p.w_stride = wrow + 7;  // odd strides: no kernel may assume aligned rows
  p.a_stride = arow + 5;
  p.w.assign(rows * p.w_stride, 0);
  p.a.assign(n_tokens * p.a_stride, 0);
  Rng rng(seed);
  std::vector<std::vector<float>> wf(rows, std::vector<float>(static_cast<size_t>(cols)));
  for (size_t r = 0; r < rows; ++r) {
    fill_random(t, p.w.data() + r * p.w_stride, cols, 0.05f, rng);
    kernels_for(t, KernelIsa::kScalar).dequantize(p.w.data() + r * p.w_stride, wf[r].data(), cols);
  }
  std::vector<float> x(static_cast<size_t>(cols));
  std::vector<uint8_t> q;
  p.mag.assign(rows * n_tokens, 0.0f);
  for (size_t tk = 0; tk < n_tokens; ++tk) {
    for (auto& v : x) v = rng.normal();
    quantize_row(at, x.data(), cols, q);
    std::memcpy(p.a.data() + tk * p.a_stride, q.data(), q.size());
    for (size_t r = 0; r < rows; ++r) {
      double s = 0;
      for (int64_t i = 0; i < cols; ++i) s += std::fabs(static_cast<double>(wf[r][i]) * x[i]);
      p.mag[tk * rows + r] = static_cast<float>(s);
    }
  }
  return p;
}

// The products through `gemm`, written into a y with a wider leading dimension whose padding must stay
// untouched.
std::vector<float> run_gemm(GemmFn gemm, const Problem& p, size_t ldy) {
  std::vector<float> y(p.n_tokens * ldy, std::numeric_limits<float>::quiet_NaN());
  gemm(p.w.data(), p.w_stride, p.rows, p.a.data(), p.a_stride, p.n_tokens, p.cols, y.data(), ldy);
  return y;
}

void check_against_dots(const Problem& p, KernelIsa isa) {
  const GemmFn gemm = gemm_kernel(p.type, isa);
  ASSERT_NE(gemm, nullptr) << ggml_type_name(p.type);
  const DotFn dot = kernels_for(p.type, KernelIsa::kScalar).dot;
  const size_t ldy = p.rows + 3;
  const std::vector<float> y = run_gemm(gemm, p, ldy);
  for (size_t tk = 0; tk < p.n_tokens; ++tk) {
    for (size_t r = 0; r < ldy; ++r) {
      const float got = y[tk * ldy + r];
      if (r >= p.rows) {
        ASSERT_TRUE(std::isnan(got)) << "wrote outside its rows: " << ggml_type_name(p.type) << " r=" << r;
        continue;
      }
      const float want = dot(p.w.data() + r * p.w_stride, p.a.data() + tk * p.a_stride, p.cols);
      if (isa == KernelIsa::kScalar) {
        ASSERT_EQ(got, want) << ggml_type_name(p.type);  // the scalar gemm is the dot products themselves
      } else {
        ASSERT_NEAR(got, want, 1e-5 * p.mag[tk * p.rows + r] + 1e-6)
            << ggml_type_name(p.type) << " cols=" << p.cols << " rows=" << p.rows << " tokens=" << p.n_tokens
            << " at row " << r << " token " << tk;
      }
    }
  }
}

std::vector<KernelIsa> isas() {
  std::vector<KernelIsa> v{KernelIsa::kScalar};
  if (cpu_has_avx2()) v.push_back(KernelIsa::kAvx2);
  return v;
}

TEST(GemmTest, EveryTokenCountFrom1To70MatchesDotProducts) {
  for (GgmlType t : kGemmTypes) {
    for (size_t n = 1; n <= 70; ++n) {
      const Problem p = make_problem(t, 256, 13, n, 1000 + n);  // a group of 8 rows and a 5-row tail
      for (KernelIsa isa : isas()) check_against_dots(p, isa);
    }
  }
}

TEST(GemmTest, RowCountsAndWidthsOffTheTileMatchDotProducts) {
  for (GgmlType t : kGemmTypes) {
    const bool k_quant = ggml_traits(t).block_size == 256;
    for (int64_t cols : {96, 256, 768, 4864}) {
      if (k_quant && cols % 256 != 0) continue;
      for (size_t rows : {1, 2, 3, 7, 16, 17}) {
        for (size_t n : {2, 5, 9}) {
          const Problem p = make_problem(t, cols, rows, n, 7 * rows + n + static_cast<uint64_t>(cols));
          for (KernelIsa isa : isas()) check_against_dots(p, isa);
        }
      }
    }
  }
}

TEST(GemmTest, FastActivationQuantizersMatchTheModelsScalarOnesByteForByte) {
  if (!cpu_has_avx2()) GTEST_SKIP() << "no AVX2";
  // Weight types whose activations are Q8_0 and Q8_K.
  for (GgmlType wt : {GgmlType::kQ8_0, GgmlType::kQ4_K}) {
    const GgmlType at = model_detail::activation_type_for(wt);
    const QuantizeActFn fast = quantize_activation_kernel(at, KernelIsa::kAvx2);
    ASSERT_NE(fast, nullptr) << ggml_type_name(at);
    EXPECT_EQ(quantize_activation_kernel(at, KernelIsa::kScalar), nullptr);
    const int64_t n = 1024;
    const size_t bytes = model_detail::activation_row_bytes(wt, n);
    Rng rng(3);
    for (int trial = 0; trial < 20; ++trial) {
      std::vector<float> x(static_cast<size_t>(n));
      for (auto& v : x) v = rng.normal() * (trial % 2 == 0 ? 1.0f : 1e-3f);
      if (trial == 2) {
        // Ties: with the largest magnitude 127 the scale is 1, so halves round to even.
        for (int64_t i = 0; i < n; ++i) x[static_cast<size_t>(i)] = static_cast<float>(i % 64) - 31.5f;
        for (int64_t i = 0; i < n; i += 32) x[static_cast<size_t>(i)] = 127.0f;
      }
      if (trial == 3) {
        // Equal magnitudes of both signs: Q8_K keeps the sign of the first.
        for (int64_t i = 0; i < n; i += 256) {
          x[static_cast<size_t>(i + 5)] = -40.0f;
          x[static_cast<size_t>(i + 200)] = 40.0f;
        }
      }
      if (trial == 4) std::fill(x.begin(), x.begin() + 256, 0.0f);  // an all-zero block
      std::vector<uint8_t> want(bytes), got(bytes, 0xCD);
      model_detail::quantize_activation_row(wt, x.data(), want.data(), static_cast<size_t>(n));
      fast(x.data(), got.data(), n);
      ASSERT_EQ(got, want) << ggml_type_name(at) << " trial " << trial;
    }
  }
}

TEST(GemmTest, MatmulBatchEqualsTokenByToken) {
  // The model's Matmul on a batch (batched kernels, 64-row work items, token tiles, two threads, two
  // products of different activation types in one loop) against the same Matmul one token at a time
  // (the dot products). 203 rows: three 64-row items, then 8 interleaved rows and a 3-row tail; 600
  // tokens: more than one token tile.
  const int64_t cols = 512;
  const size_t rows = 203, n = 600;
  Rng rng(9);
  std::vector<float> x(n * cols);
  for (auto& v : x) v = rng.normal();
  ThreadPool pool(2);
  for (GgmlType t1 : {GgmlType::kQ5_0, GgmlType::kQ8_0, GgmlType::kQ4_0}) {
    for (GgmlType t2 : {GgmlType::kQ4_K, GgmlType::kQ6_K}) {
      std::vector<uint8_t> d1(rows * *ggml_row_size(t1, cols)), d2(rows * *ggml_row_size(t2, cols));
      fill_random(t1, d1.data(), static_cast<int64_t>(rows) * cols, 0.05f, rng);
      fill_random(t2, d2.data(), static_cast<int64_t>(rows) * cols, 0.05f, rng);
      WeightMatrix w1{t1, d1.data(), cols, rows, *ggml_row_size(t1, cols)};
      WeightMatrix w2{t2, d2.data(), cols, rows, *ggml_row_size(t2, cols)};
      std::vector<float> y1(n * rows), y2(n * rows), r1(rows), r2(rows);
      model_detail::Matmul batch, single;
      batch.run(pool, x.data(), n, cols, {{&w1, y1.data()}, {&w2, y2.data()}});
      for (size_t tk = 0; tk < n; tk += 7) {
        single.run(pool, x.data() + tk * cols, 1, cols, {{&w1, r1.data()}, {&w2, r2.data()}});
        for (size_t r = 0; r < rows; ++r) {
          ASSERT_NEAR(y1[tk * rows + r], r1[r], 1e-4 + 1e-5 * std::fabs(r1[r])) << ggml_type_name(t1) << " " << tk << " " << r;
          ASSERT_NEAR(y2[tk * rows + r], r2[r], 1e-4 + 1e-5 * std::fabs(r2[r])) << ggml_type_name(t2) << " " << tk << " " << r;
        }
      }
    }
  }
}

TEST(GemmTest, OnlyBatchedTypesHaveKernels) {
  for (GgmlType t : {GgmlType::kF32, GgmlType::kF16, GgmlType::kBF16, GgmlType::kQ4_1, GgmlType::kQ5_1,
                     GgmlType::kQ5_K}) {
    for (KernelIsa isa : isas()) EXPECT_EQ(gemm_kernel(t, isa), nullptr) << ggml_type_name(t);
  }
}

}  // namespace
}  // namespace haven::engine
