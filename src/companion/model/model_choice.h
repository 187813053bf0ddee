// Which model the user talks to, as they name it on the command line or in `haven config set model`.
//
// Forms (the stored setting uses the same text):
//   /path/to/model.gguf or file:/path/to/model.gguf     the embedded engine with a GGUF file
//   ollama:NAME[@URL]                                   Ollama's native API (default http://127.0.0.1:11434)
//   server:URL[#MODEL]                                  an OpenAI-compatible server (llama-server, LM Studio, ...)
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "backend/backend.h"
#include "backend/remote_policy.h"
#include "core/status.h"

namespace haven::companion {

struct ModelChoice {
  enum class Kind { kLocalFile, kOllama, kServer };
  Kind kind = Kind::kServer;
  std::string path;   // kLocalFile
  std::string url;    // kOllama, kServer
  std::string model;  // kOllama (required), kServer (optional)

  // The stored/printed form, parseable by parse_model_choice.
  std::string to_string() const;
};

// kInvalidArgument with the forms above when text matches none of them.
Result<ModelChoice> parse_model_choice(std::string_view text);

// Makes the backend. Remote (non-loopback) servers are refused with kFailedPrecondition unless
// remote.allow_remote is set (and then every request goes through remote.consent). kNotFound for a
// missing model file; the engine's error for a file it cannot load.
Result<std::unique_ptr<backend::Backend>> make_backend(const ModelChoice& choice, const backend::RemotePolicy& remote);

}  // namespace haven::companion
