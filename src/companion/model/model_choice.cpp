#include "companion/model/model_choice.h"

#include <sys/stat.h>

#include "backend/endpoint.h"
#include "backend/local/local_backend.h"
#include "backend/ollama/ollama_backend.h"
#include "backend/openai/openai_backend.h"

namespace haven::companion {

std::string ModelChoice::to_string() const {
  switch (kind) {
    case Kind::kLocalFile: return "file:" + path;
    case Kind::kOllama: return "ollama:" + model + (url.empty() ? "" : "@" + url);
    case Kind::kServer: return "server:" + url + (model.empty() ? "" : "#" + model);
  }
  return "";
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Status forms_error(std::string_view text) {
  return invalid_argument("expected a model as FILE.gguf, ollama:NAME or server:URL[#MODEL], found '" +
                          std::string(text) + "'");
}

}  // namespace

Result<ModelChoice> parse_model_choice(std::string_view text) {
  ModelChoice c;
  if (text.rfind("file:", 0) == 0) {
    c.kind = ModelChoice::Kind::kLocalFile;
    c.path = std::string(text.substr(5));
    if (c.path.empty()) return forms_error(text);
    return c;
  }
  if (text.rfind("ollama:", 0) == 0) {
    c.kind = ModelChoice::Kind::kOllama;
    std::string_view rest = text.substr(7);
    size_t at = rest.find('@');
    c.model = std::string(rest.substr(0, at));
    c.url = at == std::string_view::npos ? "http://127.0.0.1:11434" : std::string(rest.substr(at + 1));
    if (c.model.empty() || c.url.empty()) return forms_error(text);
    return c;
  }
  if (text.rfind("server:", 0) == 0 || text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0) {
    c.kind = ModelChoice::Kind::kServer;
    std::string_view rest = text.rfind("server:", 0) == 0 ? text.substr(7) : text;
    size_t hash = rest.find('#');
    c.url = std::string(rest.substr(0, hash));
    if (hash != std::string_view::npos) c.model = std::string(rest.substr(hash + 1));
    if (c.url.empty()) return forms_error(text);
    return c;
  }
  if (ends_with(text, ".gguf") || text.find('/') != std::string_view::npos) {
    c.kind = ModelChoice::Kind::kLocalFile;
    c.path = std::string(text);
    return c;
  }
  return forms_error(text);
}

Result<std::unique_ptr<backend::Backend>> make_backend(const ModelChoice& choice, const backend::RemotePolicy& remote) {
  switch (choice.kind) {
    case ModelChoice::Kind::kLocalFile: {
      struct stat st {};
      if (::stat(choice.path.c_str(), &st) != 0) return not_found("no model file at " + choice.path);
      backend::LocalOptions local;
      local.model_path = choice.path;
      return backend::make_local_backend(local);
    }
    case ModelChoice::Kind::kOllama:
    case ModelChoice::Kind::kServer: {
      backend::ServerOptions options;
      options.url = choice.url;
      options.model = choice.model;
      options.remote = remote;
      HAVEN_ASSIGN_OR_RETURN(auto endpoint, backend::parse_endpoint(choice.url));
      if (!endpoint.loopback && !remote.allow_remote) {
        return failed_precondition("the server at " + choice.url +
                                   " is not on this computer; Haven only talks to other computers when you "
                                   "start it with --allow-remote");
      }
      if (choice.kind == ModelChoice::Kind::kOllama) return backend::make_ollama_backend(std::move(options));
      return backend::make_openai_backend(std::move(options));
    }
  }
  return internal_error("unknown model kind");
}

}  // namespace haven::companion
