// Matrix-vector products over each weight type, in GB/s of weights read (the figure that limits
// token generation), with 1 and 2 threads, beside a plain read of the same number of bytes. Each
// matrix is 64 MiB, far beyond the caches, so the figures are memory-bound the way decoding is.
// matvec_cached/<type> runs one thread over a 192 KiB matrix that stays in L2: the kernel's own speed,
// timed in CPU time so that a busy shared machine does not blur it. Where it is not well above the
// memory-bound figure, the kernel (not memory) limits decoding.
//
//   haven_engine_bench                         every kernel, the dispatching (AVX2 when present) path
//   haven_engine_bench --benchmark_filter=q4_K  one type
//   HAVEN_KERNELS=scalar haven_engine_bench    the scalar path
#include <benchmark/benchmark.h>

#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "core/thread_pool.h"
#include "engine/tensor/kernels.h"
#include "engine/tensor/random_blocks.h"

namespace haven::engine {
namespace {

constexpr int64_t kCols = 4096;
constexpr uint64_t kTargetBytes = 64ull << 20;

struct Matrix {
  std::vector<uint8_t> w;
  int64_t rows = 0;
};

constexpr uint64_t kCachedBytes = 192ull << 10;

const Matrix& matrix(GgmlType t, uint64_t target_bytes = kTargetBytes) {
  static std::map<std::pair<GgmlType, uint64_t>, std::unique_ptr<Matrix>> cache;
  auto& m = cache[{t, target_bytes}];
  if (!m) {
    m = std::make_unique<Matrix>();
    const uint64_t row = *ggml_row_size(t, kCols);
    m->rows = static_cast<int64_t>(target_bytes / row);
    m->w.resize(row * static_cast<uint64_t>(m->rows));
    Rng rng(1);
    fill_random(t, m->w.data(), m->rows * kCols, 0.05f, rng);
  }
  return *m;
}

ThreadPool& pool(int threads) {
  static ThreadPool one(1), two(2);
  return threads == 1 ? one : two;
}

// Times matrix m times one random activation row; pool may be null (one thread).
void run_matvec(benchmark::State& state, GgmlType t, const Matrix& m, ThreadPool* pool) {
  std::vector<float> x(kCols), y(static_cast<size_t>(m.rows));
  Rng rng(2);
  for (auto& v : x) v = rng.normal();
  std::vector<uint8_t> xq;
  quantize_row(activation_type(t), x.data(), kCols, xq);
  for (auto _ : state) {
    matvec_quantized(t, m.w.data(), m.rows, kCols, xq.data(), y.data(), pool, active_isa());
    benchmark::DoNotOptimize(y.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(m.w.size()));
  state.SetLabel(std::string(isa_name(active_isa())) + ", " + std::to_string(m.rows) + "x" + std::to_string(kCols));
}

void BM_matvec(benchmark::State& state, GgmlType t) {
  run_matvec(state, t, matrix(t), &pool(static_cast<int>(state.range(0))));
}

void BM_matvec_cached(benchmark::State& state, GgmlType t) { run_matvec(state, t, matrix(t, kCachedBytes), nullptr); }

// The memory system's own limit in this process: summing 64 MiB as 64-bit integers (which the compiler
// may vectorize, unlike float sums), split across the threads like matvec.
void BM_read_bandwidth(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  static std::vector<uint64_t> data(kTargetBytes / 8, 1);
  std::vector<uint64_t> partial(2);
  for (auto _ : state) {
    pool(threads).parallel_for(data.size() / 4096, [&](size_t b, size_t e, int ti) {
      uint64_t s = 0;
      const uint64_t* p = data.data();
      for (size_t i = b * 4096; i < e * 4096; ++i) s += p[i];
      partial[static_cast<size_t>(ti)] += s;  // a thread may run several chunks
    });
    benchmark::DoNotOptimize(partial.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kTargetBytes));
}

const GgmlType kTypes[] = {GgmlType::kF32,  GgmlType::kF16,  GgmlType::kBF16, GgmlType::kQ8_0,
                           GgmlType::kQ4_0, GgmlType::kQ4_1, GgmlType::kQ5_0, GgmlType::kQ5_1,
                           GgmlType::kQ4_K, GgmlType::kQ5_K, GgmlType::kQ6_K};

int register_all() {
  benchmark::RegisterBenchmark("read_bandwidth", BM_read_bandwidth)->Arg(1)->Arg(2)->UseRealTime();
  for (GgmlType t : kTypes) {
    benchmark::RegisterBenchmark(("matvec/" + ggml_type_name(t)).c_str(), BM_matvec, t)
        ->Arg(1)
        ->Arg(2)
        ->ArgName("threads")
        ->UseRealTime();
  }
  for (GgmlType t : kTypes) {
    benchmark::RegisterBenchmark(("matvec_cached/" + ggml_type_name(t)).c_str(), BM_matvec_cached, t);
  }
  return 0;
}

const int kRegistered = register_all();

}  // namespace
}  // namespace haven::engine

BENCHMARK_MAIN();
