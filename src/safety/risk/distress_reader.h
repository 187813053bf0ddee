// A sixth reader: whether a message voices the writer's own low mood or distress in everyday words ("third
// day in the same hoodie, what's the point of washing it", "everyone's moving on and I'm just here"),
// with no word about death or harm. The same network as the context reader (context_reader.h), trained on
// other texts: distress lines against everyday lines that share their words (idioms, ordinary tiredness, a
// bad day that passes, someone else's sadness, fiction, hard times that are over), written by this project
// (tests/safety/data/distress_reader/), by `haven safety train-ideation --model distress`.
//
// Why it exists: a question that could serve as means is a crisis interrupt after distress, and the
// phrases and the context reader (trained for suicidal thoughts, not low mood) found only about a third of
// plain low-mood lines. So after "Visa tied to this job. Boss knows it. I'm stuck and going under." a
// means question was read as if asked on an ordinary day.
//
// What it may do: nothing alone, and nothing to a message's own level. The assessor reads it only where a
// means has been found or asked about and nothing else shows distress (assessor.cpp, the means gate); where
// it fires on one of the writer's messages at or before the means, the session counts as showing distress
// for means-seeking.
//
// Pure functions: no I/O, no state beyond the table decoded once (thread-safe).
#pragma once

#include <vector>

#include "safety/risk/context_reader.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {

// The threshold: the lowest at which at most this share of the validation files' everyday lines fire.
// With a means question after it, a firing here is a crisis interrupt.
constexpr double kDistressMaxValidationFalsePositiveRate = 0.02;

// The shipped table (distress_weights*.cpp, generated), decoded once; a reader that never fires if it does
// not decode (the tests catch that).
const ContextEnsemble& shipped_distress_reader();

// The reading of one message at the table's threshold (its confident threshold is not used); evidence spans
// index tokens. Under kContextMinWords words: 0, never fires. Reading stops once the members left could
// not bring it to the threshold (the probability is then a bound below it: ContextResult::partial).
ContextResult read_distress(const std::vector<text::Token>& tokens);

}  // namespace haven::safety::risk
