// Batched (prompt-processing) products: multiply-accumulates per second of
//   - BM_dots/<type>:   one thread, the per-pair dot products (the path before batched kernels)
//   - BM_gemm/<type>:   one thread, the batched kernel of gemm.h on the same data
//   - BM_matmul/<type>/<threads>: the model's Matmul (activation quantization, blocking, threads) on a
//     512-token batch through a Qwen2.5-0.5B-sized FFN matrix (4864 x 896; 4864 x 1024 for K-quants,
//     whose rows must be multiples of 256)
//
//   haven_gemm_bench --benchmark_filter=q4_K
//   HAVEN_KERNELS=scalar haven_gemm_bench    the scalar path
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/thread_pool.h"
#include "engine/model/matmul.h"
#include "engine/tensor/gemm.h"
#include "engine/tensor/kernels.h"
#include "engine/tensor/random_blocks.h"

namespace haven::engine {
namespace {

struct Data {
  int64_t rows = 0, cols = 0, tokens = 0;
  size_t w_row = 0, a_row = 0;
  std::vector<uint8_t> w, a;
  std::vector<float> x, y;
};

const Data& data(GgmlType t, int64_t rows, int64_t tokens) {
  static std::map<std::pair<GgmlType, int64_t>, std::unique_ptr<Data>> cache;
  auto& d = cache[{t, rows * 100000 + tokens}];
  if (!d) {
    d = std::make_unique<Data>();
    d->rows = rows;
    d->cols = ggml_traits(t).block_size == 256 ? 1024 : 896;
    d->tokens = tokens;
    d->w_row = *ggml_row_size(t, static_cast<uint64_t>(d->cols));
    d->a_row = *ggml_row_size(activation_type(t), static_cast<uint64_t>(d->cols));
    d->w.resize(d->w_row * static_cast<size_t>(rows));
    Rng rng(1);
    fill_random(t, d->w.data(), rows * d->cols, 0.05f, rng);
    d->x.resize(static_cast<size_t>(tokens * d->cols));
    for (auto& v : d->x) v = rng.normal();
    std::vector<uint8_t> q;
    for (int64_t i = 0; i < tokens; ++i) {
      quantize_row(activation_type(t), d->x.data() + i * d->cols, d->cols, q);
      d->a.insert(d->a.end(), q.begin(), q.end());
    }
    d->y.resize(static_cast<size_t>(rows * tokens));
  }
  return *d;
}

void set_counters(benchmark::State& state, const Data& d) {
  const double macs = static_cast<double>(d.rows) * static_cast<double>(d.cols) * static_cast<double>(d.tokens);
  state.counters["GMAC/s"] = benchmark::Counter(macs * 1e-9 * static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
  state.SetLabel(std::string(isa_name(active_isa())) + ", " + std::to_string(d.rows) + "x" +
                 std::to_string(d.cols) + " x " + std::to_string(d.tokens) + " tokens");
}

// Small enough that one pass stays in L2: the kernels' own speed, not the memory's.
constexpr int64_t kKernelRows = 64;
constexpr int64_t kKernelTokens = 64;

void BM_dots(benchmark::State& state, GgmlType t) {
  Data& d = const_cast<Data&>(data(t, kKernelRows, kKernelTokens));
  const DotFn dot = kernels(t).dot;
  for (auto _ : state) {
    for (int64_t r = 0; r < d.rows; ++r) {
      for (int64_t i = 0; i < d.tokens; ++i) {
        d.y[static_cast<size_t>(i * d.rows + r)] = dot(d.w.data() + r * d.w_row, d.a.data() + i * d.a_row, d.cols);
      }
    }
    benchmark::DoNotOptimize(d.y.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, d);
}

void BM_gemm(benchmark::State& state, GgmlType t) {
  Data& d = const_cast<Data&>(data(t, kKernelRows, kKernelTokens));
  const GemmFn gemm = gemm_kernel(t, active_isa());
  for (auto _ : state) {
    gemm(d.w.data(), d.w_row, static_cast<size_t>(d.rows), d.a.data(), d.a_row, static_cast<size_t>(d.tokens),
         d.cols, d.y.data(), static_cast<size_t>(d.rows));
    benchmark::DoNotOptimize(d.y.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, d);
}

void BM_matmul(benchmark::State& state, GgmlType t) {
  static ThreadPool one(1), two(2);
  ThreadPool& pool = state.range(0) == 1 ? one : two;
  Data& d = const_cast<Data&>(data(t, 4864, 512));
  WeightMatrix w;
  w.type = t;
  w.data = d.w.data();
  w.cols = static_cast<uint64_t>(d.cols);
  w.rows = static_cast<uint64_t>(d.rows);
  w.row_bytes = d.w_row;
  model_detail::Matmul mm;
  const std::vector<model_detail::MatmulJob> jobs{{&w, d.y.data()}};
  for (auto _ : state) {
    mm.run(pool, d.x.data(), static_cast<size_t>(d.tokens), static_cast<size_t>(d.cols), jobs);
    benchmark::DoNotOptimize(d.y.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, d);
}

#define HAVEN_GEMM_BENCH(name, type)                                   \
  BENCHMARK_CAPTURE(BM_dots, name, type)->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(BM_gemm, name, type)->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(BM_matmul, name, type)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)

HAVEN_GEMM_BENCH(q4_0, GgmlType::kQ4_0);
HAVEN_GEMM_BENCH(q5_0, GgmlType::kQ5_0);
HAVEN_GEMM_BENCH(q8_0, GgmlType::kQ8_0);
HAVEN_GEMM_BENCH(q4_K, GgmlType::kQ4_K);
HAVEN_GEMM_BENCH(q6_K, GgmlType::kQ6_K);

}  // namespace
}  // namespace haven::engine

BENCHMARK_MAIN();
