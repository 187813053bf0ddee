// Text normalisation for the safety lexicon: turns what people actually type into a stream of canonical
// word tokens that a small phrase lexicon can match, while remembering where each token came from.
//
// What it undoes: case, Unicode apostrophes and quotes, accents on Latin letters, repeated letters
// ("diiiie"), leetspeak ("k1ll"), contractions with or without apostrophes ("I'm", "dont", "wanna"),
// common misspellings ("sucide"), slang and euphemisms ("kms", "unalive", "sewerslide", "ctb"), chat
// abbreviations ("rn", "tn", "bc") and a few emoji that stand for words (pills, knife, rope, gun, and
// laughing faces). Every token keeps the byte and code-point span of the original text it came from,
// so findings can point at the user's own words.
//
// Pure functions, linear in the input, never fail: invalid UTF-8 is read as U+FFFD and ignored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace haven::safety::text {

// A canonical word, or a boundary marker: "." ends a sentence (also newlines), "?" ends a question,
// "!" an exclamation, "," marks a clause break (commas, semicolons, colons, dashes, brackets, quotes).
struct Token {
  std::string text;
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
  uint32_t cp_start = 0;
  uint32_t cp_end = 0;

  bool is_boundary() const {
    return text.size() == 1 && (text[0] == '.' || text[0] == '?' || text[0] == '!' || text[0] == ',');
  }
  bool is_sentence_end() const { return text.size() == 1 && (text[0] == '.' || text[0] == '?' || text[0] == '!'); }
};

// Splits text into canonical tokens. Consecutive boundaries are merged (the strongest wins: "?" over
// "!" over "." over ","), and the list never starts with a boundary.
std::vector<Token> tokenize(std::string_view text);

// The canonical form of one lexicon word, as tokenize would produce it for that word typed plainly
// (lower case, repeated letters collapsed). Lexicon entries go through this so that they match.
std::string canonical_word(std::string_view word);

// True when the text is mostly not English: most of its words are in a non-Latin script, or it has
// enough Latin-script words and almost none of them are common English words. Short texts (under three
// words) are never flagged.
bool is_mostly_non_english(std::string_view text);

}  // namespace haven::safety::text
