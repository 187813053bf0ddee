#include "companion/prompt/system_prompt.h"

#include <gtest/gtest.h>

namespace haven::companion {
namespace {

TEST(SystemPromptTest, EverySentenceHasAReason) {
  for (const auto& s : system_prompt_sentences()) {
    if (s.text.empty()) continue;
    EXPECT_FALSE(s.why.empty()) << s.text;
  }
}

TEST(SystemPromptTest, StatesTheRolesThatProtectTheUser) {
  std::string p = base_system_prompt();
  for (const char* must : {"AI program", "not a therapist", "Never diagnose", "Never give information about ways",
                           "do not confirm or argue", "Keep replies short"}) {
    EXPECT_NE(p.find(must), std::string::npos) << must;
  }
  EXPECT_EQ(p.find("\n\n\n"), std::string::npos);
}

}  // namespace
}  // namespace haven::companion
