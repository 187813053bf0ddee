// Small helpers shared by the risk tests: the suicide/self-harm level of an assessment, and a
// conversation written as (role, content) pairs.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

#include "safety/risk/assessor.h"

namespace haven::safety::risk_test {

inline Level sh(const Assessment& a) {
  return std::max(a.level_of(Category::kSuicide), a.level_of(Category::kSelfHarm));
}

inline std::vector<ChatMessage> chat(std::initializer_list<std::pair<const char*, const char*>> turns) {
  std::vector<ChatMessage> out;
  for (const auto& [role, content] : turns) out.push_back({role, content});
  return out;
}

}  // namespace haven::safety::risk_test
