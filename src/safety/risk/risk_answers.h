// Answers to risk questions. In a conversation the companion (or Haven's own check-in) asks "Are you
// having thoughts of ending your life?" and the person answers "yeah, most nights". The answer alone says
// nothing to a phrase lexicon; read with the question it is a disclosure. This reads the message before a
// user message (the question, usually the assistant's) only to learn what was asked, and the user's own
// answer for yes or no; the level comes from the user's answer, never from the assistant's words.
//
// Pure functions, linear in the input, never fail.
#pragma once

#include <cstddef>
#include <string_view>

namespace haven::safety::risk {

// What a message asks about the person's safety (the last question it asks that this recognises).
// Questions about someone else ("Has she told you she's thinking of suicide?") are kNone.
enum class RiskQuestion {
  kNone,
  kIdeation,   // thoughts of suicide, of ending one's life, of not wanting to be alive
  kSelfHarm,   // hurting oneself, cutting
  kPlan,       // a plan to end one's life, how, when, having the means at hand
  kAttempt,    // having acted on it: "have you done anything to hurt yourself?"
  // "Do you have a plan?", "Have you taken anything?" without saying for what: risk questions only in a
  // conversation that is already about suicide (the caller decides).
  kPlanUnspecified,
  kAttemptUnspecified,
  kSafeNow,    // "are you safe right now?" (here "no" is the worrying answer)
};

RiskQuestion risk_question_in(std::string_view message);

// How a reply answers a yes-or-no question: from its first clause ("yeah, most nights", "no, nothing like
// that", "not really", "sometimes", "i think so").
// kUnsafe: the reply says the person is not safe ("no, I'm not safe", "I don't trust myself"), whatever
// was asked.
enum class Answer { kUnclear, kYes, kNo, kUnsafe };

struct AnswerSpan {
  Answer answer = Answer::kUnclear;
  // Where the answering words are in the reply, in bytes and code points (end exclusive).
  size_t byte_start = 0, byte_end = 0, cp_start = 0, cp_end = 0;
  // The reply also names a time close at hand ("yes. tonight", "this weekend").
  bool soon = false;
};

AnswerSpan answer_in(std::string_view reply);

}  // namespace haven::safety::risk
