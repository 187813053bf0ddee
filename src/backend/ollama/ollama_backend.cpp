#include "backend/ollama/ollama_backend.h"

#include "backend/http/http_client.h"
#include "backend/ollama/ollama_protocol.h"
#include "backend/reply_stream.h"
#include "backend/stream/ndjson_splitter.h"

namespace haven::backend {
namespace {

constexpr size_t kMaxListBytes = 4u << 20;

class OllamaSink : public ResponseSink {
 public:
  explicit OllamaSink(ReplyStream& reply) : reply_(reply) {}

  Status on_start(std::string_view) override { return Status::ok(); }

  Status on_body(std::string_view bytes) override {
    return splitter_.feed(bytes, [this](std::string_view line) { return on_line(line); });
  }

  Status finish() {
    HAVEN_RETURN_IF_ERROR(splitter_.finish([this](std::string_view line) { return on_line(line); }));
    if (!reply_.done) {
      return corruption("expected the stream to end with a line marked \"done\", found the end of the "
                        "stream after " + std::to_string(reply_.text_bytes()) + " bytes of text");
    }
    return Status::ok();
  }

 private:
  Status on_line(std::string_view line) {
    if (reply_.done) return Status::ok();
    HAVEN_ASSIGN_OR_RETURN(ollama::ChatLine l, ollama::parse_chat_line(line));
    if (!l.model.empty()) reply_.model = l.model;
    HAVEN_RETURN_IF_ERROR(reply_.deliver(l.text));
    if (l.done) {
      reply_.done = true;
      reply_.finish_reason = l.finish_reason;
      reply_.usage = l.usage;
    }
    return Status::ok();
  }

  ReplyStream& reply_;
  NdjsonSplitter splitter_;
};

Status http_error(const HttpExchange& ex) {
  const std::string message = ollama::describe_error(ex.http_status, ex.error_body);
  return ex.http_status >= 400 && ex.http_status < 500 ? invalid_argument(message) : unavailable(message);
}

bool is_http_error(const HttpExchange& ex) {
  return ex.http_status != 0 && (ex.http_status < 200 || ex.http_status >= 300) &&
         ex.status.code() != StatusCode::kCancelled;
}

Result<std::vector<ModelInfo>> fetch_tags(const HttpClient& client, const std::string& api_key) {
  HttpRequest http;
  http.path = "/api/tags";
  http.bearer_token = api_key;
  BufferSink sink(kMaxListBytes);
  HttpExchange ex = client.send(http, sink, nullptr);
  if (!ex.status.is_ok()) return is_http_error(ex) ? http_error(ex) : ex.status;
  return ollama::parse_tags(sink.body());
}

class OllamaBackend : public Backend {
 public:
  OllamaBackend(ServerOptions options, Endpoint endpoint)
      : options_(std::move(options)), client_(std::move(endpoint), options_.timeouts, options_.remote) {}

  std::string describe() const override {
    return "Ollama at " + client_.endpoint().origin() + ", model " + options_.model;
  }

  ChatResult chat(const ChatRequest& request, const TextCallback& on_text, const CancelToken* cancel) override {
    ReplyStream reply(on_text, options_.max_reply_bytes);
    HttpRequest http;
    http.method = "POST";
    http.path = "/api/chat";
    http.body = ollama::build_chat_body(request, options_.model, true);
    http.bearer_token = options_.api_key;
    http.never_remote = request.never_remote;
    OllamaSink sink(reply);
    HttpExchange ex = client_.send(http, sink, cancel);
    if (!ex.status.is_ok()) return finish_result(reply, is_http_error(ex) ? http_error(ex) : ex.status);
    return finish_result(reply, sink.finish());
  }

  Result<std::vector<ModelInfo>> list_models() override { return fetch_tags(client_, options_.api_key); }

 private:
  ServerOptions options_;
  HttpClient client_;
};

}  // namespace

Result<std::unique_ptr<Backend>> make_ollama_backend(ServerOptions options) {
  HAVEN_ASSIGN_OR_RETURN(Endpoint endpoint, parse_endpoint(options.url));
  if (options.model.empty()) {
    return invalid_argument("expected an Ollama model name (like llama3.2:3b), found none");
  }
  return std::unique_ptr<Backend>(std::make_unique<OllamaBackend>(std::move(options), std::move(endpoint)));
}

Result<std::vector<ModelInfo>> list_ollama_models(const ServerOptions& options) {
  HAVEN_ASSIGN_OR_RETURN(Endpoint endpoint, parse_endpoint(options.url));
  HttpClient client(std::move(endpoint), options.timeouts, options.remote);
  return fetch_tags(client, options.api_key);
}

}  // namespace haven::backend
