// A fifth reader: whether a message asks something that could serve as means of suicide or self-harm,
// however harmless it sounds ("does the 7:40 slow down at Hatfield or go straight through", "how much
// weight can a garage rafter hold"). The same network as the context reader (context_reader.h), trained
// on other texts: means questions in everyday words against ordinary questions on the same topics
// (commutes, DIY, prescribed doses, safe storage) and against distress with no question or an ordinary
// one (tests/safety/data/means_question/, written by this project), by
// `haven safety train-ideation --model means-question`.
//
// Why it exists: the lexicon's means phrases (lexicon.h) knew only the words their writers thought of;
// on a set of means questions asked after distress written in the ninth session, the session-start build
// made 29 of 120 a crisis interrupt, and 33 new phrases only 39.
//
// What it may do: nothing alone. The assessor reads it only in a session that already shows the writer's
// distress or risk and where the phrases found no means, at kMeansQuestionAfterDistressProbability (or its
// threshold, where that is lower). If it counts, the session is means-seeking with distress (high), as if a
// phrase had found it. It reads only the sentences that ask.
//
// Pure functions: no I/O, no state beyond the table decoded once (thread-safe).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "safety/risk/context_reader.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {

// The threshold: the lowest at which at most this share of the validation files' label-0 messages fire.
// Strict, because with distress in the session a reading here is a crisis interrupt.
constexpr double kMeansQuestionMaxValidationFalsePositiveRate = 0.02;
// The reading the assessor asks for after distress or at a check-in (or the threshold, where that is
// lower). The ninth session chose 0.9 after distress alone: on ordinary questions asked after sad openers
// (what time a shop closes, how long a drive takes) its table at 0.8 let 3 in 100 through. With the table
// retrained in the tenth session, 0.6 (eleventh session) makes 2 of 1,352 ordinary questions asked after a
// distress message high (none at 0.9) and none of the 457 label-0 validation questions; on the measured means
// sets 0.75 made 34 more positives high than 0.9 for 1 more hard negative, and 0.6 another 33 for 1 more; on a
// set written afterwards (means_tune_g) 0.6 made 69 of 120 high against 65 at 0.75, hard negatives 3 of 80
// either way.
constexpr float kMeansQuestionAfterDistressProbability = 0.6f;

// The shipped table (means_question_weights*.cpp, generated), decoded once; a reader that never fires if
// it does not decode (the tests catch that).
const ContextEnsemble& shipped_means_question_reader();

// The sentences of a message that ask something: those ending in "?", those opening with a question word
// ("how much weight can a rafter hold", "does the 7:40 slow down"), and those with a wh-word after a short
// lead-in ("anyway how tall is it"); of a sentence that does not, a clause after a comma that opens with a
// wh-word or with an auxiliary and a pronoun ("the strong stuff they use, can you buy that in town"); in
// order, each with its end mark.
std::vector<text::Token> question_sentences(const std::vector<text::Token>& tokens);
// The same sentences as token ranges [first, end), the end mark included where there is one.
std::vector<std::pair<size_t, size_t>> question_sentence_ranges(const std::vector<text::Token>& tokens);
// The same sentences as text (the original bytes of each, joined by spaces): what the trainer trains and
// sets the threshold on, so that it reads as the assessor does.
std::string question_text(std::string_view text);

// The reading of one message's question sentences at the table's threshold (its confident threshold is
// not used); evidence spans index tokens. Under kContextMinWords words of questions: 0, never fires.
ContextResult read_means_question(const std::vector<text::Token>& tokens);
// The same reading at another bar: fires, with evidence, at `threshold` or above.
ContextResult read_means_question_at(const std::vector<text::Token>& tokens, float threshold);

}  // namespace haven::safety::risk
