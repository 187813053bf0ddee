// One message of a conversation as the companion keeps it.
#pragma once

#include <cstdint>
#include <string>

namespace haven::companion {

struct ChatTurn {
  std::string role;     // "system", "user" or "assistant"
  std::string content;
};

}  // namespace haven::companion
