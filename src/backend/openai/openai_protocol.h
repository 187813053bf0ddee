// The OpenAI-compatible chat protocol as llama.cpp's llama-server, LM Studio, Jan, vLLM and Ollama serve
// it: request bodies, stream chunks, whole completions, model lists and error bodies. Pure functions on
// strings (nlohmann/json stays inside openai_protocol.cpp); every input is untrusted server output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/backend.h"
#include "core/status.h"

namespace haven::backend::openai {

// The body of POST /v1/chat/completions. model may be empty (llama-server then uses its loaded model).
// include_usage asks for a last chunk with token counts (stream_options.include_usage).
std::string build_chat_body(const ChatRequest& request, const std::string& model, bool stream,
                            bool include_usage);

// What one stream chunk (or one whole completion) says.
struct ChatDelta {
  std::string text;                           // may be empty
  std::optional<FinishReason> finish_reason;  // when the chunk ends the choice
  std::optional<Usage> usage;                 // from "usage", else llama-server's "timings"
  std::string model;
};

// Parses the data of one SSE event (a "chat.completion.chunk"). kCorruption for JSON that is not a
// chunk ("expected ..., found ..."); kUnavailable when the server reports an error in the stream.
Result<ChatDelta> parse_chat_chunk(std::string_view json);

// Parses a whole (non-streamed) "chat.completion", for servers that ignore stream:true.
Result<ChatDelta> parse_chat_completion(std::string_view json);

// Parses GET /v1/models ({"data":[{"id":...}]}). kCorruption when the shape is wrong.
Result<std::vector<ModelInfo>> parse_models(std::string_view json);

// One line for a non-2xx answer: "the model server answered HTTP 400: 'messages' is required". The
// server's message is reduced to printable text and cut to 200 bytes; a body that is not an error
// object is described by its size only.
std::string describe_error(int http_status, std::string_view body);

// "stop", "length", "content_filter", "tool_calls", ...: stop unless it is "length".
FinishReason finish_reason_from(std::string_view reason);

}  // namespace haven::backend::openai
