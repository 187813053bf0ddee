// Everything `haven models` shows: GGUF files on disk and the models that model servers running on this
// computer offer. Only loopback servers are asked, each with short timeouts.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "backend/discovery/model_files.h"

namespace haven::backend::discovery {

enum class ServerKind { kOllama, kOpenAiCompatible };

struct ServerTarget {
  ServerKind kind = ServerKind::kOllama;
  std::string url;
};

struct ServerListing {
  ServerKind kind = ServerKind::kOllama;
  std::string url;
  bool running = false;            // it answered
  std::vector<ModelInfo> models;   // what it offers
  std::string problem;             // one line when it answered but something was wrong; empty otherwise
};

struct DiscoveryOptions {
  std::string ollama_models_dir;        // Ollama's store; empty skips it
  std::string haven_models_dir;         // Haven's own folder; empty skips it
  std::vector<ServerTarget> servers;    // asked in order; non-loopback addresses are refused
  std::chrono::milliseconds connect_timeout{300};
  std::chrono::milliseconds read_timeout{1500};
};

// The defaults: default_ollama_models_dir(), paths::default_models_dir(), Ollama at 127.0.0.1:11434 and
// llama-server at 127.0.0.1:8080.
DiscoveryOptions default_discovery_options();

struct DiscoveryReport {
  std::vector<ModelFile> files;
  std::vector<ServerListing> servers;
  std::vector<std::string> problems;
};

// Never fails as a whole: what could not be read becomes a line in problems.
DiscoveryReport discover_models(const DiscoveryOptions& options);

// "Ollama" or "OpenAI-compatible server".
const char* server_kind_name(ServerKind kind);

// The report as one JSON object (for `haven --json models`).
std::string report_to_json(const DiscoveryReport& report);

}  // namespace haven::backend::discovery
