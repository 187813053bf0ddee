// TokenMap: token text -> id, looked up with string_views without building a std::string.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/tokenizer/vocab.h"

namespace haven::engine {

struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

using TokenMap = std::unordered_map<std::string, TokenId, TransparentStringHash, std::equal_to<>>;

// The id of text, or kNoToken.
inline TokenId find_token_id(const TokenMap& map, std::string_view text) {
  auto it = map.find(text);
  return it == map.end() ? kNoToken : it->second;
}

}  // namespace haven::engine
