// load_vocab: a Vocab (vocab.h) from a GGUF file's `tokenizer.*` metadata, the way llama.cpp reads it.
//
// Keys read: tokenizer.ggml.model (required), .pre, .tokens (required), .scores (f32 or i32), .token_type,
// .merges (required for gpt2), .bos/.eos/.eot/.eom/.unknown/.padding_token_id, .add_bos_token,
// .add_eos_token, .add_space_prefix, and general.name. Keys left out keep llama.cpp's defaults for the
// tokenizer model. A special id beyond the vocabulary is ignored with a warning (llama.cpp does the same);
// nothing from the file's strings is logged.
#pragma once

#include "core/status.h"
#include "engine/gguf/gguf_reader.h"
#include "engine/tokenizer/vocab.h"

namespace haven::engine {

// Errors (the file is not changed; nothing is returned):
//   kNotFound         tokenizer.ggml.model or tokenizer.ggml.tokens is missing, or merges for gpt2
//   kInvalidArgument  a key holds a value of the wrong type, or an array has fewer entries than tokens
//   kUnsupported      a tokenizer model or pre-tokenizer Haven does not implement
Result<Vocab> load_vocab(const GgufFile& file);

}  // namespace haven::engine
