#include "safety/risk/means_question_reader.h"

namespace haven::safety::risk {

// Defined in the generated means_question_weights.cpp: the pieces of the encoded table.
extern const char* const* const kMeansQuestionModelPieces[];

const ContextEnsemble& shipped_means_question_reader() {
  static const ContextEnsemble kEnsemble = decode_shipped_ensemble(kMeansQuestionModelPieces);
  return kEnsemble;
}

namespace {

bool opens_a_question(const std::string& word) {
  static const char* const kOpeners[] = {"how",   "what",  "which", "when",   "where", "who",  "whose",
                                         "why",   "is",    "are",   "was",    "were",  "do",   "does",
                                         "did",   "can",   "could", "would",  "will",  "should", "shall",
                                         "may",   "might", "has",   "have",   "if",    "anyone"};
  for (const char* o : kOpeners)
    if (word == o) return true;
  return false;
}

bool is_wh_word(const std::string& word) {
  static const char* const kWh[] = {"how", "what", "which", "when", "where", "who", "whose", "why"};
  for (const char* w : kWh)
    if (word == w) return true;
  return false;
}

// A sentence asks when it ends in "?", opens with a question word, or has a wh-word among its next two
// words after a lead-in ("anyway how tall is it", "ok so when does the last train go"). Auxiliaries count
// only first: "I have no one" is no question.
bool asks(const std::vector<text::Token>& tokens, size_t first, size_t end) {
  if (end < tokens.size() && tokens[end].text == "?") return true;
  size_t words = 0;
  for (size_t k = first; k < end && words < 3; ++k) {
    if (tokens[k].is_boundary()) continue;
    if (words == 0 ? opens_a_question(tokens[k].text) : is_wh_word(tokens[k].text)) return true;
    ++words;
  }
  return false;
}

// A clause after a comma that asks ("the strong stuff farmers use, can you buy that in town"): it opens with
// a wh-word, or with an auxiliary and then a pronoun ("can you", "is there", "does it"): "did my homework"
// does not ask.
bool clause_asks(const std::vector<text::Token>& tokens, size_t at, size_t end) {
  if (at >= end || tokens[at].is_boundary()) return false;
  if (is_wh_word(tokens[at].text)) return true;
  static const char* const kAux[] = {"is", "are", "was", "were", "do", "does", "did", "can", "could",
                                     "would", "will", "should", "has", "have"};
  static const char* const kWho[] = {"i", "you", "it", "there", "they", "we", "he", "she", "that", "this",
                                     "anyone", "anybody", "someone", "somebody", "people", "u", "ya"};
  bool aux = false;
  for (const char* a : kAux) aux = aux || tokens[at].text == a;
  if (!aux || at + 1 >= end) return false;
  for (const char* w : kWho)
    if (tokens[at + 1].text == w) return true;
  return false;
}

}  // namespace

namespace {

// The indices of the tokens of the sentences that ask something.
std::vector<size_t> question_token_indices(const std::vector<text::Token>& tokens) {
  std::vector<size_t> out;
  for (const auto& [first, end] : question_sentence_ranges(tokens))
    for (size_t k = first; k < end; ++k) out.push_back(k);
  return out;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> question_sentence_ranges(const std::vector<text::Token>& tokens) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (size_t i = 0; i <= tokens.size(); ++i) {
    const bool end = i == tokens.size() || tokens[i].is_sentence_end();
    if (!end) continue;
    size_t first = start;
    while (first < i && tokens[first].is_boundary()) ++first;
    const size_t stop = i < tokens.size() ? i + 1 : i;
    if (first < i && asks(tokens, first, i)) {
      out.emplace_back(first, stop);
    } else {
      // A statement that goes on to ask after a comma: only the asking clause counts.
      for (size_t k = first; k + 1 < i; ++k) {
        if (tokens[k].text != "," || !clause_asks(tokens, k + 1, i)) continue;
        out.emplace_back(k + 1, stop);
        break;
      }
    }
    start = i + 1;
  }
  return out;
}

std::string question_text(std::string_view text) {
  const std::vector<text::Token> tokens = text::tokenize(text);
  const std::vector<size_t> at = question_token_indices(tokens);
  std::string out;
  for (size_t i = 0; i < at.size();) {
    // Each run of consecutive tokens is one stretch of the original text.
    size_t j = i;
    while (j + 1 < at.size() && at[j + 1] == at[j] + 1) ++j;
    const size_t from = tokens[at[i]].byte_start, to = tokens[at[j]].byte_end;
    if (!out.empty()) out += ' ';
    out.append(text.substr(from, to - from));
    i = j + 1;
  }
  return out;
}

std::vector<text::Token> question_sentences(const std::vector<text::Token>& tokens) {
  std::vector<text::Token> out;
  for (size_t k : question_token_indices(tokens)) out.push_back(tokens[k]);
  return out;
}

ContextResult read_means_question(const std::vector<text::Token>& tokens) {
  return read_means_question_at(tokens, shipped_means_question_reader().threshold);
}

ContextResult read_means_question_at(const std::vector<text::Token>& tokens, float threshold) {
  const ContextEnsemble& reader = shipped_means_question_reader();
  // Only what the writer asks is read: a statement ("my family would be happier if I was gone") is the
  // other readers' to weigh. Only firing matters to the assessor, so reading stops once the members left
  // cannot bring it there.
  const std::vector<size_t> at = question_token_indices(tokens);
  std::vector<text::Token> asked;
  asked.reserve(at.size());
  for (size_t k : at) asked.push_back(tokens[k]);
  ContextResult r = score_context_at(asked, reader, threshold);
  for (auto& span : r.evidence) {  // back to the message's own token indices
    span.first = at[span.first];
    span.last = at[span.last];
  }
  return r;
}

}  // namespace haven::safety::risk
