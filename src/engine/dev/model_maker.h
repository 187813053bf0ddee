// The model maker behind `haven dev make-model`: writes a GGUF model with random weights, deterministic
// from a seed, with the exact tensor names, shapes and per-tensor types llama.cpp would give a real
// model of that shape and file type. Speed comparisons with llama.cpp hold because every kernel does
// the same work whatever the weight values; the text such a model writes is noise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "engine/gguf/llama_layout.h"
#include "engine/tensor/ggml_type.h"

namespace haven::engine {

// llama.cpp's file types (general.file_type), those the maker writes.
enum class FileType : uint32_t {
  kF32 = 0,
  kF16 = 1,
  kQ4_0 = 2,
  kQ8_0 = 7,
  kQ4_K_M = 15,
  kQ5_K_M = 17,
  kQ6_K = 18,
};

// "f32", "f16", "q8_0", "q4_0", "q4_k_m", "q5_k_m", "q6_k" (case-insensitive); kInvalidArgument otherwise.
Result<FileType> parse_file_type(std::string_view name);
const char* file_type_name(FileType type);

// The type llama.cpp's quantizer (llama_tensor_get_type in llama-quant.cpp) gives this tensor: 1-D
// tensors stay F32; the output projection (token_embd when tied) gets Q6_K, or Q8_0 when its rows are
// not a multiple of 256; with Q4_K_M/Q5_K_M, attn_v and ffn_down of the layers use_more_bits() picks
// get Q6_K; K-quants fall back (Q4_K->Q5_0, Q5_K->Q5_1, Q6_K->Q8_0) for rows that are not a multiple
// of 256; anything else whose rows are not a whole number of blocks falls back to F16.
GgmlType llama_cpp_tensor_type(FileType file_type, const TensorSpec& spec, const LlamaHparams& hp);

// Shapes: "qwen2.5-0.5b", "llama3.2-1b", "tiny" (256 wide, 2 layers, for tests). kInvalidArgument for
// other names.
Result<LlamaHparams> model_preset(std::string_view name);

struct MakeModelOptions {
  LlamaHparams hp;             // n_vocab is replaced by the vocabulary's size when vocab_path is set
  FileType file_type = FileType::kF16;
  uint64_t seed = 1;
  std::string vocab_path;      // a GGUF whose tokenizer.* keys are copied; empty: a small made-up one
  std::string name;            // general.name; empty: made from the shape
  std::string out_path;
};

struct MadeModel {
  uint64_t file_size = 0;
  uint64_t parameters = 0;
  uint32_t n_vocab = 0;
};

// Writes the model. kInvalidArgument for inconsistent shapes; the vocabulary file's errors as the
// reader gives them (with its path); kIoError when the output cannot be written (nothing is left at
// out_path then).
Result<MadeModel> make_model(const MakeModelOptions& options);

}  // namespace haven::engine
