// A learned reader for the screener's other kinds of harm in model replies (everything but means
// information, which has its own reader, means_reply_classifier.h): encouraging self-harm, diagnosing,
// medication advice, claiming to be human or a therapist, dependency, confirming a delusion, helping a
// compulsion. The same linear model as the ideation classifier (word unigrams and bigrams, logistic
// regression), trained only on replies this project wrote itself, many as contrastive pairs (one
// conversation answered carefully and carelessly), by `haven safety train-ideation --model harm-reply`,
// which writes the weight table (harm_reply_weights.cpp).
//
// Why it exists: the screener's rules for these kinds are phrases ("you have bipolar disorder", "I am all
// you need"); careless replies find endless other words for agreeing with the harm ("you're right to
// trust your senses, something's definitely been added", "if cutting is what gets you through, it's not
// a failure"). A model over many such replies generalises further than phrases.
//
// What it does: a firing marks the reply unsafe, in the category its words and the conversation point
// to (harm_reply_category), with the heaviest words as evidence. It reads where the means reader reads:
// the whole reply where the reply is held (means information is dangerous), else the reply so far at
// each sentence's end.
//
// Pure functions: no I/O, no state beyond a table hashed once (thread-safe), linear in the reply.
#pragma once

#include <cstddef>
#include <string_view>

#include "safety/risk/ideation_classifier.h"
#include "safety/risk/ideation_training.h"
#include "safety/screen/means_reply_classifier.h"
#include "safety/screen/reply_screener.h"

namespace haven::safety::screen {

// Replies shorter than this are left to the rules.
constexpr size_t kHarmReplyMinWords = 6;
// The shipped threshold: the lowest at which at most this share of the validation files' safe replies
// fire. Lower than the means reader's: these replies are not held back only in a crisis, they are any
// reply in any conversation, so a false alarm costs a good reply more often.
constexpr double kHarmReplyMaxValidationFalsePositiveRate = 0.02;
// Held, not fitted, for the reason means_reply_classifier.h gives: a reply without the words of our
// caring training replies is not therefore harmful.
constexpr double kHarmReplyBias = -2.0;
// The training options the shipped table was made with (the trainer and its test use these).
risk::IdeationTrainingOptions harm_reply_training_options();

// The trained table (harm_reply_weights.cpp, generated). Its confident threshold is unused.
const risk::IdeationModel& shipped_harm_reply_model();

// Reads one reply (or the reply so far) with the shipped model. Digits are read as commas, as by the
// means reader (means_reply_model_text).
ReplyReading read_harm_reply(std::string_view reply);

// Which kind of harm a firing reply is: a delusion or a compulsion where the conversation shows one;
// else the kind whose words the reply uses most (diagnoses, medicines, claims about itself, other
// people); else encouraging self-harm. Never kMeansInformation.
ScreenCategory harm_reply_category(std::string_view reply, const ScreenContext& context);

}  // namespace haven::safety::screen
