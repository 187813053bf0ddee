// A Backend for OpenAI-compatible servers: POST /v1/chat/completions as an SSE stream and GET /v1/models
// (llama.cpp's llama-server, LM Studio, Jan, vLLM, and Ollama's /v1 endpoints).
#pragma once

#include <memory>

#include "backend/backend.h"
#include "backend/server_options.h"

namespace haven::backend {

// kInvalidArgument when options.url is not an http(s) address (nothing is contacted here). A
// non-loopback url is accepted here and refused per request unless options.remote allows it.
Result<std::unique_ptr<Backend>> make_openai_backend(ServerOptions options);

}  // namespace haven::backend
