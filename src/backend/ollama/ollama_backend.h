// A Backend for Ollama's native API: POST /api/chat as an NDJSON stream and GET /api/tags.
#pragma once

#include <memory>

#include "backend/backend.h"
#include "backend/server_options.h"

namespace haven::backend {

// kInvalidArgument when options.url is not an http(s) address or options.model is empty (Ollama needs
// a model name). Nothing is contacted here.
Result<std::unique_ptr<Backend>> make_ollama_backend(ServerOptions options);

// Ollama's model list without a chosen model (for discovery).
Result<std::vector<ModelInfo>> list_ollama_models(const ServerOptions& options);

}  // namespace haven::backend
