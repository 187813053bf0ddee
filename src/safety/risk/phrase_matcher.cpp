#include "safety/risk/phrase_matcher.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <unordered_set>

namespace haven::safety::risk {

namespace {

// The key of a prefix's bucket: its first two bytes.
uint32_t two_bytes(const std::string& s) {
  return uint32_t{static_cast<unsigned char>(s[0])} << 8 | static_cast<unsigned char>(s[1]);
}

}  // namespace

namespace {

constexpr const char* kBigNumberWords[] = {
    "ten",     "eleven",  "twelve",  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty",  "forty",    "fifty",   "sixty",   "seventy",
    "eighty",  "ninety",  "hundred", "dozen",    "dozens",   "hundreds", "countless"};
constexpr const char* kNumberWords[] = {
    "one",     "two",     "three",    "four",     "five",     "six",       "seven",   "eight",
    "nine",    "ten",     "eleven",   "twelve",   "thirteen", "fourteen",  "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", "thirty",  "forty",     "fifty",   "sixty",
    "seventy", "eighty",  "ninety",   "hundred",  "dozen",    "several",   "multiple", "countless",
    "many",    "few",     "first",    "second",   "third",    "fourth",    "fifth",   "sixth",
    "seventh", "eighth",  "ninth",    "tenth"};

bool all_digits(const std::string& token) {
  for (char c : token)
    if (c < '0' || c > '9') return false;
  return true;
}

// The part of is_number_token that needs no word list: digits, and digits with an ordinal's ending.
bool is_digit_number(const std::string& token) {
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  if (digits == token.size()) return true;
  // Ordinals count as numbers ("on the 14th", "my 3rd attempt").
  if (digits > 0 && token.size() == digits + 2) {
    const std::string suffix = token.substr(digits);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") return true;
  }
  return false;
}

}  // namespace

bool is_big_number_token(const std::string& token) {
  if (token.empty()) return false;
  if (all_digits(token)) return token.size() >= 2 && token[0] != '0';
  static const std::unordered_set<std::string> words(std::begin(kBigNumberWords), std::end(kBigNumberWords));
  return words.count(token) > 0;
}

bool is_number_token(const std::string& token) {
  if (token.empty()) return false;
  if (is_digit_number(token)) return true;
  static const std::unordered_set<std::string> words(std::begin(kNumberWords), std::end(kNumberWords));
  return words.count(token) > 0;
}

size_t PhraseMatcher::add(std::string_view pattern, std::string* error) {
  auto fail = [&](std::string why) {
    if (error) *error = std::move(why);
    return SIZE_MAX;
  };
  std::vector<Element> p;
  size_t i = 0;
  while (i < pattern.size()) {
    while (i < pattern.size() && pattern[i] == ' ') ++i;
    if (i >= pattern.size()) break;
    size_t j = i;
    while (j < pattern.size() && pattern[j] != ' ') ++j;
    std::string_view el = pattern.substr(i, j - i);
    i = j;
    Element e;
    if (el[0] == '~') {
      int n = 0;
      for (size_t k = 1; k < el.size(); ++k) {
        if (el[k] < '0' || el[k] > '9') return fail("expected a number after '~', found '" + std::string(el) + "'");
        n = n * 10 + (el[k] - '0');
        if (n > 20) break;
      }
      if (n <= 0 || n > 20) return fail("expected a gap of 1 to 20 tokens, found '" + std::string(el) + "'");
      e.gap = n;
      p.push_back(std::move(e));
      continue;
    }
    if (el == "$") {
      e.clause_end = true;
      p.push_back(std::move(e));
      continue;
    }
    if (el[0] == '?') {
      e.optional = true;
      el.remove_prefix(1);
    }
    size_t a = 0;
    while (a <= el.size()) {
      size_t b = el.find('|', a);
      if (b == std::string_view::npos) b = el.size();
      std::string_view alt = el.substr(a, b - a);
      if (alt.empty()) return fail("expected a word between '|', found an empty alternative in '" + std::string(el) + "'");
      if (alt == "$") {
        e.or_clause_end = true;
        a = b + 1;
        continue;
      }
      std::vector<Atom> run;
      size_t c = 0;
      while (c <= alt.size()) {
        size_t d = alt.find('_', c);
        if (d == std::string_view::npos) d = alt.size();
        std::string_view w = alt.substr(c, d - c);
        if (w.empty()) return fail("expected a word around '_', found '" + std::string(alt) + "'");
        Atom atom;
        if (w == "#") {
          atom.number = true;
        } else if (w == "##") {
          atom.big_number = true;
        } else if (w.back() == '*') {
          if (w.size() < 3) return fail("expected a prefix of at least 2 letters, found '" + std::string(w) + "'");
          atom.prefix = true;
          atom.text = text::canonical_word(w.substr(0, w.size() - 1));
          if (atom.text.size() < 2)
            return fail("expected a prefix of at least 2 letters, found '" + std::string(w) + "' (" + atom.text + ")");
        } else {
          atom.text = text::canonical_word(w);
        }
        run.push_back(std::move(atom));
        c = d + 1;
      }
      e.alternatives.push_back(std::move(run));
      a = b + 1;
    }
    p.push_back(std::move(e));
  }
  if (p.empty()) return fail("expected at least one element, found an empty pattern");
  const Element& first = p.front();
  if (first.gap > 0 || first.optional || first.clause_end || first.or_clause_end)
    return fail("expected a word as the first element, found a gap, an optional element or '$'");
  if (p.back().gap > 0) return fail("expected a word as the last element, found a gap");
  // Only now that the pattern is known good: interning changes the matcher.
  for (Element& e : p)
    for (auto& alt : e.alternatives)
      for (Atom& atom : alt)
        if (!atom.prefix && !atom.number && !atom.big_number) atom.word = intern(atom.text);
  Pattern built;
  built.checks_next = p.size() >= 2;
  for (const auto& alt : p[0].alternatives) built.checks_next = built.checks_next && alt.size() == 1;
  if (built.checks_next) {
    const Element& second = p[1];
    built.checks_next = second.gap == 0 && !second.optional && !second.clause_end && !second.or_clause_end;
    for (const auto& alt : second.alternatives) {
      const Atom& a = alt.front();
      built.checks_next = built.checks_next && !a.prefix && !a.number && !a.big_number;
      built.next_words.push_back(a.word);
    }
    std::sort(built.next_words.begin(), built.next_words.end());
    if (!built.checks_next) built.next_words.clear();
  }
  for (size_t k = 1; k < p.size(); ++k) {
    const Element& e = p[k];
    if (e.gap > 0 || e.optional || e.clause_end || e.or_clause_end) continue;
    std::vector<uint32_t> words;
    bool all_words = true;
    for (const auto& alt : e.alternatives) {
      const Atom& a = alt.front();
      all_words = all_words && !a.prefix && !a.number && !a.big_number;
      words.push_back(a.word);
    }
    if (all_words) built.required.push_back(std::move(words));
  }
  size_t id = patterns_.size();
  for (const auto& alt : p.front().alternatives) {
    const Atom& a0 = alt.front();
    if (a0.number || a0.big_number) {
      by_number_.push_back(id);
    } else if (a0.prefix) {
      std::vector<PrefixEntry>& bucket = by_prefix_[two_bytes(a0.text)];
      auto entry = std::find_if(bucket.begin(), bucket.end(), [&](const PrefixEntry& e) { return e.prefix == a0.text; });
      if (entry == bucket.end()) entry = bucket.insert(bucket.end(), PrefixEntry{a0.text, {}});
      entry->patterns.push_back(id);
    } else {
      by_word_[a0.word].push_back(id);
    }
  }
  built.elements = std::move(p);
  patterns_.push_back(std::move(built));
  return id;
}

PhraseMatcher::PhraseMatcher() {
  for (const char* w : kNumberWords) intern(w);
  for (const char* w : kBigNumberWords) intern(w);
}

uint32_t PhraseMatcher::intern(const std::string& word) {
  auto [it, added] = word_ids_.emplace(word, static_cast<uint32_t>(word_ids_.size()));
  if (added) {
    by_word_.emplace_back();
    word_kind_.push_back(static_cast<uint8_t>((is_number_token(word) ? kNumber : 0) |
                                              (is_big_number_token(word) ? kBigNumber : 0)));
  }
  return it->second;
}

bool PhraseMatcher::atom_matches(const Atom& a, const TokenView& in, size_t pos) {
  if (a.number) return (in.kind[pos] & kNumber) != 0;
  if (a.big_number) return (in.kind[pos] & kBigNumber) != 0;
  if (a.prefix) {
    const std::string& token = (*in.tokens)[pos].text;
    return token.size() >= a.text.size() && token.compare(0, a.text.size(), a.text) == 0;
  }
  return in.word[pos] == a.word;
}

// Depth-first: patterns are short and gaps small, so the search is bounded by a small constant.
bool PhraseMatcher::match_from(const std::vector<Element>& p, size_t elem, const TokenView& in, size_t pos,
                               size_t* last) const {
  if (elem == p.size()) return true;
  const size_t size = in.word.size();
  const Element& e = p[elem];
  if (e.clause_end) {
    if (pos == size) return match_from(p, elem + 1, in, pos, last);
    if (!(in.kind[pos] & kBoundary)) return false;
    return match_from(p, elem + 1, in, pos + 1, last);
  }
  if (e.gap > 0) {
    for (int skip = 0; skip <= e.gap; ++skip) {
      size_t at = pos + static_cast<size_t>(skip);
      if (skip > 0) {
        size_t skipped = at - 1;
        if (skipped >= size || (in.kind[skipped] & kBoundary)) return false;
      }
      if (match_from(p, elem + 1, in, at, last)) return true;
    }
    return false;
  }
  for (const auto& alt : e.alternatives) {
    if (pos + alt.size() > size) continue;
    bool ok = true;
    for (size_t k = 0; k < alt.size() && ok; ++k) ok = !(in.kind[pos + k] & kBoundary) && atom_matches(alt[k], in, pos + k);
    if (!ok) continue;
    size_t saved = *last;
    *last = pos + alt.size() - 1;
    if (match_from(p, elem + 1, in, pos + alt.size(), last)) return true;
    *last = saved;
  }
  if (e.or_clause_end) {
    if (pos == size) return match_from(p, elem + 1, in, pos, last);
    if ((in.kind[pos] & kBoundary) && match_from(p, elem + 1, in, pos + 1, last)) return true;
  }
  if (e.optional) return match_from(p, elem + 1, in, pos, last);
  return false;
}

void PhraseMatcher::find_all(const std::vector<text::Token>& tokens, std::vector<PhraseMatch>& out) const {
  TokenView in;
  in.tokens = &tokens;
  in.word.resize(tokens.size(), kNoWord);
  in.kind.resize(tokens.size(), 0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (t.is_boundary()) {
      in.kind[i] = kBoundary;
      continue;
    }
    if (auto it = word_ids_.find(t.text); it != word_ids_.end()) {
      in.word[i] = it->second;
      in.kind[i] = word_kind_[it->second];
    }
    if (!t.text.empty() && t.text[0] >= '0' && t.text[0] <= '9') {
      if (is_digit_number(t.text)) in.kind[i] |= kNumber;
      if (is_big_number_token(t.text)) in.kind[i] |= kBigNumber;
    }
  }
  std::vector<uint8_t> present(word_ids_.size(), 0);  // the words of the text
  for (uint32_t w : in.word)
    if (w != kNoWord) present[w] = 1;
  enum : uint8_t { kUnknown, kViable, kRuledOut };
  std::vector<uint8_t> viable(patterns_.size(), kUnknown);  // found when a pattern is first a candidate
  auto could_match = [&](size_t id) {
    if (viable[id] == kUnknown) {
      bool ok = true;
      for (const auto& words : patterns_[id].required) {
        bool any = false;
        for (uint32_t w : words) any = any || present[w];
        ok = ok && any;
      }
      viable[id] = ok ? kViable : kRuledOut;
    }
    return viable[id] == kViable;
  };
  std::vector<size_t> candidates;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (in.kind[i] & kBoundary) continue;
    const std::string& t = tokens[i].text;
    candidates.clear();
    if (in.word[i] != kNoWord) {
      const std::vector<size_t>& ids = by_word_[in.word[i]];
      candidates.insert(candidates.end(), ids.begin(), ids.end());
    }
    if (t.size() >= 2 && !by_prefix_.empty()) {
      if (auto it = by_prefix_.find(two_bytes(t)); it != by_prefix_.end())
        for (const PrefixEntry& entry : it->second)
          if (t.size() >= entry.prefix.size() && t.compare(0, entry.prefix.size(), entry.prefix) == 0)
            candidates.insert(candidates.end(), entry.patterns.begin(), entry.patterns.end());
    }
    // "##" accepts big numbers that "#" does not ("dozens", "hundreds").
    if (!by_number_.empty() && (in.kind[i] & (kNumber | kBigNumber)))
      candidates.insert(candidates.end(), by_number_.begin(), by_number_.end());
    // A pattern reachable through two alternatives is tried once.
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    const uint32_t next = i + 1 < tokens.size() ? in.word[i + 1] : kNoWord;
    for (size_t id : candidates) {
      const Pattern& pattern = patterns_[id];
      if (pattern.checks_next &&
          (next == kNoWord || !std::binary_search(pattern.next_words.begin(), pattern.next_words.end(), next)))
        continue;
      if (!could_match(id)) continue;
      size_t last = i;
      if (match_from(pattern.elements, 0, in, i, &last)) out.push_back({id, i, last});
    }
  }
}

}  // namespace haven::safety::risk
