// What `haven model info` says about a GGUF file: architecture, shape, parameter count, tensor types,
// tokenizer and chat template. Works on models and on vocabulary-only files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/gguf/gguf_reader.h"

namespace haven::engine {

struct TypeCount {
  std::string type;     // "q4_K"
  uint64_t tensors = 0;
  uint64_t bytes = 0;
};

struct ModelSummary {
  uint32_t version = 0;
  uint64_t file_size = 0;
  std::string architecture;
  std::string name;                       // general.name, may be empty
  std::optional<uint32_t> file_type;      // general.file_type
  uint64_t parameters = 0;                // elements of all tensors
  uint64_t tensor_count = 0;
  uint64_t tensor_bytes = 0;
  std::vector<TypeCount> types;           // most tensors first
  std::optional<uint64_t> context_length, embedding_length, block_count, head_count, head_count_kv,
      feed_forward_length;
  uint64_t vocab_size = 0;                // tokens in tokenizer.ggml.tokens (0: none)
  std::string tokenizer_model, tokenizer_pre;
  bool has_chat_template = false;
  bool runnable = false;                  // a llama/qwen2 model whose tensors the engine computes with
  std::string not_runnable_reason;        // why not, when it has tensors but is not runnable
};

// Describes a file. For files with tensors: kUnsupported when the architecture is not llama or qwen2,
// kCorruption when a llama/qwen2 tensor is missing or has the wrong shape (the message names it).
// Vocabulary-only files are described whatever their architecture.
Result<ModelSummary> summarize_model(const GgufFile& file);

// llama.cpp's name of a general.file_type number ("Q4_K_M"), or "type N".
std::string llama_file_type_name(uint32_t file_type);

}  // namespace haven::engine
