// A scripted OpenAI-compatible model server on 127.0.0.1, for tests that need a model to "say"
// something meaningful (memory proposals, unsafe replies to screen). It stands in only for a trained
// model at the process boundary: requests go over real HTTP through Haven's real backend client.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace haven::test {

struct ScriptedRequest {
  std::string body;                      // the raw JSON body received
  std::vector<std::string> roles;        // messages[i].role
  std::vector<std::string> contents;     // messages[i].content
  std::string system() const { return roles.empty() || roles[0] != "system" ? "" : contents[0]; }
  std::string last_user() const;
};

// Decides the reply text for a request.
using Script = std::function<std::string(const ScriptedRequest&)>;

class ScriptedModelServer {
 public:
  // Streams each reply as SSE chunks of `chunk_bytes` (split anywhere, even inside a character).
  explicit ScriptedModelServer(Script script, size_t chunk_bytes = 7);
  ~ScriptedModelServer();
  ScriptedModelServer(const ScriptedModelServer&) = delete;
  ScriptedModelServer& operator=(const ScriptedModelServer&) = delete;

  std::string url() const;  // "http://127.0.0.1:PORT"
  // Every request received so far, oldest first.
  std::vector<ScriptedRequest> requests() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace haven::test
