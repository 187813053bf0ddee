#include "backend/json_parse.h"

#include <algorithm>
#include <cstdint>

#include "backend/json_util.h"

namespace haven::backend {

using nlohmann::json;

std::string json_kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::discarded: return "invalid JSON";
    default: return "a number";
  }
}

Result<json> parse_json_object(std::string_view text, const char* what) {
  HAVEN_RETURN_IF_ERROR(check_json_depth(text).with_context(what));
  json v = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) {
    return corruption(std::string("expected ") + what + " as JSON, found " + std::to_string(text.size()) +
                      " bytes that are not valid JSON");
  }
  if (!v.is_object()) return corruption(std::string("expected ") + what + " as a JSON object, found " + json_kind_of(v));
  return v;
}

int64_t json_count_or(const json& obj, const char* key, int64_t fallback) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (it->is_number_unsigned()) return static_cast<int64_t>(std::min<uint64_t>(it->get<uint64_t>(), INT64_MAX));
  if (it->is_number_integer()) return it->get<int64_t>();
  return fallback;
}

}  // namespace haven::backend
