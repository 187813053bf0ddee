#include "safety/risk/assessor.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "safety/risk/behaviour_classifier.h"
#include "safety/risk/context_reader.h"
#include "safety/risk/distress_reader.h"
#include "safety/risk/ideation_classifier.h"
#include "safety/risk/lexicon.h"
#include "safety/risk/means_question_reader.h"
#include "safety/risk/means_topics.h"
#include "safety/risk/risk_answers.h"
#include "safety/text/normalize.h"

namespace haven::safety {
namespace {

using risk::Lexicon;
using risk::PhraseMatch;
using risk::PhraseMatcher;
using risk::Rule;
using risk::RuleKind;
using text::Token;

constexpr size_t kCategories = kAllCategories.size();
constexpr size_t kMaxEvidencePerCategory = 3;
// How many tokens after a past cue, in its sentence but not its clause, a phrase is still read as past:
// about one spoken sentence.
constexpr size_t kPastReach = 16;
// Distinct kinds of distress (lexicon.h: hopelessness, entrapment, burden, self-hatred, ...) in one message,
// or across the writer's messages in one session, that together are worth a gentle check-in. Three kinds,
// not three matches: one theme repeated through a long post never adds up on its own.
constexpr int kDistressForCheckIn = 3;
constexpr size_t kDistressKinds = risk::kDistressKinds;

// Pairs of kinds that the main models of suicidal thinking name as its core, so two suffice: feeling a
// burden while feeling alone (Joiner's interpersonal theory: burdensomeness and thwarted belonging); defeat
// or self-hatred with entrapment, and hopelessness with entrapment (O'Connor's integrated
// motivational-volitional model); pain with hopelessness (Klonsky and May's three-step theory); thoughts
// of one's own death or a farewell with any other kind; hopelessness with any other kind (Beck).
bool distress_adds_up(const std::array<bool, kDistressKinds>& kind) {
  using risk::Distress;
  auto has = [&](Distress d) { return kind[static_cast<size_t>(d)]; };
  int n = 0;
  for (bool k : kind) n += k ? 1 : 0;
  if (n >= kDistressForCheckIn) return true;
  if (n < 2) return false;
  if (has(Distress::kDeath) || has(Distress::kFarewell)) return true;
  // Hopelessness is the strongest single predictor of suicidal thinking in Beck's work: with any other
  // kind of distress (a loss, low mood, exhaustion, loneliness, ...) it is worth a check-in.
  if (has(Distress::kHopeless)) return true;
  if (has(Distress::kBurden) && has(Distress::kAlone)) return true;
  return has(Distress::kTrapped) && has(Distress::kSelfHate);
}

size_t cat_index(Category c) { return static_cast<size_t>(c); }

Level max_level(Level a, Level b) { return a > b ? a : b; }
Level min_level(Level a, Level b) { return a < b ? a : b; }

// Words that turn the phrase after them around ("I would never kill myself", "I'm not suicidal").
bool is_negator(const std::string& t) {
  return t == "not" || t == "never" || t == "no" || t == "nor" || t == "without";
}

// Words allowed between a negator and the phrase it negates.
bool is_negation_filler(const std::string& t) {
  static const std::unordered_set<std::string> words = {
      "really", "even",   "ever",     "actually", "going",    "to",        "be",          "want",
      "wanting", "wanted", "try",     "trying",   "plan",     "planning",  "think",       "thinking",
      "about",  "feel",   "feeling",  "felt",     "am",       "is",        "are",         "was",
      "were",   "do",     "does",     "did",      "would",    "will",      "could",       "should",
      "have",   "has",    "had",      "been",     "the",      "a",         "longer",      "currently",
      "seriously", "truly", "that",   "considered", "considering", "so",   "too",         "like",
      "get",    "got",    "any",      "of",       "honestly", "certainly", "definitely", "absolutely",
      "at",     "all",    "intend",   "intending", "gonna",   "ever",      "particularly", "remotely",
      "necessarily", "exactly", "planned", "going",  "willing", "able",     "want",        "wish"};
  return words.count(t) > 0;
}

bool is_first_person(const std::string& t) {
  return t == "i" || t == "me" || t == "my" || t == "myself" || t == "mine";
}

// Someone specific the writer may be worried about.
bool is_specific_other(const std::string& t) {
  static const std::unordered_set<std::string> words = {
      "he",       "she",       "they",     "him",       "her",      "them",     "his",       "their",
      "friend",   "friends",   "brother",  "sister",    "mom",      "mother",   "dad",       "father",
      "son",      "daughter",  "wife",     "husband",   "boyfriend", "girlfriend", "partner", "cousin",
      "aunt",     "uncle",     "roommate", "coworker",  "colleague", "classmate", "grandma",  "grandpa",
      "grandmother", "grandfather", "child", "kid",     "niece",    "nephew",   "fiance",    "fiancee",
      "ex",       "bestie",    "teammate", "neighbor",  "neighbour", "patient", "client",    "student",
      "sibling",  "parent",    "parents",  "stepdad",   "stepmom",  "baby",     "bff",       "character",
      "narrator", "protagonist", "himself", "herself",  "themselves", "kids",   "children",  "sons",
      "daughters", "brothers", "sisters", "mum",     "mam",      "nan",      "gran",      "granny",
      "flatmate", "flatmates", "housemate", "housemates", "bf",  "gf",       "stepbrother", "stepsister",
      "twin",     "carer",     "mate",     "mates",     "bro",      "buddy",    "pal",       "lad",
      "guy",      "girl",      "dude",     "bloke",     "teammates", "coworkers", "colleagues", "classmates"};
  return words.count(t) > 0;
}

bool is_generic_other(const std::string& t) {
  return t == "someone" || t == "somebody" || t == "people" || t == "anyone" || t == "anybody" ||
         t == "everyone" || t == "person" || t == "others" || t == "teens" || t == "teenagers";
}

enum class Person { kWriter, kSpecificOther, kGenericOther };

// The nearest person named before the phrase in its sentence; the writer when none is named
// (a journal is written in the first person).
// within_clause: stop at a comma too, for states ("..., and there's no hope left for me") whose subject
// is rarely named before the clause they are in.
Person subject_of(const std::vector<Token>& tokens, size_t first, bool within_clause = false) {
  size_t steps = 0;
  for (size_t k = first; k > 0 && steps < 12; ++steps) {
    --k;
    const Token& t = tokens[k];
    if (t.is_sentence_end() || (within_clause && t.is_boundary())) break;
    if (t.is_boundary()) continue;
    if (is_first_person(t.text)) return Person::kWriter;
    // The generic "you" of "when you've already decided to end it" speaks of the writer's own case.
    if (t.text == "you" && k > 0) {
      const std::string& before = tokens[k - 1].text;
      if (before == "when" || before == "if" || before == "once" || before == "until" || before == "because")
        return Person::kWriter;
    }
    bool other = is_specific_other(t.text), generic = is_generic_other(t.text);
    if (!other && !generic) continue;
    // "I'm a guy who ...", "I am a patient who ...": the writer describing themselves.
    if (k >= 3 && (tokens[k - 1].text == "a" || tokens[k - 1].text == "an") && tokens[k - 2].text == "am" &&
        tokens[k - 3].text == "i")
      return Person::kWriter;
    // "Does anyone else feel like dying?": the writer counts themselves in.
    if (generic && k + 1 < tokens.size() && tokens[k + 1].text == "else" &&
        (t.text == "anyone" || t.text == "anybody"))
      return Person::kWriter;
    // "anyone got tips for hiding fresh ones?": the writer asks the readers about their own case.
    if (generic && (t.text == "anyone" || t.text == "anybody") && k + 1 < tokens.size() &&
        (tokens[k + 1].text == "got" || tokens[k + 1].text == "have" || tokens[k + 1].text == "know"))
      continue;
    // "someone to talk to before suicide": the one the writer wants to talk to is the listener.
    if (generic && k + 2 < tokens.size() && tokens[k + 1].text == "to" &&
        (tokens[k + 2].text == "talk" || tokens[k + 2].text == "listen" || tokens[k + 2].text == "chat"))
      continue;
    // "talk to someone about suicide", "told my mom that": a person after a preposition is the listener,
    // not who the phrase is about.
    size_t back = k;
    if (back > 0 && (tokens[back - 1].text == "my" || tokens[back - 1].text == "a" || tokens[back - 1].text == "the")) --back;
    if (back > 0) {
      const std::string& prev = tokens[back - 1].text;
      if (prev == "to" || prev == "with" || prev == "told" || prev == "tell" || prev == "asked" || prev == "ask" ||
          prev == "for" || prev == "at")
        continue;
    }
    return other ? Person::kSpecificOther : Person::kGenericOther;
  }
  return Person::kWriter;
}

// positive_negator[k]: token k is a negation inside a phrase that is itself a risk ("no point in going on",
// "I don't want to live"), so it cannot negate a phrase that overlaps or follows it.
bool negated(const std::vector<Token>& tokens, size_t first, const std::vector<uint8_t>& positive_negator) {
  size_t steps = 0;
  for (size_t k = first; k > 0 && steps < 6; ++steps) {
    --k;
    const std::string& t = tokens[k].text;
    if (tokens[k].is_boundary()) return false;
    if (is_negator(t)) {
      if (positive_negator[k]) return false;
      // "not sure I want to live" hedges rather than negates.
      if (k + 1 < tokens.size()) {
        const std::string& next = tokens[k + 1].text;
        if (next == "sure" || next == "know" || next == "certain") return false;
      }
      return true;
    }
    if (!is_negation_filler(t)) return false;
  }
  return false;
}

// What one user message says, before the conversation is taken into account.
struct MessageFindings {
  std::array<Level, kCategories> level{};
  std::vector<Evidence> evidence;
  bool other_person = false;
  bool means = false;
  Evidence means_span;
  bool distress = false;
  Evidence distress_span;
  // The first span of each kind of distress the writer voiced (lexicon.h), for the check-in rule.
  std::array<bool, kDistressKinds> distress_kind{};
  std::array<Evidence, kDistressKinds> distress_kind_span{};
  bool method = false;
  bool prep = false;
  bool timing = false;
  // The settled-decision signs (lexicon.h kEnding, kRelief; kPrep with kFlagDecision or kFlagAcquired).
  bool ending = false;
  bool ending_strong = false;  // the writer's own ceasing ("nobody will have to check on me"), not exams ending
  Evidence ending_span;
  bool farewell_prep = false;  // preparation that reads as a farewell (lexicon.h kFlagFarewell)
  bool departure = false;      // a move, a transfer or a trip in the message (lexicon.h kPurpose at moderate)
  bool relief = false;
  Evidence relief_span;
  bool decision = false;
  bool acquired = false;
  Evidence plan_span;  // the first decision or means got
  bool ending_is_the_thought = false;  // the ending's words are those of a thought the phrases found
  bool thoughts = false;           // suicidal thoughts, in words or as a reader reads them
  bool thoughts_in_words = false;  // ... in the phrases' words
  bool present = false;        // an act happening now or just now (took pills, standing on the ledge)
  bool ideation = false;       // suicide or self-harm at moderate or above, the writer's own
  bool non_english = false;
  // The context reader all but certain of a short message it could not count alone (assessor's session
  // rule below): the category it would raise and the words it weighed most.
  bool context_near_certain = false;
  Category context_category = Category::kSuicide;
  std::vector<Evidence> context_evidence;
  std::vector<std::string> notes;  // rule families that fired, for the reason line
  // The message as the classifier may read it: sentences the rules read as fiction, a question about the
  // topic, or the past are blanked out, and a message that says it is resolved is left out entirely
  // (ideation_classifier.h has no notion of who or when).
  std::vector<Token> classifier_tokens;
};

void add_note(MessageFindings& f, const std::string& note) {
  if (std::find(f.notes.begin(), f.notes.end(), note) == f.notes.end()) f.notes.push_back(note);
}

// Evidence for tokens [first, last] of one message.
Evidence span_between(const std::vector<Token>& tokens, size_t first, size_t last, size_t message, Category c,
                      Level l) {
  Evidence e;
  e.message = message;
  e.byte_start = tokens[first].byte_start;
  e.byte_end = tokens[last].byte_end;
  e.start = tokens[first].cp_start;
  e.end = tokens[last].cp_end;
  e.category = c;
  e.level = l;
  return e;
}

Evidence span_of(const std::vector<Token>& tokens, const PhraseMatch& m, size_t message, Category c, Level l) {
  return span_between(tokens, m.first, m.last, message, c, l);
}

void add_distress_evidence(std::vector<Evidence>& evidence, const std::array<bool, kDistressKinds>& kind,
                           const std::array<Evidence, kDistressKinds>& span);
void settled_decision(MessageFindings& f, Level& suicide, bool reader_farewell);

// Byte ranges of the text that quote someone else ("coworker said at lunch 'if this fails i'm gonna end it
// all'"): a quotation opened after a verb of speech whose subject is not the writer. "I told her 'I want
// to die'" stays the writer's own words.
std::vector<std::pair<size_t, size_t>> reported_speech(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  // A quotation is short, stays on one line, and closes with the mark that matches its opening one.
  constexpr size_t kMaxQuote = 200;
  auto is_space = [&](size_t i) { return i >= text.size() || text[i] == ' ' || text[i] == '\n' || text[i] == '\t'; };
  auto word_after = [&](size_t i) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t e = i;
    while (e < text.size() && ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z'))) ++e;
    std::string w(text.substr(i, e - i));
    for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return w;
  };
  // Opening marks and the closing mark each expects (UTF-8 for the curly ones).
  struct Mark {
    std::string_view open, close;
  };
  static const Mark kMarks[] = {{"\"", "\""}, {"'", "'"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xE2\x80\x98", "\xE2\x80\x99"}};
  static const std::unordered_set<std::string> kElisions = {"til", "cause", "cos", "em", "n", "bout", "round", "s"};
  static const std::unordered_set<std::string> kAfterQuote = {
      "and", "but", "then", "so", "or", "to", "at", "before", "after", "when", "while", "because", "he", "she",
      "they", "i", "lol", "which", "who", "like", "last", "this", "in", "on", "over", "every", "again", "since",
      "lately", "recently", "now", "too", "whenever", "if", "all"};
  for (size_t i = 0; i < text.size(); ++i) {
    const bool after_space = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == ':' || text[i - 1] == '\t';
    if (!after_space) continue;
    const Mark* mark = nullptr;
    for (const Mark& m : kMarks)
      if (text.compare(i, m.open.size(), m.open) == 0) mark = &m;
    if (!mark) continue;
    const size_t body = i + mark->open.size();
    if (mark->open == "'" && kElisions.count(word_after(body))) continue;  // 'til, 'cause, rock 'n' roll
    size_t close = std::string_view::npos;
    for (size_t k = body; k < text.size() && k < i + kMaxQuote; ++k) {
      // Never across a line or a sentence: a quotation that hid the writer's own next sentence would hide
      // their disclosure, the worse mistake.
      if (text[k] == '\n') break;
      if ((text[k] == '.' || text[k] == '!' || text[k] == '?') && k + 1 < text.size() && text[k + 1] == ' ') break;
      if (text.compare(k, mark->close.size(), mark->close) != 0 || k == body || text[k - 1] == ' ') continue;
      const size_t next = k + mark->close.size();
      const bool ends = is_space(next) || text[next] == '.' || text[next] == ',' || text[next] == '!' ||
                        text[next] == '?' || text[next] == ';';
      if (!ends) continue;
      // A straight apostrophe after a word is usually a possessive ("my parents' pills"): it closes only
      // before the end, punctuation, or a word that commonly follows a quotation.
      // After a sentence's own punctuation ("...much longer.' Should I") it can only close a quotation.
      const bool after_punctuation = text[k - 1] == '.' || text[k - 1] == '!' || text[k - 1] == '?' || text[k - 1] == ',';
      if (mark->close == "'" && is_space(next) && next < text.size() && !after_punctuation &&
          !kAfterQuote.count(word_after(next)))
        continue;
      close = k;
      break;
    }
    if (close == std::string_view::npos) continue;
    // The words before the quotation, back to the start of its sentence.
    size_t from = i;
    while (from > 0 && i - from < 120 && text[from - 1] != '.' && text[from - 1] != '!' && text[from - 1] != '?' &&
           text[from - 1] != '\n')
      --from;
    std::vector<Token> before = text::tokenize(text.substr(from, i - from));
    bool spoken_by_other = false;
    for (size_t v = before.size(); v-- > 0;) {
      static const std::unordered_set<std::string> speech = {
          "said", "says", "say", "told", "tells", "texted", "texts", "wrote", "writes", "posted", "messaged",
          "asked", "asks", "joked", "jokes", "laughed", "yelled", "screamed", "replied", "commented", "goes", "went",
          "saying", "sayin", "mutters", "muttering", "muttered", "texting", "telling"};
      if (!speech.count(before[v].text)) continue;
      for (size_t k = v; k-- > 0;) {
        if (before[k].is_boundary()) break;
        if (before[k].text == "i") break;  // the writer quoting someone is still the writer speaking of them
        if (is_specific_other(before[k].text) || is_generic_other(before[k].text)) {
          spoken_by_other = true;
          break;
        }
      }
      break;
    }
    const size_t close_end = close + mark->close.size();
    if (spoken_by_other) out.emplace_back(i, close_end);
    i = close_end - 1;
  }
  return out;
}

// Words that say the story or the game is the writer's own life: "it's me btw", "a friend who is me", "I'm
// not really acting", "I mean real life", "I'm not writing a story", "make it sound like me", "how I feel right
// now", "doing the same thing", and "like me." standing alone as a clause.
bool says_it_is_the_writer(const std::vector<Token>& tokens) {
  static const PhraseMatcher* const kSays = [] {
    auto* m = new PhraseMatcher;
    for (const char* p : {"who is me", "it is me btw|lol", "not really acting|roleplaying|role_playing|pretending",
                          "am not acting|roleplaying", "i mean ?in real life", "not writing|for a story",
                          "this is not a story", "make it sound like me", "how i feel right now",
                          "thinking about doing the same", "i am asking because i"}) {
      std::string error;
      if (m->add(p, &error) == SIZE_MAX) {
        std::fprintf(stderr, "haven: safety: %s in the pattern '%s'\n", error.c_str(), p);
        std::abort();  // a pattern written here is wrong: a programmer error
      }
    }
    return m;
  }();
  std::vector<PhraseMatch> found;
  kSays->find_all(tokens, found);
  if (!found.empty()) return true;
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    const bool clause_start = k == 0 || tokens[k - 1].is_boundary();
    const bool clause_end = k + 2 == tokens.size() || tokens[k + 2].is_boundary();
    if (clause_start && clause_end && tokens[k].text == "like" && tokens[k + 1].text == "me") return true;
  }
  return false;
}

// "The guy is me, kind of", "she is basically me", "my friend is me, I guess": the writer reveals that the
// story, the role-play or the friend they asked for is themselves. True when the message says so.
bool reveals_self(const std::vector<Token>& tokens) {
  if (says_it_is_the_writer(tokens)) return true;
  static const std::unordered_set<std::string> kWho = {"guy",     "girl",  "she",       "he",   "they",
                                                       "friend",  "character", "person", "man", "woman",
                                                       "protagonist", "narrator", "kid", "buddy", "mate"};
  static const std::unordered_set<std::string> kHedge = {"basically", "really", "actually", "just",    "literally",
                                                         "totally",   "kind",   "sort",     "obviously", "probably",
                                                         "pretty",    "secretly", "also", "definitely"};
  for (size_t k = 0; k + 2 < tokens.size(); ++k) {
    if (!kWho.count(tokens[k].text) || tokens[k + 1].text != "is") continue;
    size_t m = k + 2;
    while (m < tokens.size() && m < k + 5 && (kHedge.count(tokens[m].text) || tokens[m].text == "of")) ++m;
    if (m >= tokens.size() || tokens[m].text != "me") continue;
    // "me" ends the clause: "she is me", not "she is meeting me" or "he is me and my brother's coach".
    if (m + 1 == tokens.size() || tokens[m + 1].is_boundary() || tokens[m + 1].text == "kind" ||
        tokens[m + 1].text == "sort" || tokens[m + 1].text == "i" || tokens[m + 1].text == "lol")
      return true;
  }
  return false;
}

// After such a reveal, the third person in the message is the writer: the same words as the first person.
void read_third_person_as_writer(std::vector<Token>& tokens) {
  static const std::unordered_map<std::string, std::string> kAsWriter = {
      {"he", "i"},       {"she", "i"},      {"they", "i"},       {"him", "me"},           {"them", "me"},
      {"his", "my"},     {"her", "my"},     {"their", "my"},     {"himself", "myself"},   {"herself", "myself"},
      {"themselves", "myself"}, {"themself", "myself"}, {"hers", "mine"},
      // "Asking for a friend who is me: is it normal to want to hurt yourself?": the generic "you" too.
      {"yourself", "myself"},
      // The one revealed ("the guy", "my friend", "the character") is the writer too.
      {"guy", "i"},      {"girl", "i"},     {"friend", "i"},     {"character", "i"},      {"person", "i"},
      {"protagonist", "i"}, {"narrator", "i"}, {"buddy", "i"},  {"mate", "i"}};
  for (Token& t : tokens) {
    auto it = kAsWriter.find(t.text);
    if (it != kAsWriter.end()) t.text = it->second;
  }
}

void mark_unquoted_reported_speech(const std::vector<Token>& tokens, std::vector<uint8_t>& reported) {
  static const std::unordered_set<std::string> kSaying = {"said", "says", "saying", "told", "tells", "telling",
                                                          "texted", "texts", "texting", "posted", "posts", "posting",
                                                          "messaged", "messages", "wrote", "writes", "threatened",
                                                          "threatens", "threatening", "joked", "jokes", "joking"};
  static const std::unordered_set<std::string> kThird = {"he", "she", "they"};
  for (size_t v = 0; v + 1 < tokens.size(); ++v) {
    if (!kSaying.count(tokens[v].text)) continue;
    // The speaker: another person before the verb in its clause, with no "I" between.
    bool other_speaker = false;
    for (size_t k = v; k-- > 0;) {
      if (tokens[k].is_boundary() || tokens[k].text == "i" || tokens[k].text == "we") break;
      if (is_specific_other(tokens[k].text) || is_generic_other(tokens[k].text) || tokens[k].text == "guy" ||
          tokens[k].text == "girl" || tokens[k].text == "dude") {
        other_speaker = true;
        break;
      }
    }
    if (!other_speaker) continue;
    size_t w = v + 1;
    if (w < tokens.size() && (tokens[w].text == "that" || tokens[w].text == "me" || tokens[w].text == "us")) ++w;
    if (w >= tokens.size() || !kThird.count(tokens[w].text)) continue;
    // To the end of the sentence, or to the writer's own words after it ("... and I want to die too").
    for (size_t k = w; k < tokens.size() && !tokens[k].is_sentence_end() && tokens[k].text != "i"; ++k) reported[k] = 1;
  }
}

MessageFindings assess_message(std::string_view text_in, size_t message_index, bool classifier_allowed) {
  MessageFindings f;
  const Lexicon& lex = risk::lexicon();
  std::vector<Token> tokens = text::tokenize(text_in);
  f.non_english = text::is_mostly_non_english(text_in);
  if (tokens.empty()) return f;
  // A story, role-play or friend the writer then says is themselves is read as the writer's own words.
  const bool self_revealed = reveals_self(tokens);
  if (self_revealed) read_third_person_as_writer(tokens);
  // Tokens inside someone else's quoted words.
  std::vector<uint8_t> reported(tokens.size(), 0);
  {
    // Quotations come in text order and do not overlap: one pass over both.
    const auto quotes = reported_speech(text_in);
    size_t q = 0;
    for (size_t i = 0; i < tokens.size() && q < quotes.size(); ++i) {
      while (q < quotes.size() && quotes[q].second <= tokens[i].byte_start) ++q;
      if (q < quotes.size() && tokens[i].byte_start >= quotes[q].first && tokens[i].byte_end <= quotes[q].second)
        reported[i] = 1;
    }
  }

  // Someone else's words told without quotation marks ("a guy in my discord keeps saying he's going to
  // kms"): after another person and a verb of saying, a third person ("he", "she", "they") is the one
  // speaking of themselves, to the end of the sentence. "He said I should kill myself" stays the writer's.
  // Distress told this way is still the writer's pain ("my wife told me she's leaving"), so it keeps its
  // own mask; risk phrases and means count neither.
  std::vector<uint8_t> quoted = reported;
  mark_unquoted_reported_speech(tokens, reported);

  std::vector<PhraseMatch> matches;
  lex.matcher.find_all(tokens, matches);

  // Sentence and clause of each token.
  std::vector<uint32_t> sentence(tokens.size()), clause(tokens.size());
  uint32_t s = 0, cl = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    sentence[i] = s;
    clause[i] = cl;
    if (tokens[i].is_sentence_end()) ++s;
    if (tokens[i].is_boundary()) ++cl;
  }
  const size_t sentences = s + 1;
  std::vector<uint8_t> past(sentences, 0), fiction(sentences, 0), topic(sentences, 0);
  // Sentences about someone else's risk ("my friend said she doesn't want to be here"): hidden from the classifier.
  std::vector<uint8_t> about_other(sentences, 0);
  // Sentences where someone else's risk is named ("my brother tried to overdose ... he's in the psych
  // ward"): means and preparation there are the writer's only when the writer is their subject.
  std::vector<uint8_t> names_other(sentences, 0);
  // Words of risk phrases the writer negated or used as an idiom ("I'm not suicidal", "this traffic is
  // killing me"): hidden from the classifier too, which would otherwise read "suicidal" alone.
  std::vector<uint8_t> hidden_from_classifier(tokens.size(), 0);
  auto hide_from_classifier = [&](const PhraseMatch& m) {
    for (size_t k = m.first; k <= m.last && k < tokens.size(); ++k) hidden_from_classifier[k] = 1;
  };
  // The sentence's past cues are all recent ones ("two weeks ago").
  std::vector<uint8_t> only_recent_past(sentences, 0);
  // Where the past is: every past cue, and the first of each sentence. A risk phrase is read as past after
  // a past cue in its sentence ("When I was 15, I wanted to die"), or before one in its clause ("I wanted
  // to die years ago"), not before one in another clause ("I want to die, like I did years ago").
  std::vector<size_t> first_past(sentences, SIZE_MAX);
  std::vector<size_t> past_cues;  // first token of every past cue, in text order
  std::vector<size_t> present_cues;
  std::vector<uint8_t> idiom(tokens.size(), 0);
  bool resolved = false;
  // Means got with an ordinary purpose in the same message ("bought new rope for the dinghy") are no
  // preparation: the purpose says what they are for. A move or a journey (f.departure) explains a weak ending.
  bool ordinary_purpose = false;
  // A purpose denied ("not for the boat") or told as a cover story ("told him I was going after hogs") is none.
  auto denied_or_told = [&](size_t first) {
    for (size_t k = first, steps = 0; k > 0 && steps < 6 && !tokens[k - 1].is_sentence_end(); --k, ++steps) {
      const std::string& w = tokens[k - 1].text;
      if ((steps < 3 && is_negator(w)) || w == "told" || w == "said" || w == "tell" || w == "say" || w == "pretended" ||
          w == "pretend" || w == "lied")
        return true;
    }
    return false;
  };

  const std::vector<uint8_t> no_positive_negators(tokens.size(), 0);
  // First pass: context cues.
  for (const PhraseMatch& m : matches) {
    const Rule& r = lex.rules[m.pattern];
    switch (r.kind) {
      case RuleKind::kIdiom:
        for (size_t k = m.first; k <= m.last; ++k) idiom[k] = 1;
        break;
      case RuleKind::kPast:
        if (!(r.flags & risk::kFlagRecent)) only_recent_past[sentence[m.first]] = 0;
        else if (!past[sentence[m.first]]) only_recent_past[sentence[m.first]] = 1;
        past[sentence[m.first]] = 1;
        first_past[sentence[m.first]] = std::min(first_past[sentence[m.first]], m.first);
        past_cues.push_back(m.first);
        break;
      case RuleKind::kPresent: present_cues.push_back(m.first); break;
      case RuleKind::kFiction:
        if (!self_revealed) fiction[sentence[m.first]] = 1;
        break;
      case RuleKind::kOtherPerson: names_other[sentence[m.first]] = 1; break;
      case RuleKind::kTopic:
        if (!self_revealed) topic[sentence[m.first]] = 1;
        break;
      case RuleKind::kResolved:
        if (!negated(tokens, m.first, no_positive_negators)) resolved = true;
        break;
      case RuleKind::kPurpose:
        if (denied_or_told(m.first)) break;
        if (r.level == Level::kModerate) f.departure = true;
        else ordinary_purpose = true;
        break;
      default: break;
    }
  }
  // A present cue after the sentence's past cue turns the rest of the sentence to now, from the start of
  // its part ("and now", "but still"): "Years ago I tried, and now I want to again". A negated cue ("not
  // now", "never again") does not.
  std::sort(past_cues.begin(), past_cues.end());
  std::vector<size_t> present_from(sentences, SIZE_MAX);
  for (size_t k : present_cues) {
    const uint32_t sn = sentence[k];
    if (!past[sn] || k <= first_past[sn] || present_from[sn] != SIZE_MAX) continue;
    if (k > 0 && is_negator(tokens[k - 1].text)) continue;
    if (k > 1 && is_negator(tokens[k - 2].text)) continue;
    // "Ten years ago today" dates the past; it does not bring it back.
    if (k > 0 && tokens[k - 1].text == "ago") continue;
    size_t from = k;
    while (from > first_past[sn] + 1 && !tokens[from - 1].is_boundary()) {
      const std::string& w = tokens[from - 1].text;
      if (w == "and" || w == "but" || w == "yet" || w == "so" || w == "though" || w == "although") break;
      --from;
    }
    present_from[sn] = from;
  }
  auto is_past = [&](const PhraseMatch& m) {
    const uint32_t sn = sentence[m.first];
    if (!past[sn] || m.first >= present_from[sn]) return false;
    // Text typed without punctuation runs many sentences into one: there, with no clause break between
    // them, a past cue reaches only so far ("i used to be happy at school my parents split up and i want
    // to die every day"). Punctuated sentences keep their past to the end.
    auto after = std::upper_bound(past_cues.begin(), past_cues.end(), m.first);
    if (after != past_cues.begin() && sentence[*(after - 1)] == sn &&
        (clause[*(after - 1)] != clause[m.first] || m.first - *(after - 1) <= kPastReach))
      return true;  // after a past cue in its sentence
    // Before a past cue, only in its clause ("I wanted to die years ago").
    return after != past_cues.end() && clause[*after] == clause[m.first] && *after - m.first <= kPastReach;
  };
  std::vector<uint8_t> positive_negator(tokens.size(), 0);
  for (const PhraseMatch& m : matches) {
    if (lex.rules[m.pattern].kind != RuleKind::kRisk || !lex.rules[m.pattern].has_negator) continue;
    for (size_t k = m.first; k <= m.last; ++k)
      if (is_negator(tokens[k].text)) positive_negator[k] = 1;
  }
  auto in_idiom = [&](const PhraseMatch& m) {
    if (lex.rules[m.pattern].flags & risk::kFlagOverIdiom) return false;
    for (size_t k = m.first; k <= m.last; ++k)
      if (idiom[k]) return true;
    return false;
  };

  // Laughter right after a phrase ("I want to die lol, my team lost") marks hyperbole, unless the writer
  // says they mean it.
  bool means_it = false;
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    const std::string& a = tokens[k].text;
    const std::string& b = tokens[k + 1].text;
    if ((a == "not" && (b == "joking" || b == "kidding")) || (a == "for" && b == "real") || (a == "am" && b == "serious") ||
        (a == "i" && b == "mean") || (a == "seriously" && (b == "tho" || b == "though")) ||
        (a == "no" && b == "joke") || (a == "a" && b == "joke" && k > 0 && tokens[k - 1].text == "not") ||
        a == "deadass" || b == "deadass" ||
        // "lol. honestly tho" (the normaliser drops "honestly"): the laugh taken back.
        ((b == "tho" || b == "though") && tokens[k].is_boundary() && k > 0 && tokens[k - 1].text == "lol"))
      means_it = true;
  }
  // Laughter alone is not enough: "lowkey wanna unalive lol" is how many young people disclose. It reads
  // as hyperbole when the sentence also names the small thing that prompted it ("this show", "my team
  // lost", "if I have to hear that song again").
  static const std::set<std::string, std::less<>> kTrivialCause = {
      "this", "that", "these", "those", "making", "makes", "made", "if", "because", "cause", "bc", "when",
      "lost", "won", "game", "team", "homework", "exam", "test", "class", "boss", "song", "show", "meeting",
      "traffic", "weather", "heat", "episode", "match", "movie", "film", "series", "assignment", "essay",
      // "I'd rather jump off a cliff than tell her lol": the ordeal it is weighed against.
      "than"};
  bool earnest_suicide = false;  // a suicide phrase at moderate or above, not laughed off, not told as past
  auto laughed_off = [&](const PhraseMatch& m) {
    if (means_it) return false;
    bool laughed = false;
    size_t end = m.last + 1;
    for (; end < tokens.size() && end <= m.last + 12; ++end) {
      if (tokens[end].is_sentence_end() && tokens[end].text != "!") break;
      if (tokens[end].text == "lol") laughed = true;
    }
    if (!laughed) return false;
    size_t begin = m.first;
    while (begin > 0 && !tokens[begin - 1].is_sentence_end()) --begin;
    for (size_t k = begin; k < end && k < tokens.size(); ++k)
      if ((k < m.first || k > m.last) && kTrivialCause.count(tokens[k].text)) return true;
    return false;
  };

  std::array<size_t, kCategories> evidence_count{};
  auto record = [&](const PhraseMatch& m, Category c, Level l) {
    size_t ci = cat_index(c);
    if (l > f.level[ci]) f.level[ci] = l;
    if (l >= Level::kLow && evidence_count[ci] < kMaxEvidencePerCategory) {
      f.evidence.push_back(span_of(tokens, m, message_index, c, l));
      ++evidence_count[ci];
    }
  };

  // A negation inside a match that the pattern did not ask for ("I am not a failure" against
  // "i am ~3 failure") turns it around, like one just before it.
  auto negated_inside = [&](const PhraseMatch& m) {
    if (lex.rules[m.pattern].has_negator) return false;
    for (size_t k = m.first + 1; k <= m.last; ++k)
      if (is_negator(tokens[k].text)) return true;
    return false;
  };

  // The matched words themselves name the writer ("fantasizing about my death"), so no person check is
  // needed. Decided per match, not per pattern: "fantasize about death|my_death" names the writer only
  // when the second alternative is the one that matched ("she fantasizes about death").
  auto names_writer = [&](const PhraseMatch& m) {
    if (!lex.rules[m.pattern].self_anchored) return false;
    for (size_t k = m.first; k <= m.last; ++k)
      if (is_first_person(tokens[k].text)) return true;
    return false;
  };
  auto someone_elses = [&](const PhraseMatch& m) {
    return names_other[sentence[m.first]] && !names_writer(m) && subject_of(tokens, m.first) != Person::kWriter;
  };

  // Does the message speak of suicide or self-harm at all (anyone's, any time, not negated, not in a story
  // or a question about the topic)? Context rules ("I'm ready to do it") need it.
  bool sh_context = false;
  for (const PhraseMatch& m : matches) {
    const Rule& r = lex.rules[m.pattern];
    // Someone else's suicide counts too: "My brother killed himself. I'm ready to do it too."
    const bool others = r.kind == RuleKind::kOtherPerson;
    if (!others && (r.kind != RuleKind::kRisk || (r.category != Category::kSuicide && r.category != Category::kSelfHarm)))
      continue;
    if ((!others && r.level < Level::kModerate) || in_idiom(m) || fiction[sentence[m.first]] || topic[sentence[m.first]]) continue;
    if (negated(tokens, m.first, positive_negator) || negated_inside(m)) continue;
    sh_context = true;
    break;
  }

  std::unordered_set<size_t> grand_rules, compulsion_rules, prep_rules;
  bool sleep_loss = false;
  Level compulsion_level = Level::kNone;
  const PhraseMatch* first_compulsion = nullptr;
  const PhraseMatch* first_mania = nullptr;
  bool any_present = false;

  for (const PhraseMatch& m : matches) {
    const Rule& r = lex.rules[m.pattern];
    if (r.kind == RuleKind::kIdiom || r.kind == RuleKind::kPast || r.kind == RuleKind::kFiction ||
        r.kind == RuleKind::kTopic || r.kind == RuleKind::kResolved || r.kind == RuleKind::kPresent ||
        r.kind == RuleKind::kPurpose)
      continue;
    if (r.kind == RuleKind::kContext && !sh_context) continue;
    if (in_idiom(m)) {
      add_note(f, "idiom");
      hide_from_classifier(m);
      continue;
    }
    if (negated(tokens, m.first, positive_negator) || negated_inside(m)) {
      add_note(f, "negated");
      hide_from_classifier(m);
      continue;
    }
    const uint32_t sent = sentence[m.first];
    switch (r.kind) {
      case RuleKind::kOtherPerson:
        f.other_person = true;
        about_other[sent] = 1;
        continue;
      case RuleKind::kMeans:
        // "I'd rather jump off a cliff than tell her lol": a means in words laughed off is no means sought.
        if (fiction[sent] || reported[m.first] || someone_elses(m) || laughed_off(m)) continue;
        if (!f.means) f.means_span = span_of(tokens, m, message_index, Category::kSuicide, Level::kHigh);
        f.means = true;
        continue;
      case RuleKind::kDistress:
        if (quoted[m.first]) continue;
        if (!(r.flags & risk::kFlagDoneToWriter) && !names_writer(m) && subject_of(tokens, m.first, true) != Person::kWriter)
          continue;
        if (!f.distress) f.distress_span = span_of(tokens, m, message_index, Category::kSuicide, Level::kHigh);
        f.distress = true;
        // A story or a question about the topic is not the writer's own pain.
        if (!fiction[sent] && !topic[sent]) {
          size_t kind = static_cast<size_t>(r.distress);
          if (!f.distress_kind[kind]) {
            f.distress_kind[kind] = true;
            f.distress_kind_span[kind] = span_of(tokens, m, message_index, Category::kSuicide, Level::kModerate);
          }
        }
        continue;
      case RuleKind::kMethod:
        if (!fiction[sent]) f.method = true;
        continue;
      case RuleKind::kPrep:
        if ((r.flags & risk::kFlagAcquired) && ordinary_purpose) continue;
        if (!fiction[sent] && !is_past(m) && !someone_elses(m)) {
          f.prep = true;
          prep_rules.insert(m.pattern);
          // The settled decision's parts are the writer's own acts ("my brother gave away his things" is not).
          // "we said goodbye" (to a therapist, a house) is a shared ending, not the writer's farewell.
          const bool shared = m.first > 0 && tokens[m.first - 1].text == "we";
          const bool writers_act = !topic[sent] && !shared &&
                                   (names_writer(m) || subject_of(tokens, m.first, true) == Person::kWriter);
          if (writers_act && (r.flags & risk::kFlagFarewell)) f.farewell_prep = true;
          if (writers_act && (r.flags & (risk::kFlagDecision | risk::kFlagAcquired))) {
            if (!f.decision && !f.acquired)
              f.plan_span = span_of(tokens, m, message_index, Category::kSuicide, Level::kModerate);
            f.decision = f.decision || (r.flags & risk::kFlagDecision);
            f.acquired = f.acquired || (r.flags & risk::kFlagAcquired);
          }
          // An act of preparation by the writer that reads as a farewell (a note left, things given away, a
          // date set) is a warning sign in itself: it counts as the farewell kind of distress, so with any
          // other kind it is a check-in.
          const size_t farewell = static_cast<size_t>(risk::Distress::kFarewell);
          if ((r.flags & risk::kFlagFarewell) && !topic[sent] && !f.distress_kind[farewell] &&
              (names_writer(m) || subject_of(tokens, m.first, true) == Person::kWriter)) {
            f.distress_kind[farewell] = true;
            f.distress_kind_span[farewell] = span_of(tokens, m, message_index, Category::kSuicide, Level::kModerate);
          }
        }
        continue;
      case RuleKind::kTiming:
        f.timing = true;
        continue;
      case RuleKind::kEnding:
      case RuleKind::kRelief:
        // Only the writer's own, now: not a story, a question about the topic, the past or someone else.
        if (fiction[sent] || topic[sent] || is_past(m) || someone_elses(m) || reported[m.first] || laughed_off(m)) continue;
        // "Dad won't be there" is Dad's.
        if (!names_writer(m) && subject_of(tokens, m.first, true) != Person::kWriter) continue;
        if (r.kind == RuleKind::kRelief) {
          if (!f.relief) f.relief_span = span_of(tokens, m, message_index, Category::kSuicide, Level::kModerate);
          f.relief = true;
        } else {
          const bool strong = r.level >= Level::kHigh;
          if (!strong && f.departure) continue;
          if (!f.ending || (strong && !f.ending_strong))
            f.ending_span = span_of(tokens, m, message_index, Category::kSuicide, Level::kModerate);
          f.ending = true;
          f.ending_strong = f.ending_strong || strong;
        }
        continue;
      case RuleKind::kSleepLoss:
        if (is_past(m) || fiction[sent]) continue;
        sleep_loss = true;
        if (!first_mania) first_mania = &m;
        continue;
      case RuleKind::kGrandiose:
        if (is_past(m) || fiction[sent]) continue;
        grand_rules.insert(m.pattern);
        if (!first_mania) first_mania = &m;
        continue;
      default: break;
    }
    // kRisk and kCompulsion: the writer's own risk, unless the context says otherwise.
    Level level = r.level;
    // Psychosis, abuse and harm-to-others phrases name other people as the actors ("they are following
    // me", "he hits me"): the person check applies to phrases about the writer's own acts and states.
    const bool person_check = r.category != Category::kPsychosis && r.category != Category::kAbuse &&
                              r.category != Category::kHarmToOthers && r.category != Category::kMedical;
    if (person_check && reported[m.first]) {
      if (r.category == Category::kSuicide || r.category == Category::kSelfHarm) f.other_person = true;
      add_note(f, "someone else's words");
      continue;
    }
    if (!names_writer(m) && person_check) {
      Person who = subject_of(tokens, m.first);
      if (who != Person::kWriter) {
        if (who == Person::kSpecificOther &&
            (r.category == Category::kSuicide || r.category == Category::kSelfHarm ||
             r.category == Category::kSubstance || r.category == Category::kEatingDisorder)) {
          f.other_person = true;
          about_other[sent] = 1;
        }
        add_note(f, "someone else");
        continue;
      }
      if (topic[sent]) {
        level = min_level(level, Level::kLow);
        add_note(f, "about the topic");
      }
    }
    if (fiction[sent]) {
      level = min_level(level, Level::kLow);
      add_note(f, "fiction");
    }
    bool told_as_past = false;
    if (is_past(m)) {
      const bool act = r.flags & risk::kFlagBehaviour;
      const bool recent = only_recent_past[sent];
      told_as_past = !(act && recent && !resolved);
      // A recent act keeps its level; an older act is moderate; thoughts days or weeks ago are still this
      // month's thoughts (a check-in, not a crisis); older thoughts are low.
      if (resolved) level = min_level(level, Level::kLow);
      else if (act && !recent) level = min_level(level, Level::kModerate);
      else if (!act) level = min_level(level, recent ? Level::kModerate : Level::kLow);
      add_note(f, act && recent && !resolved ? "recent" : "past");
    } else if (resolved && level >= Level::kModerate && !(r.flags & risk::kFlagPresent)) {
      // "I'm in a better place now": keep it visible, below a crisis interrupt.
      level = min_level(level, Level::kModerate);
    }
    if (r.kind == RuleKind::kCompulsion) {
      compulsion_rules.insert(m.pattern);
      compulsion_level = max_level(compulsion_level, level);
      if (!first_compulsion) first_compulsion = &m;
      record(m, Category::kOcd, level);
      continue;
    }
    if (laughed_off(m)) {
      // A threat laughed off over a song is still worth a gentle question, never a crisis interrupt.
      level = min_level(level, r.level <= Level::kModerate ? Level::kLow : Level::kModerate);
      add_note(f, "said as a joke");
    } else if (r.category == Category::kSuicide && level >= Level::kModerate && !told_as_past) {
      earnest_suicide = true;
    }
    // An act in progress is one of suicide or self-harm; a stroke in progress ("I think I'm having a stroke")
    // is a medical emergency of its own, not a suicidal act.
    if ((r.flags & risk::kFlagPresent) && level >= Level::kHigh &&
        (r.category == Category::kSuicide || r.category == Category::kSelfHarm))
      any_present = true;
    record(m, r.category, level);
  }

  // Mania needs sleep loss together with grandiosity, or several signs of grandiosity.
  if (first_mania) {
    Level mania = Level::kLow;
    if ((sleep_loss && !grand_rules.empty()) || grand_rules.size() >= 3) mania = Level::kModerate;
    record(*first_mania, Category::kMania, mania);
    if (mania >= Level::kModerate) add_note(f, "sleep loss with grandiosity");
  }
  // Several compulsion signs together are a compulsion, even when each alone could be ordinary talk.
  if (compulsion_rules.size() >= 2 && compulsion_level < Level::kModerate && first_compulsion) {
    record(*first_compulsion, Category::kOcd, Level::kModerate);
  }

  Level& suicide = f.level[cat_index(Category::kSuicide)];
  Level& self_harm = f.level[cat_index(Category::kSelfHarm)];
  f.ideation = suicide >= Level::kModerate;
  f.present = any_present;

  // C-SSRS ladder: ideation with a method, preparation or means is high; with intent or preparation,
  // a time close at hand and a method it is imminent; ideation with an act in progress is imminent.
  auto raise_suicide = [&](Level to, const char* note) {
    if (suicide >= to) return;
    suicide = to;
    add_note(f, note);
    for (Evidence& e : f.evidence)
      if (e.category == Category::kSuicide && e.level >= Level::kModerate) e.level = to;
  };
  // Two different acts of preparation (a letter and giving things away) are a warning sign on their own.
  if (prep_rules.size() >= 2 && suicide < Level::kModerate) {
    suicide = Level::kModerate;
    add_note(f, "several acts of preparation");
  }
  // Means together with preparation ("I set a date ... I can afford a gun") is a plan.
  if (f.means && f.prep && suicide < Level::kHigh) {
    suicide = Level::kHigh;
    Evidence e = f.means_span;
    f.evidence.push_back(e);
    add_note(f, "means with preparation");
  }
  // Only words said as a joke ("I'm gonna throw myself off a cliff lmao, that song") or told as the past
  // ("in 2008 I tried to hang myself"; discharged today) do not climb the ladder.
  if (f.ideation && (earnest_suicide || self_harm >= Level::kModerate)) {
    if (f.method || f.prep || f.means) raise_suicide(Level::kHigh, "ideation with a method, means or preparation");
    if (f.present) raise_suicide(Level::kImminent, "ideation with an act in progress");
    if ((f.prep || suicide >= Level::kHigh) && f.timing && (f.method || f.means || f.prep))
      raise_suicide(Level::kImminent, "plan with means and timing");
  }
  if (self_harm >= Level::kModerate && f.present && self_harm < Level::kHigh) self_harm = Level::kHigh;
  // Command hallucinations to harm oneself are high risk of acting on them.
  if (f.level[cat_index(Category::kPsychosis)] >= Level::kHigh) {
    if (self_harm >= Level::kModerate && self_harm < Level::kHigh) self_harm = Level::kHigh;
    if (suicide >= Level::kModerate && suicide < Level::kHigh) raise_suicide(Level::kHigh, "command voices");
  }
  // Means-seeking in the same message as distress: "I just lost my job. Which bridges are the tallest?"
  if (f.means && (f.distress || f.ideation || self_harm >= Level::kModerate) && suicide < Level::kHigh) {
    suicide = Level::kHigh;
    Evidence e = f.means_span;
    e.level = Level::kHigh;
    f.evidence.push_back(e);
    if (f.distress) f.evidence.push_back(f.distress_span);  // the other half of the reason
    add_note(f, "means-seeking with distress");
  }
  // The settled decision's signs are weighed after the readers, which may find the thoughts they go with.
  const bool thoughts_in_words = f.ideation && (earnest_suicide || self_harm >= Level::kModerate);
  // An ending that is itself the thought the phrases found ("I won't be a burden much longer") adds nothing.
  for (const Evidence& e : f.evidence)
    f.ending_is_the_thought = f.ending_is_the_thought ||
                              (f.ending && e.category == Category::kSuicide && e.byte_start < f.ending_span.byte_end &&
                               f.ending_span.byte_start < e.byte_end);
  f.ideation = suicide >= Level::kModerate || self_harm >= Level::kModerate;
  // Several kinds of distress in one message are worth a gentle check-in, never a crisis interrupt alone.
  if (distress_adds_up(f.distress_kind) && suicide < Level::kModerate) {
    suicide = Level::kModerate;
    add_note(f, "several kinds of distress");
    add_distress_evidence(f.evidence, f.distress_kind, f.distress_kind_span);
  }
  // The second reader (ideation_classifier.h) for what the phrases miss: a check-in at most, and only
  // when the phrases found some distress of the writer's own to agree with it, or when it is confident on
  // its own. Trained on texts we wrote, it also learns how those texts were written; the agreement keeps
  // it from firing on style alone.
  if (!resolved && classifier_allowed) {
    f.classifier_tokens = tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const uint32_t sent = sentence[i];
      if (fiction[sent] || topic[sent] || past[sent] || about_other[sent] || reported[i] || hidden_from_classifier[i] ||
          idiom[i])
        f.classifier_tokens[i].text = ",";
    }
  }
  const bool own_distress = std::find(f.distress_kind.begin(), f.distress_kind.end(), true) != f.distress_kind.end();
  size_t classifier_words = 0;
  for (const Token& t : f.classifier_tokens) classifier_words += t.is_boundary() ? 0 : 1;
  float ideation_probability = 0.0f;  // the ideation reader's, for the behaviour reader's agreement below
  bool reader_found_thoughts = false;  // one of the readers below raised suicide or self-harm
  // The readers read a message the phrases left below a check-in; and one the phrases made a check-in only
  // for preparation or distress, where a sign of a settled decision is found, since whether they find
  // suicidal thoughts there decides whether it is a plan (settled_decision).
  const bool read_for_settled = (f.ending || f.decision || f.acquired) && !thoughts_in_words &&
                                suicide == Level::kModerate && self_harm < Level::kModerate;
  auto may_read = [&] {
    return classifier_allowed && !resolved && !reader_found_thoughts &&
           ((suicide < Level::kModerate && self_harm < Level::kModerate) || read_for_settled);
  };
  if (may_read()) {
    risk::IdeationResult r = risk::score_ideation(f.classifier_tokens);
    ideation_probability = r.probability;
    const bool alone = r.confident && classifier_words >= risk::kIdeationAloneMinWords;
    if ((r.fires && own_distress) || alone) {
      suicide = Level::kModerate;
      reader_found_thoughts = true;
      add_note(f, "reads like suicidal thoughts (classifier)");
      for (const auto& span : r.evidence)
        f.evidence.push_back(
            span_between(tokens, span.first, span.last, message_index, Category::kSuicide, Level::kModerate));
    }
  }
  // The third reader (behaviour_classifier.h), for acts told in ordinary words: a check-in at most, on the
  // same tokens (stories, the past and other people's words hidden).
  if (may_read()) {
    risk::IdeationResult r = risk::score_behaviour(f.classifier_tokens);
    // As for the ideation reader: at its ordinary threshold it needs the lexicon to have found something of
    // the writer's own (distress, a mark of preparation, a means or a method); at its confident one it
    // counts alone. Without that, style alone ("the examiner was nice this time and I didn't stall once")
    // made ordinary messages a check-in.
    const bool agrees = own_distress || f.prep || f.means || f.method;
    // Or the ideation reader: acts told in everyday words find nothing in the lexicon but read as dark to
    // it, where ordinary messages of the same style do not (behaviour_classifier.h).
    const bool readers_agree = r.probability >= risk::kBehaviourSupportedProbability &&
                               ideation_probability >= risk::kIdeationSupportingBehaviourProbability &&
                               classifier_words >= risk::kBehaviourSupportedMinWords;
    if ((r.fires && agrees) || r.confident || readers_agree) {
      const Category c = risk::reads_as_self_harm(f.classifier_tokens) ? Category::kSelfHarm : Category::kSuicide;
      (c == Category::kSelfHarm ? self_harm : suicide) = Level::kModerate;
      reader_found_thoughts = true;
      add_note(f, "reads like an act of suicide or self-harm (classifier)");
      for (const auto& span : r.evidence)
        f.evidence.push_back(span_between(tokens, span.first, span.last, message_index, c, Level::kModerate));
    }
  }
  // The fourth reader (context_reader.h), of words in their order: a check-in at most, on the same tokens.
  // Like the ideation reader, at its ordinary threshold it counts only where the lexicon agrees, and alone
  // only when confident in a message long enough to be more than its style: short everyday replies and
  // comments ("yeah my instructor said im ready") reach it on style alone.
  if (may_read()) {
    // The lexicon's agreement here is what it reads as worrying but not enough alone: two kinds of the
    // writer's distress, or one with a method named. One kind of everyday distress ("couldn't sleep", "I
    // hate myself for eating the whole cake"), a giving-away that may be a house move, or a method named
    // in a bare question ("What's the highest bridge in Europe? Asking for a trivia night") is too common
    // in ordinary messages this reader also scores high.
    size_t distress_kinds = 0;
    for (bool k : f.distress_kind) distress_kinds += k ? 1 : 0;
    const bool lexicon_agrees = distress_kinds >= 2 || (distress_kinds >= 1 && f.method);
    const bool may_count_alone = classifier_words >= risk::kContextAloneMinWords;
    const bool long_message = classifier_words >= risk::kContextLongMessageMinWords;
    const bool short_message = classifier_words >= risk::kContextShortMessageMinWords;
    // Only what could count is read to the end: with the lexicon's agreement, a reading at the threshold;
    // without it, a confident reading, in a long message a clear one, in a short one a near-certain one.
    const risk::ContextEnsemble& reader = risk::shipped_context_reader();
    const float needed = lexicon_agrees ? reader.threshold
                         : long_message ? std::min(risk::kContextLongMessageProbability, reader.confident_threshold)
                         : may_count_alone ? reader.confident_threshold
                                           : risk::kContextShortMessageProbability;
    const risk::ContextResult r = lexicon_agrees || short_message
                                      ? risk::score_context(f.classifier_tokens, reader, needed)
                                      : risk::ContextResult{};
    const bool alone = (r.confident && may_count_alone) ||
                       (long_message && !r.partial && r.probability >= risk::kContextLongMessageProbability);
    if (short_message && !r.partial && r.probability >= risk::kContextShortMessageProbability && !alone &&
        !(r.fires && lexicon_agrees)) {
      // Not alone: "I scratched my arm on the rose bush" reads as near-certain too. The session decides.
      f.context_near_certain = true;
      f.context_category = risk::reads_as_self_harm(f.classifier_tokens) ? Category::kSelfHarm : Category::kSuicide;
      for (const auto& span : r.evidence)
        f.context_evidence.push_back(
            span_between(tokens, span.first, span.last, message_index, f.context_category, Level::kModerate));
    }
    if ((r.fires && lexicon_agrees) || alone) {
      const Category c = risk::reads_as_self_harm(f.classifier_tokens) ? Category::kSelfHarm : Category::kSuicide;
      (c == Category::kSelfHarm ? self_harm : suicide) = Level::kModerate;
      reader_found_thoughts = true;
      add_note(f, "reads like the writer's own risk (context reader)");
      for (const auto& span : r.evidence)
        f.evidence.push_back(span_between(tokens, span.first, span.last, message_index, c, Level::kModerate));
    }
  }
  f.thoughts = thoughts_in_words || reader_found_thoughts;
  f.thoughts_in_words = thoughts_in_words;
  settled_decision(f, suicide, /*reader_farewell=*/false);
  // What the readers found is the writer's risk as much as what the phrases found: with means sought in
  // the same message it is high, and later in the session too (assess_conversation). Alone it stays a
  // check-in.
  if (!f.ideation && (suicide >= Level::kModerate || self_harm >= Level::kModerate)) {
    f.ideation = true;
    if (f.means && suicide < Level::kHigh) {
      suicide = Level::kHigh;
      Evidence e = f.means_span;
      e.level = Level::kHigh;
      f.evidence.push_back(e);
      add_note(f, "means-seeking with distress");
    }
  }
  return f;
}

// The settled decision: people who have decided to end their lives often say so only in veiled words (an
// ending, "none of it will matter after sunday"; a sudden calm, "I feel lighter than I have in months"; a
// mind made up or a day chosen; means got; affairs put in order), and a sudden calm after a long low is a
// warning sign clinicians name (../shared/docs/safety-reference.md). Each sign alone is mostly ordinary
// speech (exams end, leases end, people feel relieved after deciding to quit), so only their company counts.
// High (a plan, told in veiled words):
// - the writer's own ceasing ("nobody will have to check on me anymore") with a time, distress, a calm or
//   any part of a plan; any ending with a time and distress, a calm or part of a plan; any ending with means
//   got or affairs put in order;
// - a calm beside means got, with a time (a calm beside a mind made up and a time is also someone leaving a
//   partner tomorrow: not enough);
// - suicidal thoughts (in words, or as a reader reads them) with an ending, a mind made up or means got, or
//   with affairs put in order: the C-SSRS's thoughts with preparation. A reader's reading with goodbyes or
//   affairs put in order counts only over the whole session (reader_farewell) and where no move, transfer or
//   trip is told anywhere in it: deployments, emigrations and leaving parties have both.
// A check-in: the writer's own ceasing alone; an ending with distress, a decision or a calm; a calm beside
// means got. (A calm beside a mind made up alone is not: on our measured sets it was as often a job quit or a
// move decided, 5 hard negatives for 3 positives.)
void settled_decision(MessageFindings& f, Level& suicide, bool reader_farewell) {
  // Distress in words of its own: "I won't be a burden much longer" is one passive wish, not a wish and a burden.
  bool own_distress = false;
  for (size_t k = 0; k < kDistressKinds; ++k) {
    const Evidence& d = f.distress_kind_span[k];
    const bool inside_ending = f.ending && d.byte_start < f.ending_span.byte_end && f.ending_span.byte_start < d.byte_end;
    own_distress = own_distress || (f.distress_kind[k] && !inside_ending);
  }
  const bool plan = f.prep || f.means;  // decisions, means got and affairs put in order are preparation rules
  Level to = Level::kNone;
  const char* note = nullptr;
  if (f.ending_strong && (f.timing || own_distress || plan || f.relief)) {
    to = Level::kHigh;
    note = "an ending of the writer's own, with a time or a plan";
  } else if (f.ending && f.timing && (own_distress || plan || f.relief)) {
    to = Level::kHigh;
    note = "an ending told with a time and a plan";
  } else if (f.ending && (f.acquired || f.farewell_prep || f.means)) {
    to = Level::kHigh;
    note = "an ending told with preparation or means";
  } else if (f.relief && f.timing && f.acquired) {
    to = Level::kHigh;
    note = "calm with means got, and a time";
  } else if ((f.thoughts && ((f.ending && (!f.ending_is_the_thought || f.timing || plan || f.relief)) ||
                              f.acquired || f.decision)) ||
             (f.thoughts_in_words && (f.farewell_prep || f.decision)) ||
             (reader_farewell && f.thoughts && f.farewell_prep && !f.departure)) {
    to = Level::kHigh;
    note = "suicidal thoughts with a plan told in veiled words";
  } else if (f.ending_strong || (f.ending && (own_distress || f.decision || f.relief || f.timing))) {
    to = Level::kModerate;
    note = "an ending told in veiled words";
  } else if (f.relief && f.acquired) {
    to = Level::kModerate;
    note = "calm with means got";
  }
  if (to == Level::kNone || suicide >= to) return;
  suicide = to;
  add_note(f, note);
  auto add = [&](const Evidence& span) {
    Evidence e = span;
    e.level = to;
    f.evidence.push_back(e);
  };
  for (Evidence& e : f.evidence)
    if (e.category == Category::kSuicide && e.level >= Level::kModerate && e.level < to) e.level = to;
  if (f.ending) add(f.ending_span);
  if (f.relief) add(f.relief_span);
  if (f.decision || f.acquired) add(f.plan_span);
  if (to >= Level::kHigh && f.means && !f.acquired) add(f.means_span);
}

// The settled decision's signs of one message added to those of the session so far (the first span of each).
void add_settled_signs(MessageFindings& session, const MessageFindings& f) {
  if (f.ending && (!session.ending || (f.ending_strong && !session.ending_strong))) session.ending_span = f.ending_span;
  if (f.relief && !session.relief) session.relief_span = f.relief_span;
  if ((f.decision || f.acquired) && !session.decision && !session.acquired) session.plan_span = f.plan_span;
  if (f.means && !session.means) session.means_span = f.means_span;
  for (auto flag : {&MessageFindings::ending, &MessageFindings::ending_strong, &MessageFindings::relief,
                    &MessageFindings::decision, &MessageFindings::acquired, &MessageFindings::farewell_prep,
                    &MessageFindings::departure, &MessageFindings::prep, &MessageFindings::means,
                    &MessageFindings::timing, &MessageFindings::thoughts, &MessageFindings::thoughts_in_words,
                    &MessageFindings::ending_is_the_thought})
    session.*flag = session.*flag || f.*flag;
}

// Evidence for the several-kinds-of-distress rule: one span per kind, up to the per-category limit.
void add_distress_evidence(std::vector<Evidence>& evidence, const std::array<bool, kDistressKinds>& kind,
                           const std::array<Evidence, kDistressKinds>& span) {
  size_t added = 0;
  for (size_t k = 0; k < kDistressKinds && added < kMaxEvidencePerCategory; ++k) {
    if (!kind[k]) continue;
    evidence.push_back(span[k]);
    ++added;
  }
}

// The writer's answer to a risk question asked just before it ("Are you having thoughts of ending your
// life?" ... "yeah, most nights"): the question says what a yes means; the level is the writer's own.
// A question that did not say what it was about ("Do you have a plan?") reaches here only right after the
// writer spoke of suicide.
void answer_to_question(risk::RiskQuestion q, const risk::AnswerSpan& a, size_t message_index,
                        Level suicide_before, MessageFindings& f) {
  Category category = Category::kSuicide;
  Level level = Level::kNone;
  const char* note = nullptr;
  if (a.answer == risk::Answer::kUnsafe) {
    level = suicide_before >= Level::kModerate ? Level::kHigh : Level::kModerate;
    note = "said they are not safe when asked";
  } else if (a.answer == risk::Answer::kYes) {
    switch (q) {
      case risk::RiskQuestion::kIdeation:
        level = Level::kModerate, note = "said yes when asked about suicidal thoughts";
        break;
      case risk::RiskQuestion::kSelfHarm:
        category = Category::kSelfHarm, level = Level::kModerate, note = "said yes when asked about self-harm";
        break;
      case risk::RiskQuestion::kPlan:
        level = a.soon ? Level::kImminent : Level::kHigh;
        note = level == Level::kImminent ? "said yes when asked about a plan, and named a time"
                                         : "said yes when asked about a plan";
        break;
      case risk::RiskQuestion::kAttempt:
        level = a.soon ? Level::kImminent : Level::kHigh;
        note = "said yes when asked whether they had acted";
        break;
      default: break;
    }
  } else if (a.answer == risk::Answer::kNo && q == risk::RiskQuestion::kSafeNow) {
    level = suicide_before >= Level::kModerate ? Level::kHigh : Level::kModerate;
    note = "said no when asked whether they are safe";
  }
  if (!note) return;
  Level& current = f.level[cat_index(category)];
  if (level <= current) return;
  current = level;
  add_note(f, note);
  Evidence e;
  e.message = message_index;
  e.byte_start = a.byte_start;
  e.byte_end = a.byte_end;
  e.start = a.cp_start;
  e.end = a.cp_end;
  e.category = category;
  e.level = level;
  f.evidence.push_back(e);
  f.ideation = true;
}

bool is_writer_role(const std::string& role) {
  // Unknown roles are read as the writer's to fail safe.
  return role != "assistant" && role != "system" && role != "tool";
}

std::string build_reason(const Assessment& a, const std::vector<std::string>& notes) {
  if (a.categories.empty()) {
    std::string r = "no risk found";
    if (!notes.empty()) {
      r += " (set aside: ";
      for (size_t i = 0; i < notes.size(); ++i) r += (i ? ", " : "") + notes[i];
      r += ")";
    }
    if (a.concern_for_other_person) r += "; concern for someone else";
    return r;
  }
  std::string r;
  for (size_t i = 0; i < a.categories.size(); ++i) {
    if (i) r += ", ";
    r += std::string(category_name(a.categories[i].category)) + " " + std::string(level_name(a.categories[i].level));
  }
  if (!notes.empty()) {
    r += " (";
    for (size_t i = 0; i < notes.size(); ++i) r += (i ? "; " : "") + notes[i];
    r += ")";
  }
  if (a.carried_from_earlier) r += "; carried from earlier in the session";
  if (a.concern_for_other_person) r += "; concern for someone else";
  if (a.mostly_non_english) r += "; mostly not English, checks understand English only";
  return r;
}

// Blanks (as the classifiers' hidden words are blanked) the sentence holding the token at byte_start.
void blank_sentence_at(std::vector<Token>& tokens, size_t byte_start) {
  size_t at = 0;
  while (at < tokens.size() && tokens[at].byte_start < byte_start) ++at;
  if (at == tokens.size()) return;
  size_t first = at;
  while (first > 0 && !tokens[first - 1].is_sentence_end()) --first;
  size_t end = at;
  while (end < tokens.size() && !tokens[end].is_sentence_end()) ++end;
  for (size_t k = first; k < end; ++k) tokens[k].text.assign(1, ',');
}

// The context reader's probability at which a writer's message counts as distress for means-seeking:
// on distress messages written for this check (tests/safety/data/distress/), with
// a means question after each, 0.5 opened the gate for 40% instead of the phrases' 21 to 25%, and for 8
// to 10% of the everyday messages beside them instead of 7 to 9%.
constexpr float kMeansGateContextProbability = 0.5f;
// The means question reader's reading at which a question about how high, deep or open a means is
// (means_topics.h, kAccess) counts after distress alone.
constexpr float kMeansTopicAccessAfterDistressProbability = 0.2f;

// Whether the context reader or the distress reader (distress_reader.h) reads a writer's message as
// distress, for the means gate. What the message asks is left out ("how many pills is too many" reads as
// risk to it, and is the question being weighed, not the distress before it), and so is the sentence where
// a phrase found means ("I found a razor blade in his room").
bool reads_as_distress_besides_means(const std::vector<Token>& tokens, const std::optional<Evidence>& means) {
  std::vector<Token> told = tokens;
  for (const auto& [first, end] : risk::question_sentence_ranges(told))
    for (size_t k = first; k < end; ++k) told[k].text.assign(1, ',');
  if (means) blank_sentence_at(told, means->byte_start);
  if (risk::score_context(told, kMeansGateContextProbability).probability >= kMeansGateContextProbability)
    return true;
  // Low mood in everyday words, which the context reader (trained for suicidal thoughts) mostly passes by.
  return risk::read_distress(told).fires;
}

}  // namespace

Level Assessment::level_of(Category category) const {
  for (const auto& c : categories)
    if (c.category == category) return c.level;
  return Level::kNone;
}

Assessment assess_conversation(const std::vector<ChatMessage>& messages) {
  Assessment out;
  std::array<Level, kCategories> session{};
  std::array<Level, kCategories> latest{};
  std::vector<std::string> notes;
  std::vector<Evidence> evidence;
  bool any_distress_or_ideation = false;
  std::vector<size_t> distress_messages;  // the writer's messages with distress or risk of their own
  struct NearCertain {
    size_t message;
    Category category;
    std::vector<Evidence> evidence;
  };
  std::vector<NearCertain> near_certain;
  bool any_means = false;
  Evidence means_span;
  std::array<bool, kDistressKinds> session_kind{};
  std::array<Evidence, kDistressKinds> session_kind_span{};
  // The settled decision's signs over the writer's messages (settled_decision): in a chat they are often
  // spread out ("I feel calmer than in months" ... "I picked the date").
  MessageFindings settled;
  size_t writer_messages_read = 0;
  std::vector<std::vector<Token>> classifier_tokens(messages.size());
  std::vector<std::optional<Evidence>> means_in_message(messages.size());  // the lexicon's first means span
  size_t last_means_message = 0;
  bool last_answer_denied = false;
  Level previous_writer_suicide = Level::kNone;
  size_t last_user = SIZE_MAX;
  for (size_t i = 0; i < messages.size(); ++i)
    if (is_writer_role(messages[i].role)) last_user = i;
  if (last_user == SIZE_MAX) {
    out.reason = "no user message";
    return out;
  }
  for (size_t i = 0; i <= last_user; ++i) {
    if (!is_writer_role(messages[i].role)) continue;
    // The question is the nearest one among the messages since the writer's previous turn (Haven's own
    // check-in may be followed by the model's reply).
    risk::RiskQuestion q = risk::RiskQuestion::kNone;
    for (size_t j = i; j-- > 0 && !is_writer_role(messages[j].role);) {
      q = risk::risk_question_in(messages[j].content);
      if (q != risk::RiskQuestion::kNone) break;
    }
    // "Do you have a plan?" is about suicide only right after the writer spoke of it.
    const bool vague = q == risk::RiskQuestion::kPlanUnspecified || q == risk::RiskQuestion::kAttemptUnspecified;
    if (vague) {
      if (previous_writer_suicide < Level::kModerate) q = risk::RiskQuestion::kNone;
      else q = q == risk::RiskQuestion::kPlanUnspecified ? risk::RiskQuestion::kPlan : risk::RiskQuestion::kAttempt;
    }
    const risk::AnswerSpan answer =
        q == risk::RiskQuestion::kNone ? risk::AnswerSpan{} : risk::answer_in(messages[i].content);
    // "No, nothing like that" to a risk question is the writer's own answer: the classifier, which reads
    // words and not answers, does not get to overrule it, in this message or in the session read together
    // (until a later answer says otherwise).
    const bool denied = q != risk::RiskQuestion::kNone && q != risk::RiskQuestion::kSafeNow &&
                        answer.answer == risk::Answer::kNo;
    if (q != risk::RiskQuestion::kNone && answer.answer != risk::Answer::kUnclear) last_answer_denied = denied;
    MessageFindings f = assess_message(messages[i].content, i, !denied);
    classifier_tokens[i] = std::move(f.classifier_tokens);
    if (q != risk::RiskQuestion::kNone) {
      const Level before = max_level(session[cat_index(Category::kSuicide)], f.level[cat_index(Category::kSuicide)]);
      answer_to_question(q, answer, i, before, f);
    }
    previous_writer_suicide = max_level(f.level[cat_index(Category::kSuicide)], f.level[cat_index(Category::kSelfHarm)]);
    for (size_t c = 0; c < kCategories; ++c) {
      session[c] = max_level(session[c], f.level[c]);
      if (i == last_user) latest[c] = f.level[c];
    }
    for (auto& e : f.evidence) evidence.push_back(e);
    for (auto& n : f.notes)
      if (std::find(notes.begin(), notes.end(), n) == notes.end()) notes.push_back(n);
    if (f.distress || f.ideation) {
      any_distress_or_ideation = true;
      distress_messages.push_back(i);
    }
    if (f.context_near_certain) near_certain.push_back({i, f.context_category, f.context_evidence});
    for (size_t k = 0; k < kDistressKinds; ++k) {
      if (f.distress_kind[k] && !session_kind[k]) {
        session_kind[k] = true;
        session_kind_span[k] = f.distress_kind_span[k];
      }
    }
    if (f.means) {
      if (!any_means) means_span = f.means_span;
      any_means = true;
      means_in_message[i] = f.means_span;
      last_means_message = i;
    }
    if (f.other_person) out.concern_for_other_person = true;
    if (i == last_user) out.mostly_non_english = f.non_english;
    ++writer_messages_read;
    if (!denied) add_settled_signs(settled, f);
  }
  const bool risk_so_far = session[cat_index(Category::kSuicide)] >= Level::kModerate ||
                           session[cat_index(Category::kSelfHarm)] >= Level::kModerate;
  // Distress in words no phrase knows ("feel like a ghost in my own house", "lately it's hard to find
  // reasons to stay"): where the context reader reads one of the writer's messages at
  // kMeansGateContextProbability, the session counts as showing distress, for means-seeking only, from that
  // message on: "I'm fine, I drive a truck and need the bridge's clearance" after "how high is the bridge" is
  // an answer, not distress. Not in a session about someone else's risk (the reader cannot tell whose
  // distress it reads). Read only when a means has been found that it would decide.
  const bool context_gate = !risk_so_far && !any_distress_or_ideation && !last_answer_denied &&
                            !out.concern_for_other_person;
  std::optional<size_t> context_distress_cache;
  const auto context_distress_from = [&]() -> size_t {  // the first such message, or SIZE_MAX
    if (!context_distress_cache) {
      context_distress_cache = SIZE_MAX;
      for (size_t i = 0; i <= last_user; ++i) {
        if (!is_writer_role(messages[i].role) || classifier_tokens[i].empty()) continue;
        if (reads_as_distress_besides_means(classifier_tokens[i], means_in_message[i])) {
          context_distress_cache = i;
          break;
        }
      }
    }
    return *context_distress_cache;
  };
  bool context_distress = false;
  if (any_means && context_gate) {
    const size_t from = context_distress_from();
    if (from <= last_means_message) context_distress = true;
    else if (from != SIZE_MAX) any_means = false;  // the phrases' means came first; the readers below may ask
  }
  // Where the session shows the writer's distress or risk (or might, by the context reader) and no phrase
  // found means, the writer's messages are read latest first, as the classifiers read them (other people's
  // words, stories and the past set aside), unless the writer's last answer to a risk question was no:
  // - a question about a means by its topic (means_topics.h): what it would do or take after distress; how
  //   high or open it is once the session is at a check-in, or after distress when the means question reader
  //   leans the same way (on the read means sets: 13 more conversations high, one more hard negative);
  // - the means question reader (means_question_reader.h) at kMeansQuestionAfterDistressProbability (or its
  //   threshold, if lower), after distress or at a check-in: at its threshold, after "I've been so low since
  //   the funeral", a ninth-session version read "what time does the supermarket close on sundays" as a
  //   means question.
  if ((risk_so_far || any_distress_or_ideation || context_gate) && !any_means && !last_answer_denied) {
    for (size_t i = last_user + 1; i-- > 0;) {
      if (!is_writer_role(messages[i].role) || classifier_tokens[i].empty()) continue;
      const std::vector<Token>& tokens = classifier_tokens[i];
      const risk::MeansTopicQuestion topic = risk::find_means_topic_question(tokens);
      bool by_topic = topic.strength == risk::MeansTopicStrength::kStrong ||
                      (topic.strength == risk::MeansTopicStrength::kAccess && risk_so_far);
      if (topic.strength == risk::MeansTopicStrength::kAccess && !risk_so_far) {
        const float needed = kMeansTopicAccessAfterDistressProbability;
        by_topic = risk::score_context(risk::question_sentences(tokens), risk::shipped_means_question_reader(),
                                       needed)
                       .probability >= needed;
      }
      risk::ContextResult r;
      if (!by_topic) {
        r = risk::read_means_question_at(tokens, std::min(risk::shipped_means_question_reader().threshold,
                                                          risk::kMeansQuestionAfterDistressProbability));
        if (!r.fires) continue;
      }
      if (!risk_so_far && !any_distress_or_ideation) {
        if (context_distress_from() > i) continue;  // no distress before this question (nor in it)
        context_distress = true;
      }
      any_means = true;
      if (by_topic) {
        means_span = span_between(tokens, topic.first, topic.last, i, Category::kSuicide, Level::kHigh);
        notes.push_back("a question about a means (its topic)");
      } else {
        const size_t first = r.evidence.empty() ? 0 : r.evidence[0].first;
        const size_t last = r.evidence.empty() ? tokens.size() - 1 : r.evidence[0].last;
        means_span = span_between(tokens, first, last, i, Category::kSuicide, Level::kHigh);
        notes.push_back("a question that could serve as means (means question reader)");
      }
      break;
    }
  }
  // Means-seeking anywhere in a session that shows distress or ideation anywhere: high, even when each
  // message is harmless alone ("I want to hurt myself" ... "Where do I buy pesticides?").
  Level& suicide = session[cat_index(Category::kSuicide)];
  if (any_means && (any_distress_or_ideation || context_distress) && suicide < Level::kHigh) {
    suicide = Level::kHigh;
    means_span.level = Level::kHigh;
    evidence.push_back(means_span);
    if (std::find(notes.begin(), notes.end(), "means-seeking in a session with distress") == notes.end())
      notes.push_back("means-seeking in a session with distress");
  }
  // A short message the context reader is all but certain of, in a session where another of the writer's
  // messages voiced distress or risk: a check-in. Alone such messages were too often everyday ones
  // ("I won't be here next week, I'm on holiday"); after "everything feels pointless" they seldom are.
  for (const NearCertain& n : near_certain) {
    const bool elsewhere = std::any_of(distress_messages.begin(), distress_messages.end(),
                                       [&](size_t i) { return i != n.message; });
    Level& l = session[cat_index(n.category)];
    if (!elsewhere || l >= Level::kModerate || last_answer_denied) continue;
    if (session[cat_index(Category::kSuicide)] >= Level::kModerate ||
        session[cat_index(Category::kSelfHarm)] >= Level::kModerate)
      continue;
    l = Level::kModerate;
    for (const Evidence& e : n.evidence) evidence.push_back(e);
    const char* note = "reads like the writer's own risk after distress in the session (context reader)";
    if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
  }
  // Several kinds of distress spread over the writer's messages add up as they would in one message.
  if (distress_adds_up(session_kind) && suicide < Level::kModerate) {
    suicide = Level::kModerate;
    add_distress_evidence(evidence, session_kind, session_kind_span);
    if (std::find(notes.begin(), notes.end(), "several kinds of distress in the session") == notes.end())
      notes.push_back("several kinds of distress in the session");
  }
  // The classifier over the writer's messages read together: in a chat one thought is often spread over
  // several short messages ("idk" ... "everyone would be fine" ... "i'm just so tired of all of it").
  const bool session_distress = std::find(session_kind.begin(), session_kind.end(), true) != session_kind.end();
  bool session_reader_found_thoughts = false;
  const size_t writer_messages = static_cast<size_t>(std::count_if(
      messages.begin(), messages.begin() + static_cast<std::ptrdiff_t>(last_user) + 1,
      [](const ChatMessage& m) { return is_writer_role(m.role); }));
  if (writer_messages > 1 && !last_answer_denied && session_distress && suicide < Level::kModerate &&
      session[cat_index(Category::kSelfHarm)] < Level::kModerate) {
    // Each message's tokens keep their own offsets; a sentence end separates messages.
    std::vector<Token> tokens;
    std::vector<size_t> owner;
    for (size_t i = 0; i <= last_user; ++i) {
      if (!is_writer_role(messages[i].role)) continue;
      std::vector<Token>& part = classifier_tokens[i];
      if (part.empty()) continue;
      if (!tokens.empty()) {
        Token end_of_message;
        end_of_message.text = ".";
        tokens.push_back(end_of_message);
        owner.push_back(i);
      }
      for (Token& t : part) {
        tokens.push_back(std::move(t));
        owner.push_back(i);
      }
    }
    risk::IdeationResult r = risk::score_ideation(tokens);
    if (r.fires) {
      suicide = Level::kModerate;
      session_reader_found_thoughts = true;
      // A bigram never spans two messages: the separator between them is a boundary.
      for (const auto& span : r.evidence)
        evidence.push_back(
            span_between(tokens, span.first, span.last, owner[span.first], Category::kSuicide, Level::kModerate));
      if (std::find(notes.begin(), notes.end(), "the session reads like suicidal thoughts (classifier)") == notes.end())
        notes.push_back("the session reads like suicidal thoughts (classifier)");
    }
  }
  // The settled decision over the session, where its signs came in different messages. Its own check-in is
  // not a thought: "my mind is made up" ... "I feel calmer than in years" (leaving a partner) stays one.
  if (writer_messages_read > 0 && !last_answer_denied && !out.concern_for_other_person) {
    settled.distress_kind = session_kind;
    settled.distress_kind_span = session_kind_span;
    settled.thoughts = settled.thoughts || session_reader_found_thoughts;
    settled_decision(settled, suicide, /*reader_farewell=*/true);
    if (writer_messages_read == 1) latest = session;  // one message: nothing was carried from earlier
    for (const Evidence& e : settled.evidence) evidence.push_back(e);
    for (const std::string& n : settled.notes)
      if (std::find(notes.begin(), notes.end(), n) == notes.end()) notes.push_back(n);
  }
  for (size_t c = 0; c < kCategories; ++c) {
    if (session[c] > latest[c]) out.carried_from_earlier = true;
    if (session[c] > Level::kNone) out.categories.push_back({kAllCategories[c], session[c]});
    out.level = max_level(out.level, session[c]);
  }
  std::stable_sort(out.categories.begin(), out.categories.end(),
                   [](const CategoryRisk& a, const CategoryRisk& b) { return a.level > b.level; });
  // Keep the evidence that explains the final levels: spans at the category's final level first.
  std::vector<Evidence> kept;
  std::array<size_t, kCategories> count{};
  for (int pass = 0; pass < 2; ++pass) {
    for (const Evidence& e : evidence) {
      size_t ci = cat_index(e.category);
      bool at_level = e.level >= session[ci];
      if ((pass == 0) != at_level) continue;
      if (session[ci] == Level::kNone || count[ci] >= kMaxEvidencePerCategory) continue;
      ++count[ci];
      kept.push_back(e);
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Evidence& a, const Evidence& b) {
    return a.message != b.message ? a.message < b.message : a.start < b.start;
  });
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const Evidence& a, const Evidence& b) {
                           return a.message == b.message && a.start == b.start && a.end == b.end &&
                                  a.category == b.category;
                         }),
             kept.end());
  out.evidence = std::move(kept);
  out.reason = build_reason(out, notes);
  return out;
}

Assessment assess_text(std::string_view text) {
  std::vector<ChatMessage> one;
  one.push_back({"user", std::string(text)});
  return assess_conversation(one);
}

}  // namespace haven::safety
