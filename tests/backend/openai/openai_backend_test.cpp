// Wire tests: the OpenAI-compatible backend against a real HTTP server on 127.0.0.1 that replays what
// llama-server sent (../shared/testdata/wire/llama-server).
#include "backend/openai/openai_backend.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "support/wire_server.h"

namespace haven::backend {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

const char* kStreamText =
    "蹿 construction<Texture큻 construction construction construction<Texture<Texture<Texture<Texture_CONF";

// The offset of the "data:" line that holds needle: stalls happen between events, where the server's
// keep-alive comments may go.
long line_start_of(const std::string& body, const std::string& needle) {
  return static_cast<long>(body.rfind("data: ", body.find(needle)));
}

test::Reply recorded_reply(const std::string& name, std::vector<size_t> chunks = {}) {
  const auto rec = test::load_recorded(name);
  test::Reply r;
  r.status = rec.status;
  r.content_type = rec.content_type;
  r.body = rec.body;
  r.chunk_sizes = std::move(chunks);
  return r;
}

ServerOptions options_for(const test::WireServer& server) {
  ServerOptions o;
  o.url = server.url();
  o.model = "tiny";
  o.timeouts.connect = milliseconds(1000);
  o.timeouts.read = milliseconds(5000);
  return o;
}

std::unique_ptr<Backend> make(const ServerOptions& o) {
  auto b = make_openai_backend(o);
  EXPECT_TRUE(b.is_ok()) << b.status().message();
  return std::move(b).value();
}

ChatRequest hard_day() {
  ChatRequest req;
  req.messages = {{Role::kSystem, "You are a kind listener."}, {Role::kUser, "I had a hard day at work."}};
  req.params.max_tokens = 12;
  req.params.temperature = 0.0;
  return req;
}

struct Reply {
  ChatResult result;
  std::string text;
  std::vector<std::string> pieces;
};

Reply run_chat(Backend& backend, const ChatRequest& req, const CancelToken* cancel = nullptr,
               std::function<bool(const std::string&)> keep_going = nullptr) {
  Reply r;
  r.result = backend.chat(
      req,
      [&](std::string_view piece) {
        r.pieces.emplace_back(piece);
        r.text += piece;
        return keep_going ? keep_going(r.text) : true;
      },
      cancel);
  return r;
}

TEST(OpenAiBackendTest, RecordedStreamArrivesWholeAtAwkwardChunkSizes) {
  test::WireServer server;
  auto backend = make(options_for(server));
  // 1-byte chunks split every CRLF-free line, every "data:" and every multi-byte character.
  for (std::vector<size_t> chunks : {std::vector<size_t>{}, {1}, {2, 3}, {5, 1, 7}, {64}, {4096}}) {
    server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream", chunks));
    Reply r = run_chat(*backend, hard_day());
    ASSERT_TRUE(r.result.status.is_ok()) << r.result.status.message();
    EXPECT_EQ(r.text, kStreamText);
    EXPECT_EQ(r.pieces.size(), 12u);
    EXPECT_EQ(r.result.finish_reason, FinishReason::kLength);
    EXPECT_EQ(r.result.usage.prompt_tokens, 27);
    EXPECT_EQ(r.result.usage.completion_tokens, 12);
    EXPECT_EQ(r.result.model, "qwen2.5-0.5b-instruct-q4_0");
    EXPECT_EQ(r.result.text_bytes, std::string(kStreamText).size());
  }
}

TEST(OpenAiBackendTest, SendsTheRequestTheServerWasRecordedWith) {
  test::WireServer server;
  server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream"));
  auto backend = make(options_for(server));
  Reply r = run_chat(*backend, hard_day());
  ASSERT_TRUE(r.result.status.is_ok()) << r.result.status.message();
  json sent = json::parse(server.last_request_body());
  json recorded = json::parse(test::load_recorded("chat-stream").request_body);
  for (const char* key : {"model", "messages", "max_tokens", "temperature", "stream"}) {
    EXPECT_EQ(sent[key], recorded[key]) << key;
  }
  EXPECT_EQ(sent["stream_options"]["include_usage"], true);
}

TEST(OpenAiBackendTest, UsageChunkGivesTokenCounts) {
  test::WireServer server;
  server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream-usage", {3}));
  auto backend = make(options_for(server));
  Reply r = run_chat(*backend, hard_day());
  ASSERT_TRUE(r.result.status.is_ok()) << r.result.status.message();
  // U+F9B3 (CJK compatibility ideograph), five times, as llama-server sent it.
  EXPECT_EQ(r.text, "\xEF\xA6\xB3\xEF\xA6\xB3\xEF\xA6\xB3\xEF\xA6\xB3\xEF\xA6\xB3");
  EXPECT_EQ(r.result.finish_reason, FinishReason::kLength);
  EXPECT_EQ(r.result.usage.prompt_tokens, 30);
  EXPECT_EQ(r.result.usage.completion_tokens, 5);
}

TEST(OpenAiBackendTest, AWholeJsonAnswerToAStreamingRequestIsAccepted) {
  test::WireServer server;
  server.route("POST", "/v1/chat/completions", recorded_reply("chat-nonstream"));
  auto backend = make(options_for(server));
  Reply r = run_chat(*backend, hard_day());
  ASSERT_TRUE(r.result.status.is_ok()) << r.result.status.message();
  EXPECT_EQ(r.text, kStreamText);
  EXPECT_EQ(r.result.finish_reason, FinishReason::kLength);
  EXPECT_EQ(r.result.usage.completion_tokens, 12);
}

TEST(OpenAiBackendTest, ErrorBodiesGiveOneLineAndTheBackendStaysUsable) {
  test::WireServer server;
  auto backend = make(options_for(server));

  server.route("POST", "/v1/chat/completions", recorded_reply("error-nomessages"));
  Reply bad = run_chat(*backend, hard_day());
  EXPECT_EQ(bad.result.finish_reason, FinishReason::kError);
  EXPECT_EQ(bad.result.status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.result.status.message(), "the model server answered HTTP 400: 'messages' is required");
  EXPECT_TRUE(bad.text.empty());

  server.route("POST", "/v1/chat/completions", recorded_reply("error-badjson", {7}));
  Reply server_error = run_chat(*backend, hard_day());
  EXPECT_EQ(server_error.result.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(server_error.result.status.message().rfind("the model server answered HTTP 500: ", 0), 0u);
  EXPECT_EQ(server_error.result.status.message().find('\n'), std::string::npos);

  server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream"));
  Reply ok = run_chat(*backend, hard_day());
  EXPECT_TRUE(ok.result.status.is_ok()) << ok.result.status.message();
  EXPECT_EQ(ok.text, kStreamText);
}

TEST(OpenAiBackendTest, CallbackReturningFalseCancelsAndTheServerSeesTheDisconnect) {
  test::WireServer server;
  auto reply = recorded_reply("chat-stream", {16});
  const auto rec = test::load_recorded("chat-stream");
  reply.stall_after = line_start_of(rec.body, "construction");  // after the first two events
  server.route("POST", "/v1/chat/completions", reply);
  auto backend = make(options_for(server));
  Reply r = run_chat(*backend, hard_day(), nullptr, [](const std::string& text) { return text.size() < 3; });
  EXPECT_EQ(r.result.finish_reason, FinishReason::kCancelled);
  EXPECT_EQ(r.result.status.code(), StatusCode::kCancelled);
  EXPECT_EQ(r.text, "蹿");
  EXPECT_TRUE(server.wait_for_disconnect(3000));
}

TEST(OpenAiBackendTest, TokenFiredFromAnotherThreadStopsAStalledStream) {
  test::WireServer server;
  auto reply = recorded_reply("chat-stream", {1});
  const auto rec = test::load_recorded("chat-stream");
  reply.stall_after = line_start_of(rec.body, "<Texture");
  server.route("POST", "/v1/chat/completions", reply);
  auto backend = make(options_for(server));
  CancelToken token;
  std::thread canceller;
  Reply r = run_chat(*backend, hard_day(), &token, [&](const std::string& text) {
    // Like Ctrl-C: fired elsewhere while the server is quiet (pinging only with comments).
    if (text == "蹿 construction" && !canceller.joinable()) {
      canceller = std::thread([&] {
        std::this_thread::sleep_for(milliseconds(100));
        token.request_cancel();
      });
    }
    return true;
  });
  if (canceller.joinable()) canceller.join();
  EXPECT_EQ(r.result.finish_reason, FinishReason::kCancelled);
  EXPECT_EQ(r.result.status.message(), "the reply was stopped");
  EXPECT_EQ(r.text, "蹿 construction");
  EXPECT_TRUE(server.wait_for_disconnect(3000));

  // The same backend and, after reset, the same token serve the next reply.
  token.reset();
  server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream"));
  Reply next = run_chat(*backend, hard_day(), &token);
  EXPECT_TRUE(next.result.status.is_ok()) << next.result.status.message();
  EXPECT_EQ(next.text, kStreamText);
}

TEST(OpenAiBackendTest, AlreadyCancelledTokenSendsNothing) {
  test::WireServer server;
  server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream"));
  auto backend = make(options_for(server));
  CancelToken token;
  token.request_cancel();
  Reply r = run_chat(*backend, hard_day(), &token);
  EXPECT_EQ(r.result.finish_reason, FinishReason::kCancelled);
  EXPECT_EQ(server.requests(), 0);
}

TEST(OpenAiBackendTest, StalledServerTimesOutWithOneLineAndTheBackendStaysUsable) {
  test::WireServer server;
  auto reply = recorded_reply("chat-stream", {32});
  reply.stall_after = line_start_of(reply.body, "construction");
  reply.ping_while_stalled = false;
  server.route("POST", "/v1/chat/completions", reply);
  auto options = options_for(server);
  options.timeouts.read = milliseconds(1000);
  auto backend = make(options);
  Reply r = run_chat(*backend, hard_day());
  EXPECT_EQ(r.result.finish_reason, FinishReason::kError);
  EXPECT_EQ(r.result.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.result.status.message(),
            "the model server at " + server.url() + " sent nothing for 1.0 s, so Haven stopped waiting");
  EXPECT_EQ(r.text, "蹿");  // what arrived before the stall was delivered

  server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream", {1}));
  Reply next = run_chat(*backend, hard_day());
  EXPECT_TRUE(next.result.status.is_ok()) << next.result.status.message();
  EXPECT_EQ(next.text, kStreamText);
}

TEST(OpenAiBackendTest, NothingListeningIsUnavailable) {
  ServerOptions o;
  o.url = "http://127.0.0.1:" + std::to_string(test::unused_port());
  o.timeouts.connect = milliseconds(500);
  auto backend = make(o);
  Reply r = run_chat(*backend, hard_day());
  EXPECT_EQ(r.result.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.result.status.message(), "could not reach the model server at " + o.url + "; is it running?");
}

TEST(OpenAiBackendTest, ServerThatNeverAcceptsTimesOutConnecting) {
  test::FullListener full;
  ServerOptions o;
  o.url = "http://127.0.0.1:" + std::to_string(full.port());
  o.timeouts.connect = milliseconds(300);
  auto backend = make(o);
  Reply r = run_chat(*backend, hard_day());
  EXPECT_EQ(r.result.finish_reason, FinishReason::kError);
  EXPECT_EQ(r.result.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.result.status.message(), "the model server at " + o.url + " did not accept a connection within 0.3 s");
}

struct Malformed {
  const char* name;
  std::string body;
  StatusCode code;
  const char* message_start;
};

TEST(OpenAiBackendTest, MalformedStreamsGiveOneLineErrorsAndTheBackendStaysUsable) {
  const std::string first =
      "data: {\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";
  const Malformed cases[] = {
      {"bad json", first + "data: {\"choices\":[{\"delta\":{\"content\":\"x\"\n\n", StatusCode::kCorruption,
       "expected a chat completion chunk as JSON, found"},
      {"wrong shape", first + "data: {\"choices\":\"none\"}\n\n", StatusCode::kCorruption,
       "expected a chat completion chunk with a \"choices\" array, found a string"},
      {"bad utf-8", first + "data: {\"choices\":[{\"delta\":{\"content\":\"\xC3\x28\"}}]}\n\n", StatusCode::kCorruption,
       "expected UTF-8 text, found byte 0x28"},
      {"ends early", first, StatusCode::kCorruption,
       "expected the stream to end with a finish reason or [DONE], found the end of the stream after 2 bytes"},
      {"error event", first + "data: {\"error\":{\"message\":\"out of memory\"}}\n\n", StatusCode::kUnavailable,
       "the model server reported an error during the reply: out of memory"},
      {"named error event", first + "event: error\ndata: {\"error\":{\"message\":\"slot unavailable\"}}\n\n",
       StatusCode::kUnavailable, "the model server reported an error during the reply: slot unavailable"},
      {"bare error event", first + "event: error\ndata: oops\n\n", StatusCode::kUnavailable,
       "the model server reported an error during the reply"},
      {"huge line", first + "data: " + std::string(2u << 20, 'x') + "\n\n", StatusCode::kOutOfRange,
       "expected stream lines under 1048576 bytes"},
  };
  test::WireServer server;
  auto backend = make(options_for(server));
  for (const auto& c : cases) {
    test::Reply reply;
    reply.body = c.body;
    reply.chunk_sizes = {5, 11};
    if (c.body.size() > 100000) reply.chunk_sizes = {65536};
    server.route("POST", "/v1/chat/completions", reply);
    Reply r = run_chat(*backend, hard_day());
    EXPECT_EQ(r.result.finish_reason, FinishReason::kError) << c.name;
    EXPECT_EQ(r.result.status.code(), c.code) << c.name << ": " << r.result.status.message();
    EXPECT_EQ(r.result.status.message().rfind(c.message_start, 0), 0u) << c.name << ": " << r.result.status.message();
    EXPECT_EQ(r.result.status.message().find('\n'), std::string::npos) << c.name;
    EXPECT_EQ(r.text, "Hi") << c.name;

    server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream", {9}));
    Reply next = run_chat(*backend, hard_day());
    EXPECT_TRUE(next.result.status.is_ok()) << c.name << ": " << next.result.status.message();
  }
}

TEST(OpenAiBackendTest, ReplyOverTheSizeLimitIsStopped) {
  test::WireServer server;
  server.route("POST", "/v1/chat/completions", recorded_reply("chat-stream", {50}));
  auto options = options_for(server);
  options.max_reply_bytes = 20;
  auto backend = make(options);
  Reply r = run_chat(*backend, hard_day());
  EXPECT_EQ(r.result.status.code(), StatusCode::kOutOfRange);
  EXPECT_LE(r.text.size(), 20u);
}

TEST(OpenAiBackendTest, ListsTheRecordedModelsAndAcceptsAV1Suffix) {
  test::WireServer server;
  server.route("GET", "/v1/models", recorded_reply("models"));
  auto options = options_for(server);
  options.url = server.url() + "/v1/";
  auto backend = make(options);
  auto models = backend->list_models();
  ASSERT_TRUE(models.is_ok()) << models.status().message();
  ASSERT_EQ(models->size(), 1u);
  EXPECT_EQ((*models)[0].name, "qwen2.5-0.5b-instruct-q4_0");
  EXPECT_EQ(backend->describe(), "the OpenAI-compatible server at " + server.url() + ", model tiny");
}

}  // namespace
}  // namespace haven::backend
