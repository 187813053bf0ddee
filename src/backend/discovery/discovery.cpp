#include "backend/discovery/discovery.h"

#include <nlohmann/json.hpp>

#include "backend/endpoint.h"
#include "backend/ollama/ollama_backend.h"
#include "backend/openai/openai_backend.h"
#include "core/paths.h"

namespace haven::backend::discovery {
namespace {

ServerListing probe(const ServerTarget& target, const DiscoveryOptions& options) {
  ServerListing listing;
  listing.kind = target.kind;
  listing.url = target.url;
  ServerOptions so;
  so.url = target.url;
  so.timeouts.connect = options.connect_timeout;
  so.timeouts.read = options.read_timeout;  // RemotePolicy stays default: loopback only
  Result<std::vector<ModelInfo>> models = Status(StatusCode::kInternal, "not asked");
  if (target.kind == ServerKind::kOllama) {
    models = list_ollama_models(so);
  } else {
    auto backend = make_openai_backend(so);
    models = backend.is_ok() ? (*backend)->list_models() : Result<std::vector<ModelInfo>>(backend.status());
  }
  if (models.is_ok()) {
    listing.running = true;
    listing.models = std::move(models).value();
    return listing;
  }
  const Status& st = models.status();
  // Nothing listening is the normal case for a server the user does not run: not a problem.
  if (st.code() == StatusCode::kUnavailable && st.message().rfind("could not reach", 0) == 0) return listing;
  listing.problem = st.message();
  // An HTTP error or a malformed answer means something is there; a timeout or a refusal does not.
  listing.running = st.message().find(" answered HTTP ") != std::string::npos ||
                    st.code() == StatusCode::kCorruption || st.code() == StatusCode::kOutOfRange;
  return listing;
}

}  // namespace

const char* server_kind_name(ServerKind kind) {
  return kind == ServerKind::kOllama ? "Ollama" : "OpenAI-compatible server";
}

DiscoveryOptions default_discovery_options() {
  DiscoveryOptions o;
  o.ollama_models_dir = default_ollama_models_dir();
  o.haven_models_dir = paths::default_models_dir();
  o.servers = {{ServerKind::kOllama, "http://127.0.0.1:11434"}, {ServerKind::kOpenAiCompatible, "http://127.0.0.1:8080"}};
  return o;
}

DiscoveryReport discover_models(const DiscoveryOptions& options) {
  DiscoveryReport report;
  for (const FileScan& scan : {options.ollama_models_dir.empty() ? FileScan{} : scan_ollama_store(options.ollama_models_dir),
                               options.haven_models_dir.empty() ? FileScan{} : scan_gguf_folder(options.haven_models_dir)}) {
    report.files.insert(report.files.end(), scan.files.begin(), scan.files.end());
    report.problems.insert(report.problems.end(), scan.problems.begin(), scan.problems.end());
  }
  for (const ServerTarget& target : options.servers) report.servers.push_back(probe(target, options));
  return report;
}

std::string report_to_json(const DiscoveryReport& report) {
  using nlohmann::json;
  json files = json::array();
  for (const ModelFile& f : report.files) {
    files.push_back({{"name", f.name}, {"path", f.path}, {"size", f.size}, {"source", f.source}});
  }
  json servers = json::array();
  for (const ServerListing& s : report.servers) {
    json models = json::array();
    for (const ModelInfo& m : s.models) models.push_back({{"name", m.name}, {"detail", m.detail}});
    json entry = {{"kind", s.kind == ServerKind::kOllama ? "ollama" : "openai"},
                  {"url", s.url},
                  {"running", s.running},
                  {"models", std::move(models)}};
    if (!s.problem.empty()) entry["problem"] = s.problem;
    servers.push_back(std::move(entry));
  }
  json out = {{"files", std::move(files)}, {"servers", std::move(servers)}, {"problems", report.problems}};
  return out.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace haven::backend::discovery
