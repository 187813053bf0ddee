// The tensor layout of the decoder-only architectures Haven runs (llama and qwen2 in GGUF naming):
// hyperparameters from metadata, and the name and shape of every tensor they imply. The model maker
// writes exactly these tensors; `haven model info` and the model loader check files against them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/gguf/gguf_reader.h"

namespace haven::engine {

enum class Arch { kLlama, kQwen2 };

// "llama", "qwen2"
const char* arch_name(Arch arch);
// kUnsupported for any other architecture name: "unsupported architecture 'x' (Haven runs llama and qwen2)".
Result<Arch> parse_arch(std::string_view name);

struct LlamaHparams {
  Arch arch = Arch::kLlama;
  uint32_t n_vocab = 0;
  uint32_t n_embd = 0;
  uint32_t n_layer = 0;
  uint32_t n_head = 0;
  uint32_t n_head_kv = 0;
  uint32_t n_ff = 0;
  uint32_t n_ctx_train = 0;
  uint32_t head_dim = 0;       // n_embd / n_head unless <arch>.attention.key_length says otherwise
  float rope_freq_base = 10000.0f;
  float rms_norm_eps = 1e-5f;
  bool tied_embeddings = true;   // no output.weight: the output projection reuses token_embd
  bool rope_freqs = false;       // llama3-style rope_freqs.weight (head_dim / 2 factors)
  bool qkv_bias = false;         // q/k/v biases (qwen2)
};

// Reads the hyperparameters of a llama/qwen2 file. kUnsupported for other architectures;
// kCorruption when a required key is missing or inconsistent (heads not dividing the width, ...).
// n_vocab comes from tokenizer.ggml.tokens, or from token_embd.weight when there is no tokenizer.
Result<LlamaHparams> read_llama_hparams(const GgufFile& file);
// kInvalidArgument when the numbers do not describe a valid model (zero sizes, heads not dividing).
Status validate_hparams(const LlamaHparams& hp);

struct TensorSpec {
  std::string name;
  std::vector<uint64_t> dims;  // ggml order
  enum class Role {
    kTokenEmbd, kOutput, kNorm, kBias, kRopeFreqs,
    kAttnQ, kAttnK, kAttnV, kAttnOutput, kFfnGate, kFfnUp, kFfnDown
  } role;
  int layer = -1;  // -1 for tensors outside the blocks
  bool required = true;
};

// Every tensor a model with these hyperparameters has, in the order llama.cpp's converters write them.
std::vector<TensorSpec> llama_tensor_specs(const LlamaHparams& hp);

// Checks that every required tensor is present with its expected shape:
// "tensor 'blk.3.attn_q.weight': expected 896x896, found 896x128"; kCorruption on mismatch.
Status check_llama_tensors(const GgufFile& file, const LlamaHparams& hp);

}  // namespace haven::engine
