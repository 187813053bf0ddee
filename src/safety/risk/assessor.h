// Risk assessment of the writer's own state, read in the context of the conversation.
//
// A fast, explainable detector that does not depend on any model: text is normalised (case, Unicode
// quotes, repeated letters, leetspeak, common misspellings, emoji), matched against a lexicon of phrases
// per category and level, and each match is checked for negation, other people, past or resolved
// experiences, idioms, fiction and questions about the topic. Every level it returns can be traced to
// evidence spans and a one-line reason. A past cue ("years ago") covers what follows it in its sentence
// until a present cue ("and now", "again", "still") takes over; in text typed without punctuation it
// reaches only about a sentence's length. Some phrases ("I'm ready to do it", "the thoughts are back")
// count only in a message that also speaks of suicide or self-harm.
//
// Levels follow the C-SSRS ladder (see ../shared/docs/safety-reference.md): any suicidal ideation,
// passive wishes included, is at least kModerate; method, intent, plan, preparation or recent behaviour
// is kHigh; plan with intent, means and timing is kImminent. Means-seeking (bridges, heights, pills,
// pesticides, weapons, rope, exhaust, railways, ...) is kHigh when the same session shows distress or
// ideation, before it, in the same message, or after it. Several different kinds of distress
// (hopelessness, entrapment, feeling a burden, self-hatred, loneliness, unbearable pain, thoughts of one's
// own death, farewells), in one message or across the writer's messages in a session, are kModerate: the
// indirect way many people voice suicidal thoughts. Three kinds are needed, or two that the models of
// suicidal thinking pair (see distress_adds_up in assessor.cpp); never more than kModerate on their own.
// A second reader, a small classifier trained on texts this project wrote (ideation_classifier.h), reads
// messages of 15 words or more, and the writer's messages of a session together, for the many indirect
// ways of saying one does not want to exist; when it agrees with at least one kind of distress the
// lexicon found in the writer's own words, suicide risk is kModerate (a check-in, never a crisis
// interrupt), with the words that weighed most as evidence.
// A settled decision told in veiled words (an ending of the writer's own, "nobody will have to check on me
// after friday"; a sudden calm; a mind made up or a day chosen; means got; affairs put in order) is kHigh
// when its signs come together (with a time, with preparation, or with suicidal thoughts the lexicon or a
// reader finds), in one message or across the session, and kModerate for the writer's own ending alone; an
// ordinary purpose ("rope for the dinghy") or a move explains such words away.
// In a conversation, a writer's reply is also read against the risk question just before it
// (risk_answers.h): "yeah, most nights" after "Are you having thoughts of ending your life?" is moderate, a
// yes to a plan high. Someone else's words quoted after a verb of speech ("she said 'I want to die'") are
// theirs, not the writer's.
//
// Pure functions: no state, no I/O, no allocation beyond the result, safe to call from any thread.
// They never fail: any byte string is accepted (invalid UTF-8 is read as U+FFFD) and work is linear in
// the input length. Nothing here logs what the user wrote.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "safety/types.h"

namespace haven::safety {

// One message of a conversation. role is "user", "assistant" or "system"; only "user" messages (and
// any role this code does not know, to fail safe) are read as the writer's own words.
struct ChatMessage {
  std::string role;
  std::string content;
};

// Where a finding came from. message indexes the message list (0 for assess_text). start/end are
// offsets in Unicode code points into that message's content, end exclusive (the wire format);
// byte_start/byte_end are the same span in bytes, for C++ callers that slice the string.
struct Evidence {
  size_t message = 0;
  size_t start = 0;
  size_t end = 0;
  size_t byte_start = 0;
  size_t byte_end = 0;
  Category category = Category::kSuicide;
  Level level = Level::kNone;
};

struct CategoryRisk {
  Category category = Category::kSuicide;
  Level level = Level::kNone;
};

struct Assessment {
  // The highest category level (kNone when nothing was found).
  Level level = Level::kNone;
  // Only categories above kNone, highest level first; ties keep the order of kAllCategories.
  std::vector<CategoryRisk> categories;
  // The spans that set the levels, in message then text order (at most a few per category).
  std::vector<Evidence> evidence;
  // One English line, for logs and developers: names categories and rules, never quotes user text.
  std::string reason;
  // The latest user message is mostly not English (the lexicon only understands English): tell the
  // user once, and keep the crisis line one command away.
  bool mostly_non_english = false;
  // The writer voices worry about someone else's risk ("my friend tried to kill herself"): not the
  // writer's own risk, and it calls for a different response (how to help, resources for them).
  bool concern_for_other_person = false;
  // The session raised suicide or self-harm risk before the latest user message and it still counts
  // (risk never silently resets within a session). Lets the policy say "earlier you mentioned...".
  bool carried_from_earlier = false;

  // The level of one category (kNone when absent).
  Level level_of(Category category) const;
};

// Assesses one piece of text written by the user, with no conversation around it.
Assessment assess_text(std::string_view text);

// Assesses a session as it stands after its last user turn. A pure function of the whole list, so a
// caller that re-assesses after every turn gets a risk that does not silently reset: each category keeps
// the highest level any user message of the session reached (a later "I'm fine" does not lower it;
// the policy decides how often to repeat itself, see carried_from_earlier), and means-seeking after
// earlier distress or ideation raises suicide risk to kHigh. Assistant and system messages
// are never read as the writer's risk. An empty list gives kNone.
Assessment assess_conversation(const std::vector<ChatMessage>& messages);

}  // namespace haven::safety
