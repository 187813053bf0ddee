// The one place Haven's backends touch HTTP (cpp-httplib stays inside http_client.cpp).
//
// Every request goes through the RemotePolicy gate first, is written with a fixed, complete set of
// headers (so the text shown for consent is exactly what goes on the wire), and runs on a fresh
// connection that is closed afterwards, so a failed or cancelled request leaves nothing behind.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "backend/cancel_token.h"
#include "backend/endpoint.h"
#include "backend/remote_policy.h"
#include "core/status.h"

namespace haven::backend {

struct HttpTimeouts {
  std::chrono::milliseconds connect{2000};
  // The longest silence allowed between two reads (a CPU prefill of a long prompt can be slow).
  std::chrono::milliseconds read{120000};
};

struct HttpRequest {
  std::string method = "GET";  // "GET" or "POST"
  std::string path;            // starts with '/', appended to the endpoint's base path
  std::string body;            // sent as application/json when not empty
  std::string bearer_token;    // "Authorization: Bearer ..." when not empty
  bool never_remote = false;   // see ChatRequest::never_remote
};

// Receives a 2xx response: on_start once with the Content-Type, then the body in pieces. A non-OK
// status stops the transfer and becomes the exchange's status.
class ResponseSink {
 public:
  virtual ~ResponseSink() = default;
  virtual Status on_start(std::string_view content_type) = 0;
  virtual Status on_body(std::string_view bytes) = 0;
};

struct HttpExchange {
  // OK when a 2xx response was received completely. Otherwise: the gate's refusal (kFailedPrecondition,
  // or kCancelled when consent was declined), kCancelled (token), kUnavailable (connect, read,
  // timeout), the sink's own status, or for a non-2xx answer kUnavailable (5xx) / kInvalidArgument
  // (4xx) with message "HTTP <code>" (the caller turns error_body into a better message).
  Status status;
  int http_status = 0;     // 0 when no response arrived
  std::string error_body;  // the body of a non-2xx answer, at most 64 KiB
  bool sent = false;       // false when the gate refused and nothing left this process
};

class HttpClient {
 public:
  HttpClient(Endpoint endpoint, HttpTimeouts timeouts, RemotePolicy policy);

  const Endpoint& endpoint() const { return endpoint_; }

  // The exact bytes that send() writes for request: request line, headers, blank line, body.
  std::string render(const HttpRequest& request) const;

  // Runs one request. sink is borrowed; cancel (borrowed, may be null) may fire from any thread.
  HttpExchange send(const HttpRequest& request, ResponseSink& sink, const CancelToken* cancel) const;

 private:
  Status check_policy(const HttpRequest& request) const;

  Endpoint endpoint_;
  HttpTimeouts timeouts_;
  RemotePolicy policy_;
};

// A sink that keeps a whole (small) body, for JSON answers such as model lists.
class BufferSink : public ResponseSink {
 public:
  explicit BufferSink(size_t max_bytes) : max_bytes_(max_bytes) {}
  Status on_start(std::string_view content_type) override;
  Status on_body(std::string_view bytes) override;
  const std::string& body() const { return body_; }

 private:
  size_t max_bytes_;
  std::string body_;
};

}  // namespace haven::backend
