#include "engine/tokenizer/pre_tokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <string>

#include "core/utf8.h"

namespace haven::engine {
namespace {

// llama.cpp's llama-vocab.cpp, llm_tokenizer_bpe, for each pre-tokenizer type, with one change: PCRE2's
// \s (Unicode separators plus \t\n\v\f\r) lacks U+0085 NEXT LINE, which Hugging Face's regex engine and
// llama.cpp count as whitespace, so \s is written [\s\x{85}] and \S [^\s\x{85}].
constexpr const char* kLlama3Pattern =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\x{85}\p{L}\p{N}]+[\r\n]*|[\s\x{85}]*[\r\n]+|[\s\x{85}]+(?![^\s\x{85}])|[\s\x{85}]+)";
constexpr const char* kQwen2Pattern =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\x{85}\p{L}\p{N}]+[\r\n]*|[\s\x{85}]*[\r\n]+|[\s\x{85}]+(?![^\s\x{85}])|[\s\x{85}]+)";
constexpr const char* kGpt2Pattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\x{85}\p{L}\p{N}]+|[\s\x{85}]+(?![^\s\x{85}]))";
constexpr const char* kDefaultPatterns[] = {
    R"([\p{P}\$\+<=>\^~\|]+)",
    kGpt2Pattern,
    R"(\p{N}+)",
    R"([0-9][0-9][0-9])",
};

std::string pcre2_message(int code) {
  PCRE2_UCHAR buf[256];
  const int n = pcre2_get_error_message(code, buf, sizeof(buf));
  if (n < 0) return "PCRE2 error " + std::to_string(code);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Per-thread match state: match data and a JIT stack cannot be shared between threads, and creating
// them for every call would cost more than most matches.
struct MatchScratch {
  pcre2_match_data* data = nullptr;
  pcre2_match_context* context = nullptr;
  pcre2_jit_stack* jit_stack = nullptr;

  MatchScratch() {
    data = pcre2_match_data_create(1, nullptr);
    context = pcre2_match_context_create(nullptr);
    // The default 32 KiB JIT stack can run out on long runs of whitespace; 1 MiB is reserved lazily.
    jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
    if (context != nullptr && jit_stack != nullptr) pcre2_jit_stack_assign(context, nullptr, jit_stack);
  }
  ~MatchScratch() {
    if (jit_stack != nullptr) pcre2_jit_stack_free(jit_stack);
    if (context != nullptr) pcre2_match_context_free(context);
    if (data != nullptr) pcre2_match_data_free(data);
  }
  MatchScratch(const MatchScratch&) = delete;
  MatchScratch& operator=(const MatchScratch&) = delete;
};

MatchScratch& scratch() {
  thread_local MatchScratch s;
  return s;
}

}  // namespace

struct RegexPreTokenizer::Pattern {
  pcre2_code* code = nullptr;
  ~Pattern() {
    if (code != nullptr) pcre2_code_free(code);
  }
};

RegexPreTokenizer::~RegexPreTokenizer() = default;

Result<std::unique_ptr<RegexPreTokenizer>> RegexPreTokenizer::create(PreTokenizer pre) {
  std::vector<const char*> sources;
  switch (pre) {
    case PreTokenizer::kNone:
      return invalid_argument("pre-tokenizer: expected a BPE pre-tokenizer type, found none (SPM)");
    case PreTokenizer::kDefault:
      sources.assign(std::begin(kDefaultPatterns), std::end(kDefaultPatterns));
      break;
    case PreTokenizer::kGpt2: sources = {kGpt2Pattern}; break;
    case PreTokenizer::kLlama3: sources = {kLlama3Pattern}; break;
    case PreTokenizer::kQwen2: sources = {kQwen2Pattern}; break;
  }
  std::unique_ptr<RegexPreTokenizer> self(new RegexPreTokenizer());
  self->type_ = pre;
  for (const char* source : sources) {
    int error = 0;
    PCRE2_SIZE error_offset = 0;
    auto pattern = std::make_unique<Pattern>();
    pattern->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source), PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP, &error, &error_offset, nullptr);
    if (pattern->code == nullptr) {
      return internal_error("pre-tokenizer: PCRE2 rejected the " + std::string(pre_tokenizer_name(pre)) +
                            " pattern at offset " + std::to_string(error_offset) + ": " + pcre2_message(error));
    }
    // Without JIT (a PCRE2 built without it) the interpreter gives the same matches, only slower.
    (void)pcre2_jit_compile(pattern->code, PCRE2_JIT_COMPLETE);
    self->patterns_.push_back(std::move(pattern));
  }
  return self;
}

Status RegexPreTokenizer::split(std::string_view text, std::vector<TextSpan>& out) const {
  out.clear();
  const size_t bad = utf8::first_invalid(text);
  if (bad != text.size()) {
    return invalid_argument("pre-tokenizer: expected valid UTF-8 text, found an invalid byte at offset " +
                            std::to_string(bad));
  }
  if (text.empty()) return Status::ok();

  MatchScratch& s = scratch();
  if (s.data == nullptr || s.context == nullptr) {
    return internal_error("pre-tokenizer: expected PCRE2 match data, found an allocation failure");
  }

  std::vector<TextSpan> pieces{{0, text.size()}};
  std::vector<TextSpan> next;
  const auto* subject_base = reinterpret_cast<PCRE2_SPTR>(text.data());
  for (const auto& pattern : patterns_) {
    next.clear();
    next.reserve(pieces.size() * 2);
    for (const TextSpan& piece : pieces) {
      // Each piece is matched as a subject of its own, so lookaheads end at the piece's end exactly as
      // in llama.cpp's chained splitting.
      const PCRE2_SPTR subject = subject_base + piece.offset;
      const PCRE2_SIZE length = piece.length;
      PCRE2_SIZE offset = 0;
      PCRE2_SIZE emitted = 0;
      while (offset < length) {
        const int rc = pcre2_match(pattern->code, subject, length, offset, PCRE2_NO_UTF_CHECK, s.data, s.context);
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc < 0) {
          out.clear();
          return internal_error("pre-tokenizer: expected a regex match result, found PCRE2 error: " +
                                pcre2_message(rc));
        }
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(s.data);
        const PCRE2_SIZE match_begin = ov[0];
        const PCRE2_SIZE match_end = ov[1];
        if (match_end <= match_begin) {
          // An empty match splits nothing; step over one character so the scan always advances.
          size_t pos = match_begin;
          (void)utf8::decode_next(std::string_view(reinterpret_cast<const char*>(subject), length), pos);
          offset = pos;
          continue;
        }
        if (match_begin > emitted) next.push_back({piece.offset + emitted, match_begin - emitted});
        next.push_back({piece.offset + match_begin, match_end - match_begin});
        emitted = match_end;
        offset = match_end;
      }
      if (emitted < length) next.push_back({piece.offset + emitted, length - emitted});
    }
    pieces.swap(next);
  }
  out = std::move(pieces);
  return Status::ok();
}

}  // namespace haven::engine
