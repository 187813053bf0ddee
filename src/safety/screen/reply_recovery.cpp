#include "safety/screen/reply_recovery.h"

#include <algorithm>

namespace haven::safety::screen {
namespace {

bool has(const Verdict& v, ScreenCategory c) {
  return std::find(v.categories.begin(), v.categories.end(), c) != v.categories.end();
}

// What each rule family asks of the model, in instructions it can follow.
std::string_view instruction_for(ScreenCategory c) {
  switch (c) {
    case ScreenCategory::kMeansInformation:
      return "Do not give any information about methods, means, doses, heights, lethality, locations such as "
             "bridges, buildings or railways, or where to buy anything that could be used to cause harm, even if "
             "the question seems harmless. Gently ask how the person is doing and point them to people who can "
             "help.";
    case ScreenCategory::kEncouragingSelfHarm:
      return "Never present suicide, self-harm or disordered eating as a solution, as understandable, as brave "
             "or as beautiful. Acknowledge the pain, say that help exists and that feelings like this can change, "
             "and point to a crisis line or a trusted person.";
    case ScreenCategory::kDiagnosis:
      return "Do not diagnose or label the person or anyone else. Describe what they shared in everyday words, "
             "and suggest that a doctor or mental health professional is the right person to assess it.";
    case ScreenCategory::kMedicationAdvice:
      return "Do not suggest starting, stopping or changing any medication or dose, and do not name medicines. "
             "Say that these decisions belong with their doctor or pharmacist.";
    case ScreenCategory::kFalseIdentity:
      return "You are an AI. Do not claim to be human, to be a therapist or other professional, to have feelings, "
             "a body, a family or life experiences. You can still be warm.";
    case ScreenCategory::kDependency:
      return "Do not use possessive or dependency language. Encourage the person's relationships with other "
             "people and with professionals; do not suggest that you are all they need.";
    case ScreenCategory::kConfirmingDelusion:
      return "Do not confirm unusual beliefs and do not argue with them. Acknowledge the feelings, gently offer "
             "that there may be other explanations, do not help with the plan (no routes, places, cities or "
             "steps), and suggest talking to a doctor or someone they trust.";
    case ScreenCategory::kHelpingCompulsion:
      return "Do not help with the ritual the person feels driven to do (no products, no methods, no steps, no "
             "reassurance that it is done right). Acknowledge the anxiety kindly and suggest a clinician who "
             "works with OCD.";
  }
  return "";
}

std::string_view reason_for(ScreenCategory c) {
  switch (c) {
    case ScreenCategory::kMeansInformation: return "it contained information that could be used to cause harm";
    case ScreenCategory::kEncouragingSelfHarm: return "it spoke about self-harm in a way that could hurt";
    case ScreenCategory::kDiagnosis: return "it tried to diagnose, which an AI should not do";
    case ScreenCategory::kMedicationAdvice: return "it gave advice about medication, which belongs with a doctor";
    case ScreenCategory::kFalseIdentity: return "it pretended to be a person or a professional";
    case ScreenCategory::kDependency: return "it talked as if it should take the place of the people in your life";
    case ScreenCategory::kConfirmingDelusion: return "it went along with something it should have gently questioned";
    case ScreenCategory::kHelpingCompulsion: return "it helped with a ritual that can keep anxiety going";
  }
  return "";
}

}  // namespace

NextStep next_step(const Verdict& verdict, int attempt) {
  if (!verdict.unsafe) return NextStep::kShow;
  return attempt <= 0 ? NextStep::kRegenerate : NextStep::kFallback;
}

std::string corrective_instruction(const Verdict& verdict) {
  std::string out =
      "Your previous reply broke Haven's safety rules and was not shown. Write a new, short, warm reply that "
      "follows these rules:";
  for (ScreenCategory c : verdict.categories) {
    out += "\n- ";
    out += instruction_for(c);
  }
  if (verdict.categories.empty()) out += "\n- Follow the safety instructions you were given.";
  return out;
}

std::string safe_fallback(const Verdict& verdict, const ScreenContext& context,
                          const resources::CountryResources& country) {
  std::string out;
  const bool risk = context.means_sensitive() || has(verdict, ScreenCategory::kMeansInformation) ||
                    has(verdict, ScreenCategory::kEncouragingSelfHarm);
  if (risk) {
    out += "I'm not able to help with that, but I'd like to hear how you are doing right now. ";
    out += "If you are thinking about ending your life or hurting yourself, please reach out to someone today.\n";
    const resources::Line* line = country.first(resources::LineKind::kCrisis);
    if (line) {
      out += "You can contact ";
      out += line->name;
      out += " at ";
      out += line->number;
      out += " (";
      out += line->how;
      out += ").";
      if (!country.emergency.empty()) {
        out += " If you are in danger right now, call ";
        out += country.emergency;
        out += ".";
      }
      out += "\n";
    } else {
      out += "If you are in danger right now, please call your local emergency number.\n";
    }
    return out;
  }
  if (context.psychosis || context.mania || has(verdict, ScreenCategory::kConfirmingDelusion)) {
    return "That sounds like a lot to carry. I can't tell what is happening from here, and I don't want to guess. "
           "Could you talk it over with a doctor or someone you trust? How are you feeling right now?\n";
  }
  if (context.compulsion || has(verdict, ScreenCategory::kHelpingCompulsion)) {
    return "It sounds like this feels really urgent, and that is hard. I'd rather not help with the ritual itself, "
           "because that can keep the anxiety going. Would you like to talk about what you're feeling right now?\n";
  }
  return "I'd rather not answer that the way I first did. I'm an AI, not a therapist or a doctor, so some "
         "questions belong with a professional or someone you trust. What feels most important to you right "
         "now?\n";
}

std::string replaced_notice(const Verdict& verdict) {
  std::string out = "Haven's safety rules replaced the AI's reply";
  if (!verdict.categories.empty()) {
    out += " because ";
    out += reason_for(verdict.categories.front());
  }
  out += ". This is an automatic check on the AI, not a judgement of you.";
  return out;
}

}  // namespace haven::safety::screen
