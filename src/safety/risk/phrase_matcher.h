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
// lexicon of thousands of patterns runs in time linear in the text for practical purposes.
#pragma once

#include <cstddef>
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
  // Adds a pattern and returns its id (0, 1, 2, ... in order of addition). On a malformed pattern
  // returns SIZE_MAX and sets *error to "expected ..., found ..."; the matcher is unchanged.
  size_t add(std::string_view pattern, std::string* error);

  // Appends every (pattern, start) match to out, the shortest match per pattern and start token.
  void find_all(const std::vector<text::Token>& tokens, std::vector<PhraseMatch>& out) const;

  size_t size() const { return patterns_.size(); }

 private:
  struct Atom {
    std::string text;
    bool prefix = false;
    bool number = false;
    bool big_number = false;
  };
  struct Element {
    std::vector<std::vector<Atom>> alternatives;  // each a run of one or more atoms
    bool optional = false;
    int gap = 0;  // > 0: a gap element
    bool clause_end = false;  // the $ element
    bool or_clause_end = false;  // "$" is one of its alternatives ("again|$|tonight")
  };
  using Pattern = std::vector<Element>;

  static bool atom_matches(const Atom& a, const std::string& token);
  bool match_from(const Pattern& p, size_t elem, const std::vector<text::Token>& tokens, size_t pos,
                  size_t* last) const;

  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::vector<size_t>> by_word_;
  std::unordered_map<std::string, std::vector<size_t>> by_prefix_;
  std::vector<size_t> by_number_;
  size_t max_prefix_ = 0;
};

// True for "25", "3", "twenty", "a hundred"'s "hundred", ...: what a # element accepts.
bool is_number_token(const std::string& token);
// True for numbers of ten or more: what a ## element accepts.
bool is_big_number_token(const std::string& token);

}  // namespace haven::safety::risk
