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

template <class Phrases>
bool any_of_words_in(const std::vector<Token>& tokens, size_t begin, size_t end, const Phrases& phrases) {
  for (size_t i = begin; i < end; ++i)
    for (std::string_view p : phrases)
      if (words_at(tokens, i, p)) return true;
  return false;
}
bool any_words_in(const std::vector<Token>& tokens, size_t begin, size_t end,
                  std::initializer_list<std::string_view> phrases) {
  return any_of_words_in(tokens, begin, end, phrases);
}
bool any_words_in(const std::vector<Token>& tokens, size_t begin, size_t end,
                  const std::vector<std::string_view>& phrases) {
  return any_of_words_in(tokens, begin, end, phrases);
}

// Phrases that name suicidal thinking. The question sentence may say it ("Are you thinking of ending your
// life?") or the sentence before may ("Some people start having thoughts of not wanting to be alive. Are
// you having them?").
const std::vector<std::string_view> kIdeationWords = {
    "suicide", "suicidal", "end your life", "ending your life", "kill yourself", "killing yourself",
    "take your own life", "taking your own life", "take your life", "taking your life", "want to die",
    "wanting to die", "not want to be alive", "not wanting to be alive", "not want to live", "not wanting to live",
    "better off dead", "unalive", "end it all", "ending it all", "ending things", "end things",
    "thoughts of death", "thoughts of dying", "wish you were dead", "not be here anymore", "not being here anymore",
    "end your own life", "ending your own life", "were not here", "was not here", "not here anymore",
    "end their lives", "ending their lives", "end their life", "ending their life", "kill themselves",
    "killing themselves", "take their own lives"};
// Phrases that name self-harm (not a bare "hurt yourself": "did you hurt yourself when you fell?").
const std::vector<std::string_view> kSelfHarmWords = {
    "hurting yourself", "harming yourself", "self harm", "self harming", "cut yourself", "cutting yourself",
    "hurt yourself on purpose", "want to hurt yourself", "urge to hurt yourself", "thoughts of hurting yourself",
    "thoughts of harming yourself", "harm yourself on purpose", "to hurt yourself", "to harm yourself",
    "did this to yourself", "do this to yourself", "doing this to yourself", "cuts you made", "cuts you have made",
    "marks you made", "did you do that yourself", "did you do this yourself", "hurting yourself on purpose",
    "been cutting", "you are cutting", "cutting again", "been burning yourself", "you have been hurting",
    "one you made yourself", "ones you made yourself", "cut you made yourself", "cuts you made yourself",
    "marks on your arm", "marks on your arms", "marks on your legs", "marks on your wrist", "marks on your wrists",
    "marks on your skin", "cuts on your arm", "cuts on your arms", "cuts on your legs", "cuts on your wrist",
    "cuts on your wrists", "burns on your arm", "burns on your arms", "scars on your arm", "scars on your arms",
    // In the sentence before a question about the user's own state ("People who hurt this much sometimes
    // find themselves wanting to hurt themselves. Has that been happening for you?").
    "hurt themselves", "hurting themselves", "harm themselves", "harming themselves"};
// Idioms that make a question about something else, whatever else it says.
const std::vector<std::string_view> kIdiomQuestion = {"die on that hill", "to die for"};
// Everyday words that make a question about something else, unless it names the risk in so many words.
const std::vector<std::string_view> kOrdinaryQuestion = {
    "safety plan", "plans for", "plan for the", "fun", "weekend", "holiday",
    "trip", "dinner", "lunch", "helped", "that helps", "for your headache", "for the pain", "for your pain",
    "safe to", "safe at", "safe with", "when you fell", "by accident"};

// The question is tokens [begin, end); [context, begin) is the sentence before it.
RiskQuestion classify_question(const std::vector<Token>& t, size_t context, size_t begin, size_t end) {
  const bool about_you = any_words_in(t, begin, end, {"you", "your", "yourself"});
  if (!about_you) return RiskQuestion::kNone;
  if (any_words_in(t, begin, end, kIdiomQuestion)) return RiskQuestion::kNone;
  if (any_words_in(t, begin, end,
                   {"she", "he", "her", "him", "his", "herself", "himself", "friend", "brother", "sister", "mom",
                    "mum", "mother", "dad", "father", "son", "daughter", "partner", "boyfriend", "girlfriend",
                    "husband", "wife", "child", "kid"}))
    return RiskQuestion::kNone;
  // "They" is someone else unless it stands for people in general, as in a question that first says what
  // people do ("Sometimes people hurt themselves to cope - is that something you've been doing?").
  if (any_words_in(t, begin, end, {"they", "their", "themselves"}) &&
      !any_words_in(t, begin, end, {"people", "someone", "somebody", "others", "anyone", "many"}))
    return RiskQuestion::kNone;
  // Plans and acts must be asked about in the question itself, together with what they are for.
  const bool ideation_here = any_words_in(t, begin, end, kIdeationWords);
  // A bare "hurt yourself" is self-harm when the question asks about a habit or an urge ("do you ever hurt
  // yourself?", "did you hurt yourself already, or is it the urge?"), not about a fall.
  const bool self_harm_here =
      any_words_in(t, begin, end, kSelfHarmWords) ||
      (any_words_in(t, begin, end, {"hurt yourself", "harm yourself"}) &&
       any_words_in(t, begin, end, {"ever", "urge", "urges", "to cope", "felt like doing", "feel like doing", "again"}));
  // Everyday words make an everyday question ("did you hurt yourself by accident?", "a plan for the weekend?"),
  // unless it also names the risk in so many words ("a cut you got by accident, or one you made yourself?").
  if (!ideation_here && !self_harm_here && any_words_in(t, begin, end, kOrdinaryQuestion)) return RiskQuestion::kNone;
  if (any_words_in(t, begin, end,
                   {"have you done anything to", "did you do anything to", "have you taken anything",
                    "did you take anything", "have you tried to", "did you try to", "have you acted on",
                    "did you act on", "have you done something to", "did you do something to"})) {
    if (ideation_here || self_harm_here) return RiskQuestion::kAttempt;
    if (any_words_in(t, begin, end, {"have you taken anything", "did you take anything"}))
      return RiskQuestion::kAttemptUnspecified;
  }
  if ((ideation_here || self_harm_here) &&
      any_words_in(t, begin, end, {"a plan", "plan to", "planned", "planning", "how you would", "how would you",
                                   "when you would", "access to", "the means", "decided", "intend", "going to act",
                                   "act on"}))
    return RiskQuestion::kPlan;
  if (any_words_in(t, begin, end, {"do you have a plan", "have you made a plan", "have you got a plan",
                                   "have you thought about how", "have you decided how", "have you decided when"}))
    return RiskQuestion::kPlanUnspecified;
  // The sentence before names the thoughts only when this one asks whether the user has them ("Are you
  // having them?"), not for any question after a mention ("Suicide risk factors are... Want me to quiz you?").
  const bool asks_about_state =
      any_words_in(t, begin, end, {"having", "have", "had", "feel", "feeling", "felt", "thinking", "thought",
                                   "thoughts", "experiencing", "going through", "that way", "this way", "like that",
                                   "them", "those", "urges", "happening", "happened", "happens", "doing that", "crossed", "cross your mind", "on your mind"});
  if (self_harm_here || (asks_about_state && any_words_in(t, context, begin, kSelfHarmWords)))
    return RiskQuestion::kSelfHarm;
  if (ideation_here || (asks_about_state && any_words_in(t, context, begin, kIdeationWords)))
    return RiskQuestion::kIdeation;
  // "Are you safe?", "Are you safe right now?", "Are you somewhere safe?" (not "safe to drive", "safe at work").
  for (size_t i = begin; i < end; ++i) {
    if (words_at(t, i, "are you somewhere safe") || words_at(t, i, "are you in a safe place"))
      return RiskQuestion::kSafeNow;
    size_t after = 0;
    if (words_at(t, i, "are you safe")) after = i + 3;
    else if (words_at(t, i, "do you feel safe")) after = i + 4;
    else continue;
    if (after >= end || words_at(t, after, "right now") || words_at(t, after, "now") ||
        words_at(t, after, "tonight") || words_at(t, after, "at the moment") || words_at(t, after, "where you are"))
      return RiskQuestion::kSafeNow;
  }
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
  auto set = [&](Answer a, size_t first, size_t last) {
    out.answer = a;
    out.byte_start = t[first].byte_start;
    out.byte_end = t[last].byte_end;
    out.cp_start = t[first].cp_start;
    out.cp_end = t[last].cp_end;
  };
  // Words of the phrase at `at` when one of `phrases` starts there, else 0.
  auto starts_at = [&](size_t at, std::initializer_list<std::string_view> phrases) -> size_t {
    for (std::string_view p : phrases) {
      if (!words_at(t, at, p)) continue;
      size_t words = 1;
      for (char c : p) words += c == ' ' ? 1 : 0;
      return words;
    }
    return 0;
  };
  // "No, I'm not safe" / "I don't trust myself", said plainly in the first sentence (not "not safe from my
  // landlord's emails lol", not "I don't feel unsafe"): whatever was asked, that is the worrying answer.
  size_t sentence_end = 0;
  while (sentence_end < t.size() && !t[sentence_end].is_sentence_end()) ++sentence_end;
  if (!any_words_in(t, 0, t.size(), {"lol", "lmao", "haha", "jk"})) {
    for (size_t i = 0; i < sentence_end; ++i) {
      const size_t n = starts_at(i, {"i am not safe", "not safe right now", "i do not feel safe", "i am unsafe",
                                     "i do not trust myself"});
      if (n == 0) continue;
      const size_t after = i + n;
      if (after < t.size() && (t[after].text == "from" || t[after].text == "to" || t[after].text == "with")) continue;
      set(Answer::kUnsafe, i, i + n - 1);
      return out;
    }
  }
  // Fillers before the answer: "i mean yeah", "not gonna lie, yes", "honestly? yes".
  size_t at = 0;
  for (bool skipped = true; skipped && at < t.size();) {
    skipped = false;
    if (t[at].is_boundary()) {
      ++at;
      skipped = true;
      continue;
    }
    if (size_t n = starts_at(at, {"i am not gonna lie", "i am not going to lie", "not gonna lie", "not going to lie",
                                   "to be honest", "i mean", "um", "uh", "well", "so", "ok", "okay", "hmm", "eh", "ehh",
                                   "ah", "ahh", "oh", "erm", "tbh",
                                   "ehhh", "hm", "mm", "honestly", "lol", "lmao", "haha"})) {
      at += n;
      skipped = true;
    }
  }
  // The first clause answers; when it says "idk" or "not sure", the next clause may ("idk... yes").
  for (int clause = 0; clause < 2 && at < t.size(); ++clause) {
    size_t n = 0;
    if ((n = starts_at(at, {"i do not know", "not sure", "i am not sure", "do not know"}))) {
      at += n;
      while (at < t.size() && !t[at].is_boundary()) ++at;
      while (at < t.size() && t[at].is_boundary()) ++at;
      continue;
    }
    // Declining to talk about it is not a no ("I don't really want to talk about it").
    if (starts_at(at, {"i do not want to talk", "i do not really want to talk", "i would rather not",
                       "i do not want to say", "i do not want to get into", "rather not say", "i do not wanna talk",
                       "i do not want to go into", "can we not", "i do not really want to get into"}))
      return out;
    // "no worries", "no, I'm fine", "no, I'm safe" do not say no to the risk.
    if (words_at(t, at, "no") &&
        (starts_at(at + 1, {"worries", "worry", "problem", "problems", "one", "body"}) ||
         (at + 1 < t.size() && t[at + 1].is_boundary() &&
          starts_at(at + 2, {"i am safe", "i am fine", "i am ok", "i am okay", "all good"})))) {
      return out;  // neither a no to the risk nor a yes
    }
    size_t clause_end = at;
    while (clause_end < t.size() && !t[clause_end].is_boundary()) ++clause_end;
    if ((n = starts_at(at, {"not really", "not at all", "not right now", "nothing like that", "of course not", "no way",
                            "i do not think so", "nope", "nah", "never", "no", "n"}))) {
      set(Answer::kNo, at, at + n - 1);
    } else if ((n = starts_at(at, {"i am not", "i do not", "i have not", "i did not"})) && clause_end - at <= n + 2) {
      // "I'm not.", "I don't, really", "I haven't no": a short clause is the answer; a longer one says
      // something of its own ("I don't think I'll still be alive by Saturday") and is read as such.
      set(Answer::kNo, at, at + n - 1);
    } else if ((n = starts_at(at, {"yes", "yeah", "yea", "yep", "yup", "ya", "yah", "ye", "y", "yh", "yeh", "yess", "mhm", "both",
                                   "sometimes", "often", "always", "constantly", "definitely", "probably", "maybe",
                                   "kinda", "kind of", "sort of", "a little", "a bit", "a lot", "i think so",
                                   "i guess", "every day", "every night", "most days", "most nights", "all the time",
                                   "more and more", "lately", "sure", "ig", "i suppose", "possibly", "crossed my mind",
                                   "it has crossed my mind", "it crossed my mind", "has crossed my mind", "sad",
                                   // "... or are you actually wanting to die?" "actually. for real."; "by accident, or
                                   // one you made yourself?" "myself."; "X, or thoughts of ending your life?" "the
                                   // second one" (the companion names the worrying choice last).
                                   "actually", "for real", "myself", "on purpose", "the second one", "the second",
                                   "second one", "the latter", "the last one"}))) {
      set(Answer::kYes, at, at + n - 1);
    } else {
      // "I do." / "I am, most days": the bare auxiliary is an answer; "I am fine" is not.
      if (clause_end - at <= 2 && (n = starts_at(at, {"i do", "i am", "i have", "i did"}))) set(Answer::kYes, at, at + n - 1);
    }
    break;
  }
  if (out.answer == Answer::kYes &&
      any_words_in(t, 0, t.size(), {"tonight", "today", "tomorrow", "this weekend", "right now", "this week", "soon",
                                    "in an hour", "in a few hours"}))
    out.soon = true;
  return out;
}

}  // namespace haven::safety::risk
