// Checks the dequantizers against blocks written by llama.cpp's own quantizer: every tensor of the
// quantized tiny-qwen2 files must dequantize to close to the F32 weights it was made from. A wrong
// block layout gives uncorrelated values (relative error near 1.4), far above these bounds.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

#include "engine/gguf/gguf_reader.h"
#include "engine/tensor/kernels.h"
#include "support/process.h"

namespace haven::engine {
namespace {

double max_relative_rms(GgmlType t) {
  switch (t) {
    case GgmlType::kQ8_0: return 0.01;
    case GgmlType::kQ6_K: return 0.03;
    case GgmlType::kQ5_0: case GgmlType::kQ5_K: return 0.06;
    case GgmlType::kQ4_0: case GgmlType::kQ4_K: return 0.13;
    case GgmlType::kF16: return 0.001;
    default: return 0.0;
  }
}

TEST(RealFilesTest, LlamaQuantizeBlocksDequantizeToTheF32Weights) {
  const std::string dir = test::testdata_dir() + "/models/";
  auto ref = GgufFile::open(dir + "tiny-qwen2-f32.gguf");
  ASSERT_TRUE(ref.is_ok()) << ref.status().message();
  std::map<GgmlType, int> seen;
  for (const char* name : {"tiny-qwen2-f16.gguf", "tiny-qwen2-q8_0.gguf", "tiny-qwen2-q4_0.gguf",
                           "tiny-qwen2-q4_k_m.gguf", "tiny-qwen2-q6_k.gguf"}) {
    auto f = GgufFile::open(dir + name);
    ASSERT_TRUE(f.is_ok()) << name << ": " << f.status().message();
    for (const GgufTensorInfo& t : (*f)->tensors()) {
      const GgufTensorInfo* r = (*ref)->find_tensor(t.name);
      ASSERT_NE(r, nullptr) << t.name;
      ASSERT_EQ(r->dims, t.dims) << t.name;
      if (t.type == GgmlType::kF32) continue;
      ASSERT_TRUE(ggml_traits(t.type).computable) << name << " " << t.name;
      const int64_t n = static_cast<int64_t>(t.n_elements);
      std::vector<float> got(n);
      kernels(t.type).dequantize(t.data, got.data(), n);
      const float* want = reinterpret_cast<const float*>(r->data);
      double err = 0, mag = 0;
      for (int64_t i = 0; i < n; ++i) {
        err += (got[i] - want[i]) * static_cast<double>(got[i] - want[i]);
        mag += static_cast<double>(want[i]) * want[i];
      }
      const double rel = std::sqrt(err / mag);
      EXPECT_LT(rel, max_relative_rms(t.type)) << name << " " << t.name << " " << ggml_type_name(t.type);
      ++seen[t.type];
    }
  }
  // The files cover the types llama.cpp picks for these presets.
  for (GgmlType t : {GgmlType::kF16, GgmlType::kQ8_0, GgmlType::kQ4_0, GgmlType::kQ4_K, GgmlType::kQ6_K}) {
    EXPECT_GT(seen[t], 0) << ggml_type_name(t);
  }
}

}  // namespace
}  // namespace haven::engine
