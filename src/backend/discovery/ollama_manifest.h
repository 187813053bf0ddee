// Ollama's model store keeps one manifest per model tag (an OCI-style JSON file under
// <models>/manifests/<registry>/<namespace>/<model>/<tag>) that names its layers by digest; the layer
// with media type "application/vnd.ollama.image.model" is the GGUF file, stored as
// <models>/blobs/sha256-<hex>. Pure parsing of untrusted bytes (the files may be damaged or hostile).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace haven::backend::discovery {

struct OllamaManifest {
  std::string digest_hex;  // 64 lowercase hex digits of the model layer's sha256
  uint64_t size = 0;       // the layer's size as the manifest states it (0 when absent)
};

// kCorruption ("expected ..., found ...") when the text is not a manifest with exactly one model layer
// whose digest is "sha256:" followed by 64 hex digits; the digest check is what keeps a hostile manifest
// from naming a path outside the blobs folder.
Result<OllamaManifest> parse_ollama_manifest(std::string_view json);

// "llama3.2:1b" for registry.ollama.ai/library/llama3.2/1b, "user/model:tag" for other namespaces on
// Ollama's registry, "host/namespace/model:tag" elsewhere (hf.co/...).
std::string ollama_model_name(const std::string& registry, const std::string& ns, const std::string& model,
                              const std::string& tag);

}  // namespace haven::backend::discovery
