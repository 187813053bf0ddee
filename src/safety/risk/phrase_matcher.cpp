#include "safety/risk/phrase_matcher.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace haven::safety::risk {

bool is_big_number_token(const std::string& token) {
  if (token.empty()) return false;
  bool digits = true;
  for (char c : token) digits = digits && c >= '0' && c <= '9';
  if (digits) return token.size() >= 2 && token[0] != '0';
  static const std::unordered_set<std::string> words = {
      "ten",     "eleven",  "twelve",  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty", "thirty",  "forty",    "fifty",   "sixty",   "seventy",
      "eighty",  "ninety",  "hundred", "dozen",    "dozens",   "hundreds", "countless"};
  return words.count(token) > 0;
}

bool is_number_token(const std::string& token) {
  if (token.empty()) return false;
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  if (digits == token.size()) return true;
  // Ordinals count as numbers ("on the 14th", "my 3rd attempt").
  if (digits > 0 && token.size() == digits + 2) {
    const std::string suffix = token.substr(digits);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") return true;
  }
  static const std::unordered_set<std::string> words = {
      "one",     "two",     "three",    "four",     "five",     "six",       "seven",   "eight",
      "nine",    "ten",     "eleven",   "twelve",   "thirteen", "fourteen",  "fifteen", "sixteen",
      "seventeen", "eighteen", "nineteen", "twenty", "thirty",  "forty",     "fifty",   "sixty",
      "seventy", "eighty",  "ninety",   "hundred",  "dozen",    "several",   "multiple", "countless",
      "many",    "few",     "first",    "second",   "third",    "fourth",    "fifth",   "sixth",
      "seventh", "eighth",  "ninth",    "tenth"};
  return words.count(token) > 0;
}

size_t PhraseMatcher::add(std::string_view pattern, std::string* error) {
  auto fail = [&](std::string why) {
    if (error) *error = std::move(why);
    return SIZE_MAX;
  };
  Pattern p;
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
  size_t id = patterns_.size();
  for (const auto& alt : first.alternatives) {
    const Atom& a0 = alt.front();
    if (a0.number || a0.big_number) {
      by_number_.push_back(id);
    } else if (a0.prefix) {
      by_prefix_[a0.text].push_back(id);
      max_prefix_ = std::max(max_prefix_, a0.text.size());
    } else {
      by_word_[a0.text].push_back(id);
    }
  }
  patterns_.push_back(std::move(p));
  return id;
}

bool PhraseMatcher::atom_matches(const Atom& a, const std::string& token) {
  if (a.number) return is_number_token(token);
  if (a.big_number) return is_big_number_token(token);
  if (a.prefix) return token.size() >= a.text.size() && token.compare(0, a.text.size(), a.text) == 0;
  return token == a.text;
}

// Depth-first: patterns are short and gaps small, so the search is bounded by a small constant.
bool PhraseMatcher::match_from(const Pattern& p, size_t elem, const std::vector<text::Token>& tokens,
                               size_t pos, size_t* last) const {
  if (elem == p.size()) return true;
  const Element& e = p[elem];
  if (e.clause_end) {
    if (pos == tokens.size()) return match_from(p, elem + 1, tokens, pos, last);
    if (!tokens[pos].is_boundary()) return false;
    return match_from(p, elem + 1, tokens, pos + 1, last);
  }
  if (e.gap > 0) {
    for (int skip = 0; skip <= e.gap; ++skip) {
      size_t at = pos + static_cast<size_t>(skip);
      if (skip > 0) {
        size_t skipped = at - 1;
        if (skipped >= tokens.size() || tokens[skipped].is_boundary()) return false;
      }
      if (match_from(p, elem + 1, tokens, at, last)) return true;
    }
    return false;
  }
  for (const auto& alt : e.alternatives) {
    if (pos + alt.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < alt.size() && ok; ++k) {
      const text::Token& t = tokens[pos + k];
      ok = !t.is_boundary() && atom_matches(alt[k], t.text);
    }
    if (!ok) continue;
    size_t saved = *last;
    *last = pos + alt.size() - 1;
    if (match_from(p, elem + 1, tokens, pos + alt.size(), last)) return true;
    *last = saved;
  }
  if (e.or_clause_end) {
    if (pos == tokens.size()) return match_from(p, elem + 1, tokens, pos, last);
    if (tokens[pos].is_boundary() && match_from(p, elem + 1, tokens, pos + 1, last)) return true;
  }
  if (e.optional) return match_from(p, elem + 1, tokens, pos, last);
  return false;
}

void PhraseMatcher::find_all(const std::vector<text::Token>& tokens, std::vector<PhraseMatch>& out) const {
  std::vector<size_t> candidates;
  std::string key;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i].text;
    if (tokens[i].is_boundary()) continue;
    candidates.clear();
    if (auto it = by_word_.find(t); it != by_word_.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    if (!by_prefix_.empty()) {
      size_t limit = std::min(t.size(), max_prefix_);
      for (size_t len = 1; len <= limit; ++len) {
        key.assign(t, 0, len);
        if (auto it = by_prefix_.find(key); it != by_prefix_.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
    if (!by_number_.empty() && is_number_token(t))
      candidates.insert(candidates.end(), by_number_.begin(), by_number_.end());
    // A pattern reachable through two alternatives is tried once.
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (size_t id : candidates) {
      size_t last = i;
      if (match_from(patterns_[id], 0, tokens, i, &last)) out.push_back({id, i, last});
    }
  }
}

}  // namespace haven::safety::risk
