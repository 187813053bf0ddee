// How to reach a model server: shared by the Ollama and OpenAI-compatible backends.
#pragma once

#include <cstdint>
#include <string>

#include "backend/http/http_client.h"
#include "backend/remote_policy.h"

namespace haven::backend {

struct ServerOptions {
  // "http://127.0.0.1:11434" (Ollama) or "http://127.0.0.1:8080" (llama-server). For the OpenAI-compatible
  // backend a trailing "/v1" is accepted and ignored, since servers often show their address that way.
  std::string url;
  // The model to ask for. Ollama needs one; llama-server uses the model it has loaded when it is empty.
  std::string model;
  // Sent as "Authorization: Bearer ..." when not empty (LM Studio or vLLM started with an API key).
  std::string api_key;
  HttpTimeouts timeouts;
  RemotePolicy remote;
  // A reply longer than this stops with kOutOfRange: a server that never stops must not fill memory.
  uint64_t max_reply_bytes = 8u << 20;
  // OpenAI-compatible only: ask for a last chunk with token counts (stream_options.include_usage).
  bool request_usage = true;
};

}  // namespace haven::backend
