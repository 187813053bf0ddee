// Loading: every weight's type and shape is checked, and a bad file gives one precise message.
// The bad files are the shared tiny model rewritten with one thing changed (GgufWriter).
#include <gtest/gtest.h>

#include <functional>

#include "engine/gguf/gguf_reader.h"
#include "engine/gguf/gguf_writer.h"
#include "engine/model/model.h"
#include "support/process.h"

namespace haven::engine {
namespace {

struct Edit {
  std::string skip_tensor;           // leave this tensor out
  std::string reshape_tensor;        // give this tensor new dims (same type, data borrowed)
  std::vector<uint64_t> new_dims;
  std::string retype_tensor;         // write this tensor as another type (zero bytes of the right size)
  GgmlType new_type = GgmlType::kF32;
  std::function<void(GgufWriter&)> metadata;  // change metadata after copying
};

Result<std::unique_ptr<Model>> load_edited(const std::string& name, const Edit& e) {
  auto file = GgufFile::open(test::testdata_dir() + "/models/" + name + ".gguf");
  EXPECT_TRUE(file.is_ok());
  GgufWriter w;
  for (const auto& entry : (*file)->metadata()) w.copy_entry(entry);
  if (e.metadata) e.metadata(w);
  for (const auto& t : (*file)->tensors()) {
    if (t.name == e.skip_tensor) continue;
    if (t.name == e.reshape_tensor) {
      EXPECT_TRUE(w.add_tensor(t.name, e.new_dims, t.type, t.data).is_ok());
    } else if (t.name == e.retype_tensor) {
      uint64_t bytes = *ggml_row_size(e.new_type, t.dims[0]);
      for (size_t i = 1; i < t.dims.size(); ++i) bytes *= t.dims[i];
      EXPECT_TRUE(w.add_tensor(t.name, t.dims, e.new_type, std::vector<uint8_t>(bytes, 0)).is_ok());
    } else {
      EXPECT_TRUE(w.add_tensor(t.name, t.dims, t.type, t.data).is_ok());
    }
  }
  auto parsed = GgufFile::parse(w.serialize());
  EXPECT_TRUE(parsed.is_ok()) << parsed.status().message();
  if (!parsed.is_ok()) return parsed.status();
  return Model::from_file(std::move(parsed).value());
}

void expect_error(const Result<std::unique_ptr<Model>>& r, StatusCode code, const std::string& message) {
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), code) << r.status().message();
  EXPECT_EQ(r.status().message(), message);
}

TEST(ModelLoadTest, UnchangedRewriteLoads) {
  auto r = load_edited("tiny-qwen2-f32", {});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ((*r)->config().n_layer, 2u);
}

TEST(ModelLoadTest, WrongShapeNamesTheTensorAndBothShapes) {
  Edit e;
  e.reshape_tensor = "blk.1.attn_q.weight";
  e.new_dims = {256, 128};
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "tensor blk.1.attn_q.weight: expected 256x256, found 256x128");
  e.reshape_tensor = "blk.0.attn_k.bias";
  e.new_dims = {64};
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "tensor blk.0.attn_k.bias: expected 128, found 64");
}

TEST(ModelLoadTest, MissingTensorIsNamed) {
  Edit e;
  e.skip_tensor = "blk.0.ffn_up.weight";
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "tensor blk.0.ffn_up.weight: expected 256x512, found no such tensor");
  // qwen2 needs its Q/K/V biases.
  e.skip_tensor = "blk.1.attn_v.bias";
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "tensor blk.1.attn_v.bias: expected 128, found no such tensor");
}

TEST(ModelLoadTest, MissingOutputMeansTiedEmbeddings) {
  Edit e;
  e.skip_tensor = "output.weight";
  auto r = load_edited("tiny-qwen2-f32", e);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_TRUE((*r)->config().tied_output);
  EXPECT_EQ((*r)->output().data, (*r)->token_embd().data);
}

TEST(ModelLoadTest, UncomputableTypeIsUnsupported) {
  Edit e;
  e.retype_tensor = "blk.0.ffn_gate.weight";
  e.new_type = GgmlType::kIQ2_XS;
  auto r = load_edited("tiny-qwen2-f32", e);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(r.status().message().find("tensor blk.0.ffn_gate.weight: type iq2_xs is not supported"),
            std::string::npos)
      << r.status().message();
}

TEST(ModelLoadTest, BadHyperparametersSayWhatWasExpected) {
  Edit e;
  e.metadata = [](GgufWriter& w) { w.set_string("general.architecture", "gpt2"); };
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kUnsupported,
               "general.architecture: expected llama, qwen2 or qwen3, found 'gpt2'");
  e.metadata = [](GgufWriter& w) { w.set_u32("qwen2.attention.head_count_kv", 3); };
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "qwen2.attention.head_count_kv: expected a divisor of 4, found 3");
  e.metadata = [](GgufWriter& w) { w.remove("qwen2.embedding_length"); };
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "qwen2.embedding_length: expected a value, found none");
  e.metadata = [](GgufWriter& w) { w.set_u32("qwen2.feed_forward_length", 256); };
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "tensor blk.0.ffn_gate.weight: expected 256x256, found 256x512");
  e.metadata = [](GgufWriter& w) { w.set_u32("qwen2.embedding_length", 128); };
  expect_error(load_edited("tiny-qwen2-f32", e), StatusCode::kCorruption,
               "tensor token_embd.weight: expected 128xN_VOCAB, found 256x421");
  e.metadata = [](GgufWriter& w) { w.set_string("qwen2.block_count", "two"); };
  auto r = load_edited("tiny-qwen2-f32", e);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("qwen2.block_count"), std::string::npos) << r.status().message();
}

TEST(ModelLoadTest, RopeFreqsMustHaveHalfTheRopeDimension) {
  // A llama file with rope_freqs.weight of the wrong length (Llama 3.1+ carry rope_dim / 2 factors).
  auto file = GgufFile::open(test::testdata_dir() + "/models/tiny-llama-spm-f32.gguf");
  ASSERT_TRUE(file.is_ok());
  GgufWriter w;
  ASSERT_TRUE(w.copy_from(**file).is_ok());
  std::vector<float> factors(5, 1.0f);
  ASSERT_TRUE(w.add_tensor("rope_freqs.weight", {5}, GgmlType::kF32, factors.data()).is_ok());
  auto parsed = GgufFile::parse(w.serialize());
  ASSERT_TRUE(parsed.is_ok());
  expect_error(Model::from_file(std::move(parsed).value()), StatusCode::kCorruption,
               "tensor rope_freqs.weight: expected 8, found 5");
}

TEST(ModelLoadTest, MissingFileKeepsThePathInTheMessage) {
  auto r = Model::load("/nonexistent/dir/model.gguf");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/dir/model.gguf"), std::string::npos);
}

}  // namespace
}  // namespace haven::engine
