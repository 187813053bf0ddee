// Ollama's native API: POST /api/chat (an NDJSON stream, one JSON object per line, the last with
// "done":true and "done_reason") and GET /api/tags. Pure functions on strings (nlohmann/json stays in
// ollama_protocol.cpp); every input is untrusted server output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/backend.h"
#include "core/status.h"

namespace haven::backend::ollama {

// The body of POST /api/chat. Sampling goes into "options" (num_predict for max_tokens).
std::string build_chat_body(const ChatRequest& request, const std::string& model, bool stream);

struct ChatLine {
  std::string text;     // message.content, may be empty
  bool done = false;
  FinishReason finish_reason = FinishReason::kStop;  // meaningful when done
  Usage usage;          // prompt_eval_count / eval_count on the last line
  std::string model;
};

// Parses one NDJSON line. kCorruption for a line that is not a chat object ("expected ..., found
// ..."); kUnavailable for {"error": "..."} lines (Ollama reports failures mid-stream this way).
Result<ChatLine> parse_chat_line(std::string_view json);

// Parses GET /api/tags ({"models":[{"name":..., "size":..., "details":{...}}]}).
Result<std::vector<ModelInfo>> parse_tags(std::string_view json);

// One line for a non-2xx answer: Ollama's {"error":"model \"x\" not found, try pulling it first"}.
std::string describe_error(int http_status, std::string_view body);

}  // namespace haven::backend::ollama
