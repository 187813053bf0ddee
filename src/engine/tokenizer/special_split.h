// Splitting text at special tokens before the merge algorithms run (llama.cpp's tokenizer_st_partition).
//
// Control and unknown tokens are only recognised when the caller asks for it (parse_special): text a
// person typed must never turn into an end-of-turn or chat-role token. User-defined tokens (added
// vocabulary such as Qwen's <tool_call>) are always recognised, as Hugging Face tokenizers do. Longer
// tokens are matched first; a token with the lstrip/rstrip attribute swallows the ASCII whitespace
// before/after it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/tokenizer/vocab.h"

namespace haven::engine {

struct Fragment {
  TokenId token = kNoToken;  // a special token, or kNoToken for raw text
  size_t offset = 0;         // raw text: the bytes [offset, offset + length) of the input
  size_t length = 0;
};

struct SpecialToken {
  TokenId id = kNoToken;
  std::string_view text;  // borrowed from the tokenizer's vocabulary
  uint32_t attr = 0;
};

// specials must be ordered longest text first. Fills out (cleared first) with fragments that cover
// text in order; raw fragments are never empty.
void split_special_tokens(std::string_view text, const std::vector<SpecialToken>& specials, bool parse_special,
                          std::vector<Fragment>& out);

}  // namespace haven::engine
