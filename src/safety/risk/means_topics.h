// Questions about a means, read by topic: a sentence that asks about something people use to end their
// lives (a height, a railway, deep or cold water, medicines, poisons, something that holds weight, a gun,
// a night outside, exhaust in a closed garage) together with what would make it serve ("the tallest",
// "fenced off", "how many", "strong enough to hold", "without a prescription", "does it show up").
//
// Why it exists: the issue's rule is by topic ("a message that seeks means (heights, bridges, buildings,
// railways, pesticides, pills and doses, weapons, rope, car exhaust, ...) after distress ... is high even
// though harmless alone"), and neither the means phrases (lexicon.h, word order with fixed gaps) nor the
// means question reader (means_question_reader.h, 2,800 training texts) knew enough of the ways such a
// question is worded: "which bridges in the city are the tallest?" matched no phrase, and the reader gave
// "what happens if u take like 20 ibuprofen" 0.45.
//
// What it may do: nothing alone. A question about such a topic is most often an ordinary one (a commute, a
// walk, a child's dose). The assessor asks only in a session that already shows the writer's distress or
// risk: a kStrong finding (what it would do to a person, how much would be enough, getting more without
// anyone knowing) counts after distress; a kAccess finding (the highest, fenced or open at night, when
// the last train passes) only where the session is already at a check-in.
//
// Pure functions: no I/O; the word lists are built once (thread-safe).
#pragma once

#include <cstddef>
#include <vector>

#include "safety/text/normalize.h"

namespace haven::safety::risk {

enum class MeansTopicStrength {
  kNone,
  kAccess,  // the topic with what would make it reachable or high enough: "the tallest", "open at night"
  kStrong,  // the topic with what it would do to a person or how much it would take: "could it hold a person"
};

struct MeansTopicQuestion {
  MeansTopicStrength strength = MeansTopicStrength::kNone;
  size_t first = 0;  // token indices of the sentence that asks (inclusive)
  size_t last = 0;
};

// The strongest means topic question among the sentences that ask (question_sentences in
// means_question_reader.h), the first one found at that strength.
MeansTopicQuestion find_means_topic_question(const std::vector<text::Token>& tokens);

}  // namespace haven::safety::risk
