// Vocab: everything a tokenizer needs to know about a model's vocabulary, as plain data.
//
// A Vocab is filled either by load_vocab() (vocab_loader.h) from a GGUF file's `tokenizer.*` metadata or
// by hand (tests). It is only a description: Tokenizer::create() (tokenizer.h) checks it and builds the
// lookup tables. The defaults here and in vocab_defaults_for() follow llama.cpp's llama-vocab.cpp, so a
// file that leaves a key out behaves as it does under llama.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace haven::engine {

using TokenId = int32_t;
inline constexpr TokenId kNoToken = -1;

// Token types as stored in `tokenizer.ggml.token_type` (numbering of llama.cpp's llama_token_type).
enum class TokenType : int32_t {
  kUndefined = 0,
  kNormal = 1,
  kUnknown = 2,
  kControl = 3,
  kUserDefined = 4,
  kUnused = 5,
  kByte = 6,
};

// Attribute bits derived from the type plus per-model rules (same bit values as llama_token_attr).
namespace token_attr {
inline constexpr uint32_t kUndefined = 0;
inline constexpr uint32_t kUnknown = 1u << 0;
inline constexpr uint32_t kUnused = 1u << 1;
inline constexpr uint32_t kNormal = 1u << 2;
inline constexpr uint32_t kControl = 1u << 3;
inline constexpr uint32_t kUserDefined = 1u << 4;
inline constexpr uint32_t kByte = 1u << 5;
inline constexpr uint32_t kLstrip = 1u << 7;  // swallow ASCII whitespace before the token when splitting
inline constexpr uint32_t kRstrip = 1u << 8;  // swallow ASCII whitespace after it
}  // namespace token_attr

// `tokenizer.ggml.model`: which algorithm turns text into ids.
enum class VocabModel {
  kSpm,  // "llama": SentencePiece-style score-driven merges with byte fallback (Llama 2, Mistral, Phi-3)
  kBpe,  // "gpt2": byte-level BPE with ranked merges and a regex pre-tokenizer (GPT-2, Llama 3, Qwen2)
};

// The regex rules that split text into words before byte-level BPE (`tokenizer.ggml.pre`).
enum class PreTokenizer {
  kNone,     // SPM vocabularies: no regex split
  kDefault,  // llama.cpp's fallback for BPE files without a known pre-tokenizer (four chained regexes)
  kGpt2,     // GPT-2: 's|'t|... | ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)
  kLlama3,   // Llama 3 / tiktoken cl100k: digits in groups of up to three
  kQwen2,    // Qwen2/2.5: as Llama 3 but single digits
};

const char* vocab_model_name(VocabModel model);
const char* pre_tokenizer_name(PreTokenizer pre);

struct Vocab {
  VocabModel model = VocabModel::kSpm;
  PreTokenizer pre = PreTokenizer::kNone;

  std::vector<std::string> tokens;  // id -> text (SPM: spaces as U+2581; BPE: bytes mapped to code points)
  std::vector<float> scores;        // empty, or one per token (SPM merge priority: higher merges first)
  std::vector<TokenType> types;     // empty (all normal), or one per token
  std::vector<std::string> merges;  // BPE only: "left right", earlier lines merge first

  TokenId bos = kNoToken;
  TokenId eos = kNoToken;
  TokenId eot = kNoToken;  // end of turn; kNoToken lets Tokenizer::create() find it by its text
  TokenId eom = kNoToken;  // end of message (Llama 3.1 tool calls); found by text when kNoToken
  TokenId unk = kNoToken;
  TokenId pad = kNoToken;

  bool add_bos = false;           // prepend bos when encoding with add_special
  bool add_eos = false;           // append eos when encoding with add_special
  bool add_space_prefix = false;  // SPM: a space before text that starts the input or follows a special token
  bool ignore_merges = false;     // BPE (Llama 3): a word that is itself a token is emitted whole

  // `general.name`, lowercased by the loader. Only used for llama.cpp's per-model token attributes
  // (Phi-3's special tokens swallow the whitespace after them).
  std::string model_name;
};

// The defaults llama.cpp applies for a `tokenizer.ggml.model` value before reading the other keys:
// special ids, add_bos/add_eos, add_space_prefix.
// kUnsupported when the model is not "llama" or "gpt2" ("expected ..., found ...").
Result<Vocab> vocab_defaults_for(std::string_view tokenizer_model);

// Sets pre (and ignore_merges and add_bos as llama.cpp does for that name) from a `tokenizer.ggml.pre`
// value. Only meaningful for BPE vocabularies; an empty name selects kDefault.
// kUnsupported for a name whose rules Haven does not implement; vocab is unchanged then.
Status apply_pre_tokenizer_name(Vocab& vocab, std::string_view name);

}  // namespace haven::engine
