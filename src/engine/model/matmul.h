// Matrix products of memory-mapped weights with a batch of activation rows, split across a ThreadPool.
//
// y[t][r] = dot(weight row r, x[t]) for every token t of the batch. The activations are first converted
// to the type the weight type is multiplied with (row_ops.h), once per product, as llama.cpp does.
// Batches of two or more tokens go through the batched kernels of engine/tensor/gemm.h where the weight
// type has one (each weight block unpacked once for several tokens); single tokens through the dot
// products. Several products that read the same input (Q, K and V; gate and up) run in one parallel loop, so the
// threads meet once instead of three times.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/thread_pool.h"
#include "engine/model/model.h"

namespace haven::engine::model_detail {

struct MatmulJob {
  const WeightMatrix* w = nullptr;  // borrowed
  float* y = nullptr;               // borrowed: n_tokens x w->rows floats, row-major
};

class Matmul {
 public:
  // x: n_tokens rows of `cols` floats; every job's weight has that many columns.
  // pool is borrowed; scratch buffers are kept between calls.
  void run(ThreadPool& pool, const float* x, size_t n_tokens, size_t cols, const std::vector<MatmulJob>& jobs);

 private:
  std::vector<uint8_t> act_[4];  // activation rows per distinct activation type
};

}  // namespace haven::engine::model_detail
