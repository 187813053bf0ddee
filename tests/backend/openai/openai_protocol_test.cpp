#include "backend/openai/openai_protocol.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "backend/stream/sse_parser.h"
#include "support/wire_server.h"

namespace haven::backend::openai {
namespace {

using nlohmann::json;

TEST(OpenAiProtocolTest, RequestBodyCarriesMessagesAndParameters) {
  ChatRequest req;
  req.messages = {{Role::kSystem, "You are a kind listener."}, {Role::kUser, "I had a hard day at work."}};
  req.params.temperature = 0.0;
  req.params.top_p = 0.9;
  req.params.max_tokens = 12;
  req.params.seed = 42;
  req.params.stop = {"\nUser:"};
  json body = json::parse(build_chat_body(req, "tiny", true, true));
  // The recorded request of chat-stream, plus the fields it did not use.
  json recorded = json::parse(test::load_recorded("chat-stream").request_body);
  EXPECT_EQ(body["messages"], recorded["messages"]);
  EXPECT_EQ(body["model"], "tiny");
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["max_tokens"], 12);
  EXPECT_EQ(body["temperature"], 0.0);
  EXPECT_EQ(body["top_p"], 0.9);
  EXPECT_EQ(body["seed"], 42);
  EXPECT_EQ(body["stop"], json::array({"\nUser:"}));
  EXPECT_EQ(body["stream_options"]["include_usage"], true);
}

TEST(OpenAiProtocolTest, UnsetParametersAndEmptyModelAreLeftOut) {
  ChatRequest req;
  req.messages = {{Role::kUser, "hi"}};
  json body = json::parse(build_chat_body(req, "", false, true));
  EXPECT_FALSE(body.contains("model"));
  EXPECT_FALSE(body.contains("temperature"));
  EXPECT_FALSE(body.contains("stop"));
  EXPECT_FALSE(body.contains("stream_options"));
  EXPECT_EQ(body["stream"], false);
}

TEST(OpenAiProtocolTest, InvalidUtf8InAMessageIsReplacedNotThrown) {
  ChatRequest req;
  req.messages = {{Role::kUser, "bad \xFF byte"}};
  json body = json::parse(build_chat_body(req, "m", true, false));
  EXPECT_EQ(body["messages"][0]["content"], "bad \xEF\xBF\xBD byte");
}

TEST(OpenAiProtocolTest, RecordedChunksGiveTextFinishReasonAndUsage) {
  const auto rec = test::load_recorded("chat-stream");
  std::string text;
  std::optional<FinishReason> finish;
  std::optional<Usage> usage;
  SseParser parser;
  auto on_event = [&](const SseEvent& e) -> Status {
    if (e.data == "[DONE]") return Status::ok();
    auto d = parse_chat_chunk(e.data);
    if (!d.is_ok()) return d.status();
    text += d->text;
    if (d->finish_reason) finish = d->finish_reason;
    if (d->usage) usage = d->usage;
    EXPECT_EQ(d->model, "qwen2.5-0.5b-instruct-q4_0");
    return Status::ok();
  };
  ASSERT_TRUE(parser.feed(rec.body, on_event).is_ok());
  ASSERT_TRUE(parser.finish(on_event).is_ok());
  // The same generation as the recorded non-streamed reply.
  auto whole = parse_chat_completion(test::load_recorded("chat-nonstream").body);
  ASSERT_TRUE(whole.is_ok()) << whole.status().message();
  EXPECT_EQ(text, whole->text);
  EXPECT_EQ(text, "蹿 construction<Texture큻 construction construction construction<Texture<Texture<Texture<Texture_CONF");
  ASSERT_TRUE(finish.has_value());
  EXPECT_EQ(*finish, FinishReason::kLength);
  // Without include_usage llama-server still reports timings: 26 cached + 1 evaluated prompt tokens.
  ASSERT_TRUE(usage.has_value());
  EXPECT_EQ(usage->prompt_tokens, 27);
  EXPECT_EQ(usage->completion_tokens, 12);
  EXPECT_EQ(whole->usage->prompt_tokens, 27);
  EXPECT_EQ(whole->usage->completion_tokens, 12);
}

TEST(OpenAiProtocolTest, UsageOnlyChunkHasNoChoices) {
  auto d = parse_chat_chunk(R"({"choices":[],"usage":{"completion_tokens":5,"prompt_tokens":30}})");
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->text, "");
  EXPECT_FALSE(d->finish_reason.has_value());
  EXPECT_EQ(d->usage->prompt_tokens, 30);
  EXPECT_EQ(d->usage->completion_tokens, 5);
}

TEST(OpenAiProtocolTest, MalformedChunksAreOneLineCorruption) {
  const std::pair<const char*, const char*> cases[] = {
      {"{\"choices\":[{\"delta\":{\"content\":", "expected a chat completion chunk as JSON, found 32 bytes that are not valid JSON"},
      {"[1,2]", "expected a chat completion chunk as a JSON object, found an array"},
      {"{\"id\":\"x\"}", "expected a chat completion chunk with a \"choices\" array, found none"},
      {"{\"choices\":{}}", "expected a chat completion chunk with a \"choices\" array, found an object"},
      {"{\"choices\":[7]}", "expected each choice to be an object, found a number"},
      {"{\"choices\":[{\"delta\":\"hi\"}]}", "expected \"delta\" to be an object, found a string"},
      {"{\"choices\":[{\"delta\":{\"content\":5}}]}", "expected \"content\" to be a string, found a number"},
      {"{\"choices\":[{\"delta\":{},\"finish_reason\":1}]}", "expected \"finish_reason\" to be a string, found a number"},
  };
  for (const auto& [input, message] : cases) {
    auto d = parse_chat_chunk(input);
    ASSERT_FALSE(d.is_ok()) << input;
    EXPECT_EQ(d.status().code(), StatusCode::kCorruption);
    EXPECT_EQ(d.status().message(), message);
  }
  auto deep = parse_chat_chunk(std::string(10000, '['));
  EXPECT_EQ(deep.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(deep.status().message().find('\n'), std::string::npos);
}

TEST(OpenAiProtocolTest, ErrorEventInTheStreamIsUnavailable) {
  auto d = parse_chat_chunk(R"({"error":{"code":500,"message":"context\nfull","type":"server_error"}})");
  ASSERT_FALSE(d.is_ok());
  EXPECT_EQ(d.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(d.status().message(), "the model server reported an error during the reply: context full");
}

TEST(OpenAiProtocolTest, RecordedErrorBodiesBecomeOneLine) {
  auto bad = test::load_recorded("error-nomessages");
  EXPECT_EQ(describe_error(bad.status, bad.body), "the model server answered HTTP 400: 'messages' is required");
  auto server = test::load_recorded("error-badjson");
  const std::string m = describe_error(server.status, server.body);
  EXPECT_EQ(m.rfind("the model server answered HTTP 500: [json.exception.parse_error.101]", 0), 0u) << m;
  EXPECT_LE(m.size(), 240u);
  EXPECT_EQ(describe_error(502, "<html>Bad gateway</html>"),
            "the model server answered HTTP 502 with a 24-byte body that is not an error object");
  EXPECT_EQ(describe_error(503, ""), "the model server answered HTTP 503 with no explanation");
}

TEST(OpenAiProtocolTest, RecordedModelListGivesTheAlias) {
  auto models = parse_models(test::load_recorded("models").body);
  ASSERT_TRUE(models.is_ok()) << models.status().message();
  ASSERT_EQ(models->size(), 1u);
  EXPECT_EQ((*models)[0].name, "qwen2.5-0.5b-instruct-q4_0");
  EXPECT_EQ((*models)[0].detail, "346 MB, context 512");
  EXPECT_EQ(parse_models("{\"object\":\"list\"}").status().message(),
            "expected a model list with a \"data\" array, found none");
}

}  // namespace
}  // namespace haven::backend::openai
