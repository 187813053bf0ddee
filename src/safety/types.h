// The vocabulary of the safety layer: risk levels and categories, shared by assessment, policy and
// screening. Pure data; no behaviour lives here.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace haven::safety {

// Ordered: a higher value is more urgent. "Elevated" means kModerate or above; a "crisis interrupt" is
// kHigh or kImminent.
enum class Level { kNone = 0, kLow = 1, kModerate = 2, kHigh = 3, kImminent = 4 };

enum class Category {
  kSuicide,
  kSelfHarm,
  kHarmToOthers,
  kAbuse,           // violence against the writer
  kPsychosis,       // delusions, hallucinations, command voices
  kMania,
  kEatingDisorder,
  kSubstance,       // including overdose
  kMedical,         // emergencies
  kOcd,             // requests that serve a compulsion
};

inline constexpr std::array<Category, 10> kAllCategories = {
    Category::kSuicide,   Category::kSelfHarm,       Category::kHarmToOthers, Category::kAbuse,
    Category::kPsychosis, Category::kMania,          Category::kEatingDisorder,
    Category::kSubstance, Category::kMedical,        Category::kOcd,
};

inline bool is_elevated(Level l) { return l >= Level::kModerate; }
inline bool is_crisis_interrupt(Level l) { return l >= Level::kHigh; }

// Stable wire names: "none", "low", "moderate", "high", "imminent".
std::string_view level_name(Level level);
std::optional<Level> level_from_name(std::string_view name);
// Stable wire names: "suicide", "self_harm", "harm_to_others", "abuse", "psychosis", "mania",
// "eating_disorder", "substance", "medical", "ocd".
std::string_view category_name(Category category);
std::optional<Category> category_from_name(std::string_view name);

}  // namespace haven::safety
