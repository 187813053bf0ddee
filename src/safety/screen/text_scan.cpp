#include "safety/screen/text_scan.h"

#include <cassert>
#include <mutex>
#include <string>
#include <utility>

#include "core/utf8.h"

namespace haven::safety::scan {
namespace {

struct Unit {
  char32_t cp;  // folded code point
  size_t start;
  size_t end;
};

char32_t fold(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x0060: case 0x00B4: case 0x2032: return U'\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return U'"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return U'-';
    case 0x2026: return U'.';
    case 0x00A0: case 0x2009: case 0x202F: return U' ';
    default: break;
  }
  if (cp >= U'A' && cp <= U'Z') return cp;  // case is folded later, the capital is remembered
  return cp;
}

bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Letters outside ASCII (accented Latin, other scripts) are word characters; general punctuation,
// symbols, emoji and the replacement character are not.
bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c) || is_digit(c);
  if (c == 0xFFFD) return false;
  if (c >= 0x00A0 && c <= 0x00BF) return false;
  if (c == 0x00D7 || c == 0x00F7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE00 && c <= 0xFE0F) return false;
  if (c >= 0x1F000) return false;
  return true;
}

struct Expansion {
  std::string_view word;
  std::string_view first;
  std::string_view second;
};

// Contractions with and without the apostrophe (people and small models drop it).
constexpr Expansion kExpansions[] = {
    {"i'm", "i", "am"},         {"im", "i", "am"},           {"you're", "you", "are"},
    {"youre", "you", "are"},    {"we're", "we", "are"},      {"they're", "they", "are"},
    {"it's", "it", "is"},       {"that's", "that", "is"},    {"thats", "that", "is"},
    {"there's", "there", "is"}, {"what's", "what", "is"},    {"he's", "he", "is"},
    {"she's", "she", "is"},     {"who's", "who", "is"},      {"here's", "here", "is"},
    {"i've", "i", "have"},      {"ive", "i", "have"},        {"you've", "you", "have"},
    {"we've", "we", "have"},    {"they've", "they", "have"}, {"i'll", "i", "will"},
    {"you'll", "you", "will"},  {"we'll", "we", "will"},     {"it'll", "it", "will"},
    {"i'd", "i", "would"},      {"you'd", "you", "would"},   {"can't", "can", "not"},
    {"cant", "can", "not"},     {"cannot", "can", "not"},    {"won't", "will", "not"},
    {"don't", "do", "not"},     {"dont", "do", "not"},       {"doesn't", "does", "not"},
    {"doesnt", "does", "not"},  {"didn't", "did", "not"},    {"didnt", "did", "not"},
    {"isn't", "is", "not"},     {"isnt", "is", "not"},       {"aren't", "are", "not"},
    {"wasn't", "was", "not"},   {"weren't", "were", "not"},  {"shouldn't", "should", "not"},
    {"wouldn't", "would", "not"}, {"couldn't", "could", "not"}, {"haven't", "have", "not"},
    {"hasn't", "has", "not"},   {"hadn't", "had", "not"},    {"mustn't", "must", "not"},
    {"ain't", "am", "not"},     {"let's", "let", "us"},
};

void push_word(std::vector<Token>& out, std::string norm, size_t start, size_t end, bool capitalized,
               bool numeric) {
  Token t;
  t.start = start;
  t.end = end;
  t.capitalized = capitalized;
  t.numeric = numeric;
  if (!numeric) {
    for (const auto& e : kExpansions) {
      if (norm == e.word) {
        t.norm = std::string(e.first);
        out.push_back(t);
        t.norm = std::string(e.second);
        t.capitalized = false;
        out.push_back(std::move(t));
        return;
      }
    }
    // Generic forms: "n't" -> "not"; possessive "'s" dropped; "'re", "'ve", "'ll", "'d" expanded.
    auto ends_with = [&](std::string_view suffix) {
      return norm.size() > suffix.size() && std::string_view(norm).substr(norm.size() - suffix.size()) == suffix;
    };
    struct Suffix { std::string_view s; std::string_view word; };
    constexpr Suffix kSuffixes[] = {{"n't", "not"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"},
                                    {"'d", "would"}, {"'m", "am"}, {"'s", ""}};
    for (const auto& suf : kSuffixes) {
      if (ends_with(suf.s)) {
        t.norm = norm.substr(0, norm.size() - suf.s.size());
        out.push_back(t);
        if (!suf.word.empty()) {
          t.norm = std::string(suf.word);
          t.capitalized = false;
          out.push_back(std::move(t));
        }
        return;
      }
    }
    // Stray apostrophes at the edges ("'tis", "dogs'") are not part of the word.
    while (!norm.empty() && norm.back() == '\'') norm.pop_back();
    while (!norm.empty() && norm.front() == '\'') norm.erase(norm.begin());
    if (norm.empty()) return;
  }
  t.norm = std::move(norm);
  out.push_back(std::move(t));
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Unit> units;
  units.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = utf8::decode_next(text, pos);
    units.push_back({fold(cp), start, pos});
  }

  std::vector<Token> out;
  size_t i = 0;
  while (i < units.size()) {
    if (!is_word_char(units[i].cp)) {
      ++i;
      continue;
    }
    const size_t start = units[i].start;
    std::string norm;
    bool numeric = is_digit(units[i].cp);
    bool capitalized = units[i].cp >= U'A' && units[i].cp <= U'Z';
    size_t j = i;
    while (j < units.size()) {
      char32_t c = units[j].cp;
      if (is_word_char(c)) {
        // Digits and letters are separate tokens: "25m" -> "25" "m", "mg10" -> "mg" "10".
        if (is_digit(c) != numeric) break;
        if (c < 0x80) {
          norm.push_back(static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c));
        } else {
          utf8::append(norm, c);
        }
        ++j;
        continue;
      }
      bool inner = j + 1 < units.size() && j > i;
      if (numeric && inner && (c == U'.' || c == U',') && is_digit(units[j + 1].cp)) {
        if (c == U'.') norm.push_back('.');  // "1,000" keeps no comma; "3.5" keeps the point
        ++j;
        continue;
      }
      if (!numeric && inner && c == U'\'' && is_word_char(units[j + 1].cp) && !is_digit(units[j + 1].cp)) {
        norm.push_back('\'');
        ++j;
        continue;
      }
      break;
    }
    push_word(out, std::move(norm), start, units[j - 1].end, capitalized, numeric);
    i = j;
  }
  if (!out.empty()) out.front().first = true;
  return out;
}

Result<Pattern> Pattern::compile(std::string_view spec) {
  Pattern p;
  p.spec_ = std::string(spec);
  size_t i = 0;
  auto skip_space = [&] {
    while (i < spec.size() && spec[i] == ' ') ++i;
  };
  auto read_word = [&](std::string_view stop) {
    size_t b = i;
    while (i < spec.size() && spec[i] != ' ' && stop.find(spec[i]) == std::string_view::npos) ++i;
    return std::string(spec.substr(b, i - b));
  };
  skip_space();
  while (i < spec.size()) {
    Element e;
    char c = spec[i];
    if (c == '(') {
      ++i;
      std::vector<std::string> alt;
      for (;;) {
        skip_space();
        if (i >= spec.size()) return invalid_argument("expected ')' in pattern '" + p.spec_ + "', found the end");
        if (spec[i] == '|' || spec[i] == ')') {
          if (alt.empty()) return invalid_argument("expected a word before '" + std::string(1, spec[i]) + "' in pattern '" + p.spec_ + "'");
          e.alternatives.push_back(std::move(alt));
          alt.clear();
          if (spec[i++] == ')') break;
          continue;
        }
        std::string w = read_word("|)");
        if (w.empty()) return invalid_argument("expected a word in pattern '" + p.spec_ + "'");
        alt.push_back(std::move(w));
      }
    } else if (c == '~') {
      ++i;
      std::string n = read_word("");
      if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 2) {
        return invalid_argument("expected a gap length after '~' in pattern '" + p.spec_ + "', found '" + n + "'");
      }
      e.kind = Element::Kind::kGap;
      e.gap = static_cast<size_t>(std::stoi(n));
    } else if (c == ')' || c == '|') {
      return invalid_argument("expected a word in pattern '" + p.spec_ + "', found '" + std::string(1, c) + "'");
    } else {
      std::string w = read_word("?");
      if (w == "#num") {
        e.kind = Element::Kind::kNumber;
      } else if (w == "#name") {
        e.kind = Element::Kind::kName;
      } else if (w == "#cap") {
        e.kind = Element::Kind::kCapital;
      } else {
        e.alternatives.push_back({std::move(w)});
      }
    }
    if (i < spec.size() && spec[i] == '?') {
      e.optional = true;
      ++i;
    }
    p.elements_.push_back(std::move(e));
    skip_space();
  }
  if (p.elements_.empty()) return invalid_argument("expected at least one element in an empty pattern");
  return p;
}

namespace {
std::mutex& failures_mutex() {
  static std::mutex m;
  return m;
}
std::vector<std::string>& failures() {
  static std::vector<std::string> f;
  return f;
}
}  // namespace

std::vector<std::string> compile_failures() {
  std::lock_guard<std::mutex> lock(failures_mutex());
  return failures();
}

Pattern must_compile(std::string_view spec) {
  auto p = Pattern::compile(spec);
  if (!p.is_ok()) {
    std::lock_guard<std::mutex> lock(failures_mutex());
    failures().push_back(p.status().message());
  }
  assert(p.is_ok() && "a built-in pattern does not compile");
  if (!p.is_ok()) return Pattern::compile("\x01").value();  // NDEBUG: a token that never occurs
  return std::move(p).value();
}

namespace {

bool word_matches(const std::string& pattern_word, const Token& t) {
  if (!pattern_word.empty() && pattern_word.back() == '*') {
    return t.norm.compare(0, pattern_word.size() - 1, pattern_word, 0, pattern_word.size() - 1) == 0 &&
           t.norm.size() >= pattern_word.size() - 1;
  }
  return t.norm == pattern_word;
}

}  // namespace

bool Pattern::match_from(const std::vector<Token>& tokens, size_t element, size_t pos, size_t& end) const {
  if (element == elements_.size()) {
    end = pos;
    return true;
  }
  const Element& e = elements_[element];
  if (e.optional && match_from(tokens, element + 1, pos, end)) return true;
  switch (e.kind) {
    case Element::Kind::kGap:
      for (size_t k = 0; k <= e.gap && pos + k <= tokens.size(); ++k) {
        if (match_from(tokens, element + 1, pos + k, end)) return true;
      }
      return false;
    case Element::Kind::kNumber:
      return pos < tokens.size() && tokens[pos].numeric && match_from(tokens, element + 1, pos + 1, end);
    case Element::Kind::kName:
      return pos < tokens.size() && tokens[pos].capitalized && tokens[pos].norm != "i" &&
             match_from(tokens, element + 1, pos + 1, end);
    case Element::Kind::kCapital:
      return pos < tokens.size() && tokens[pos].capitalized && !tokens[pos].first && tokens[pos].norm != "i" &&
             match_from(tokens, element + 1, pos + 1, end);
    case Element::Kind::kAlternatives:
      for (const auto& alt : e.alternatives) {
        if (pos + alt.size() > tokens.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < alt.size() && ok; ++k) ok = word_matches(alt[k], tokens[pos + k]);
        if (ok && match_from(tokens, element + 1, pos + alt.size(), end)) return true;
      }
      return false;
  }
  return false;
}

std::optional<Match> Pattern::find(const std::vector<Token>& tokens, size_t from) const {
  for (size_t s = from; s < tokens.size(); ++s) {
    size_t end = 0;
    if (match_from(tokens, 0, s, end) && end > s) {
      Match m;
      m.first_token = s;
      m.end_token = end;
      m.start = tokens[s].start;
      m.end = tokens[end - 1].end;
      return m;
    }
  }
  return std::nullopt;
}

size_t sentence_end(std::string_view text, bool at_end) {
  size_t line_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') return i + 1;
    bool terminator = c == '.' || c == '!' || c == '?';
    size_t after = i + 1;
    // U+2026 (horizontal ellipsis) is E2 80 A6.
    if (!terminator && static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0xA6) {
      terminator = true;
      after = i + 3;
    }
    if (!terminator) continue;
    // A list number at the start of a line ("1. ", "12) ") is not a sentence.
    if (c == '.') {
      size_t k = line_start;
      while (k < i && (text[k] == ' ' || text[k] == '\t')) ++k;
      size_t digits_from = k;
      while (k < i && text[k] >= '0' && text[k] <= '9') ++k;
      if (k == i && k > digits_from) continue;
    }
    // Closing quotes and brackets belong to the sentence they close; then repeated terminators.
    size_t j = after;
    while (j < text.size()) {
      unsigned char b = static_cast<unsigned char>(text[j]);
      if (b == '"' || b == '\'' || b == ')' || b == ']' || b == '.' || b == '!' || b == '?' || b == '*' ||
          b == '_') {
        ++j;
        continue;
      }
      // U+2019 and U+201D (E2 80 99 / E2 80 9D).
      if (b == 0xE2 && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80 &&
          (static_cast<unsigned char>(text[j + 2]) == 0x99 || static_cast<unsigned char>(text[j + 2]) == 0x9D)) {
        j += 3;
        continue;
      }
      break;
    }
    if (j == text.size()) {
      if (at_end) return j;
      return std::string_view::npos;  // the next byte decides ("3." + "5 mg")
    }
    if (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
      // Swallow one run of spaces so the next sentence starts at its first word.
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < text.size() && text[j] == '\n') ++j;
      return j;
    }
    i = j - 1;
  }
  return at_end && !text.empty() ? text.size() : std::string_view::npos;
}

size_t code_points_before(std::string_view text, size_t byte_offset) {
  if (byte_offset > text.size()) byte_offset = text.size();
  size_t pos = 0;
  size_t n = 0;
  while (pos < byte_offset) {
    utf8::decode_next(text, pos);
    ++n;
  }
  return n;
}

}  // namespace haven::safety::scan
