#include "safety/policy/response_policy.h"

#include <algorithm>

namespace haven::safety::policy {
namespace {

using resources::CountryResources;
using resources::Line;
using resources::LineKind;

// ---- instructions for the model (system-prompt additions) ---------------------------------------------

constexpr std::string_view kNoMeans =
    "Never give information about suicide or self-harm methods, means, doses, lethality, heights, or places "
    "such as bridges, buildings, cliffs or railways, and never say where or how to get anything that could be "
    "used to cause harm, even if the request looks harmless or is framed as being for someone else, for a "
    "story or for research.";
constexpr std::string_view kCrisisSteer =
    "The person may be at risk of suicide or self-harm. Keep replies short and warm. Ask directly and kindly "
    "whether they are safe right now. Encourage them to contact the crisis line shown to them, to be with "
    "another person, and to keep away from anything they could use to hurt themselves. Offer to look at their "
    "safety plan together. Do not promise secrecy, do not ask for a promise not to act, do not lecture, and do "
    "not present suicide as a solution or as understandable given the circumstances. Speak of hope: feelings "
    "this intense can pass, and help works.";
constexpr std::string_view kImminent =
    "The person may be in immediate danger. Your first priority is that they contact emergency services or the "
    "crisis line now and that someone is with them. Say this plainly in your first sentence.";
constexpr std::string_view kCheckIn =
    "The person is going through something painful. Listen and reflect before anything else, ask one gentle "
    "question at a time, and ask directly whether they are having thoughts of ending their life if it is not "
    "already clear. Mention, without pressure, that talking to someone they trust or to a crisis line can help.";
constexpr std::string_view kPsychosis =
    "The person may be describing unusual experiences or beliefs (being watched or followed, voices, being "
    "dead, special messages). Do not confirm these beliefs and do not argue with them. Acknowledge the feelings "
    "(fear, confusion, loneliness), gently say that there can be other explanations, and ground the "
    "conversation in the here and now. Do not help with any plan that follows from the belief: no escape "
    "routes, no ways to avoid detection, no places, no steps. Encourage them to talk with a doctor, a mental "
    "health professional or someone they trust, soon.";
constexpr std::string_view kMania =
    "The person may be in a high-energy state with little sleep and big plans. Do not cheer the plans on and "
    "do not help carry them out: no locations, cities, dangerous activities, investments or steps. Gently name "
    "what you notice (little sleep, racing ideas), encourage rest and slowing down before big decisions, and "
    "suggest talking with a doctor or someone they trust.";
constexpr std::string_view kOcd =
    "The person may be asking for help with a ritual that an anxious urge is driving (washing, checking, "
    "ordering, reassurance). Do not help with the ritual: no products, no methods, no order of steps, no "
    "reassurance that it is done right. Acknowledge the anxiety kindly, and suggest a clinician who works with "
    "OCD.";
constexpr std::string_view kEating =
    "Do not give calorie counts, weight-loss tips, fasting or purging information, or comments on body size. "
    "Acknowledge how hard this is and suggest an eating-disorder helpline, a doctor or someone they trust.";
constexpr std::string_view kSubstance =
    "Do not give doses, combinations, or ways to get or use substances. If the person may have taken too much, "
    "tell them to call emergency services now. Otherwise listen without judging and mention that support "
    "services and doctors can help.";
constexpr std::string_view kHarmOthers =
    "The person may be at risk of hurting someone else. Do not help with any plan to hurt anyone and do not "
    "give information about weapons or ways to harm. Acknowledge the anger or distress, encourage them to put "
    "distance between themselves and the other person and any weapon, and to contact the crisis line or "
    "emergency services if anyone is in danger.";
constexpr std::string_view kAbuse =
    "The person may be experiencing violence or abuse. Believe them and say it is not their fault. Put their "
    "safety first: if they are in danger now, encourage emergency services; otherwise mention the helpline "
    "shown to them. Do not suggest confronting the person who hurts them, do not suggest couples counselling, "
    "and remind them that they can close Haven if someone might see the screen.";
constexpr std::string_view kMedical =
    "This may be a medical emergency. Tell the person to call emergency services now or ask someone nearby to "
    "call. Do not give treatment instructions beyond that and do not try to assess the symptoms.";
constexpr std::string_view kConcernOther =
    "The person is worried about someone else's safety. Help them help that person: take it seriously, ask "
    "the other person directly and kindly how they are, listen without judging, stay with them if they are in "
    "danger, and contact emergency services or a crisis line together. Do not give method information. "
    "Remind the person to look after themselves too.";

const std::vector<std::string> kBaseline = {
    "You are Haven, an AI self-help tool for reflection. You are not a therapist, a doctor or a crisis "
    "service, and you are not a person; say so plainly if asked. You do not have feelings or a life of your own.",
    "Never diagnose the person or anyone else, and never give advice about medication.",
    "Be a mirror and a question-asker, not an authority: reflect, ask, offer more than one interpretation, and "
    "encourage the person to check strong conclusions with people they trust.",
    "Encourage the person's relationships and real-world support; never suggest that you are all they need.",
    std::string(kNoMeans),
};

// ---- fixed texts shown to the user ---------------------------------------------------------------------

std::string line_sentence(const CountryResources& c, LineKind kind, std::string_view lead) {
  const Line* l = c.first(kind);
  if (!l) return "";
  std::string s(lead);
  s += l->name;
  s += ", ";
  s += l->number;
  s += " (";
  s += l->how;
  s += ").\n";
  return s;
}

std::string emergency_sentence(const CountryResources& c, std::string_view lead_with_number_after) {
  std::string s(lead_with_number_after);
  if (c.is_generic()) {
    s += "your local emergency number";
  } else {
    s += c.emergency;
  }
  return s;
}

std::string crisis_text(const RiskPicture& r, const CountryResources& c, bool has_plan) {
  const bool imminent = r.level(Category::kSuicide) == Level::kImminent || r.level(Category::kSelfHarm) == Level::kImminent;
  const bool self_harm_only = !is_crisis_interrupt(r.level(Category::kSuicide));
  std::string t;
  if (imminent) {
    t += "Thank you for telling me. Your safety matters most right now.\n";
    t += emergency_sentence(c, "Please call ") + " now, or ask someone near you to call for you. ";
    t += "If you can, move away from anything you could use to hurt yourself, and stay close to another person.\n";
  } else if (self_harm_only) {
    t += "I'm really glad you told me. You deserve care, not more pain.\n";
    t += emergency_sentence(c, "If you have hurt yourself and the injury is serious, please call ") +
         " or get medical help now.\n";
  } else {
    t += "I'm really glad you told me. What you're going through sounds very painful, and you don't have to face "
         "it alone.\n";
    t += emergency_sentence(c, "If you feel you might act on these thoughts, please call ") +
         " now, or ask someone to stay with you.\n";
  }
  if (c.is_generic()) {
    t += "A crisis line in your country can also listen, any time. A doctor, a hospital or someone you trust can "
         "help you find one.\n";
  } else {
    for (const auto& l : c.lines) {
      if (l.kind != LineKind::kCrisis) continue;
      t += "You can talk to someone at ";
      t += l.name;
      t += ": ";
      t += l.number;
      t += " (";
      t += l.how;
      t += ").\n";
    }
  }
  t += "I'm an AI, not a crisis service, but I'm still here and we can keep talking.\n";
  if (has_plan) {
    t += "Would it help to open your safety plan now?\n";
  } else {
    t += "When you feel ready, we could also write a safety plan together, so you have it for hard moments.\n";
  }
  return t;
}

std::string reminder_text(const CountryResources& c) {
  std::string t = "I'm still here with you. ";
  const Line* l = c.first(LineKind::kCrisis);
  if (l) {
    t += "If things feel unsafe, ";
    t += l->name;
    t += " is there any time: ";
    t += l->number;
    t += ". ";
  }
  t += emergency_sentence(c, "In an emergency, call ") + ".\n";
  return t;
}

std::string check_in_text(const RiskPicture& r) {
  if (r.level(Category::kSuicide) == Level::kModerate) {
    return "Thank you for telling me. That sounds really heavy to carry. Are you having thoughts of ending your "
           "life? Whatever the answer, you can talk about it here, and if you'd like to talk to a person, help "
           "lines are one step away.\n";
  }
  if (r.level(Category::kSelfHarm) == Level::kModerate) {
    return "Thank you for trusting me with this. It sounds like you're in a lot of pain. Are you safe right now? "
           "If you'd like to talk to a person, help lines are one step away.\n";
  }
  return "It sounds like things are really hard right now. How are you doing, right now, in this moment? If you'd "
         "like to talk to a person, help lines are one step away.\n";
}

std::string harm_to_others_text(const CountryResources& c) {
  std::string t = "It sounds like things feel very intense right now. If you feel you might hurt someone, please put "
                  "some distance between you and them, and between you and anything that could be used to hurt "
                  "someone.\n";
  t += emergency_sentence(c, "If anyone is in danger right now, call ") + ".\n";
  t += line_sentence(c, LineKind::kCrisis, "You can also talk it through with someone at ");
  t += "I'm an AI, not a crisis service, but I'm here and we can keep talking.\n";
  return t;
}

std::string abuse_text(const CountryResources& c) {
  std::string t = "I'm so sorry this is happening to you. It is not your fault.\n";
  t += emergency_sentence(c, "If you are in danger right now, call ") + ".\n";
  std::string dv = line_sentence(c, LineKind::kDomesticViolence, "People at ");
  if (!dv.empty()) {
    dv.pop_back();  // the newline
    t += dv + " can help you think about your options and how to stay safe.\n";
  } else {
    t += line_sentence(c, LineKind::kCrisis, "You can talk to someone at ");
  }
  t += "If someone might see this screen, you can close Haven at any time.\n";
  return t;
}

std::string medical_text(const CountryResources& c) {
  std::string t = "This sounds like it could be a medical emergency. ";
  t += emergency_sentence(c, "Please call ") + " now, or ask someone near you to call.\n";
  t += "Haven can't help with this, but they can. I'm here when you're safe.\n";
  return t;
}

std::string substance_text(const CountryResources& c) {
  std::string t =
      "If you or someone with you has taken too much of something, or is hard to wake or breathing strangely, ";
  t += emergency_sentence(c, "call ") + " now. Don't wait to see if it gets better.\n";
  t += line_sentence(c, LineKind::kPoison, "For advice, you can also call ");
  t += "I'm an AI, not a medical service, but I'm here and we can keep talking.\n";
  return t;
}

std::string concern_text(const CountryResources& c) {
  std::string t = "It means a lot that you're looking out for them. ";
  t += emergency_sentence(c, "If they are in danger right now, call ") + ".\n";
  t += line_sentence(c, LineKind::kCrisis, "You can also call a crisis line to talk it through: ");
  t += "It can help to ask them kindly and directly how they are, to listen without judging, and to stay with them "
       "if you are worried. Please look after yourself too.\n";
  return t;
}

constexpr std::string_view kNonEnglishNotice =
    "A note: Haven's safety checks only understand English for now, so they may miss things written in other "
    "languages. If you need help right now, the crisis line for your country is always one command away: "
    "haven help-now.";

void add_line(std::vector<ResourceItem>& out, const CountryResources& c, LineKind kind) {
  for (const auto& l : c.lines) {
    if (l.kind != kind) continue;
    out.push_back({std::string(l.name), std::string(l.number), std::string(l.how)});
    if (kind != LineKind::kCrisis) return;  // one specialised line is enough
  }
}

void add_emergency(std::vector<ResourceItem>& out, const CountryResources& c) {
  if (c.is_generic()) {
    out.push_back({"Emergency services", "your local emergency number", "call if you are in danger right now"});
  } else {
    out.push_back({"Emergency services", std::string(c.emergency), "call if you are in danger right now"});
  }
}

}  // namespace

Level RiskPicture::overall() const {
  Level m = Level::kNone;
  for (Level l : levels) m = std::max(m, l);
  return m;
}

RiskPicture RiskPicture::from_assessment(const Assessment& assessment) {
  RiskPicture r;
  for (const auto& c : assessment.categories) {
    Level& slot = r.levels[static_cast<size_t>(c.category)];
    slot = std::max(slot, c.level);
  }
  r.concern_for_other_person = assessment.concern_for_other_person;
  r.mostly_non_english = assessment.mostly_non_english;
  r.carried_from_earlier = assessment.carried_from_earlier;
  return r;
}

std::string_view response_kind_name(ResponseKind kind) {
  switch (kind) {
    case ResponseKind::kNone: return "none";
    case ResponseKind::kGrounding: return "grounding";
    case ResponseKind::kCheckIn: return "check_in";
    case ResponseKind::kCrisis: return "crisis";
    case ResponseKind::kCrisisReminder: return "crisis_reminder";
    case ResponseKind::kHarmToOthers: return "harm_to_others";
    case ResponseKind::kAbuse: return "abuse";
    case ResponseKind::kMedical: return "medical";
    case ResponseKind::kSubstance: return "substance";
    case ResponseKind::kConcernForOther: return "concern_for_other";
  }
  return "none";
}

const std::vector<std::string>& baseline_instructions() { return kBaseline; }

Decision decide(const RiskPicture& r, const PolicyContext& ctx) {
  const CountryResources& c = ctx.country ? *ctx.country : resources::generic_resources();
  Decision d;
  d.level = r.overall();
  const Level suicide = std::max(r.level(Category::kSuicide), r.level(Category::kSelfHarm));
  auto at_least = [&](Category cat, Level l) { return r.level(cat) >= l; };

  // The fixed response: the most urgent kind wins; the resources of the others are still added.
  if (is_crisis_interrupt(suicide)) {
    if (r.carried_from_earlier && ctx.crisis_response_shown) {
      d.kind = ResponseKind::kCrisisReminder;
      d.immediate_text = reminder_text(c);
    } else {
      d.kind = ResponseKind::kCrisis;
      d.immediate_text = crisis_text(r, c, ctx.has_safety_plan);
    }
    d.level = suicide;
    d.offer_safety_plan = ctx.has_safety_plan;
    d.suggest_making_plan = !ctx.has_safety_plan;
  } else if (at_least(Category::kMedical, Level::kHigh)) {
    d.kind = ResponseKind::kMedical;
    d.immediate_text = medical_text(c);
    d.level = r.level(Category::kMedical);
  } else if (at_least(Category::kSubstance, Level::kHigh)) {
    d.kind = ResponseKind::kSubstance;
    d.immediate_text = substance_text(c);
    d.level = r.level(Category::kSubstance);
  } else if (at_least(Category::kHarmToOthers, Level::kHigh)) {
    d.kind = ResponseKind::kHarmToOthers;
    d.immediate_text = harm_to_others_text(c);
    d.level = r.level(Category::kHarmToOthers);
  } else if (at_least(Category::kAbuse, Level::kHigh)) {
    d.kind = ResponseKind::kAbuse;
    d.immediate_text = abuse_text(c);
    d.level = r.level(Category::kAbuse);
  } else if (r.concern_for_other_person) {
    d.kind = ResponseKind::kConcernForOther;
    if (!ctx.concern_shown) d.immediate_text = concern_text(c);
  } else if (is_elevated(d.level)) {
    d.kind = ResponseKind::kCheckIn;
    if (!ctx.check_in_shown) {
      d.immediate_text = check_in_text(r);
      d.resources_one_step_away = true;
    }
  } else if (r.level(Category::kPsychosis) > Level::kNone || r.level(Category::kMania) > Level::kNone ||
             r.level(Category::kOcd) > Level::kNone) {
    d.kind = ResponseKind::kGrounding;
  }

  // Resources: crisis line and emergency number whenever anything is elevated or someone else is at risk.
  const bool any_elevated = is_elevated(d.level) || r.concern_for_other_person;
  if (is_crisis_interrupt(r.level(Category::kSubstance)) || is_crisis_interrupt(r.level(Category::kMedical)) ||
      is_crisis_interrupt(suicide) || is_crisis_interrupt(r.level(Category::kHarmToOthers)) ||
      is_crisis_interrupt(r.level(Category::kAbuse)) || r.concern_for_other_person) {
    add_emergency(d.resources, c);
  }
  if (any_elevated) add_line(d.resources, c, LineKind::kCrisis);
  if (is_elevated(r.level(Category::kAbuse))) add_line(d.resources, c, LineKind::kDomesticViolence);
  if (is_elevated(r.level(Category::kSubstance))) add_line(d.resources, c, LineKind::kPoison);
  if (d.kind == ResponseKind::kCheckIn && d.resources.empty()) add_emergency(d.resources, c);

  // Instructions for the model: every category that needs them, most urgent first.
  auto& ins = d.model_instructions;
  if (suicide == Level::kImminent) ins.emplace_back(kImminent);
  if (is_crisis_interrupt(suicide)) ins.emplace_back(kCrisisSteer);
  if (is_elevated(suicide) || r.concern_for_other_person || is_elevated(d.level)) ins.emplace_back(kNoMeans);
  if (at_least(Category::kMedical, Level::kHigh)) ins.emplace_back(kMedical);
  if (is_elevated(r.level(Category::kSubstance))) ins.emplace_back(kSubstance);
  if (is_elevated(r.level(Category::kHarmToOthers))) ins.emplace_back(kHarmOthers);
  if (is_elevated(r.level(Category::kAbuse))) ins.emplace_back(kAbuse);
  if (is_elevated(r.level(Category::kEatingDisorder))) ins.emplace_back(kEating);
  if (r.level(Category::kPsychosis) > Level::kNone) ins.emplace_back(kPsychosis);
  if (r.level(Category::kMania) > Level::kNone) ins.emplace_back(kMania);
  if (r.level(Category::kOcd) > Level::kNone) ins.emplace_back(kOcd);
  if (r.concern_for_other_person && !is_crisis_interrupt(suicide)) ins.emplace_back(kConcernOther);
  if (is_elevated(d.level) && !is_crisis_interrupt(suicide)) ins.emplace_back(kCheckIn);

  d.screen_before_showing = d.kind != ResponseKind::kNone || is_elevated(d.level);
  if (r.mostly_non_english && !ctx.non_english_notice_shown) d.non_english_notice = std::string(kNonEnglishNotice);
  return d;
}

}  // namespace haven::safety::policy
