#include "support/scripted_model_server.h"

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

namespace haven::test {

std::string ScriptedRequest::last_user() const {
  for (size_t i = roles.size(); i-- > 0;) {
    if (roles[i] == "user") return contents[i];
  }
  return "";
}

struct ScriptedModelServer::Impl {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  Script script;
  size_t chunk_bytes = 7;
  mutable std::mutex mu;
  std::vector<ScriptedRequest> requests;
};

ScriptedModelServer::ScriptedModelServer(Script script, size_t chunk_bytes) : impl_(std::make_unique<Impl>()) {
  impl_->script = std::move(script);
  impl_->chunk_bytes = chunk_bytes == 0 ? 1 : chunk_bytes;
  Impl* impl = impl_.get();
  impl->server.Get("/v1/models", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"object":"list","data":[{"id":"scripted","object":"model"}]})", "application/json");
  });
  impl->server.Post("/v1/chat/completions", [impl](const httplib::Request& req, httplib::Response& res) {
    ScriptedRequest r;
    r.body = req.body;
    auto j = nlohmann::json::parse(req.body, nullptr, false);
    if (j.is_object() && j.contains("messages") && j["messages"].is_array()) {
      for (const auto& m : j["messages"]) {
        r.roles.push_back(m.value("role", ""));
        r.contents.push_back(m.value("content", ""));
      }
    }
    std::string reply = impl->script(r);
    {
      std::lock_guard<std::mutex> lock(impl->mu);
      impl->requests.push_back(r);
    }
    std::string sse;
    size_t pos = 0;
    while (pos < reply.size()) {
      // A chunk may end inside a UTF-8 character; real servers only split at token boundaries, but
      // json::dump would reject the broken bytes, so split the string on character boundaries here.
      size_t end = std::min(reply.size(), pos + impl->chunk_bytes);
      while (end < reply.size() && (static_cast<unsigned char>(reply[end]) & 0xC0) == 0x80) ++end;
      nlohmann::json chunk = {{"object", "chat.completion.chunk"},
                              {"model", "scripted"},
                              {"choices", {{{"index", 0}, {"delta", {{"content", reply.substr(pos, end - pos)}}},
                                            {"finish_reason", nullptr}}}}};
      sse += "data: " + chunk.dump() + "\n\n";
      pos = end;
    }
    nlohmann::json last = {{"object", "chat.completion.chunk"},
                           {"model", "scripted"},
                           {"choices", {{{"index", 0}, {"delta", nlohmann::json::object()}, {"finish_reason", "stop"}}}}};
    sse += "data: " + last.dump() + "\n\ndata: [DONE]\n\n";
    res.set_content(sse, "text/event-stream");
  });
  impl->port = impl->server.bind_to_any_port("127.0.0.1");
  impl->thread = std::thread([impl] { impl->server.listen_after_bind(); });
  while (!impl->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

ScriptedModelServer::~ScriptedModelServer() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string ScriptedModelServer::url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

std::vector<ScriptedRequest> ScriptedModelServer::requests() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->requests;
}

}  // namespace haven::test
