#include "safety/text/normalize.h"

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"

namespace haven::safety::text {
namespace {

// Runs of three or more identical letters are stretched emphasis ("sooo", "killlll"). They shrink to two
// (English doubles letters often); when the single-letter form is one of these words, that form wins.
const std::unordered_set<std::string>& single_letter_words() {
  static const std::unordered_set<std::string> words = {
      "die",   "dead",  "done",    "hate",  "life",   "myself", "suicide", "suicidal", "so",    "no",
      "please", "help", "me",      "alone", "tired",  "over",   "gone",    "bye",      "goodbye", "why",
      "hurt",  "pain",  "god",     "hope",  "hopeless", "sad",  "scared",  "lonely",   "end",   "live",
      "dying", "fine",  "ok",      "okay",  "yes",    "now",    "bad",     "mad",      "cut",   "cry",
      "lol",   "omg",   "hungry",  "fat",   "eat",    "ugh",    "noo",     "what",     "time",  "sorry",
      "really", "very", "love",    "hi",    "hey",    "oh",     "yeah",    "gonna",    "wanna", "nope"};
  return words;
}

// Whole-word rewrites applied after case folding and stretching; keys are written as people type them.
// Values are canonical token sequences.
const std::unordered_map<std::string, std::vector<std::string>>& rewrites() {
  static const std::unordered_map<std::string, std::vector<std::string>> table = {
      // Contractions typed without an apostrophe.
      {"im", {"i", "am"}}, {"ive", {"i", "have"}}, {"dont", {"do", "not"}}, {"doesnt", {"does", "not"}},
      {"didnt", {"did", "not"}}, {"cant", {"can", "not"}}, {"cannot", {"can", "not"}},
      {"wont", {"will", "not"}}, {"isnt", {"is", "not"}}, {"arent", {"are", "not"}},
      {"wasnt", {"was", "not"}}, {"werent", {"were", "not"}}, {"wouldnt", {"would", "not"}},
      {"couldnt", {"could", "not"}}, {"shouldnt", {"should", "not"}}, {"havent", {"have", "not"}},
      {"hasnt", {"has", "not"}}, {"hadnt", {"had", "not"}}, {"aint", {"am", "not"}},
      {"youre", {"you", "are"}}, {"theyre", {"they", "are"}}, {"thats", {"that", "is"}},
      {"whats", {"what", "is"}}, {"wanna", {"want", "to"}}, {"wana", {"want", "to"}},
      {"gonna", {"going", "to"}}, {"gona", {"going", "to"}}, {"gotta", {"got", "to"}},
      {"tryna", {"trying", "to"}}, {"finna", {"going", "to"}}, {"imma", {"i", "am", "going", "to"}},
      {"ima", {"i", "am", "going", "to"}},
      // Chat abbreviations.
      {"u", {"you"}}, {"ur", {"your"}}, {"bc", {"because"}}, {"cuz", {"because"}}, {"coz", {"because"}},
      {"rn", {"right", "now"}}, {"tn", {"tonight"}}, {"tonite", {"tonight"}}, {"2nite", {"tonight"}},
      {"2night", {"tonight"}}, {"tmrw", {"tomorrow"}}, {"tmr", {"tomorrow"}}, {"tmrow", {"tomorrow"}},
      {"tomoro", {"tomorrow"}}, {"tommorow", {"tomorrow"}}, {"tomorow", {"tomorrow"}},
      {"ppl", {"people"}}, {"idk", {"i", "do", "not", "know"}}, {"idc", {"i", "do", "not", "care"}},
      {"ngl", {"honestly"}}, {"tbh", {"honestly"}}, {"bf", {"boyfriend"}}, {"gf", {"girlfriend"}},
      {"mum", {"mom"}}, {"mam", {"mom"}}, {"pls", {"please"}}, {"plz", {"please"}}, {"alot", {"a", "lot"}},
      {"lmao", {"lol"}}, {"lmfao", {"lol"}}, {"rofl", {"lol"}}, {"haha", {"lol"}}, {"hahaha", {"lol"}},
      {"lolol", {"lol"}}, {"jk", {"joking"}}, {"b4", {"before"}}, {"w", {"with"}}, {"abt", {"about"}},
      {"anymore", {"anymore"}}, {"any1", {"anyone"}}, {"some1", {"someone"}}, {"no1", {"no", "one"}},
      // Slang and euphemisms for suicide and self-harm ("algospeak").
      {"kms", {"kill", "myself"}}, {"kys", {"kill", "yourself"}}, {"sewerslide", {"suicide"}},
      {"suicde", {"suicide"}}, {"sucide", {"suicide"}}, {"suiside", {"suicide"}}, {"suicied", {"suicide"}},
      {"suacide", {"suicide"}}, {"suiscide", {"suicide"}}, {"sucicide", {"suicide"}},
      {"suecide", {"suicide"}}, {"suside", {"suicide"}}, {"sueside", {"suicide"}}, {"suicidee", {"suicide"}}, {"ctb", {"suicide"}},
      {"suicidial", {"suicidal"}}, {"sucidal", {"suicidal"}}, {"suicidle", {"suicidal"}},
      {"sucicidal", {"suicidal"}}, {"suisidal", {"suicidal"}}, {"suicdal", {"suicidal"}},
      {"suicidel", {"suicidal"}}, {"suiciddal", {"suicidal"}}, {"selfharm", {"self", "harm"}},
      {"selfharming", {"self", "harming"}}, {"sh", {"self", "harm"}}, {"shing", {"self", "harming"}},
      // Censored with a star ("s*lf h*rmed"), which is stripped from the word.
      {"slf", {"self"}}, {"hrm", {"harm"}}, {"hrmed", {"harmed"}}, {"hrming", {"harming"}},
      {"balkony", {"balcony"}}, {"balcany", {"balcony"}},
      {"unalived", {"unalive"}}, {"unaliving", {"unalive"}}, {"ded", {"dead"}}, {"dieing", {"dying"}},
      {"myslef", {"myself"}}, {"mysefl", {"myself"}}, {"myelf", {"myself"}}, {"mysef", {"myself"}},
      {"meself", {"myself"}}, {"od", {"overdose"}}, {"oding", {"overdosing"}}, {"oded", {"overdosed"}},
      {"odd", {"odd"}}, {"lyfe", {"life"}}, {"diee", {"die"}}, {"kil", {"kill"}}, {"wannna", {"want", "to"}},
      {"overdoze", {"overdose"}}, {"overdosed", {"overdosed"}}, {"pils", {"pills"}},
      {"suicidally", {"suicidal"}}, {"noose", {"noose"}},
      // Misspellings of the words that distress and ideation are written in, typed in a hurry.
      {"disapear", {"disappear"}}, {"dissapear", {"disappear"}}, {"dissappear", {"disappear"}},
      {"depresed", {"depressed"}}, {"lonley", {"lonely"}}, {"lonly", {"lonely"}}, {"hopless", {"hopeless"}},
      {"exausted", {"exhausted"}}, {"exhuasted", {"exhausted"}}, {"tierd", {"tired"}},
      {"worthles", {"worthless"}}, {"misrable", {"miserable"}}, {"miserible", {"miserable"}},
      {"burdon", {"burden"}}, {"everyting", {"everything"}}, {"wnat", {"want"}}, {"tryed", {"tried"}},
      {"atempt", {"attempt"}}, {"attemp", {"attempt"}}, {"attemted", {"attempted"}},
      {"atempted", {"attempted"}}, {"unalve", {"unalive"}}, {"exsist", {"exist"}}, {"exsisting", {"existing"}},
      {"tird", {"tired"}}, {"forevr", {"forever"}}, {"forver", {"forever"}}, {"evry", {"every"}}, {"evryday", {"everyday"}}, {"evrything", {"everything"}},
      // The dropped g of speech ("i cant stop thinkin about endin it all"), for the verbs risk is told in.
      {"endin", {"ending"}}, {"thinkin", {"thinking"}}, {"cuttin", {"cutting"}}, {"killin", {"killing"}},
      {"dyin", {"dying"}}, {"tryin", {"trying"}}, {"feelin", {"feeling"}}, {"goin", {"going"}},
      {"livin", {"living"}}, {"hurtin", {"hurting"}}, {"doin", {"doing"}}, {"takin", {"taking"}},
      {"wantin", {"wanting"}}, {"sayin", {"saying"}}, {"gettin", {"getting"}}, {"nothin", {"nothing"}},
      {"somethin", {"something"}}, {"burnin", {"burning"}}, {"plannin", {"planning"}}, {"jumpin", {"jumping"}},
  };
  return table;
}

// Intensifiers that sit inside a phrase without changing it ("I want to fucking end it").
bool is_intensifier(const std::string& w) {
  static const std::unordered_set<std::string> words = {
      "fucking", "fuckin", "fkn", "fking", "freaking", "freakin", "frickin", "fricking", "friggin",
      "effing", "goddamn", "goddamned", "damn", "bloody", "literally", "actually", "honestly",
      "seriously", "totally", "truly", "genuinely", "fuckn"};
  return words.count(w) > 0;
}

const std::unordered_set<std::string>& possessive_is_bases() {
  static const std::unordered_set<std::string> bases = {
      "he", "she", "it", "that", "there", "what", "who", "where", "here", "how", "life", "everything",
      "nothing", "this", "everyone", "nobody", "noone", "someone", "somebody"};
  return bases;
}

// Latin-1 and Latin Extended-A letters folded to ASCII; 0 when cp is not such a letter.
char fold_latin(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    static const char* const kMap =
        "aaaaaaaceeeeiiii"   // C0-CF
        "dnooooo\0ouuuuyts"  // D0-DF (D7 is x, DF sharp s)
        "aaaaaaaceeeeiiii"   // E0-EF
        "dnooooo\0ouuuuyty"; // F0-FF (F7 is division)
    char c = kMap[cp - 0xC0];
    return c;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    static const char* const kExtA =
        "aaaaaaccccccccdd"  // 100
        "ddeeeeeeeeeegggg"  // 110
        "gggghhhhiiiiiiii"  // 120
        "iiiijjkkklllllll"  // 130
        "lllnnnnnnnnnoooo"  // 140
        "oooorrrrrrssssss"  // 150
        "ssttttttuuuuuuuu"  // 160
        "uuuuwwyyyzzzzzzs"; // 170
    return kExtA[cp - 0x100];
  }
  return 0;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Emoji that stand for a word in how people write about risk; laughing faces mark a joke.
const char* emoji_word(char32_t cp) {
  switch (cp) {
    case 0x1F602: case 0x1F923: case 0x1F480: case 0x1F606: case 0x1F639: return "lol";
    case 0x1F52A: case 0x1F5E1: return "knife";
    case 0x1F309: case 0x1F301: return "bridge";
    case 0x1F48A: return "pills";
    case 0x1F52B: return "gun";
    case 0x1FAA2: return "rope";
    case 0x1FA78: return "blood";
    case 0x26B0: case 0x26B1: return "coffin";
    case 0x1F62D: case 0x1F622: case 0x1F97A: case 0x1F494: case 0x1F972: case 0x1F614: case 0x1F61E: return "sad";
    case 0x1F44D: return "yes";  // a thumbs-up answer
    case 0x1FA92: return "razor";
    case 0x1FAA6: return "coffin";   // headstone
    case 0x1FA79: return "plaster";  // adhesive bandage
    default: return nullptr;
  }
}

enum class CharClass { kLetter, kApostrophe, kSpace, kSentence, kQuestion, kExclaim, kClause, kJoiner, kOther };

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return CharClass::kLetter;
    // Leetspeak and censoring ("$uicide", "suic*dal", "sh*t"); stripped from the word afterwards.
    if (c == '@' || c == '$' || c == '*') return CharClass::kLetter;
    if (c == '\'' || c == '`') return CharClass::kApostrophe;
    if (c == '\n' || c == '.') return CharClass::kSentence;
    if (c == '?') return CharClass::kQuestion;
    if (c == '!') return CharClass::kExclaim;
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '[' || c == ']')
      return CharClass::kClause;
    if (c == '-' || c == '_' || c == '/' || c == '&' || c == '+') return CharClass::kJoiner;
    if (c == ' ' || c == '\t' || c == '\r') return CharClass::kSpace;
    return CharClass::kOther;
  }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x2032: case 0xFF07: return CharClass::kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2014: case 0x2013:
    case 0xFF0C: case 0x3001: return CharClass::kClause;
    case 0x2026: case 0x3002: case 0xFF0E: case 0x2029: case 0x2028: return CharClass::kSentence;
    case 0xFF1F: return CharClass::kQuestion;
    case 0xFF01: return CharClass::kExclaim;
    case 0x00A0: case 0x2009: case 0x200A: case 0x202F: case 0x3000: case 0x200B: case 0xFE0F: case 0x200D:
      return CharClass::kSpace;
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x206F) return CharClass::kSpace;  // general punctuation, spaces
  if (cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF)) return CharClass::kOther;  // symbols, emoji
  if (cp == 0xFFFD) return CharClass::kSpace;
  return CharClass::kLetter;  // letters of any script
}

int boundary_strength(char c) {
  switch (c) {
    case '?': return 4;
    case '!': return 3;
    case '.': return 2;
    case ',': return 1;
    default: return 0;
  }
}

std::string collapse_runs(const std::string& w, bool* had_long_run) {
  std::string out;
  out.reserve(w.size());
  size_t i = 0;
  while (i < w.size()) {
    size_t j = i;
    while (j < w.size() && w[j] == w[i]) ++j;
    size_t run = j - i;
    if (run >= 3 && is_ascii_letter(w[i])) {
      *had_long_run = true;
      out.append(2, w[i]);
    } else {
      out.append(run, w[i]);
    }
    i = j;
  }
  return out;
}

std::string single_runs(const std::string& w) {
  std::string out;
  for (char c : w) {
    if (!out.empty() && out.back() == c && is_ascii_letter(c)) continue;
    out.push_back(c);
  }
  return out;
}

char leet(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '@': return 'a';
    case '$': return 's';
    default: return c;
  }
}

// Risk words people censor with asterisks. Short words that a censored swear word could also spell
// ("c*t", "g*n") are left out: reading those wrong would put words in the writer's mouth.
const char* uncensor(const std::string& w) {
  static const char* const words[] = {"kill", "killing", "killed", "suicide", "suicidal", "die", "dying", "dead",
                                      "death", "hang", "hanging", "myself", "harm", "cutting", "overdose",
                                      "unalive", "noose", "pills"};
  // '*' stands for one letter; a run of them may stand for one to run-length letters ("s**cide").
  auto fits = [](const std::string& pat, size_t i, const char* word, auto&& self) -> bool {
    if (i == pat.size()) return *word == '\0';
    if (pat[i] != '*') return *word == pat[i] && self(pat, i + 1, word + 1, self);
    size_t run = 0;
    while (i + run < pat.size() && pat[i + run] == '*') ++run;
    for (size_t n = 1; n <= run; ++n) {
      size_t k = 0;
      while (k < n && word[k] != '\0') ++k;
      if (k < n) return false;
      if (self(pat, i + run, word + n, self)) return true;
    }
    return false;
  };
  size_t letters = 0;
  for (char c : w) {
    if (is_ascii_letter(c)) ++letters;
    else if (c != '*') return nullptr;
  }
  if (letters < 2) return nullptr;
  const char* found = nullptr;
  for (const char* word : words) {
    if (!fits(w, 0, word, fits)) continue;
    if (found) return nullptr;  // two readings: guess neither
    found = word;
  }
  return found;
}

// Canonical form of one apostrophe-free piece: leetspeak undone, stretching undone, rewrites applied.
void canonical_pieces(std::string piece, std::vector<std::string>& out) {
  // Rewrites first on the plain form so "2nite" or "b4" are not mangled by the leetspeak rule.
  bool long_run = false;
  std::string stretched = collapse_runs(piece, &long_run);
  const auto& rw = rewrites();
  auto emit = [&](const std::string& w) {
    auto it = rw.find(w);
    if (it != rw.end()) {
      for (const auto& t : it->second) out.push_back(t);
    } else {
      out.push_back(w);
    }
  };
  if (rw.count(stretched)) return emit(stretched);
  bool has_letter = false, has_digitish = false;
  for (char c : stretched) {
    if (is_ascii_letter(c)) has_letter = true;
    else has_digitish = true;
  }
  if (has_letter && has_digitish && (is_ascii_letter(stretched[0]) || stretched[0] == '@' || stretched[0] == '$')) {
    // Letters then only digits ("mp3", "covid19") is a name, not leetspeak.
    size_t k = 0;
    while (k < stretched.size() && is_ascii_letter(stretched[k])) ++k;
    bool tail_digits = k < stretched.size();
    for (size_t m = k; m < stretched.size(); ++m) tail_digits = tail_digits && is_ascii_digit(stretched[m]);
    if (!tail_digits) {
      for (char& c : stretched) c = leet(c);
      stretched = collapse_runs(stretched, &long_run);
    }
  }
  // A word censored with asterisks ("k*ll", "s**cide", "suic*dal"), as people write to get past filters:
  // read it as the risk word it spells, letter for letter, when exactly one does.
  if (stretched.find('*') != std::string::npos) {
    if (const char* word = uncensor(stretched)) return emit(word);
  }
  // Stray symbols left over ("$" alone, "@name").
  std::string clean;
  for (char c : stretched)
    if (c != '@' && c != '$' && c != '*') clean.push_back(c);
  if (clean.empty()) return;
  if (long_run) {
    std::string single = single_runs(clean);
    if (single_letter_words().count(single) || rw.count(single)) return emit(single);
  }
  emit(clean);
}

// Splits a lower-cased word that may contain apostrophes and appends its canonical tokens.
void word_to_tokens(const std::string& raw, std::vector<std::string>& out) {
  // Strip leading and trailing apostrophes (quotes, plural possessives).
  size_t b = 0, e = raw.size();
  while (b < e && raw[b] == '\'') ++b;
  while (e > b && raw[e - 1] == '\'') --e;
  if (b == e) return;
  std::string w = raw.substr(b, e - b);
  size_t ap = w.find('\'');
  if (ap == std::string::npos) return canonical_pieces(w, out);
  std::string base = w.substr(0, ap);
  std::string suffix = w.substr(ap + 1);
  // Remove any further apostrophes ("y'all'd").
  std::string rest;
  for (char c : suffix)
    if (c != '\'') rest.push_back(c);
  if (rest == "t" && base.size() >= 2 && base.back() == 'n') {
    std::string stem = base.substr(0, base.size() - 1);
    if (stem == "wo") stem = "will";
    else if (stem == "ca") stem = "can";
    else if (stem == "ai") stem = "am";
    else if (stem == "sha") stem = "shall";
    canonical_pieces(stem, out);
    out.push_back("not");
    return;
  }
  if (rest == "m") { canonical_pieces(base, out); out.push_back("am"); return; }
  if (rest == "re") { canonical_pieces(base, out); out.push_back("are"); return; }
  if (rest == "ve") { canonical_pieces(base, out); out.push_back("have"); return; }
  if (rest == "ll") { canonical_pieces(base, out); out.push_back("will"); return; }
  if (rest == "d") { canonical_pieces(base, out); out.push_back("would"); return; }
  if (rest == "s") {
    canonical_pieces(base, out);
    if (possessive_is_bases().count(base)) out.push_back("is");
    return;
  }
  canonical_pieces(base + rest, out);
}

}  // namespace

std::string canonical_word(std::string_view word) {
  std::string lower;
  for (char c : word) lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  bool long_run = false;
  std::string w = collapse_runs(lower, &long_run);
  return w;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  std::string word;          // lower-cased, folded, apostrophes as '\''
  uint32_t w_byte = 0, w_cp = 0, w_byte_end = 0, w_cp_end = 0;
  std::vector<std::string> pieces;

  auto push_boundary = [&](char kind, uint32_t bs, uint32_t be, uint32_t cs, uint32_t ce) {
    if (tokens.empty()) return;
    Token& last = tokens.back();
    if (last.is_boundary()) {
      if (boundary_strength(kind) > boundary_strength(last.text[0])) last.text[0] = kind;
      last.byte_end = be;
      last.cp_end = ce;
      return;
    }
    Token t;
    t.text = std::string(1, kind);
    t.byte_start = bs;
    t.byte_end = be;
    t.cp_start = cs;
    t.cp_end = ce;
    tokens.push_back(std::move(t));
  };
  auto flush_word = [&]() {
    if (word.empty()) return;
    pieces.clear();
    word_to_tokens(word, pieces);
    for (auto& p : pieces) {
      if (is_intensifier(p)) continue;
      Token t;
      t.text = std::move(p);
      t.byte_start = w_byte;
      t.byte_end = w_byte_end;
      t.cp_start = w_cp;
      t.cp_end = w_cp_end;
      tokens.push_back(std::move(t));
    }
    word.clear();
  };

  size_t pos = 0;
  uint32_t cp_index = 0;
  while (pos < text.size()) {
    uint32_t start_byte = static_cast<uint32_t>(pos);
    char32_t cp = utf8::decode_next(text, pos);
    uint32_t end_byte = static_cast<uint32_t>(pos);
    uint32_t this_cp = cp_index++;
    CharClass cls = classify(cp);
    if (cls == CharClass::kLetter || (cls == CharClass::kApostrophe && !word.empty())) {
      if (word.empty()) {
        w_byte = start_byte;
        w_cp = this_cp;
      }
      if (cls == CharClass::kApostrophe) {
        word.push_back('\'');
      } else if (cp < 0x80) {
        char c = static_cast<char>(cp);
        word.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
      } else if (char f = fold_latin(cp); f != 0) {
        word.push_back(f);
      } else {
        // Another script: keep a marker letter that never matches the lexicon.
        word.append("\x01");
      }
      w_byte_end = end_byte;
      w_cp_end = this_cp + 1;
      continue;
    }
    flush_word();
    switch (cls) {
      case CharClass::kSentence: push_boundary('.', start_byte, end_byte, this_cp, this_cp + 1); break;
      case CharClass::kQuestion: push_boundary('?', start_byte, end_byte, this_cp, this_cp + 1); break;
      case CharClass::kExclaim: push_boundary('!', start_byte, end_byte, this_cp, this_cp + 1); break;
      case CharClass::kClause: push_boundary(',', start_byte, end_byte, this_cp, this_cp + 1); break;
      case CharClass::kOther: {
        if (const char* ew = emoji_word(cp)) {
          Token t;
          t.text = ew;
          t.byte_start = start_byte;
          t.byte_end = end_byte;
          t.cp_start = this_cp;
          t.cp_end = this_cp + 1;
          tokens.push_back(std::move(t));
        }
        break;
      }
      default: break;  // spaces, joiners, apostrophes outside words
    }
  }
  flush_word();
  // Spaced-out letters ("d i e", "w a n t") are one word, written that way for emphasis or to dodge filters.
  {
    std::vector<Token> joined;
    joined.reserve(tokens.size());
    size_t r = 0;
    // The letter as typed: a lone "w" or "u" was already rewritten ("with", "you") and must join as typed.
    auto lone_letter = [&](const Token& t) -> char {
      if (t.byte_end != t.byte_start + 1 || t.byte_start >= text.size()) return 0;
      char c = text[t.byte_start];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      return is_ascii_letter(c) ? c : 0;
    };
    while (r < tokens.size()) {
      size_t e = r;
      while (e < tokens.size() && lone_letter(tokens[e]) != 0 &&
             (e == r || tokens[e].byte_start > tokens[e - 1].byte_end)) ++e;
      // "I w a n t": a capital I before a spaced-out word is the pronoun, not its first letter.
      if (e - r >= 4 && text[tokens[r].byte_start] == 'I') {
        joined.push_back(std::move(tokens[r]));
        ++r;
        continue;
      }
      if (e - r >= 3) {
        Token t = tokens[r];
        t.text.assign(1, lone_letter(tokens[r]));
        for (size_t k = r + 1; k < e; ++k) t.text.push_back(lone_letter(tokens[k]));
        t.byte_end = tokens[e - 1].byte_end;
        t.cp_end = tokens[e - 1].cp_end;
        // The joined word goes through the same rewrites ("k m s" is "kms", then "kill myself").
        std::vector<std::string> parts;
        canonical_pieces(t.text, parts);
        for (auto& p : parts) {
          Token piece = t;
          piece.text = std::move(p);
          joined.push_back(std::move(piece));
        }
        r = e;
      } else {
        joined.push_back(std::move(tokens[r]));
        ++r;
      }
    }
    tokens.swap(joined);
  }
  // "my self" is "myself" ("kill my self"); merging keeps one lexicon entry per phrase.
  size_t w = 0;
  for (size_t r = 0; r < tokens.size(); ++r) {
    // Not "my self harm" ("my sh", "my self-harm"): that is the writer's self-harm.
    const bool self_harm_follows = r + 2 < tokens.size() && (tokens[r + 2].text == "harm" ||
                                                             tokens[r + 2].text == "harming" ||
                                                             tokens[r + 2].text == "injury");
    if (r + 1 < tokens.size() && tokens[r].text == "my" && tokens[r + 1].text == "self" && !self_harm_follows) {
      if (w != r) tokens[w] = std::move(tokens[r]);
      tokens[w].text = "myself";
      tokens[w].byte_end = tokens[r + 1].byte_end;
      tokens[w].cp_end = tokens[r + 1].cp_end;
      ++w;
      ++r;
      continue;
    }
    if (w != r) tokens[w] = std::move(tokens[r]);
    ++w;
  }
  tokens.resize(w);
  return tokens;
}

namespace {
const std::unordered_set<std::string>& common_english() {
  static const std::unordered_set<std::string> words = {
      "the", "and", "to", "of", "i", "you", "it", "in", "is", "that", "my", "me", "for", "this", "was",
      "with", "be", "have", "but", "not", "are", "on", "just", "so", "do", "what", "he", "she", "they",
      "we", "at", "all", "can", "if", "like", "about", "am", "an", "or", "your", "will", "know", "how",
      "want", "feel", "get", "from", "been", "would", "there", "when", "out", "one", "up", "had", "because",
      "really", "think", "dont", "im", "life", "people", "time", "now", "her", "his", "them", "who", "why",
      "by", "go", "has", "did", "anymore", "myself", "never", "even", "more", "back", "could", "some",
      "any", "going", "much", "help", "need", "day", "still", "only", "then", "than", "over", "here",
      "their", "were", "our", "well", "good", "bad", "die", "kill", "hate", "love", "today", "tonight",
      "yes", "please", "thanks", "sorry", "everything", "nothing", "something", "someone", "anyone",
      "should", "which", "where", "make", "see", "got", "said", "very", "too", "also", "after", "before",
      "work", "job", "friend", "friends", "family", "mom", "dad", "alone", "tired", "sad", "happy", "ok",
      "okay", "lol", "hi", "hello", "hey", "sleep", "thing", "things", "way", "cant", "ive", "into",
      // Short replies in a chat are made of these ("sometimes, yeah. most nights actually").
      "yeah", "yep", "nope", "maybe", "sometimes", "always", "often", "most", "every", "night", "nights",
      "days", "week", "actually", "guess", "sure", "kind", "bit", "lot", "little", "last", "again", "much",
      "many", "other", "same", "first", "long", "home", "school", "mum", "idk", "tbh", "honestly", "probably",
      "right", "fine", "better", "worse", "yet", "ago", "since", "while", "though", "through", "off", "down",
  };
  return words;
}
}  // namespace

bool is_mostly_non_english(std::string_view text) {
  size_t words = 0, non_latin = 0, latin = 0, english = 0;
  size_t pos = 0;
  std::string cur;
  bool cur_non_latin = false;
  bool in_word = false;
  auto end_word = [&]() {
    if (!in_word) return;
    ++words;
    if (cur_non_latin) {
      ++non_latin;
    } else {
      ++latin;
      if (common_english().count(cur)) ++english;
    }
    cur.clear();
    cur_non_latin = false;
    in_word = false;
  };
  while (pos < text.size()) {
    char32_t cp = utf8::decode_next(text, pos);
    CharClass cls = classify(cp);
    if (cls == CharClass::kLetter) {
      in_word = true;
      if (cp < 0x80) {
        char c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z')) cur.push_back(c);
      } else if (fold_latin(cp) != 0) {
        cur.push_back('#');  // accented letters are common in other languages, rare in English
      } else {
        cur_non_latin = true;
      }
    } else if (cls == CharClass::kApostrophe && in_word) {
      continue;  // "don't" is read as "dont"
    } else {
      end_word();
    }
  }
  end_word();
  if (words < 3) return false;
  if (non_latin * 2 > words) return true;
  if (latin >= 5 && english * 10 < latin) return true;
  return false;
}

}  // namespace haven::safety::text
