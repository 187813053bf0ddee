// Loopback only unless allowed; then consent to the exact bytes, and never for never_remote turns.
#include "backend/remote_policy.h"

#include <gtest/gtest.h>

#include "backend/ollama/ollama_backend.h"
#include "backend/openai/openai_backend.h"
#include "support/wire_server.h"

namespace haven::backend {
namespace {

using std::chrono::milliseconds;

ChatRequest request(bool never_remote = false) {
  ChatRequest req;
  req.messages = {{Role::kUser, "Something private."}};
  req.never_remote = never_remote;
  return req;
}

ChatResult chat(Backend& b, const ChatRequest& req) {
  return b.chat(req, [](std::string_view) { return true; }, nullptr);
}

struct ConsentLog {
  int calls = 0;
  std::string host;
  std::string text;
  bool answer = false;
  ConsentFn fn() {
    return [this](const std::string& h, std::string_view t) {
      ++calls;
      host = h;
      text = std::string(t);
      return answer;
    };
  }
};

// TEST-NET-1 (RFC 5737): never routed, so even a bug that connected would not reach anyone.
constexpr const char* kRemote = "http://192.0.2.10:8080";

TEST(RemotePolicyTest, RemoteServerIsRefusedByDefaultWithoutAsking) {
  ConsentLog consent;
  ServerOptions o;
  o.url = kRemote;
  o.remote.consent = consent.fn();
  for (auto make : {make_openai_backend, make_ollama_backend}) {
    o.model = "m";
    auto b = make(o);
    ASSERT_TRUE(b.is_ok());
    ChatResult r = chat(**b, request());
    EXPECT_EQ(r.finish_reason, FinishReason::kError);
    EXPECT_EQ(r.status.code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(r.status.message(),
              "the model server at 192.0.2.10 is not on this computer; Haven only sends to another computer "
              "with --allow-remote, so nothing was sent");
    auto models = (*b)->list_models();
    EXPECT_EQ(models.status().code(), StatusCode::kFailedPrecondition);
  }
  EXPECT_EQ(consent.calls, 0);
}

TEST(RemotePolicyTest, AllowedRemoteAsksForConsentAndADeclineSendsNothing) {
  ConsentLog consent;
  ServerOptions o;
  o.url = kRemote;
  o.model = "m";
  o.remote.allow_remote = true;
  o.remote.consent = consent.fn();
  auto b = make_openai_backend(o);
  ASSERT_TRUE(b.is_ok());
  ChatResult r = chat(**b, request());
  EXPECT_EQ(consent.calls, 1);
  EXPECT_EQ(consent.host, "192.0.2.10");
  EXPECT_EQ(consent.text.rfind("POST /v1/chat/completions HTTP/1.1\r\n", 0), 0u);
  EXPECT_NE(consent.text.find("\r\nHost: 192.0.2.10:8080\r\n"), std::string::npos);
  EXPECT_NE(consent.text.find("Something private."), std::string::npos);
  EXPECT_EQ(r.finish_reason, FinishReason::kCancelled);
  EXPECT_EQ(r.status.code(), StatusCode::kCancelled);
  EXPECT_EQ(r.status.message(), "you chose not to send this request to 192.0.2.10, so nothing was sent");
}

TEST(RemotePolicyTest, AllowRemoteWithoutAWayToAskStillRefuses) {
  ServerOptions o;
  o.url = kRemote;
  o.remote.allow_remote = true;
  auto b = make_openai_backend(o);
  ASSERT_TRUE(b.is_ok());
  ChatResult r = chat(**b, request());
  EXPECT_EQ(r.status.code(), StatusCode::kFailedPrecondition);
}

TEST(RemotePolicyTest, NeverRemoteTurnsAreRefusedEvenWhenRemoteIsAllowedAndNobodyIsAsked) {
  ConsentLog consent;
  consent.answer = true;
  ServerOptions o;
  o.url = kRemote;
  o.model = "m";
  o.remote.allow_remote = true;
  o.remote.consent = consent.fn();
  for (auto make : {make_openai_backend, make_ollama_backend}) {
    auto b = make(o);
    ASSERT_TRUE(b.is_ok());
    ChatResult r = chat(**b, request(/*never_remote=*/true));
    EXPECT_EQ(r.status.code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(r.status.message(),
              "this message stays on this computer, and the model server at 192.0.2.10 is not on this computer, "
              "so nothing was sent");
  }
  EXPECT_EQ(consent.calls, 0);
}

TEST(RemotePolicyTest, NeverRemoteTurnsStillGoToThisComputer) {
  test::WireServer server;
  test::Reply reply;
  reply.body = "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
  server.route("POST", "/v1/chat/completions", reply);
  ServerOptions o;
  o.url = "http://localhost:" + std::to_string(server.port());
  auto b = make_openai_backend(o);
  ASSERT_TRUE(b.is_ok());
  ChatResult r = chat(**b, request(/*never_remote=*/true));
  EXPECT_TRUE(r.status.is_ok()) << r.status.message();
  EXPECT_EQ(r.finish_reason, FinishReason::kStop);
}

TEST(RemotePolicyTest, ConsentTextIsExactlyWhatGoesOnTheWire) {
  const std::string sse = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                          "data: [DONE]\n\n";
  test::RawCaptureServer raw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: " +
                             std::to_string(sse.size()) + "\r\nConnection: close\r\n\r\n" + sse);
  ConsentLog consent;
  consent.answer = true;
  ServerOptions o;
  o.url = "http://127.0.0.1:" + std::to_string(raw.port());
  o.model = "tiny";
  o.api_key = "sk-local";
  o.timeouts.read = milliseconds(3000);
  o.remote.confirm_loopback = true;  // loopback, so the test can see the bytes; the gate is the same
  o.remote.consent = consent.fn();
  auto b = make_openai_backend(o);
  ASSERT_TRUE(b.is_ok());
  std::string text;
  ChatResult r = (*b)->chat(request(), [&](std::string_view p) { text += p; return true; }, nullptr);
  EXPECT_TRUE(r.status.is_ok()) << r.status.message();
  EXPECT_EQ(text, "Hi");
  ASSERT_EQ(consent.calls, 1);
  EXPECT_EQ(raw.captured(), consent.text);
  EXPECT_NE(consent.text.find("Authorization: Bearer sk-local\r\n"), std::string::npos);
}

TEST(RemotePolicyTest, ConsentTextForAGetIsExactToo) {
  const std::string body = "{\"object\":\"list\",\"data\":[{\"id\":\"m1\"}]}";
  test::RawCaptureServer raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  ConsentLog consent;
  consent.answer = true;
  ServerOptions o;
  o.url = "http://127.0.0.1:" + std::to_string(raw.port()) + "/v1";
  o.remote.confirm_loopback = true;
  o.remote.consent = consent.fn();
  auto b = make_openai_backend(o);
  ASSERT_TRUE(b.is_ok());
  auto models = (*b)->list_models();
  ASSERT_TRUE(models.is_ok()) << models.status().message();
  EXPECT_EQ((*models)[0].name, "m1");
  EXPECT_EQ(raw.captured(), consent.text);
  EXPECT_EQ(consent.text.rfind("GET /v1/models HTTP/1.1\r\n", 0), 0u);
}

}  // namespace
}  // namespace haven::backend
