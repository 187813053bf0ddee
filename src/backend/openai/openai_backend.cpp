#include "backend/openai/openai_backend.h"

#include "backend/http/http_client.h"
#include "backend/openai/openai_protocol.h"
#include "backend/reply_stream.h"
#include "backend/stream/sse_parser.h"

namespace haven::backend {
namespace {

constexpr size_t kMaxListBytes = 4u << 20;

// Feeds an SSE chat stream into a ReplyStream. Some servers answer a streaming request with a whole
// JSON completion; that is accepted too.
class OpenAiSink : public ResponseSink {
 public:
  explicit OpenAiSink(ReplyStream& reply) : reply_(reply) {}

  Status on_start(std::string_view content_type) override {
    whole_json_ = content_type.substr(0, 16) == "application/json";
    return Status::ok();
  }

  Status on_body(std::string_view bytes) override {
    if (whole_json_) {
      if (buffer_.size() + bytes.size() > kMaxListBytes) {
        return out_of_range("expected a completion under " + std::to_string(kMaxListBytes) +
                            " bytes, found a longer one");
      }
      buffer_.append(bytes);
      return Status::ok();
    }
    return parser_.feed(bytes, [this](const SseEvent& e) { return on_event(e); });
  }

  // The body ended without a transport error.
  Status finish() {
    if (whole_json_) {
      HAVEN_ASSIGN_OR_RETURN(openai::ChatDelta d, openai::parse_chat_completion(buffer_));
      reply_.done = true;
      return apply(d);
    }
    HAVEN_RETURN_IF_ERROR(parser_.finish([this](const SseEvent& e) { return on_event(e); }));
    if (!reply_.done && !reply_.finish_reason) {
      return corruption("expected the stream to end with a finish reason or [DONE], found the end of the "
                        "stream after " + std::to_string(reply_.text_bytes()) + " bytes of text");
    }
    return Status::ok();
  }

 private:
  Status on_event(const SseEvent& e) {
    if (reply_.done) return Status::ok();  // nothing after [DONE] is meaningful
    if (e.type == "error") {
      // Some servers name the event instead of (or as well as) sending an {"error": ...} object.
      auto d = openai::parse_chat_chunk(e.data);
      if (!d.is_ok() && d.status().code() == StatusCode::kUnavailable) return d.status();
      return unavailable("the model server reported an error during the reply");
    }
    if (e.data == "[DONE]") {
      reply_.done = true;
      return Status::ok();
    }
    HAVEN_ASSIGN_OR_RETURN(openai::ChatDelta d, openai::parse_chat_chunk(e.data));
    return apply(d);
  }

  Status apply(const openai::ChatDelta& d) {
    if (!d.model.empty()) reply_.model = d.model;
    if (d.usage) reply_.usage = *d.usage;
    if (d.finish_reason) reply_.finish_reason = d.finish_reason;
    return reply_.deliver(d.text);
  }

  ReplyStream& reply_;
  SseParser parser_;
  bool whole_json_ = false;
  std::string buffer_;
};

Status http_error(const HttpExchange& ex) {
  const std::string message = openai::describe_error(ex.http_status, ex.error_body);
  return ex.http_status >= 400 && ex.http_status < 500 ? invalid_argument(message) : unavailable(message);
}

bool is_http_error(const HttpExchange& ex) {
  return ex.http_status != 0 && (ex.http_status < 200 || ex.http_status >= 300) &&
         ex.status.code() != StatusCode::kCancelled;
}

class OpenAiBackend : public Backend {
 public:
  OpenAiBackend(ServerOptions options, Endpoint endpoint)
      : options_(std::move(options)), client_(std::move(endpoint), options_.timeouts, options_.remote) {}

  std::string describe() const override {
    std::string s = "the OpenAI-compatible server at " + client_.endpoint().origin();
    if (!options_.model.empty()) s += ", model " + options_.model;
    return s;
  }

  ChatResult chat(const ChatRequest& request, const TextCallback& on_text, const CancelToken* cancel) override {
    ReplyStream reply(on_text, options_.max_reply_bytes);
    HttpRequest http;
    http.method = "POST";
    http.path = "/v1/chat/completions";
    http.body = openai::build_chat_body(request, options_.model, true, options_.request_usage);
    http.bearer_token = options_.api_key;
    http.never_remote = request.never_remote;
    OpenAiSink sink(reply);
    HttpExchange ex = client_.send(http, sink, cancel);
    if (!ex.status.is_ok()) return finish_result(reply, is_http_error(ex) ? http_error(ex) : ex.status);
    return finish_result(reply, sink.finish());
  }

  Result<std::vector<ModelInfo>> list_models() override {
    HttpRequest http;
    http.path = "/v1/models";
    http.bearer_token = options_.api_key;
    BufferSink sink(kMaxListBytes);
    HttpExchange ex = client_.send(http, sink, nullptr);
    if (!ex.status.is_ok()) return is_http_error(ex) ? http_error(ex) : ex.status;
    return openai::parse_models(sink.body());
  }

 private:
  ServerOptions options_;
  HttpClient client_;
};

}  // namespace

Result<std::unique_ptr<Backend>> make_openai_backend(ServerOptions options) {
  HAVEN_ASSIGN_OR_RETURN(Endpoint endpoint, parse_endpoint(options.url));
  // Addresses are often shown as ".../v1"; the paths below add it themselves.
  if (endpoint.base_path.size() >= 3 && endpoint.base_path.compare(endpoint.base_path.size() - 3, 3, "/v1") == 0) {
    endpoint.base_path.resize(endpoint.base_path.size() - 3);
  }
  return std::unique_ptr<Backend>(std::make_unique<OpenAiBackend>(std::move(options), std::move(endpoint)));
}

}  // namespace haven::backend
