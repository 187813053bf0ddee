// Tokenizer: text <-> token ids for the models Haven's engine runs, matching llama.cpp id for id.
//
// Two algorithms, chosen by the vocabulary (vocab.h):
//   - byte-level BPE (`gpt2`) with the GPT-2, Llama 3 (`llama-bpe`) or Qwen2 regex pre-tokenizer;
//   - SentencePiece-style merges (`llama`: Llama 2, Mistral, Phi-3) with byte fallback, spaces written as
//     "▁" and a space put before the text (add_space_prefix).
// Special tokens: control tokens (<|im_end|>, <|eot_id|>, </s>...) are only produced from text when the
// caller sets parse_special, so text a person typed cannot end a turn or fake a chat role. User-defined
// tokens are always recognised, as in llama.cpp and Hugging Face.
//
// Usage:
//   HAVEN_ASSIGN_OR_RETURN(auto file, GgufFile::open(path));
//   HAVEN_ASSIGN_OR_RETURN(Vocab vocab, load_vocab(*file));
//   HAVEN_ASSIGN_OR_RETURN(auto tok, Tokenizer::create(std::move(vocab)));
//   HAVEN_ASSIGN_OR_RETURN(std::vector<TokenId> ids, tok->encode("Hello", {.add_special = true}));
//
// A Tokenizer is immutable after create() and safe to use from several threads at once. It never logs
// the text it is given.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "engine/tokenizer/vocab.h"

namespace haven::engine {

struct EncodeOptions {
  // Add the BOS/EOS tokens that the vocabulary's add_bos/add_eos ask for.
  bool add_special = true;
  // Turn the text of control tokens (e.g. "<|im_start|>") into those tokens. Only for text Haven writes
  // itself (chat templates), never for what a person typed.
  bool parse_special = false;
};

struct DecodeOptions {
  // Drop a leading BOS and a trailing EOS when the vocabulary adds them (llama.cpp's remove_special).
  bool remove_special = false;
  // Write control and unknown tokens as their text; otherwise they produce no bytes.
  bool unparse_special = false;
};

class Tokenizer {
 public:
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Checks vocab and builds the lookup tables. Errors (vocab is consumed either way):
  //   kInvalidArgument  inconsistent vocabulary: no tokens, array sizes that differ from the token count,
  //                     duplicate token texts, special ids out of range, add_bos/add_eos without the id,
  //                     a NaN score, a byte token not written <0xXX>, a malformed merge line, a
  //                     pre-tokenizer that does not fit the model
  static Result<std::unique_ptr<Tokenizer>> create(Vocab vocab);

  // Text -> ids. Errors: kInvalidArgument when text is not valid UTF-8 (the message gives the byte
  // offset, never the text); kOutOfRange for text of 1 GiB or more; kFailedPrecondition when a
  // SentencePiece vocabulary lacks the byte tokens its fallback needs; kInternal when the regex engine
  // fails. No partial result is returned on failure.
  Result<std::vector<TokenId>> encode(std::string_view text, const EncodeOptions& options = {}) const;

  // The bytes one token stands for: spaces for "▁", raw bytes for <0xXX> and byte-level BPE code points.
  // Control and unknown tokens give "" unless special is true. A piece may be part of a UTF-8 character;
  // streaming code must join pieces before showing them. kOutOfRange for an id outside the vocabulary.
  Result<std::string_view> token_to_piece(TokenId id, bool special = false) const;

  // Ids -> bytes: the pieces joined, with the space that add_space_prefix put before the text removed
  // from the first piece (as llama.cpp's llama_detokenize does). decode(encode(s, {.add_special = false}))
  // == s for valid UTF-8 s without special-token text. kOutOfRange for an id outside the vocabulary.
  Result<std::string> decode(std::span<const TokenId> ids, const DecodeOptions& options = {}) const;

  size_t n_tokens() const;
  const Vocab& vocab() const;

  TokenId bos() const;
  TokenId eos() const;
  TokenId eot() const;  // end of turn (<|eot_id|>, <|im_end|>, ...), or kNoToken
  TokenId eom() const;
  TokenId unk() const;
  TokenId pad() const;
  bool add_bos() const;
  bool add_eos() const;

  // True for tokens that end generation: eos, eot, eom and the end tokens llama.cpp recognises by text.
  bool is_eog(TokenId id) const;
  const std::vector<TokenId>& eog_ids() const;  // sorted

  // token_attr bits after llama.cpp's per-model rules; 0 for an id outside the vocabulary.
  uint32_t attributes(TokenId id) const;
  bool is_control(TokenId id) const { return (attributes(id) & token_attr::kControl) != 0; }

  // The id whose vocabulary text is exactly text (e.g. "<|im_end|>"), or kNoToken.
  TokenId find_token(std::string_view text) const;
  // The vocabulary text of id (not the decoded bytes); "" for an id outside the vocabulary.
  std::string_view token_text(TokenId id) const;

 private:
  Tokenizer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace haven::engine
