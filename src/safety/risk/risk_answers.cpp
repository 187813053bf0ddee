#include "safety/risk/risk_answers.h"

#include <initializer_list>
#include <string>
#include <vector>

#include "safety/text/normalize.h"

namespace haven::safety::risk {
namespace {

using text::Token;

// True when the words starting at tokens[i] are exactly `phrase` (canonical words separated by spaces).
bool words_at(const std::vector<Token>& tokens, size_t i, std::string_view phrase) {
  size_t k = i;
  size_t start = 0;
  while (start < phrase.size()) {
    size_t space = phrase.find(' ', start);
    if (space == std::string_view::npos) space = phrase.size();
    if (k >= tokens.size() || tokens[k].text != phrase.substr(start, space - start)) return false;
    ++k;
    start = space + 1;
  }
  return true;
}

bool any_words_in(const std::vector<Token>& tokens, size_t begin, size_t end,
                  std::initializer_list<std::string_view> phrases) {
  for (size_t i = begin; i < end; ++i)
    for (std::string_view p : phrases)
      if (words_at(tokens, i, p)) return true;
  return false;
}

// The question is tokens [begin, end); [context, begin) is the sentence before it, which often says what
// "them" or "that" means ("Some people start having thoughts of not wanting to be alive. Are you?").
RiskQuestion classify_question(const std::vector<Token>& t, size_t context, size_t begin, size_t end) {
  const bool about_you = any_words_in(t, begin, end, {"you", "your", "yourself"});
  if (!about_you) return RiskQuestion::kNone;
  if (any_words_in(t, begin, end,
                   {"she", "he", "they", "her", "him", "his", "their", "herself", "himself", "themselves",
                    "friend", "brother", "sister", "mom", "mum", "mother", "dad", "father", "son", "daughter",
                    "partner", "boyfriend", "girlfriend", "husband", "wife", "child", "kid"}))
    return RiskQuestion::kNone;
  const bool ideation = any_words_in(
      t, context, end,
      {"suicide", "suicidal", "end your life", "ending your life", "kill yourself", "killing yourself",
       "take your own life", "taking your own life", "take your life", "taking your life", "want to die",
       "wanting to die", "not want to be alive", "not wanting to be alive", "not want to live", "not wanting to live",
       "better off dead", "not wake up", "not waking up", "unalive", "end it all", "ending it all",
       "thoughts of death", "thoughts of dying", "wish you were dead", "not be here", "not being here",
       // In the sentence before the question, said of people in general.
       "end their lives", "ending their lives", "end their life", "ending their life", "kill themselves",
       "killing themselves", "take their own lives", "not wanting to be alive", "not wanting to live"});
  const bool self_harm = any_words_in(t, context, end,
                                      {"hurt yourself", "hurting yourself", "harm yourself", "harming yourself",
                                       "self harm", "self harming", "cut yourself", "cutting yourself", "cutting"});
  if (any_words_in(t, begin, end,
                   {"have you done", "did you do", "have you taken", "did you take", "have you hurt",
                    "did you hurt", "have you tried", "did you try", "have you acted", "did you act"})) {
    if (ideation || self_harm) return RiskQuestion::kAttempt;
    if (any_words_in(t, begin, end, {"anything", "something"})) return RiskQuestion::kAttemptUnspecified;
  }
  if ((ideation || self_harm) &&
      any_words_in(t, begin, end, {"plan", "plans", "planned", "how you would", "how would you", "when you would",
                                   "access to", "the means", "decided", "intend", "going to act", "act on"}))
    return RiskQuestion::kPlan;
  if (any_words_in(t, begin, end, {"do you have a plan", "have you made a plan", "have you got a plan",
                                   "have you thought about how", "have you decided"}))
    return RiskQuestion::kPlanUnspecified;
  if (self_harm) return RiskQuestion::kSelfHarm;
  if (ideation) return RiskQuestion::kIdeation;
  if (any_words_in(t, begin, end, {"are you safe", "you are safe", "you feel safe", "are you somewhere safe",
                                   "you safe"}))
    return RiskQuestion::kSafeNow;
  return RiskQuestion::kNone;
}

}  // namespace

RiskQuestion risk_question_in(std::string_view message) {
  std::vector<Token> t = text::tokenize(message);
  RiskQuestion found = RiskQuestion::kNone;
  size_t begin = 0, previous = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].is_sentence_end()) continue;
    if (t[i].text == "?") {
      RiskQuestion q = classify_question(t, previous, begin, i);
      if (q != RiskQuestion::kNone) found = q;
    }
    previous = begin;
    begin = i + 1;
  }
  return found;
}

AnswerSpan answer_in(std::string_view reply) {
  AnswerSpan out;
  std::vector<Token> t = text::tokenize(reply);
  size_t end = 0;  // the first clause
  while (end < t.size() && !t[end].is_boundary()) ++end;
  if (end == 0) return out;
  auto set = [&](Answer a, size_t first, size_t last) {
    out.answer = a;
    out.byte_start = t[first].byte_start;
    out.byte_end = t[last].byte_end;
    out.cp_start = t[first].cp_start;
    out.cp_end = t[last].cp_end;
  };
  auto starts = [&](std::initializer_list<std::string_view> phrases, size_t& words) {
    for (std::string_view p : phrases) {
      if (!words_at(t, 0, p)) continue;
      words = 1;
      for (char c : p) words += c == ' ' ? 1 : 0;
      return true;
    }
    return false;
  };
  size_t n = 0;
  // "No, I'm not safe" / "I don't trust myself": whatever the question's wording, the answer is the worrying one.
  if (any_words_in(t, 0, t.size(), {"not safe", "unsafe", "do not feel safe", "do not trust myself"})) {
    out.answer = Answer::kUnsafe;
    out.byte_start = t[0].byte_start;
    out.byte_end = t[end - 1].byte_end;
    out.cp_start = t[0].cp_start;
    out.cp_end = t[end - 1].cp_end;
    return out;
  }
  // "idk" (read as "i do not know") and "not sure" answer neither way.
  if (starts({"i do not know", "not sure", "i am not sure", "do not know"}, n)) return out;
  // Negative first: "not really", "no, nothing like that" (but "no one cares" is not an answer).
  if (starts({"not really", "not at all", "not right now", "nothing like that", "of course not", "no way", "i am not",
              "i do not", "i have not", "i did not", "nope", "nah", "never"},
             n) ||
      (words_at(t, 0, "no") && !words_at(t, 0, "no one") && !words_at(t, 0, "no body") && (n = 1))) {
    set(Answer::kNo, 0, n - 1);
  } else if (starts({"yes", "yeah", "yea", "yep", "yup", "ya", "yah", "ye", "mhm", "both", "sometimes", "often", "always",
                     "constantly", "definitely", "probably", "maybe", "kinda", "kind of", "sort of", "a little",
                     "a bit", "a lot", "i think so", "i guess", "every day", "every night", "most days",
                     "most nights", "all the time", "more and more", "lately", "sure"},
                    n)) {
    set(Answer::kYes, 0, n - 1);
  } else if (end <= 2 && starts({"i do", "i am", "i have", "i did"}, n)) {
    // "I do." / "I am, most days": the bare auxiliary is an answer; "I am fine" is not.
    set(Answer::kYes, 0, n - 1);
  }
  if (out.answer == Answer::kYes &&
      any_words_in(t, 0, t.size(), {"tonight", "today", "tomorrow", "this weekend", "right now", "this week", "soon",
                                    "in an hour", "in a few hours"}))
    out.soon = true;
  return out;
}

}  // namespace haven::safety::risk
