// RegexPreTokenizer: splits text into the words that byte-level BPE merges within.
//
// The patterns are the published Hugging Face / tiktoken regexes in the form llama.cpp runs them
// (llama-vocab.cpp; the case-insensitive contraction group is spelled out as [sS] etc. so that no
// Unicode case folding applies). PCRE2 runs them with UTF + UCP (\p{L}, \p{N} and \s are Unicode-aware)
// and JIT, verbatim except that U+0085 NEXT LINE is added to \s, as Hugging Face and llama.cpp treat it. As in llama.cpp, several patterns are applied one after another: each splits
// every piece left by the previous one, and text between matches is kept as a piece of its own, so the
// pieces always cover the whole input.
//
// A RegexPreTokenizer is immutable after create() and safe to use from several threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "engine/tokenizer/vocab.h"

namespace haven::engine {

struct TextSpan {
  size_t offset = 0;
  size_t length = 0;
};

class RegexPreTokenizer {
 public:
  ~RegexPreTokenizer();
  RegexPreTokenizer(const RegexPreTokenizer&) = delete;
  RegexPreTokenizer& operator=(const RegexPreTokenizer&) = delete;

  // kInvalidArgument for PreTokenizer::kNone (SPM has no regex split); kInternal when PCRE2 rejects a
  // pattern (a bug: the patterns are fixed).
  static Result<std::unique_ptr<RegexPreTokenizer>> create(PreTokenizer pre);

  // Appends the pieces of text, in order, to out (cleared first). Pieces are never empty and together
  // cover text exactly. kInvalidArgument when text is not valid UTF-8; kInternal when PCRE2 fails during
  // a match (resource limits). out holds no pieces after a failure.
  Status split(std::string_view text, std::vector<TextSpan>& out) const;

  PreTokenizer type() const { return type_; }

 private:
  RegexPreTokenizer() = default;
  struct Pattern;
  PreTokenizer type_ = PreTokenizer::kNone;
  std::vector<std::unique_ptr<Pattern>> patterns_;
};

}  // namespace haven::engine
