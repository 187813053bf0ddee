// A small phrase-pattern matcher over normalised tokens (safety/text/normalize.h).
//
// Patterns are space-separated elements, each matched against one canonical token:
//   word         the exact canonical word
//   word*        any token starting with "word"
//   a|b*|c       any of the alternatives
//   a_b|c        an alternative may be a run of several words joined by '_' ("stop_existing")
//   ?a|b         optional element
//   ~N           skip up to N tokens, never across a boundary token (. ? ! ,)
//   #            a number: digits ("25", "20mg" is not) or a number word up to "hundred"
//   ##           a number of ten or more ("15", "twenty", "dozens")
//   $            the end of a sentence or clause: a boundary token (which it steps over) or the end of
//                the text; "i am so done $" matches "I'm so done." but not "I'm so done with this essay",
//                and "done $ bye" matches "I'm done. Bye"; it may also be one alternative of a list
//                ("it ~1 all ~1 $|now|tonight" matches "took it all." and "took it all now")
// Words go through text::canonical_word, so lexicon entries are written plainly ("kill myself").
// The first element must be a plain word, prefix or alternatives (not optional, not a gap).
//
// Matching visits each token once and only tries the patterns whose first element can match it, so a
// lexicon of thousands of patterns runs in time linear in the text for practical purposes. Words are
// compared as small integers: each token is looked up once per text, since the lexicon's patterns were
// most of the risk assessor's time when they compared strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "safety/text/normalize.h"

namespace haven::safety::risk {

struct PhraseMatch {
  size_t pattern = 0;  // the id add() returned
  size_t first = 0;    // token index of the first matched token
  size_t last = 0;     // token index of the last matched token (inclusive)
};

class PhraseMatcher {
 public:
  // Every number word has an id from the start, so a token's id says whether it is one (find_all).
  PhraseMatcher();

  // Adds a pattern and returns its id (0, 1, 2, ... in order of addition). On a malformed pattern
  // returns SIZE_MAX and sets *error to "expected ..., found ..."; the matcher is unchanged.
  size_t add(std::string_view pattern, std::string* error);

  // Appends every (pattern, start) match to out, the shortest match per pattern and start token.
  void find_all(const std::vector<text::Token>& tokens, std::vector<PhraseMatch>& out) const;

  size_t size() const { return patterns_.size(); }

 private:
  static constexpr uint32_t kNoWord = UINT32_MAX;  // a token no exact atom names
  struct Atom {
    std::string text;
    uint32_t word = kNoWord;  // for an exact word: its id in word_ids_
    bool prefix = false;
    bool number = false;
    bool big_number = false;
  };
  // What matching needs of each token, found once per text.
  struct TokenView {
    const std::vector<text::Token>* tokens = nullptr;  // borrowed
    std::vector<uint32_t> word;       // id of the token's text, or kNoWord
    std::vector<uint8_t> kind;        // kBoundary, kNumber, kBigNumber bits
  };
  static constexpr uint8_t kBoundary = 1, kNumber = 2, kBigNumber = 4;
  struct PrefixEntry {
    std::string prefix;
    std::vector<size_t> patterns;
  };
  struct Element {
    std::vector<std::vector<Atom>> alternatives;  // each a run of one or more atoms
    bool optional = false;
    int gap = 0;  // > 0: a gap element
    bool clause_end = false;  // the $ element
    bool or_clause_end = false;  // "$" is one of its alternatives ("again|$|tonight")
  };
  struct Pattern {
    std::vector<Element> elements;
    // When the first element is always one word and the second a required word: the ids the token after
    // the first must have (sorted), so most patterns tried at a token are ruled out without a search.
    bool checks_next = false;
    std::vector<uint32_t> next_words;
    // For each element every match needs (not optional, not a gap or '$', every alternative starting
    // with a word): the ids of those words. A text lacking all of one element's words cannot match, which
    // rules out most patterns like "i ~3 ...", tried at every "I" of a text, before any search.
    std::vector<std::vector<uint32_t>> required;
  };

  static bool atom_matches(const Atom& a, const TokenView& in, size_t pos);
  bool match_from(const std::vector<Element>& p, size_t elem, const TokenView& in, size_t pos, size_t* last) const;
  uint32_t intern(const std::string& word);

  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, uint32_t> word_ids_;
  std::vector<std::vector<size_t>> by_word_;  // by word id: patterns whose first element names it
  std::vector<uint8_t> word_kind_;            // by word id: kNumber and kBigNumber bits
  // Patterns whose first element is a prefix, by the prefix's first two bytes (prefixes have at least two).
  std::unordered_map<uint32_t, std::vector<PrefixEntry>> by_prefix_;
  std::vector<size_t> by_number_;
};

// True for "25", "3", "twenty", "a hundred"'s "hundred", ...: what a # element accepts.
bool is_number_token(const std::string& token);
// True for numbers of ten or more: what a ## element accepts.
bool is_big_number_token(const std::string& token);

}  // namespace haven::safety::risk
