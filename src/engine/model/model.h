// Model: a llama-family transformer loaded from a GGUF file, with every weight checked and left in the
// file's memory mapping.
//
// Architectures: "llama" (Llama 2, Llama 3.x, Mistral, TinyLlama), "qwen2" (Qwen2, Qwen2.5) and "qwen3"
// (Qwen3: per-head RMSNorm of Q and K, no QKV bias). A Model is immutable after load() and may be shared
// by several Sessions (session.h) at once, on any threads.
//
// Return codes of load()/from_file():
//   kNotFound, kIoError, kCorruption, kUnsupported   from opening the GGUF file (gguf_reader.h)
//   kUnsupported   general.architecture is not one of the above, or a weight uses a tensor type the
//                  engine cannot multiply ("tensor blk.0.attn_q.weight: type iq2_xs is not supported")
//   kCorruption    a hyperparameter is missing or impossible ("llama.attention.head_count: expected a
//                  divisor of 2048, found 30"), or a tensor is missing or has the wrong shape
//                  ("tensor blk.3.attn_q.weight: expected 896x896, found 896x128")
// Nothing remains after a failure (the file is unmapped).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/gguf/gguf_reader.h"
#include "engine/tensor/ggml_type.h"

namespace haven::engine {

enum class ModelArch { kLlama, kQwen2, kQwen3 };

// How RoPE pairs the dimensions of a head: adjacent pairs (llama) or the two halves (NEOX: qwen2/qwen3).
enum class RopeStyle { kNormal, kNeox };

const char* model_arch_name(ModelArch arch);

// Hyperparameters, read from the `{arch}.*` metadata keys.
struct ModelConfig {
  ModelArch arch = ModelArch::kLlama;
  uint32_t n_vocab = 0;      // rows of token_embd.weight
  uint32_t n_embd = 0;       // {arch}.embedding_length
  uint32_t n_layer = 0;      // {arch}.block_count
  uint32_t n_head = 0;       // {arch}.attention.head_count
  uint32_t n_head_kv = 0;    // {arch}.attention.head_count_kv (default n_head)
  uint32_t head_dim = 0;     // {arch}.attention.key_length (default n_embd / n_head)
  uint32_t n_ff = 0;         // {arch}.feed_forward_length
  uint32_t n_ctx_train = 0;  // {arch}.context_length
  uint32_t rope_dim = 0;     // {arch}.rope.dimension_count (default head_dim)
  float rope_freq_base = 10000.0f;  // {arch}.rope.freq_base
  float rms_eps = 1e-5f;            // {arch}.attention.layer_norm_rms_epsilon
  RopeStyle rope_style = RopeStyle::kNormal;
  bool has_qkv_bias = false;   // qwen2
  bool has_qk_norm = false;    // qwen3
  bool tied_output = false;    // no output.weight: the output projection reuses token_embd.weight

  uint32_t q_dim() const { return n_head * head_dim; }
  uint32_t kv_dim() const { return n_head_kv * head_dim; }
};

// A borrowed view of a 2-D weight in the mapping: rows of `cols` elements, each row_bytes long.
struct WeightMatrix {
  GgmlType type = GgmlType::kF32;
  const uint8_t* data = nullptr;  // borrowed from the Model's GgufFile
  uint64_t cols = 0;              // elements per row (ggml dims[0])
  uint64_t rows = 0;              // ggml dims[1]
  uint64_t row_bytes = 0;
  const uint8_t* row(uint64_t r) const { return data + r * row_bytes; }
};

struct LayerWeights {
  std::vector<float> attn_norm;  // 1-D weights are small: kept as F32 copies
  std::vector<float> ffn_norm;
  std::vector<float> bq, bk, bv;           // empty without QKV bias
  std::vector<float> q_norm, k_norm;       // qwen3 only (head_dim each)
  WeightMatrix wq, wk, wv, wo;
  WeightMatrix w_gate, w_up, w_down;
};

class Model {
 public:
  static Result<std::unique_ptr<Model>> load(const std::string& path);
  static Result<std::unique_ptr<Model>> from_file(std::unique_ptr<GgufFile> file);

  const ModelConfig& config() const { return config_; }
  const GgufFile& file() const { return *file_; }
  const WeightMatrix& token_embd() const { return token_embd_; }
  const WeightMatrix& output() const { return output_; }  // token_embd when tied
  const std::vector<float>& output_norm() const { return output_norm_; }
  const std::vector<float>& rope_freqs() const { return rope_freqs_; }  // empty, or rope_dim / 2 factors
  const LayerWeights& layer(uint32_t i) const { return layers_[i]; }
  // Bytes of all weight tensors in the file.
  uint64_t weight_bytes() const;

 private:
  Model() = default;
  Status bind();

  std::unique_ptr<GgufFile> file_;
  ModelConfig config_;
  WeightMatrix token_embd_, output_;
  std::vector<float> output_norm_;
  std::vector<float> rope_freqs_;
  std::vector<LayerWeights> layers_;
};

// Reads the hyperparameters of a supported architecture (without looking at tensors other than
// token_embd.weight for the vocabulary size). Codes as for Model::load.
Result<ModelConfig> read_model_config(const GgufFile& file);

}  // namespace haven::engine
