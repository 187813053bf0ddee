// What happens after a reply fails screening: regenerate once with a corrective instruction, then
// replace it with a fixed, safe fallback and tell the user plainly that Haven's safety rules did so.
//
// Pure functions over a Verdict; the companion runs the loop:
//   attempt 0 unsafe -> next_step() == kRegenerate: call the model again with corrective_instruction()
//   attempt 1 unsafe -> next_step() == kFallback:   show safe_fallback() and replaced_notice()
#pragma once

#include <string>

#include "safety/resources/crisis_resources.h"
#include "safety/screen/reply_screener.h"

namespace haven::safety::screen {

enum class NextStep { kShow, kRegenerate, kFallback };

// attempt counts the replies already screened before this one (0 for the model's first reply).
NextStep next_step(const Verdict& verdict, int attempt);

// A system-prompt addition for the one regeneration: names what went wrong, in words the model can
// follow, and what to do instead. Never quotes the failing reply (so it cannot be repeated back).
std::string corrective_instruction(const Verdict& verdict);

// The fixed reply shown instead of a reply that failed twice: warm, short, no model text in it, with
// the crisis line of `country` when the failure or the context involves risk.
std::string safe_fallback(const Verdict& verdict, const ScreenContext& context,
                          const resources::CountryResources& country);

// The plain notice shown with the fallback: Haven's safety rules replaced the reply, and why.
std::string replaced_notice(const Verdict& verdict);

}  // namespace haven::safety::screen
