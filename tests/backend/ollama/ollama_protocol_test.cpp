#include "backend/ollama/ollama_protocol.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "backend/stream/ndjson_splitter.h"
#include "ollama/ollama_fixture.h"

namespace haven::backend::ollama {
namespace {

using nlohmann::json;

TEST(OllamaProtocolTest, RequestBodyPutsSamplingIntoOptions) {
  ChatRequest req;
  req.messages = {{Role::kSystem, "Be brief."}, {Role::kUser, "Hallo"}, {Role::kAssistant, "Hi."}};
  req.params.temperature = 0.7;
  req.params.max_tokens = 64;
  req.params.seed = 3;
  req.params.stop = {"</s>"};
  json body = json::parse(build_chat_body(req, "llama3.2:1b", true));
  EXPECT_EQ(body["model"], "llama3.2:1b");
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["messages"][2], (json{{"role", "assistant"}, {"content", "Hi."}}));
  EXPECT_EQ(body["options"], (json{{"temperature", 0.7}, {"num_predict", 64}, {"seed", 3}, {"stop", {"</s>"}}}));
  req.params = {};
  EXPECT_FALSE(json::parse(build_chat_body(req, "m", true)).contains("options"));
}

TEST(OllamaProtocolTest, DocumentedStreamGivesTextReasonAndCounts) {
  NdjsonSplitter splitter;
  std::string text;
  ChatLine last;
  auto on_line = [&](std::string_view l) -> Status {
    auto r = parse_chat_line(l);
    if (!r.is_ok()) return r.status();
    text += r->text;
    last = *r;
    return Status::ok();
  };
  ASSERT_TRUE(splitter.feed(test::kOllamaChatStream, on_line).is_ok());
  ASSERT_TRUE(splitter.finish(on_line).is_ok());
  EXPECT_EQ(text, test::kOllamaChatText);
  EXPECT_TRUE(last.done);
  EXPECT_EQ(last.finish_reason, FinishReason::kStop);
  EXPECT_EQ(last.usage.prompt_tokens, 26);
  EXPECT_EQ(last.usage.completion_tokens, 7);
  EXPECT_EQ(last.model, "llama3.2:1b");
}

TEST(OllamaProtocolTest, LengthAndErrorLines) {
  auto len = parse_chat_line(R"({"message":{"role":"assistant","content":""},"done":true,"done_reason":"length"})");
  ASSERT_TRUE(len.is_ok());
  EXPECT_EQ(len->finish_reason, FinishReason::kLength);
  auto err = parse_chat_line(R"({"error":"an unexpected error occurred"})");
  EXPECT_EQ(err.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(err.status().message(), "Ollama reported an error during the reply: an unexpected error occurred");
}

TEST(OllamaProtocolTest, MalformedLinesAreOneLineCorruption) {
  const std::pair<const char*, const char*> cases[] = {
      {"{\"done\":fals", "expected an Ollama chat line as JSON, found 12 bytes that are not valid JSON"},
      {"\"text\"", "expected an Ollama chat line as a JSON object, found a string"},
      {"{\"message\":{\"content\":\"x\"}}", "expected an Ollama chat line with a boolean \"done\", found none"},
      {"{\"done\":\"no\"}", "expected an Ollama chat line with a boolean \"done\", found a string"},
      {"{\"done\":false}", "expected a \"message\" in an Ollama chat line, found none"},
      {"{\"done\":false,\"message\":[]}", "expected \"message\" to be an object, found an array"},
      {"{\"done\":false,\"message\":{\"content\":[1]}}", "expected \"content\" to be a string, found an array"},
  };
  for (const auto& [input, message] : cases) {
    auto r = parse_chat_line(input);
    ASSERT_FALSE(r.is_ok()) << input;
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
    EXPECT_EQ(r.status().message(), message);
  }
}

TEST(OllamaProtocolTest, TagsListNamesAndDetails) {
  auto tags = parse_tags(test::kOllamaTags);
  ASSERT_TRUE(tags.is_ok()) << tags.status().message();
  ASSERT_EQ(tags->size(), 2u);
  EXPECT_EQ((*tags)[0].name, "llama3.2:1b");
  EXPECT_EQ((*tags)[0].detail, "1.3 GB, 1.2B, Q8_0");
  EXPECT_EQ((*tags)[1].detail, "398 MB, 494.03M, Q4_K_M");
  EXPECT_EQ(parse_tags("{}").status().message(), "expected an Ollama model list with a \"models\" array, found none");
}

TEST(OllamaProtocolTest, ErrorBodyBecomesOneLine) {
  EXPECT_EQ(describe_error(404, test::kOllamaNotFound),
            "Ollama answered HTTP 404: model \"nope\" not found, try pulling it first");
  EXPECT_EQ(describe_error(500, "oops"), "Ollama answered HTTP 500 with a 4-byte body that is not an error object");
}

}  // namespace
}  // namespace haven::backend::ollama
