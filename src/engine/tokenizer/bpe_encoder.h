// BpeEncoder: byte-level BPE as llama.cpp runs it (llm_tokenizer_bpe_session).
//
// Each regex piece of the text is mapped byte by byte to its code points (byte_unicode.h); then, starting
// from one symbol per byte, the adjacent pair with the lowest merge rank is merged again and again (ties:
// the leftmost pair) until no listed merge applies. Each final symbol is emitted as its token.
// Unlike llama.cpp, merges that would produce a control or unknown token are ignored, and neither does
// Llama 3's whole-word rule emit one, so plain text never yields such tokens (no real vocabulary has
// such merges; llama.cpp's test vectors are unaffected).
//
// Internal to the tokenizer (tokenizer.h is the public interface). Immutable after create(); safe to use
// from several threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "engine/tokenizer/pre_tokenizer.h"
#include "engine/tokenizer/token_map.h"
#include "engine/tokenizer/vocab.h"

namespace haven::engine {

class BpeEncoder {
 public:
  // tokens: the vocabulary's text -> id map; it must outlive the encoder and stay at the same address.
  // attrs: one attribute word per token (token_attr bits).
  // kInvalidArgument when a merge line has no separating space; kInternal when the pre-tokenizer's
  // pattern does not compile.
  static Result<std::unique_ptr<BpeEncoder>> create(const Vocab& vocab, const TokenMap& tokens,
                                                    const std::vector<uint32_t>& attrs);

  // Appends the ids of text (valid UTF-8, no special-token handling) to out. On failure (kInvalidArgument
  // for invalid UTF-8, kInternal for a PCRE2 failure) out keeps what it held before.
  Status encode(std::string_view text, std::vector<TokenId>& out) const;

 private:
  struct Merge {
    int32_t rank = 0;
    TokenId merged = kNoToken;  // the token whose text is left + right, or kNoToken when there is none
  };
  struct Symbol {
    uint32_t start = 0;  // byte offset in the word
    uint32_t length = 0;
    int32_t prev = -1;
    int32_t next = -1;
    TokenId id = kNoToken;
  };

  BpeEncoder() = default;
  const Merge* find_merge(std::string_view word, const Symbol& left, const Symbol& right) const;
  void encode_word(std::string_view word, std::vector<Symbol>& symbols, std::vector<TokenId>& out) const;
  static std::string text_key(std::string_view left, std::string_view right);

  const TokenMap* tokens_ = nullptr;  // borrowed
  const std::vector<uint32_t>* attrs_ = nullptr;  // borrowed
  std::unique_ptr<RegexPreTokenizer> pre_;
  bool ignore_merges_ = false;
  std::array<TokenId, 256> byte_tokens_{};
  // Merges whose two halves are both tokens, keyed by (left id, right id): the common case, no strings.
  std::unordered_map<uint64_t, Merge> id_merges_;
  // Merges with a half that is not a token (rare, malformed vocabularies), keyed by text_key().
  std::unordered_map<std::string, Merge, TransparentStringHash, std::equal_to<>> text_merges_;
};

}  // namespace haven::engine
