// The risk lexicon: phrase patterns (phrase_matcher.h syntax) with what each one means.
//
// Kinds other than kRisk never set a level by themselves; they modify the risk findings around them
// (negation is handled in the assessor, not here). The lexicon is compiled once, on first use, and is
// read-only afterwards, so it is safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "safety/risk/phrase_matcher.h"
#include "safety/types.h"

namespace haven::safety::risk {

enum class RuleKind : uint8_t {
  kRisk,         // sets category >= level for the writer (subject to negation, person, past, idiom, fiction)
  kOtherPerson,  // someone else's risk: sets concern_for_other_person, never the writer's level
  kIdiom,        // a figure of speech: any risk match overlapping it is dropped
  kMeans,        // seeks or names means (heights, pills and doses, pesticides, weapons, rope, exhaust, ...)
  kDistress,     // a painful event or feeling; with means-seeking in the session, suicide risk is high
  kMethod,       // a method named; with suicidal ideation in the same message, risk is high
  kPrep,         // preparation (note, goodbyes, giving things away, stockpiling); with ideation: high
  kTiming,       // a time close at hand (tonight, tomorrow, right now); with plan or intent: imminent
  kPast,         // the sentence is about the past ("years ago", "when I was 15", "used to")
  kResolved,     // the writer says it is over ("I'm in a better place now", "clean for two years")
  kFiction,      // the sentence is about a story, film, game, song or a character
  kTopic,        // a question or statement about the topic, not the writer ("warning signs of", "essay")
  kSleepLoss,    // mania: days without sleep
  kGrandiose,    // mania: grandiosity, racing ideas, unusual energy
  kCompulsion,   // OCD: a ritual the writer feels they must complete
  // Like kRisk, but only in a message that also speaks of suicide or self-harm elsewhere (not negated,
  // not a story or a question about the topic): "I'm ready to do it", "the thoughts are back", "I haven't
  // ruled it out" say nothing alone and a great deal after "I've been suicidal for years".
  kContext,
  // A word that puts its clause back in the present ("now", "again", "still"): after a past cue in the
  // same sentence, what follows it is read as now ("years ago I tried, and now I want to again").
  kPresent,
  // An ending of the writer's own told in veiled words. Level high marks a strong one, the writer's own
  // ceasing ("nobody will have to worry about me anymore"): alone a check-in. Level moderate marks a weak one
  // that exams and leases share ("it'll all be over soon"): a check-in with distress, a decision, a calm or a
  // time. With a time and a plan, or preparation, or suicidal thoughts, either is a plan (the assessor's
  // settled-decision rule).
  kEnding,
  // A sudden calm or relief of the writer's ("weirdly calm", "a weight off"): the warning sign of a decision
  // made, but only beside an ending or means the writer got; never anything alone.
  kRelief,
  // An ordinary purpose for means got ("for the dinghy", "deer season", "the range"): in its message, means
  // got are not preparation. At level moderate, a move, a transfer or a trip, which explains a weak ending.
  kPurpose,
};

// Per-rule flags.
inline constexpr uint8_t kFlagBehaviour = 1;  // describes an act (an attempt, cutting): past keeps it moderate
inline constexpr uint8_t kFlagPresent = 2;    // happening now or just happened: raises to imminent with ideation
// The phrase is risk even inside a figure of speech it overlaps ("I'd rather die than be me" is not the
// idiom "I'd rather die than sing in public").
inline constexpr uint8_t kFlagOverIdiom = 4;
// A kPrep act that reads as a farewell in itself (goodbyes, things given away, a date set, a note left):
// it also counts as the farewell kind of distress (the broad ones, "bought pills", "wrote notes", do not).
inline constexpr uint8_t kFlagFarewell = 8;
// A kPast cue that is recent ("three weeks ago", "two days ago"): an act told with it still counts at its
// level (the C-SSRS asks about behaviour in the past three months), though thoughts told with it are past.
inline constexpr uint8_t kFlagRecent = 16;
// A kDistress event someone else does to the writer ("he left and took the kids"): it is the writer's
// pain though another person is its subject, so the subject check does not apply.
inline constexpr uint8_t kFlagDoneToWriter = 32;
// A kPrep rule that tells a mind made up or a day chosen ("I've made up my mind", "I've set a date"): with a
// sudden calm or a veiled ending it is the settled decision clinicians warn of (the assessor).
inline constexpr uint8_t kFlagDecision = 64;
// A kPrep rule that tells means got or kept ("picked up the gun", "been saving my tablets").
inline constexpr uint8_t kFlagAcquired = 128;

// The kind of distress a kDistress rule names. Each alone is ordinary pain; several different kinds in
// one message or one session (hopelessness with entrapment and feeling a burden, say) are the indirect way
// many people voice suicidal thoughts, and are worth a gentle check-in (the assessor counts kinds, not
// matches, so one theme repeated never adds up).
enum class Distress : uint8_t {
  kLoss,        // a painful event: a job, a home, a person lost; a break-up
  kMood,        // depressed, empty, numb, miserable
  kHopeless,    // no hope, nothing will change, no future
  kTrapped,     // no way out, stuck, no escape
  kBurden,      // a burden, a disappointment, others better off
  kSelfHate,    // hating oneself, a failure, worthless
  kExhausted,   // giving up, can't cope, done, tired of it all
  kAlone,       // nobody cares, all alone
  kDeath,       // thoughts of one's own death, the afterlife, one's funeral
  kPain,        // unbearable pain, suffering, crying every night
  kFarewell,    // goodbyes and apologies that read like a last message
};
inline constexpr size_t kDistressKinds = 11;

struct Rule {
  RuleKind kind = RuleKind::kRisk;
  Category category = Category::kSuicide;
  Level level = Level::kNone;
  uint8_t flags = 0;
  Distress distress = Distress::kLoss;  // kDistress rules only
  // True when the pattern can name the writer (I, me, my, myself): a match whose words do so needs no
  // third-person check (the assessor looks at the matched words, since only some alternatives may).
  bool self_anchored = false;
  // True when the pattern itself contains a negation ("no reason to live", "don't want to be here"). A
  // pattern without one does not match across a negation its gaps let in ("I am not a failure").
  bool has_negator = false;
  std::string pattern;
};

struct Lexicon {
  std::vector<Rule> rules;  // rule i is matcher pattern i
  PhraseMatcher matcher;
};

// The compiled lexicon. Aborts (programmer error) if a built-in pattern is malformed; the unit tests
// compile it, so a bad edit fails the build's tests, never a user's session.
const Lexicon& lexicon();

}  // namespace haven::safety::risk
