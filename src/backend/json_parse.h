// Parsing untrusted JSON from model servers, shared by the protocol files. This header includes
// nlohmann/json, so only the few protocol .cpp files include it (CI has 2 cores).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace haven::backend {

// What kind of JSON value was found ("an array", "null", ...), never its content (it may echo user text).
std::string json_kind_of(const nlohmann::json& v);

// Parses text as one JSON object after the depth check. kCorruption "expected WHAT as JSON, found ..."
// otherwise.
Result<nlohmann::json> parse_json_object(std::string_view text, const char* what);

// obj[key] as a non-negative or negative integer count, or fallback when absent or not an integer.
int64_t json_count_or(const nlohmann::json& obj, const char* key, int64_t fallback);

}  // namespace haven::backend
