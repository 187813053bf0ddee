#include "backend/local/local_backend.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "support/process.h"

namespace haven::backend {
namespace {

std::string model_path(const std::string& name) { return test::testdata_dir() + "/models/" + name; }

ChatRequest greedy_request(std::vector<Message> messages) {
  ChatRequest r;
  r.messages = std::move(messages);
  r.params.temperature = 0.0;
  r.params.max_tokens = 12;
  r.params.seed = 1;
  return r;
}

std::string run(Backend& b, const ChatRequest& r, ChatResult* out = nullptr) {
  std::string text;
  ChatResult result = b.chat(r, [&](std::string_view t) { text += t; return true; }, nullptr);
  EXPECT_TRUE(result.status.is_ok()) << result.status.message();
  if (out != nullptr) *out = result;
  return text;
}

TEST(LocalBackendTest, GeneratesDeterministicallyAndReusesTheSharedPrefixCorrectly) {
  LocalOptions options;
  options.model_path = model_path("tiny-qwen2-f32.gguf");
  options.context_tokens = 512;
  options.threads = 2;
  auto fresh = make_local_backend(options);
  ASSERT_TRUE(fresh.is_ok()) << fresh.status().message();
  auto warm = make_local_backend(options);
  ASSERT_TRUE(warm.is_ok());

  std::vector<Message> turn1 = {{Role::kSystem, "You listen."}, {Role::kUser, "The garden is quiet today."}};
  std::vector<Message> turn2 = turn1;
  turn2.push_back({Role::kAssistant, "Tell me more."});
  turn2.push_back({Role::kUser, "The tomatoes are growing."});

  // The warm backend sees turn 1 first, so turn 2 reuses its cache; the fresh one starts from nothing.
  ChatResult r1;
  std::string a1 = run(**warm, greedy_request(turn1), &r1);
  EXPECT_GT(r1.usage.completion_tokens, 0);
  std::string warm2 = run(**warm, greedy_request(turn2));
  std::string fresh2 = run(**fresh, greedy_request(turn2));
  EXPECT_EQ(warm2, fresh2) << "reusing the cached prefix must not change the reply";
  EXPECT_EQ(run(**warm, greedy_request(turn2)), fresh2) << "a repeated request gives the same reply";
  EXPECT_TRUE(utf8::is_valid(warm2));
}

TEST(LocalBackendTest, CancellationStopsTheReply) {
  LocalOptions options;
  options.model_path = model_path("tiny-qwen2-q8_0.gguf");
  options.context_tokens = 256;
  options.threads = 1;
  auto b = make_local_backend(options);
  ASSERT_TRUE(b.is_ok()) << b.status().message();
  CancelToken cancel;
  ChatRequest r = greedy_request({{Role::kUser, "hello there"}});
  r.params.max_tokens = 100;
  int pieces = 0;
  ChatResult result = (*b)->chat(r, [&](std::string_view) { return ++pieces < 2; }, &cancel);
  EXPECT_EQ(result.finish_reason, FinishReason::kCancelled);
  EXPECT_LE(pieces, 2);
  // Still usable afterwards.
  ChatResult again;
  run(**b, greedy_request({{Role::kUser, "hello again"}}), &again);
  EXPECT_NE(again.finish_reason, FinishReason::kError);
}

TEST(LocalBackendTest, AMissingOrBrokenFileIsAClearError) {
  LocalOptions options;
  options.model_path = "/nonexistent/model.gguf";
  auto b = make_local_backend(options);
  ASSERT_FALSE(b.is_ok());
  EXPECT_NE(b.status().message().find("/nonexistent/model.gguf"), std::string::npos) << b.status().message();
}

}  // namespace
}  // namespace haven::backend
