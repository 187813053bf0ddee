// haven models: lists the model files and the local model servers Haven can use. Reads only; asks only
// servers on this computer.
#include <iostream>

#include "app/cli/companion_cli.h"
#include "backend/discovery/discovery.h"
#include "backend/endpoint.h"
#include "backend/json_util.h"

namespace haven::cli {
namespace {

namespace discovery = backend::discovery;

constexpr const char* kUsage =
    "usage: haven models [--no-servers] [--ollama-url URL] [--server-url URL]";

void print_report(const discovery::DiscoveryReport& report) {
  std::cout << "Model files on this computer:\n";
  if (report.files.empty()) std::cout << "  none found\n";
  for (const auto& f : report.files) {
    std::cout << "  " << f.name << "  (" << backend::human_size(f.size) << ", " << f.source << ")\n"
              << "      " << f.path << "\n";
  }
  if (!report.servers.empty()) {
    std::cout << "\nModel servers on this computer:\n";
    for (const auto& s : report.servers) {
      std::cout << "  " << discovery::server_kind_name(s.kind) << " at " << s.url << ": ";
      if (!s.problem.empty()) {
        std::cout << (s.running ? "answered, but " : "") << s.problem << "\n";
      } else if (!s.running) {
        std::cout << "not running\n";
      } else if (s.models.empty()) {
        std::cout << "running, with no models yet\n";
      } else {
        std::cout << "running\n";
        for (const auto& m : s.models) {
          std::cout << "      " << m.name;
          if (!m.detail.empty()) std::cout << "  (" << m.detail << ")";
          std::cout << "\n";
        }
      }
    }
  }
  if (!report.problems.empty()) {
    std::cout << "\nSome things could not be used:\n";
    for (const auto& p : report.problems) std::cout << "  " << p << "\n";
  }
  bool any_server_model = false;
  for (const auto& s : report.servers) any_server_model = any_server_model || !s.models.empty();
  if (report.files.empty() && !any_server_model) {
    std::cout << "\nNo model is ready yet. Haven can use a GGUF model file (haven chat --model FILE),\n"
                 "a model in Ollama (haven chat --ollama NAME), or a model server on this computer\n"
                 "(haven chat --server URL). Model files put in "
              << backend::discovery::default_discovery_options().haven_models_dir << " show up here.\n";
  }
}

}  // namespace

int run_models_command(const GlobalOptions& options, Args& args) {
  const bool no_servers = args.take_flag("--no-servers");
  auto ollama_url = args.take_option("--ollama-url");
  if (!ollama_url.is_ok()) return usage_error(ollama_url.status().message());
  auto server_url = args.take_option("--server-url");
  if (!server_url.is_ok()) return usage_error(server_url.status().message());
  if (Status s = args.expect_empty(); !s.is_ok()) return usage_error(s.message() + "; " + kUsage);

  discovery::DiscoveryOptions opts = discovery::default_discovery_options();
  for (auto& target : opts.servers) {
    const auto& override_url = target.kind == discovery::ServerKind::kOllama ? *ollama_url : *server_url;
    if (override_url) target.url = *override_url;
  }
  for (const auto& target : opts.servers) {
    auto endpoint = backend::parse_endpoint(target.url);
    if (!endpoint.is_ok()) return usage_error(endpoint.status().message());
    if (!endpoint->loopback) {
      return usage_error("haven models only asks servers on this computer, and " + endpoint->host + " is not");
    }
  }
  if (no_servers) opts.servers.clear();

  const discovery::DiscoveryReport report = discovery::discover_models(opts);
  if (options.json) {
    std::cout << discovery::report_to_json(report) << "\n";
  } else {
    print_report(report);
  }
  return kExitOk;
}

}  // namespace haven::cli
