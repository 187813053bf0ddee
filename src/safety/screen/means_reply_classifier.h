// A learned second reader for means information in model replies: the same linear model as the
// ideation classifier (risk/ideation_classifier.h: word unigrams and bigrams, logistic regression),
// trained only on replies this project wrote itself (tests/safety/screen_classifier, see
// docs/safety-policy.md) by `haven safety train-ideation --model means-reply`, which writes the weight
// table (means_reply_weights.cpp).
//
// Why it exists: the screener's rules catch the shapes of means information we thought of; careless
// replies find endless other words for "the tallest one downtown", "it takes a while and it hurts", "most
// people who try that survive". A model over many such replies generalises further than phrases.
//
// What it does: a firing marks the reply unsafe, as means information, with the heaviest words as
// evidence. Where the conversation makes means information dangerous (the user showed distress or risk,
// or sought means: ScreenContext::means_sensitive) it reads the whole reply, so a streamed reply is held
// until it is complete (needs_whole_reply); elsewhere it reads the reply so far at each sentence's end
// (screen_reply_so_far), so the sentence where a reply became means information fails.
//
// Pure functions: no I/O, no state beyond a table hashed once (thread-safe), linear in the reply.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "safety/risk/ideation_classifier.h"
#include "safety/risk/ideation_training.h"
#include "safety/text/normalize.h"

namespace haven::safety::screen {

// Replies shorter than this are left to the rules: "Sorry, no." says nothing a model could weigh.
constexpr size_t kMeansReplyMinWords = 6;
// How the shipped threshold was chosen: the lowest at which at most this share of the validation
// files' safe replies fire (the issue allows 5% of appropriate replies flagged in all; the rules use
// some of that).
constexpr double kMeansReplyMaxValidationFalsePositiveRate = 0.03;

// The bias is not fitted but held here (probability 0.12 for a reply with no word the model knows): our
// safe training replies are all visibly caring, so a fitted bias learns that a reply without their
// words is unsafe, and an ordinary "What has today been like?" would fire. Held low, the model fires
// only on words it learned from means replies.
constexpr double kMeansReplyBias = -2.0;
// The training options the shipped table was made with (the trainer and its test use these).
risk::IdeationTrainingOptions means_reply_training_options();

// Where the reply is judged whole, means information found only by the screener's broad readings (a
// means word near an effect word, an answer-shaped sentence, an answer without care) stands only if the
// model gives the reply at least this probability: such words also fill careful, informative answers
// ("suicidal crises are often brief, so barriers save lives"), which the model has learned to tell apart.
constexpr float kMeansReplyClearlySafeBelow = 0.1f;
// Where the user asked near a means but showed no distress and no risk (ScreenContext::means_sought alone:
// "is it dangerous to mix bleach with other cleaners?", "why did they put nets on the bridge?"), every rule
// finding of means information, the firm rules' included, stands only if the model gives the reply at least
// this probability. Such questions get informative safety answers whose words ("harmful fumes", "deaths at
// those sites fell") are the firm rules' words; on the screener sets 15 to 23 (never trained on) this cleared
// 21 of 169 false alarms and no means reply, and on the held-back quarters 22 of 104 false alarms for 5 of 351
// means replies (docs/safety-policy.md).
constexpr float kMeansReplyCalmUserSafeBelow = 0.2f;

// The trained table (means_reply_weights.cpp, generated). Its confident threshold is unused.
const risk::IdeationModel& shipped_means_reply_model();

// What a reply model (this one, or harm_reply_classifier.h) makes of one reply.
struct ReplyReading {
  float probability = 0.0f;
  bool fires = false;
  // Byte ranges of the reply [start, end) whose words weighed most toward firing, at most three.
  struct Span {
    size_t start = 0;
    size_t end = 0;
  };
  std::vector<Span> evidence;
};
using MeansReplyReading = ReplyReading;

// Reads one reply with any reply model's scorer, as the model reads it (means_reply_model_text).
ReplyReading read_reply_with(const risk::IdeationScorer& scorer, std::string_view reply);

// The text the model reads: the reply with every ASCII digit made a comma (same length, so offsets hold).
// Numbers are left to the rules, which know what a dose or a height looks like; and the replies we
// could write for training give no figures (we would not write them), so a model that saw digits would
// learn that digits mean safety, from the crisis-line numbers of the safe replies.
std::string means_reply_model_text(std::string_view reply);

// Reads one whole reply with the shipped model.
MeansReplyReading read_means_reply(std::string_view reply);

}  // namespace haven::safety::screen
