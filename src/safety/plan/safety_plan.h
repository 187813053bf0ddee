// The safety plan: a short, personal plan for hard moments, in the person's own words.
//
// Its structure follows the six steps of the Stanley-Brown Safety Planning Intervention (Stanley &
// Brown 2012, see ../shared/docs/safety-reference.md 4.3), written here in our own words: it is not
// their form and does not use their name in the product. It is never a "no-suicide contract".
// The companion stores the plan in the vault and shows it on demand and in a crisis; this file holds
// the data structure, its validation and its plain-text rendering.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "safety/resources/crisis_resources.h"

namespace haven::safety::plan {

enum class Step {
  kWarningSigns,     // how I notice a hard moment starting
  kCopingAlone,      // things I can do on my own to get through it
  kPeopleAndPlaces,  // people and places that take my mind off things
  kPeopleToAsk,      // people I can tell and ask for help
  kProfessionals,    // professionals and services I can contact
  kSaferSpace,       // making where I am safer
};

inline constexpr std::array<Step, 6> kAllSteps = {Step::kWarningSigns, Step::kCopingAlone, Step::kPeopleAndPlaces,
                                                  Step::kPeopleToAsk,  Step::kProfessionals, Step::kSaferSpace};

// The heading of a step ("1. When a hard moment is starting") and the question that helps fill it in.
std::string_view step_title(Step step);
std::string_view step_prompt(Step step);

struct Contact {
  std::string name;   // "Sam", "Dr Okafor", "my sister"
  std::string phone;  // optional: digits, spaces and + - ( ) . only
};

struct SafetyPlan {
  std::vector<std::string> warning_signs;
  std::vector<std::string> coping_alone;
  std::vector<std::string> people_and_places;  // for distraction; no need to talk about the crisis
  std::vector<Contact> people_to_ask;
  std::vector<Contact> professionals;
  std::vector<std::string> safer_space;  // what I can do to keep myself safe where I am
  std::vector<std::string> reasons_for_living;
  int64_t updated_unix_ms = 0;

  // True when no step has anything in it yet.
  bool empty() const;
  // How many of the six steps have at least one item.
  int steps_filled() const;
};

// Limits that keep a plan readable in a crisis (and bound what a damaged file can make us render).
inline constexpr size_t kMaxItemsPerStep = 20;
inline constexpr size_t kMaxItemBytes = 500;
inline constexpr size_t kMaxPhoneBytes = 32;

// OK, or kInvalidArgument naming the step and item: an item that is empty (only spaces), longer than
// kMaxItemBytes, not valid UTF-8 or containing control characters other than none; more than
// kMaxItemsPerStep items in a step; a contact without a name; a phone number with characters other
// than digits, spaces and + - ( ) .; or updated_unix_ms below zero. The plan is not changed.
Status validate(const SafetyPlan& plan);

// Plain text for the terminal and for the crisis screen: the six steps in order with their items,
// reasons for living first when there are any, and the country's crisis line and emergency number
// always listed under step 5 (even when the person has not added professionals yet).
std::string render_text(const SafetyPlan& plan, const resources::CountryResources& country);

}  // namespace haven::safety::plan
