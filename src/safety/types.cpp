#include "safety/types.h"

namespace haven::safety {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::kNone: return "none";
    case Level::kLow: return "low";
    case Level::kModerate: return "moderate";
    case Level::kHigh: return "high";
    case Level::kImminent: return "imminent";
  }
  return "none";
}

std::optional<Level> level_from_name(std::string_view name) {
  for (Level l : {Level::kNone, Level::kLow, Level::kModerate, Level::kHigh, Level::kImminent}) {
    if (level_name(l) == name) return l;
  }
  return std::nullopt;
}

std::string_view category_name(Category category) {
  switch (category) {
    case Category::kSuicide: return "suicide";
    case Category::kSelfHarm: return "self_harm";
    case Category::kHarmToOthers: return "harm_to_others";
    case Category::kAbuse: return "abuse";
    case Category::kPsychosis: return "psychosis";
    case Category::kMania: return "mania";
    case Category::kEatingDisorder: return "eating_disorder";
    case Category::kSubstance: return "substance";
    case Category::kMedical: return "medical";
    case Category::kOcd: return "ocd";
  }
  return "suicide";
}

std::optional<Category> category_from_name(std::string_view name) {
  for (Category c : kAllCategories) {
    if (category_name(c) == name) return c;
  }
  return std::nullopt;
}

}  // namespace haven::safety
