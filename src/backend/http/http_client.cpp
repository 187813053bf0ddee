#include "backend/http/http_client.h"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace haven::backend {
namespace {

constexpr size_t kMaxErrorBody = 64 * 1024;
constexpr const char* kUserAgent = "haven/0.1";

std::string seconds_text(std::chrono::milliseconds ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(ms.count()) / 1000.0);
  return buf;
}

// The complete header set, so httplib adds nothing of its own and render() matches the wire.
httplib::Headers make_headers(const Endpoint& e, const HttpRequest& r) {
  httplib::Headers h;
  h.emplace("Host", e.host_header());
  h.emplace("Accept", r.method == "POST" ? "application/x-ndjson, text/event-stream, application/json"
                                         : "application/json");
  h.emplace("Accept-Encoding", "identity");
  h.emplace("User-Agent", kUserAgent);
  h.emplace("Connection", "close");
  if (!r.bearer_token.empty()) h.emplace("Authorization", "Bearer " + r.bearer_token);
  if (!r.body.empty() || r.method == "POST") {
    h.emplace("Content-Type", "application/json");
    h.emplace("Content-Length", std::to_string(r.body.size()));
  }
  return h;
}

// Stops a client from another thread when the token fires, so a server that has gone quiet cannot
// hold a cancelled request until the read timeout.
class CancelWatcher {
 public:
  CancelWatcher(const CancelToken* token, httplib::ClientImpl* client) : token_(token), client_(client) {
    if (token_ != nullptr) thread_ = std::thread([this] { run(); });
  }
  ~CancelWatcher() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!done_) {
      if (token_->is_cancelled()) {
        client_->stop();
        return;
      }
      cv_.wait_for(lock, std::chrono::milliseconds(25));
    }
  }

  const CancelToken* token_;
  httplib::ClientImpl* client_;  // borrowed
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace

HttpClient::HttpClient(Endpoint endpoint, HttpTimeouts timeouts, RemotePolicy policy)
    : endpoint_(std::move(endpoint)), timeouts_(timeouts), policy_(std::move(policy)) {}

std::string HttpClient::render(const HttpRequest& request) const {
  std::string out = request.method + " " + endpoint_.base_path + request.path + " HTTP/1.1\r\n";
  for (const auto& [k, v] : make_headers(endpoint_, request)) out += k + ": " + v + "\r\n";
  out += "\r\n";
  out += request.body;
  return out;
}

Status HttpClient::check_policy(const HttpRequest& request) const {
  // Checked per request, not once: what a name resolves to can change while Haven runs.
  const bool loopback = endpoint_.loopback && resolves_only_to_loopback(endpoint_.host);
  if (!loopback) {
    if (request.never_remote) {
      return failed_precondition("this message stays on this computer, and the model server at " +
                                 endpoint_.host + " is not on this computer, so nothing was sent");
    }
    if (!policy_.allow_remote) {
      return failed_precondition("the model server at " + endpoint_.host +
                                 " is not on this computer; Haven only sends to another computer with "
                                 "--allow-remote, so nothing was sent");
    }
  }
  if (!loopback || policy_.confirm_loopback) {
    if (!policy_.consent) {
      return failed_precondition("sending to " + endpoint_.host +
                                 " needs your consent for each request, and no way to ask was set up, so "
                                 "nothing was sent");
    }
    if (!policy_.consent(endpoint_.host, render(request))) {
      return cancelled("you chose not to send this request to " + endpoint_.host + ", so nothing was sent");
    }
  }
  return Status::ok();
}

HttpExchange HttpClient::send(const HttpRequest& request, ResponseSink& sink, const CancelToken* cancel) const {
  HttpExchange ex;
  if (Status s = check_policy(request); !s.is_ok()) {
    ex.status = s;
    return ex;
  }
  if (cancel != nullptr && cancel->is_cancelled()) {
    ex.status = cancelled("the request was stopped before it was sent");
    return ex;
  }

  // Host and port directly: httplib's "scheme://host:port" parser only knows IPv6 literals made of
  // digits and colons, which would lose "::ffff:127.0.0.1".
  std::unique_ptr<httplib::ClientImpl> owned;
  if (endpoint_.scheme == "https") {
    owned = std::make_unique<httplib::SSLClient>(endpoint_.host, endpoint_.port);
  } else {
    owned = std::make_unique<httplib::ClientImpl>(endpoint_.host, endpoint_.port);
  }
  httplib::ClientImpl& client = *owned;
  client.set_connection_timeout(timeouts_.connect);
  client.set_read_timeout(timeouts_.read);
  client.set_write_timeout(timeouts_.read);
  client.set_keep_alive(false);
  client.set_follow_location(false);  // a redirect could point off this computer
  client.set_decompress(false);
  client.set_url_encode(false);       // the path goes out exactly as render() shows it

  httplib::Request req;
  req.method = request.method;
  req.path = endpoint_.base_path + request.path;
  req.headers = make_headers(endpoint_, request);
  req.body = request.body;

  Status sink_status;
  auto last_byte = std::chrono::steady_clock::now();
  req.response_handler = [&](const httplib::Response& res) {
    ex.http_status = res.status;
    last_byte = std::chrono::steady_clock::now();
    if (res.status >= 200 && res.status < 300) {
      sink_status = sink.on_start(res.get_header_value("Content-Type"));
      return sink_status.is_ok();
    }
    return true;
  };
  req.content_receiver = [&](const char* data, size_t len, uint64_t, uint64_t) {
    last_byte = std::chrono::steady_clock::now();
    if (cancel != nullptr && cancel->is_cancelled()) return false;
    if (ex.http_status >= 200 && ex.http_status < 300) {
      sink_status = sink.on_body(std::string_view(data, len));
      return sink_status.is_ok();
    }
    const size_t room = kMaxErrorBody - std::min(kMaxErrorBody, ex.error_body.size());
    ex.error_body.append(data, std::min(room, len));
    return true;
  };

  ex.sent = true;
  auto res = [&] {
    CancelWatcher watcher(cancel, &client);
    return client.send(req);
  }();

  if (cancel != nullptr && cancel->is_cancelled()) {
    ex.status = cancelled("the reply was stopped");
    return ex;
  }
  if (!sink_status.is_ok()) {
    ex.status = sink_status;
    return ex;
  }
  const std::string where = "the model server at " + endpoint_.origin();
  if (!res) {
    switch (res.error()) {
      case httplib::Error::Connection:
        ex.status = unavailable("could not reach " + where + "; is it running?");
        break;
      case httplib::Error::ConnectionTimeout:
        ex.status = unavailable(where + " did not accept a connection within " +
                                seconds_text(timeouts_.connect) + " s");
        break;
      case httplib::Error::Read: {
        const auto quiet = std::chrono::steady_clock::now() - last_byte;
        if (quiet + std::chrono::milliseconds(50) >= timeouts_.read) {
          ex.status = unavailable(where + " sent nothing for " + seconds_text(timeouts_.read) +
                                  " s, so Haven stopped waiting");
        } else {
          ex.status = unavailable("the connection to " + where + " broke before the reply was complete");
        }
        break;
      }
      case httplib::Error::SSLConnection:
      case httplib::Error::SSLServerVerification:
      case httplib::Error::SSLLoadingCerts:
        ex.status = unavailable("could not set up a secure connection to " + where);
        break;
      default:
        ex.status = unavailable("the request to " + where + " failed (" + httplib::to_string(res.error()) + ")");
        break;
    }
    return ex;
  }
  ex.http_status = res->status;
  if (ex.http_status >= 200 && ex.http_status < 300) return ex;
  const std::string code = "HTTP " + std::to_string(ex.http_status);
  ex.status = ex.http_status >= 400 && ex.http_status < 500 ? invalid_argument(code) : unavailable(code);
  return ex;
}

Status BufferSink::on_start(std::string_view) { return Status::ok(); }

Status BufferSink::on_body(std::string_view bytes) {
  if (body_.size() + bytes.size() > max_bytes_) {
    return out_of_range("expected an answer under " + std::to_string(max_bytes_) + " bytes, found a longer one");
  }
  body_.append(bytes);
  return Status::ok();
}

}  // namespace haven::backend
