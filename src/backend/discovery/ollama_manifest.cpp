#include "backend/discovery/ollama_manifest.h"

#include <nlohmann/json.hpp>

#include "backend/json_util.h"

namespace haven::backend::discovery {
namespace {

using nlohmann::json;

constexpr std::string_view kModelMediaType = "application/vnd.ollama.image.model";

bool is_hex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

Result<OllamaManifest> parse_ollama_manifest(std::string_view text) {
  HAVEN_RETURN_IF_ERROR(check_json_depth(text, 16).with_context("Ollama manifest"));
  json v = json::parse(text.begin(), text.end(), nullptr, false);
  if (v.is_discarded()) {
    return corruption("expected an Ollama manifest as JSON, found " + std::to_string(text.size()) +
                      " bytes that are not valid JSON");
  }
  if (!v.is_object()) return corruption("expected an Ollama manifest as a JSON object, found something else");
  auto layers = v.find("layers");
  if (layers == v.end() || !layers->is_array()) {
    return corruption("expected an Ollama manifest with a \"layers\" array, found none");
  }
  std::optional<OllamaManifest> found;
  for (const json& layer : *layers) {
    if (!layer.is_object()) continue;
    auto type = layer.find("mediaType");
    if (type == layer.end() || !type->is_string() || type->get<std::string>() != kModelMediaType) continue;
    if (found) return corruption("expected one model layer in an Ollama manifest, found several");
    auto digest = layer.find("digest");
    if (digest == layer.end() || !digest->is_string()) {
      return corruption("expected a \"digest\" string in the model layer, found none");
    }
    const std::string d = digest->get<std::string>();
    if (d.rfind("sha256:", 0) != 0 || !is_hex64(std::string_view(d).substr(7))) {
      return corruption("expected a digest of the form sha256:<64 hex digits>, found " +
                        std::to_string(d.size()) + " characters of something else");
    }
    OllamaManifest m;
    m.digest_hex = d.substr(7);
    auto size = layer.find("size");
    if (size != layer.end() && size->is_number_unsigned()) m.size = size->get<uint64_t>();
    found = m;
  }
  if (!found) return corruption("expected a model layer (" + std::string(kModelMediaType) + ") in an Ollama manifest, found none");
  return *found;
}

std::string ollama_model_name(const std::string& registry, const std::string& ns, const std::string& model,
                              const std::string& tag) {
  std::string base;
  if (registry == "registry.ollama.ai") {
    base = ns == "library" ? model : ns + "/" + model;
  } else {
    base = registry + "/" + ns + "/" + model;
  }
  return base + ":" + tag;
}

}  // namespace haven::backend::discovery
