// SpmEncoder: SentencePiece-style encoding as llama.cpp runs it (llm_tokenizer_spm_session).
//
// The text (spaces already written as U+2581 "▁") starts as one symbol per UTF-8 character; the adjacent
// pair whose concatenation is the vocabulary token with the highest score is merged again and again
// (ties: the leftmost pair). A final symbol that is not a token falls back to its bytes as <0xXX>
// tokens, or to the unknown token when the vocabulary has no byte tokens.
//
// Unlike llama.cpp, pairs never merge into control or unknown tokens (such as </s>), so a person's text
// can never become an end-of-sequence token; llama.cpp's test vectors are unaffected.
//
// Internal to the tokenizer (tokenizer.h is the public interface). Immutable after create(); safe to use
// from several threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "engine/tokenizer/token_map.h"
#include "engine/tokenizer/vocab.h"

namespace haven::engine {

class SpmEncoder {
 public:
  // tokens, scores and attrs are borrowed: they must outlive the encoder at the same addresses.
  static std::unique_ptr<SpmEncoder> create(const Vocab& vocab, const TokenMap& tokens,
                                            const std::vector<float>& scores, const std::vector<uint32_t>& attrs);

  // Appends the ids of escaped_text to out. kFailedPrecondition when a byte has to fall back and the
  // vocabulary has neither its <0xXX> token nor an unknown token; out keeps what it held before then.
  Status encode(std::string_view escaped_text, std::vector<TokenId>& out) const;

 private:
  SpmEncoder() = default;

  const TokenMap* tokens_ = nullptr;
  const std::vector<float>* scores_ = nullptr;
  const std::vector<uint32_t>* attrs_ = nullptr;
  std::array<TokenId, 256> byte_tokens_{};
  TokenId unk_ = kNoToken;
};

}  // namespace haven::engine
