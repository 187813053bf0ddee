// Word scanning and a tiny phrase-pattern language for the reply screener and the healthy-use checks.
//
// Model replies are well-formed prose, so this is simpler than the risk assessor's normaliser: ASCII
// case folding, Unicode quotes and apostrophes folded to ASCII, contractions expanded ("I'm" -> "i am",
// "don't" -> "do not", also without the apostrophe), numbers kept whole ("3.5", "1,000") and split from
// units ("25m" -> "25" "m"). Every token keeps the byte span of the text it came from.
//
// Patterns (compiled once, at first use) are sequences of whitespace-separated elements:
//   word       a literal token            word*   a token starting with "word"
//   #num       a numeric token            #cap    a capitalised token that is not the first word
//   #name      a capitalised token anywhere (callers clear `capitalized` on sentence-initial stopwords)
//   (a|b c|d*) one of several alternatives, each a sequence of literal or prefix words
//   X?         the element X is optional  ~N      a gap of 0..N arbitrary tokens
// Matching is exact on tokens and backtracks; sentences are short, so the cost stays linear in the
// length of the reply. A pattern that does not compile is a programmer error (tests compile them all).
//
// Pure functions, never fail: invalid UTF-8 is read as U+FFFD, which is not a word character.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace haven::safety::scan {

struct Token {
  std::string norm;       // lower-case ASCII-folded form
  size_t start = 0;       // byte span in the scanned text
  size_t end = 0;
  bool capitalized = false;  // the original word began with an upper-case ASCII letter
  bool numeric = false;      // digits, optionally with inner '.' or ','
  bool first = false;        // the first word of the scanned text (so capitals mean nothing)
};

std::vector<Token> tokenize(std::string_view text);

struct Match {
  size_t first_token = 0;  // token indexes, end exclusive
  size_t end_token = 0;
  size_t start = 0;  // byte span in the scanned text
  size_t end = 0;
};

class Pattern {
 public:
  // kInvalidArgument with "expected ..., found ..." for a malformed spec.
  static Result<Pattern> compile(std::string_view spec);

  // The leftmost match starting at or after token `from`, or nullopt.
  std::optional<Match> find(const std::vector<Token>& tokens, size_t from = 0) const;
  const std::string& spec() const { return spec_; }

  struct Element {
    enum class Kind { kAlternatives, kNumber, kCapital, kName, kGap } kind = Kind::kAlternatives;
    // Each alternative is a sequence of words; a word ending in '*' matches by prefix.
    std::vector<std::vector<std::string>> alternatives;
    bool optional = false;
    size_t gap = 0;
  };

 private:
  bool match_from(const std::vector<Token>& tokens, size_t element, size_t pos, size_t& end) const;
  std::string spec_;
  std::vector<Element> elements_;
};

// Compiles a pattern that is part of the program. A malformed spec is a programmer error: it asserts in
// debug builds; in release builds it is recorded (compile_failures) and replaced by a pattern that
// never matches, and the tests, which run every built-in pattern, fail on it.
Pattern must_compile(std::string_view spec);
std::vector<std::string> compile_failures();

// Sentence boundaries for screening: a sentence ends after '.', '!', '?' or '…' (and any closing quotes
// or brackets) that is followed by whitespace, and at every line break. A '.' between digits ("3.5")
// and the '.' of a list number at the start of a line ("1. ") do not end a sentence.
// Returns the byte offset just past the first complete sentence of text (including the whitespace or
// line break that ended it), or npos when the sentence may still continue. With at_end, the remaining
// text counts as complete.
size_t sentence_end(std::string_view text, bool at_end);

// The number of Unicode code points in text[0, byte_offset): for wire offsets.
size_t code_points_before(std::string_view text, size_t byte_offset);

}  // namespace haven::safety::scan
