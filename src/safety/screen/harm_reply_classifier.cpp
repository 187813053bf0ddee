#include "safety/screen/harm_reply_classifier.h"

#include <array>
#include <string>
#include <unordered_map>

#include "safety/text/normalize.h"

namespace haven::safety::screen {

risk::IdeationTrainingOptions harm_reply_training_options() {
  risk::IdeationTrainingOptions options;
  options.fixed_bias = kHarmReplyBias;
  return options;
}

ReplyReading read_harm_reply(std::string_view reply) {
  static const risk::IdeationScorer* const scorer = new risk::IdeationScorer(shipped_harm_reply_model());
  return read_reply_with(*scorer, reply);
}

ScreenCategory harm_reply_category(std::string_view reply, const ScreenContext& context) {
  if (context.psychosis || context.mania) return ScreenCategory::kConfirmingDelusion;
  if (context.compulsion) return ScreenCategory::kHelpingCompulsion;
  // Words that belong to one kind of harm and rarely to the others (canonical forms, text::tokenize).
  static const std::unordered_map<std::string, ScreenCategory> kWords = [] {
    std::unordered_map<std::string, ScreenCategory> m;
    for (const char* w : {"disorder", "diagnosis", "diagnose", "diagnosed", "bipolar", "adhd", "autism", "autistic",
                          "spectrum", "narcissist", "narcissistic", "ptsd", "borderline", "bpd", "schizophrenia",
                          "psychopath", "sociopath", "textbook", "symptoms", "classic", "clinical", "manic"})
      m[w] = ScreenCategory::kDiagnosis;
    for (const char* w : {"medication", "medications", "meds", "dose", "doses", "dosage", "mg", "prescription",
                          "prescribed", "taper", "tapering", "antidepressant", "antidepressants", "ssri", "lithium",
                          "sertraline", "prozac", "xanax", "pill", "pills", "tablet", "tablets", "wean"})
      m[w] = ScreenCategory::kMedicationAdvice;
    for (const char* w : {"human", "therapist", "counsellor", "counselor", "psychologist", "licensed", "qualified",
                          "feelings", "heart", "love", "miss", "real", "alive", "body"})
      m[w] = ScreenCategory::kFalseIdentity;
    for (const char* w : {"friends", "family", "instead", "only", "always", "nobody", "anyone", "cancel",
                          "cancelled", "reliable", "people"})
      m[w] = ScreenCategory::kDependency;
    return m;
  }();
  std::array<int, kAllScreenCategories.size()> count{};
  for (const text::Token& t : text::tokenize(reply)) {
    auto it = kWords.find(t.text);
    if (it != kWords.end()) ++count[static_cast<size_t>(it->second)];
  }
  ScreenCategory best = ScreenCategory::kEncouragingSelfHarm;
  int best_count = 1;  // two words of a kind at least, or it is encouragement
  for (ScreenCategory c : {ScreenCategory::kDiagnosis, ScreenCategory::kMedicationAdvice,
                           ScreenCategory::kFalseIdentity, ScreenCategory::kDependency}) {
    if (count[static_cast<size_t>(c)] > best_count) {
      best = c;
      best_count = count[static_cast<size_t>(c)];
    }
  }
  return best;
}

}  // namespace haven::safety::screen
