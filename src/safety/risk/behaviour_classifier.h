// A third reader, for acts: the writer telling of their own suicidal or self-harm behaviour in ordinary
// words ("took them all. now just waiting", "the stitches itch. long sleeves at work all week", "got as far
// as the station and watched my train leave"). The same linear model as the ideation classifier
// (ideation_classifier.h), trained only on labelled texts this project wrote itself: the behaviour sets
// already read (tests/safety/data/measured/behaviour_tune*.jsonl, derived by
// scripts/derive-behaviour-training-texts.py) and our ordinary and stress texts, by
// `haven safety train-ideation --model behaviour`, which writes the weight table (behaviour_weights.cpp).
//
// Why it exists: each new set of such texts scored 0.62 to 0.71 on its first run however many phrases the
// lexicon learned from the last, because the words of an act's aftermath are ordinary and only their
// company makes them a disclosure; a model over a thousand such texts reads that company better than
// phrases do.
//
// What it may do: like the ideation classifier, at most raise the writer's suicide or self-harm risk to a
// gentle check-in (kModerate), never a crisis interrupt; it reads the same tokens (stories, questions about
// the topic, the past, other people's words and negated phrases hidden). Its thresholds are strict (at most
// 2% and 1% of the ideation validation files' label-0 texts fire), and at the lower one the assessor also
// asks for the lexicon's agreement or the ideation reader's (kBehaviourSupportedProbability).
//
// Pure functions: no I/O, no state beyond a table hashed once (thread-safe), linear in the input.
#pragma once

#include <cstddef>
#include <vector>

#include "safety/risk/ideation_classifier.h"
#include "safety/text/normalize.h"

namespace haven::safety::risk {

// Below this many words an act cannot be told apart from ordinary talk by its words.
constexpr size_t kBehaviourMinWords = 5;
// The shipped thresholds: the lowest at which at most this share of the validation files' label-0 texts
// fire. At the first the assessor counts the reader only where the lexicon found something of the writer's
// own (distress, preparation, a means or a method); at the confident one it counts alone.
constexpr double kBehaviourMaxValidationFalsePositiveRate = 0.02;
constexpr double kBehaviourConfidentValidationFalsePositiveRate = 0.01;

// Where the two learned readers agree, the behaviour reader counts below its ordinary threshold and without
// the lexicon: at a behaviour probability of at least kBehaviourSupportedProbability, when the ideation
// reader gives the same tokens at least kIdeationSupportingBehaviourProbability. Acts told in ordinary
// words mostly score 0.5 to 0.9 here and find nothing in the lexicon, and ordinary messages that score as
// high on their style alone ("sorry about last night, I took it out on you") read as untroubled to the
// ideation reader. Chosen on sets already read (behaviour_tune_f to _j, conversations_tune_d to _f, our
// 1,500 ordinary texts, split A of the development data); retraining either model needs the same sweep.
// Shorter messages (chat replies above all: "my parents wont let me go to the concert bc its on a school
// night") reach both on style alone.
constexpr float kBehaviourSupportedProbability = 0.80f;
constexpr float kIdeationSupportingBehaviourProbability = 0.40f;
constexpr size_t kBehaviourSupportedMinWords = 25;

// The trained table (behaviour_weights.cpp, generated).
const IdeationModel& shipped_behaviour_model();

// Scores tokens as produced by text::tokenize with the shipped model (evidence as in IdeationResult).
IdeationResult score_behaviour(const std::vector<text::Token>& tokens);

// True when the act the tokens tell is self-harm rather than an attempt on the writer's life: words of
// cutting, burning, marks and wounds, with none of an overdose or an attempt.
bool reads_as_self_harm(const std::vector<text::Token>& tokens);

}  // namespace haven::safety::risk
