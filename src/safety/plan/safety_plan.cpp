#include "safety/plan/safety_plan.h"

#include "core/utf8.h"

namespace haven::safety::plan {
namespace {

Status check_text(std::string_view what, size_t index, std::string_view item) {
  std::string where = std::string(what) + " item " + std::to_string(index + 1);
  if (item.size() > kMaxItemBytes) {
    return invalid_argument(where + ": expected at most " + std::to_string(kMaxItemBytes) + " bytes, found " +
                            std::to_string(item.size()));
  }
  if (!utf8::is_valid(item)) return invalid_argument(where + ": expected UTF-8 text, found invalid bytes");
  bool has_text = false;
  for (unsigned char ch : item) {
    if (ch < 0x20 || ch == 0x7F) {
      return invalid_argument(where + ": expected plain text, found a control character");
    }
    if (ch != ' ') has_text = true;
  }
  if (!has_text) return invalid_argument(where + ": expected some text, found an empty item");
  return Status::ok();
}

Status check_list(std::string_view what, const std::vector<std::string>& items) {
  if (items.size() > kMaxItemsPerStep) {
    return invalid_argument(std::string(what) + ": expected at most " + std::to_string(kMaxItemsPerStep) +
                            " items, found " + std::to_string(items.size()));
  }
  for (size_t i = 0; i < items.size(); ++i) HAVEN_RETURN_IF_ERROR(check_text(what, i, items[i]));
  return Status::ok();
}

Status check_contacts(std::string_view what, const std::vector<Contact>& contacts) {
  if (contacts.size() > kMaxItemsPerStep) {
    return invalid_argument(std::string(what) + ": expected at most " + std::to_string(kMaxItemsPerStep) +
                            " contacts, found " + std::to_string(contacts.size()));
  }
  for (size_t i = 0; i < contacts.size(); ++i) {
    HAVEN_RETURN_IF_ERROR(check_text(what, i, contacts[i].name));
    const std::string& p = contacts[i].phone;
    if (p.size() > kMaxPhoneBytes) {
      return invalid_argument(std::string(what) + " item " + std::to_string(i + 1) + ": expected a phone number of at most " +
                              std::to_string(kMaxPhoneBytes) + " characters, found " + std::to_string(p.size()));
    }
    for (char ch : p) {
      bool ok = (ch >= '0' && ch <= '9') || ch == ' ' || ch == '+' || ch == '-' || ch == '(' || ch == ')' || ch == '.';
      if (!ok) {
        return invalid_argument(std::string(what) + " item " + std::to_string(i + 1) +
                                ": expected a phone number of digits, spaces and + - ( ) ., found another character");
      }
    }
  }
  return Status::ok();
}

void render_items(std::string& out, const std::vector<std::string>& items) {
  for (const auto& i : items) out += "   - " + i + "\n";
}

void render_contacts(std::string& out, const std::vector<Contact>& contacts) {
  for (const auto& c : contacts) {
    out += "   - " + c.name;
    if (!c.phone.empty()) out += ": " + c.phone;
    out += "\n";
  }
}

}  // namespace

std::string_view step_title(Step step) {
  switch (step) {
    case Step::kWarningSigns: return "1. When a hard moment is starting";
    case Step::kCopingAlone: return "2. Things I can do on my own";
    case Step::kPeopleAndPlaces: return "3. People and places that take my mind off things";
    case Step::kPeopleToAsk: return "4. People I can ask for help";
    case Step::kProfessionals: return "5. Professionals and services I can contact";
    case Step::kSaferSpace: return "6. Making where I am safer";
  }
  return "";
}

std::string_view step_prompt(Step step) {
  switch (step) {
    case Step::kWarningSigns:
      return "What thoughts, feelings, situations or habits tell you that things are getting harder?";
    case Step::kCopingAlone:
      return "What helps you get through a hard moment on your own, even a little? A walk, music, a shower, "
             "breathing slowly?";
    case Step::kPeopleAndPlaces:
      return "Who could you be around, or where could you go, to take your mind off things? You don't have to "
             "tell them how you feel.";
    case Step::kPeopleToAsk:
      return "Who could you tell that you are struggling, and ask for help?";
    case Step::kProfessionals:
      return "Which doctor, therapist or service could you contact? The crisis line for your country is already "
             "here.";
    case Step::kSaferSpace:
      return "What could you do, or ask someone to do, to keep things you might use to hurt yourself out of "
             "reach?";
  }
  return "";
}

bool SafetyPlan::empty() const { return steps_filled() == 0 && reasons_for_living.empty(); }

int SafetyPlan::steps_filled() const {
  return !warning_signs.empty() + !coping_alone.empty() + !people_and_places.empty() + !people_to_ask.empty() +
         !professionals.empty() + !safer_space.empty();
}

Status validate(const SafetyPlan& plan) {
  HAVEN_RETURN_IF_ERROR(check_list("warning signs", plan.warning_signs));
  HAVEN_RETURN_IF_ERROR(check_list("things I can do on my own", plan.coping_alone));
  HAVEN_RETURN_IF_ERROR(check_list("people and places", plan.people_and_places));
  HAVEN_RETURN_IF_ERROR(check_contacts("people I can ask for help", plan.people_to_ask));
  HAVEN_RETURN_IF_ERROR(check_contacts("professionals and services", plan.professionals));
  HAVEN_RETURN_IF_ERROR(check_list("making where I am safer", plan.safer_space));
  HAVEN_RETURN_IF_ERROR(check_list("reasons for living", plan.reasons_for_living));
  if (plan.updated_unix_ms < 0) {
    return invalid_argument("expected an update time at or after 1970, found " + std::to_string(plan.updated_unix_ms));
  }
  return Status::ok();
}

std::string render_text(const SafetyPlan& plan, const resources::CountryResources& country) {
  std::string out = "My safety plan\n";
  if (!plan.reasons_for_living.empty()) {
    out += "\nWhat matters most to me:\n";
    render_items(out, plan.reasons_for_living);
  }
  auto section = [&](Step s) {
    out += "\n";
    out += step_title(s);
    out += "\n";
  };
  const char* kNothingYet = "   (nothing here yet)\n";
  section(Step::kWarningSigns);
  plan.warning_signs.empty() ? void(out += kNothingYet) : render_items(out, plan.warning_signs);
  section(Step::kCopingAlone);
  plan.coping_alone.empty() ? void(out += kNothingYet) : render_items(out, plan.coping_alone);
  section(Step::kPeopleAndPlaces);
  plan.people_and_places.empty() ? void(out += kNothingYet) : render_items(out, plan.people_and_places);
  section(Step::kPeopleToAsk);
  plan.people_to_ask.empty() ? void(out += kNothingYet) : render_contacts(out, plan.people_to_ask);
  section(Step::kProfessionals);
  render_contacts(out, plan.professionals);
  if (country.is_generic()) {
    out += "   - Emergency services: your local emergency number\n";
  } else {
    for (const auto& l : country.lines) {
      if (l.kind != resources::LineKind::kCrisis) continue;
      out += "   - " + std::string(l.name) + ": " + std::string(l.number) + " (" + std::string(l.how) + ")\n";
    }
    out += "   - Emergency services: " + std::string(country.emergency) + "\n";
  }
  section(Step::kSaferSpace);
  plan.safer_space.empty() ? void(out += kNothingYet) : render_items(out, plan.safer_space);
  return out;
}

}  // namespace haven::safety::plan
