// Wire tests: the Ollama backend against a real HTTP server on 127.0.0.1 that serves an NDJSON exchange
// written from Ollama's API documentation (ollama_fixture.h).
#include "backend/ollama/ollama_backend.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ollama/ollama_fixture.h"
#include "support/wire_server.h"

namespace haven::backend {
namespace {

using std::chrono::milliseconds;

ServerOptions options_for(const test::WireServer& server) {
  ServerOptions o;
  o.url = server.url();
  o.model = "llama3.2:1b";
  o.timeouts.connect = milliseconds(1000);
  o.timeouts.read = milliseconds(5000);
  return o;
}

ChatRequest hello() {
  ChatRequest req;
  req.messages = {{Role::kUser, "Ich bin müde."}};
  req.params.max_tokens = 32;
  return req;
}

struct Outcome {
  ChatResult result;
  std::string text;
};

Outcome run_chat(Backend& backend, const ChatRequest& req) {
  Outcome o;
  o.result = backend.chat(req, [&](std::string_view p) {
    EXPECT_FALSE(p.empty());
    o.text += p;
    return true;
  }, nullptr);
  return o;
}

TEST(OllamaBackendTest, DocumentedStreamArrivesWholeAtAwkwardChunkSizes) {
  test::WireServer server;
  auto backend = make_ollama_backend(options_for(server));
  ASSERT_TRUE(backend.is_ok()) << backend.status().message();
  for (std::vector<size_t> chunks : {std::vector<size_t>{}, {1}, {2, 5}, {13}, {4096}}) {
    test::Reply reply;
    reply.content_type = "application/x-ndjson";
    reply.body = test::kOllamaChatStream;
    reply.chunk_sizes = chunks;
    server.route("POST", "/api/chat", reply);
    Outcome o = run_chat(**backend, hello());
    ASSERT_TRUE(o.result.status.is_ok()) << o.result.status.message();
    EXPECT_EQ(o.text, test::kOllamaChatText);
    EXPECT_EQ(o.result.finish_reason, FinishReason::kStop);
    EXPECT_EQ(o.result.usage.prompt_tokens, 26);
    EXPECT_EQ(o.result.usage.completion_tokens, 7);
    EXPECT_EQ(o.result.model, "llama3.2:1b");
  }
  auto sent = nlohmann::json::parse(server.last_request_body());
  EXPECT_EQ(sent["model"], "llama3.2:1b");
  EXPECT_EQ(sent["stream"], true);
  EXPECT_EQ(sent["messages"][0]["content"], "Ich bin müde.");
  EXPECT_EQ(sent["options"]["num_predict"], 32);
}

TEST(OllamaBackendTest, UnknownModelAndMidStreamErrorsAreOneLineAndTheBackendStaysUsable) {
  test::WireServer server;
  auto backend = make_ollama_backend(options_for(server));
  ASSERT_TRUE(backend.is_ok());

  test::Reply missing;
  missing.status = 404;
  missing.content_type = "application/json";
  missing.body = test::kOllamaNotFound;
  server.route("POST", "/api/chat", missing);
  Outcome o = run_chat(**backend, hello());
  EXPECT_EQ(o.result.status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(o.result.status.message(), "Ollama answered HTTP 404: model \"nope\" not found, try pulling it first");

  test::Reply broken;
  broken.content_type = "application/x-ndjson";
  broken.body = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n"
                "{\"error\":\"runner process has terminated\"}\n";
  broken.chunk_sizes = {3};
  server.route("POST", "/api/chat", broken);
  o = run_chat(**backend, hello());
  EXPECT_EQ(o.result.finish_reason, FinishReason::kError);
  EXPECT_EQ(o.result.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(o.result.status.message(), "Ollama reported an error during the reply: runner process has terminated");
  EXPECT_EQ(o.text, "Hi");

  test::Reply truncated;
  truncated.content_type = "application/x-ndjson";
  truncated.body = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n";
  server.route("POST", "/api/chat", truncated);
  o = run_chat(**backend, hello());
  EXPECT_EQ(o.result.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(o.result.status.message(),
            "expected the stream to end with a line marked \"done\", found the end of the stream after 2 bytes of text");

  test::Reply good;
  good.content_type = "application/x-ndjson";
  good.body = test::kOllamaChatStream;
  server.route("POST", "/api/chat", good);
  o = run_chat(**backend, hello());
  EXPECT_TRUE(o.result.status.is_ok()) << o.result.status.message();
  EXPECT_EQ(o.text, test::kOllamaChatText);
}

TEST(OllamaBackendTest, ListsTagsAndNeedsAModelName) {
  test::WireServer server;
  test::Reply tags;
  tags.content_type = "application/json";
  tags.body = test::kOllamaTags;
  server.route("GET", "/api/tags", tags);
  auto models = list_ollama_models(options_for(server));
  ASSERT_TRUE(models.is_ok()) << models.status().message();
  ASSERT_EQ(models->size(), 2u);
  EXPECT_EQ((*models)[1].name, "qwen2.5:0.5b");

  auto options = options_for(server);
  options.model.clear();
  auto none = make_ollama_backend(options);
  EXPECT_EQ(none.status().message(), "expected an Ollama model name (like llama3.2:3b), found none");
}

}  // namespace
}  // namespace haven::backend
