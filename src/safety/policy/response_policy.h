// The response policy: from a risk assessment to what Haven does next.
//
// decide() is a pure function. Given the assessment of the session (level per category, whether the
// worry is about someone else), the user's country and whether they have a safety plan, it returns:
// the fixed text to show at once (never written by the model and never waiting for it), the
// resources to show, whether the model may reply, and the safety instructions the model must then
// follow. The ladder (issue 6, section 2):
//   - suicide or self-harm high/imminent: a crisis response with the crisis line and emergency number,
//     and an offer to open the safety plan; the conversation stays open, the model continues only
//     under crisis instructions.
//   - harm to others, abuse, medical, substance high/imminent: the matching fixed response and lines.
//   - any category moderate: a gentle check-in, resources one step away, the model steered.
//   - psychosis, mania, OCD (any level above none): grounding instructions for the model.
//   - concern for another person: how to help them, with the same lines.
// Every user-facing sentence here follows the safe-messaging rules in
// ../shared/docs/safety-reference.md 4.5.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "safety/resources/crisis_resources.h"
#include "safety/risk/assessor.h"
#include "safety/types.h"

namespace haven::safety::policy {

// The levels the policy reads, one per category (indexed by Category), plus the assessment's flags.
// from_assessment() builds it; tests and callers without an Assessment can fill it directly.
struct RiskPicture {
  std::array<Level, kAllCategories.size()> levels{};
  bool concern_for_other_person = false;
  bool mostly_non_english = false;
  bool carried_from_earlier = false;

  Level level(Category c) const { return levels[static_cast<size_t>(c)]; }
  void set(Category c, Level l) { levels[static_cast<size_t>(c)] = l; }
  Level overall() const;

  static RiskPicture from_assessment(const Assessment& assessment);
};

struct PolicyContext {
  const resources::CountryResources* country = nullptr;  // borrowed; nullptr means the generic fallback
  bool has_safety_plan = false;
  // The "checks only understand English" notice was already shown in this session (show it once).
  bool non_english_notice_shown = false;
  // A crisis response was already shown for this session's current risk (carried_from_earlier): show a
  // short reminder instead of repeating the whole response every turn.
  bool crisis_response_shown = false;
  // A gentle check-in (kCheckIn), or the words for worry about someone else (kConcernForOther), was
  // already shown in this session: the model keeps its safety instructions, but Haven does not ask the
  // same question or repeat the same lines every turn.
  bool check_in_shown = false;
  bool concern_shown = false;
};

enum class ResponseKind {
  kNone,              // nothing to say; the model replies normally
  kGrounding,         // psychosis / mania / OCD: instructions only, no fixed text
  kCheckIn,           // moderate: a gentle check-in
  kCrisis,            // suicide / self-harm high or imminent
  kCrisisReminder,    // the crisis response was already shown this session
  kHarmToOthers,
  kAbuse,
  kMedical,
  kSubstance,
  kConcernForOther,   // worry about someone else's safety
};

std::string_view response_kind_name(ResponseKind kind);

// A resource line to show: already resolved to text, so the companion and the UIs render it as is.
struct ResourceItem {
  std::string label;   // "988 Suicide & Crisis Lifeline" or "Emergency services"
  std::string number;  // "988"
  std::string how;     // "call or text, free, 24 hours"
};

struct Decision {
  ResponseKind kind = ResponseKind::kNone;
  Level level = Level::kNone;        // the level that drove the decision
  // Fixed text shown at once, before any model output; empty when there is none.
  std::string immediate_text;
  std::vector<ResourceItem> resources;
  // Moderate: resources are one step away (a "show help lines" action), not shown in full.
  bool resources_one_step_away = false;
  bool offer_safety_plan = false;    // show "open your safety plan"
  bool suggest_making_plan = false;  // no plan yet: offer to make one, later, together
  // The model may reply after the fixed text (always true today: the conversation stays open); its
  // reply must follow model_instructions and is screened with the session's context.
  bool model_may_reply = true;
  // Every model sentence must pass screening before it is shown (no unscreened streaming).
  bool screen_before_showing = false;
  // System-prompt additions for the model's next reply, in priority order.
  std::vector<std::string> model_instructions;
  // Shown once per session when the message was mostly not English.
  std::string non_english_notice;
};

Decision decide(const RiskPicture& risk, const PolicyContext& context);

// The instructions every reply follows, whatever the risk (what Haven is, what it never does).
const std::vector<std::string>& baseline_instructions();

}  // namespace haven::safety::policy
