#include "safety/risk/behaviour_classifier.h"

#include <string>
#include <unordered_set>

namespace haven::safety::risk {

IdeationResult score_behaviour(const std::vector<text::Token>& tokens) {
  static const IdeationScorer* const scorer = new IdeationScorer(shipped_behaviour_model());
  return scorer->score(tokens);
}

bool reads_as_self_harm(const std::vector<text::Token>& tokens) {
  static const std::unordered_set<std::string> kSelfHarm = {
      "cut",    "cuts",    "cutting", "blade",   "blades", "razor",   "burn",     "burned",  "burnt",
      "burns",  "scratch", "scratched", "scratching", "marks", "scars", "scar",   "bleed",   "bled",
      "bleeding", "stitches", "plaster", "plasters", "sleeves", "hoodie", "bruise", "bruises", "bruised",
      "lighter", "wrist",  "wrists", "thigh",   "thighs", "arms",    "relapse",  "relapsed", "clean"};
  static const std::unordered_set<std::string> kAttempt = {
      "overdose", "overdosed", "pills",  "tablets", "attempt", "attempted", "bridge", "rope", "tracks",
      "train",    "jump",      "jumped", "note",    "notes",   "goodbye",   "icu",    "garage", "swallowed"};
  int harm = 0, attempt = 0;
  for (const text::Token& t : tokens) {
    if (t.is_boundary()) continue;
    harm += kSelfHarm.count(t.text) ? 1 : 0;
    attempt += kAttempt.count(t.text) ? 1 : 0;
  }
  return harm > 0 && attempt == 0;
}

}  // namespace haven::safety::risk
