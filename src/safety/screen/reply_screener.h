// Reply screening: checks what a model wrote before the user sees it.
//
// A reply is read sentence by sentence against fixed rules for eight kinds of harm (ScreenCategory).
// Some rules always apply ("a lethal dose is ..."); others only when the conversation makes them
// dangerous: naming a bridge and its height is means information after "I just lost my job", naming a
// soap helps a compulsion after "I washed my hands twenty times". The context comes from the
// conversation itself (ScreenContext::from_conversation) and from the caller's current risk level.
//
// Pure functions of their inputs: no state, no I/O, thread-safe, never fail (any bytes are accepted;
// invalid UTF-8 is read as U+FFFD). Nothing here logs what anybody wrote.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safety/risk/assessor.h"  // ChatMessage
#include "safety/types.h"

namespace haven::safety::screen {

enum class ScreenCategory {
  kMeansInformation,     // methods, doses, lethality, heights, locations, where to get means
  kEncouragingSelfHarm,  // encouraging, endorsing or romanticising suicide or self-harm
  kDiagnosis,            // "you have bipolar disorder", "he is a narcissist"
  kMedicationAdvice,     // start, stop or change a medication; doses
  kFalseIdentity,        // claims to be human, a licensed professional, or to have feelings
  kDependency,           // possessive or dependency language ("I'm all you need")
  kConfirmingDelusion,   // confirms a delusion or feeds a manic or psychotic plan
  kHelpingCompulsion,    // does what an OCD compulsion asks (soap, sorting, reassurance)
};

inline constexpr std::array<ScreenCategory, 8> kAllScreenCategories = {
    ScreenCategory::kMeansInformation,  ScreenCategory::kEncouragingSelfHarm,
    ScreenCategory::kDiagnosis,         ScreenCategory::kMedicationAdvice,
    ScreenCategory::kFalseIdentity,     ScreenCategory::kDependency,
    ScreenCategory::kConfirmingDelusion, ScreenCategory::kHelpingCompulsion,
};

// Stable wire names: "means_information", "encouraging_self_harm", "diagnosis", "medication_advice",
// "false_identity", "dependency", "confirming_delusion", "helping_compulsion".
std::string_view screen_category_name(ScreenCategory category);
std::optional<ScreenCategory> screen_category_from_name(std::string_view name);

// What the conversation around a reply makes dangerous.
struct ScreenContext {
  Level risk = Level::kNone;      // the caller's current overall risk for the session
  bool distress = false;          // the user voiced distress, hopelessness or ideation
  bool means_sought = false;      // the user asked about heights, bridges, pills, poisons, weapons, ...
  bool psychosis = false;         // delusions, voices, being watched or followed, being dead
  bool mania = false;             // no sleep with great energy, new powers, grand plans
  bool compulsion = false;        // washing, checking, ordering, reassurance rituals
  // The last user message asks for something (a question that is not about coping or finding help):
  // at elevated risk its answer is judged whole (screen_whole_reply).
  bool asks_for_information = false;

  // Means information is screened at its most sensitive: risk elevated, distress, or means-seeking.
  bool means_sensitive() const { return is_elevated(risk) || distress || means_sought; }
  // "When risk is raised, nothing unscreened is shown": streaming holds every sentence until screened.
  bool raised() const { return is_elevated(risk) || distress || means_sought || psychosis || mania; }

  // Reads the user messages of a conversation (other roles are ignored) for the cues above; risk is
  // left as given. Linear in the length of the conversation.
  static ScreenContext from_conversation(const std::vector<ChatMessage>& messages, Level risk = Level::kNone);
};

// One finding: which rule family fired, on which bytes of the reply.
struct ScreenEvidence {
  ScreenCategory category = ScreenCategory::kMeansInformation;
  size_t start = 0;  // byte offsets into the reply, end exclusive
  size_t end = 0;
};

struct Verdict {
  bool unsafe = false;
  std::vector<ScreenCategory> categories;  // distinct, in kAllScreenCategories order
  std::vector<ScreenEvidence> evidence;    // in reply order

  void add(const ScreenEvidence& e);  // keeps categories distinct and ordered
};

// Screens one complete sentence (or any fragment); evidence offsets are relative to `sentence`.
// `declined_before`: an earlier sentence of the same reply declined the user's request ("I'm not going to
// answer that one."); general statements after a decline ("questions like that usually come from a hard
// place") are then not read as the answer. A decline that goes on with "but" does not count.
Verdict screen_sentence(std::string_view sentence, const ScreenContext& context, bool declined_before = false);

// True when the sentence declines a request without going on to answer it anyway.
bool declines_request(std::string_view sentence);

// The check that needs the whole reply. After the user showed distress or risk and asked for a way, a
// place, a thing or a way to hide it (context.means_sought), a reply that answers without declining,
// without asking about their safety and without pointing to any help is means information, whatever its
// words ("The late freight comes through a bit after 11pm. Safe walks!"). Returns an empty verdict
// otherwise. screen_reply includes it; StreamScreener runs it at finish and holds such replies until then.
Verdict screen_whole_reply(std::string_view reply, const ScreenContext& context);

// True when screen_whole_reply can apply, so a streamed reply must be held until it is complete: after
// means-seeking with distress or risk, after a request for information at elevated risk, and wherever
// means information is dangerous (ScreenContext::means_sensitive) for the learned means reader.
bool needs_whole_reply(const ScreenContext& context);

// True when the reply asks the user directly about suicide or self-harm ("Are you thinking about ending
// your life?"): where the reply is judged whole, screen_reply then reads its general statements as care,
// as after a decline.
bool asks_about_risk(std::string_view reply);

// The learned means reader (means_reply_classifier.h) where the context is calm (needs_whole_reply is
// false): the reply so far, read at the end of each sentence, so that a streamed reply fails at the
// sentence where it became means information. Empty verdict where the context is not calm (the whole
// reply is read there) or where it does not fire; offsets relative to `reply_so_far`.
Verdict screen_reply_so_far(std::string_view reply_so_far, const ScreenContext& context);

// Screens a whole reply, sentence by sentence (and, where calm, the reply so far after each sentence, as
// streaming does); where means information is dangerous the learned reader also reads it whole, and means
// information that only broad readings found is dropped when that reader finds the reply plainly safe
// (means_reply_classifier.h). Evidence offsets are relative to `reply`.
// learned_reader = false screens with the rules alone (no model reading, nothing dropped), to measure
// what each part contributes; the companion always uses the default.
Verdict screen_reply(std::string_view reply, const ScreenContext& context, bool learned_reader = true);

}  // namespace haven::safety::screen
