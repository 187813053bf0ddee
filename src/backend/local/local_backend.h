// The embedded engine as a Backend: a GGUF file on this computer, run in this process.
//
// Nothing leaves the process. The chat format comes from the model's chat template or special tokens
// (engine/chat), with a warning in describe() when only the plain fallback fits. Message text is never
// scanned for special tokens: a user who types "<|im_start|>" gets those characters, not a control token.
// Between turns the KV cache of the prefix shared with the previous request is kept, so a new turn only
// processes its new tokens.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "backend/backend.h"
#include "core/status.h"

namespace haven::backend {

struct LocalOptions {
  std::string model_path;
  uint32_t context_tokens = 4096;  // 0: the model's own context length
  int threads = 0;                 // 0: the machine's cores, at most 8
  std::string chat_format;         // empty: detect; otherwise a name engine/chat accepts
  bool kv_f16 = true;
  // Keep the KV state of the prefix shared with the previous request (the default). False runs every
  // prompt from its first token, as a fresh backend would: for measuring what the reuse saves.
  bool reuse_prefix = true;
  // Called once per request, after its prompt was processed and before the first token is sampled
  // (not called when tokenizing or processing fails). For benchmarks and tests; may be empty.
  struct PromptStats {
    int64_t prompt_tokens = 0;     // the whole rendered prompt
    int64_t processed_tokens = 0;  // those run through the model; the rest came from the cache
  };
  std::function<void(const PromptStats&)> on_prompt;
};

// Loads the model. kNotFound / kCorruption / kUnsupported as the GGUF reader and model loader report
// them, naming the file. Nothing is kept on failure.
Result<std::unique_ptr<Backend>> make_local_backend(const LocalOptions& options);

}  // namespace haven::backend
