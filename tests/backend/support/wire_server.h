// Test-only HTTP servers on 127.0.0.1 for the backend wire tests (httplib stays in wire_server.cpp).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace haven::test {

// One exchange recorded from a real server under ../shared/testdata/wire/llama-server.
struct Recorded {
  int status = 0;
  std::string content_type;
  std::string body;
  std::string request_body;  // empty when there was none
};
Recorded load_recorded(const std::string& name);

// What a scripted route answers.
struct Reply {
  int status = 200;
  std::string content_type = "text/event-stream";
  std::string body;
  // When not empty, the body goes out as HTTP chunks of these sizes (cycled); otherwise in one piece
  // with Content-Length.
  std::vector<size_t> chunk_sizes;
  // After this many body bytes the server stops sending and waits (writing nothing) until released or
  // the client goes away; -1 never stalls.
  long stall_after = -1;
  // While stalled, probe the connection with SSE comments so a client disconnect is noticed.
  bool ping_while_stalled = true;
};

class WireServer {
 public:
  WireServer();
  ~WireServer();
  WireServer(const WireServer&) = delete;
  WireServer& operator=(const WireServer&) = delete;

  // Serves reply for method+path ("POST", "/v1/chat/completions"); replaces an earlier one.
  void route(const std::string& method, const std::string& path, Reply reply);

  std::string url() const;  // "http://127.0.0.1:PORT"
  int port() const { return port_; }

  // The body of the last request received on any route.
  std::string last_request_body() const;
  int requests() const { return requests_.load(); }
  // True once a stalled stream found its client gone; waits up to timeout_ms for it.
  bool wait_for_disconnect(int timeout_ms) const;
  // Lets stalled streams finish (done automatically on destruction).
  void release();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
  std::atomic<int> requests_{0};
};

// A raw TCP listener on 127.0.0.1 that accepts one connection, captures exactly what the client wrote
// (headers and Content-Length body), answers with response_text verbatim and closes.
class RawCaptureServer {
 public:
  explicit RawCaptureServer(std::string response_text);
  ~RawCaptureServer();
  int port() const { return port_; }
  // Waits for the exchange (up to 5 s) and returns the captured request bytes.
  std::string captured();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

// A listener on 127.0.0.1 whose accept queue is full, so a further connection attempt hangs (Linux drops
// the SYN) until the client's connect timeout.
class FullListener {
 public:
  FullListener();
  ~FullListener();
  int port() const { return port_; }

 private:
  int listen_fd_ = -1;
  std::vector<int> fillers_;
  int port_ = 0;
};

// A port on 127.0.0.1 that nothing listens on (bound, then closed).
int unused_port();

}  // namespace haven::test
