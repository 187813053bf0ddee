#include "support/wire_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <csignal>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "support/process.h"

namespace haven::test {
namespace {

// A client that hangs up makes the server's next write fail; that must not kill the test binary.
const bool kIgnoreSigpipe = [] {
  std::signal(SIGPIPE, SIG_IGN);
  return true;
}();

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Recorded load_recorded(const std::string& name) {
  const std::string base = testdata_dir() + "/wire/llama-server/" + name;
  Recorded r;
  r.body = read_all(base + ".body");
  r.request_body = read_all(base + ".request.json");
  std::istringstream headers(read_all(base + ".headers"));
  std::string line;
  bool first = true;
  while (std::getline(headers, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first) {
      first = false;
      // "HTTP/1.1 200 OK"
      const size_t sp = line.find(' ');
      if (sp != std::string::npos) r.status = std::atoi(line.c_str() + sp + 1);
      continue;
    }
    const std::string key = "Content-Type: ";
    if (line.compare(0, key.size(), key) == 0) r.content_type = line.substr(key.size());
  }
  return r;
}

struct WireServer::Impl {
  httplib::Server server;
  std::thread thread;
  mutable std::mutex mu;
  std::condition_variable cv;
  std::map<std::string, Reply> routes;
  std::string last_body;
  bool released = false;
  bool disconnected = false;
  mutable std::condition_variable disconnect_cv;

  void handle(const std::string& key, const httplib::Request& req, httplib::Response& res) {
    Reply reply;
    {
      std::lock_guard<std::mutex> lock(mu);
      last_body = req.body;
      auto it = routes.find(key);
      if (it == routes.end()) {
        res.status = 404;
        res.set_content("{\"error\":\"no such route in the test server\"}", "application/json");
        return;
      }
      reply = it->second;
    }
    res.status = reply.status;
    if (reply.chunk_sizes.empty() && reply.stall_after < 0) {
      res.set_content(reply.body, reply.content_type.c_str());
      return;
    }
    if (reply.chunk_sizes.empty()) reply.chunk_sizes = {reply.body.size() == 0 ? 1 : reply.body.size()};
    res.set_chunked_content_provider(reply.content_type, [this, reply](size_t, httplib::DataSink& sink) {
      size_t off = 0;
      size_t idx = 0;
      bool stalled = false;
      const size_t stall_at = reply.stall_after < 0 ? SIZE_MAX
                                                    : std::min(static_cast<size_t>(reply.stall_after), reply.body.size());
      while (off < reply.body.size() || (!stalled && stall_at != SIZE_MAX)) {
        if (!stalled && off >= stall_at) {
          stalled = true;
          if (!stall(sink, reply.ping_while_stalled)) return false;
          continue;
        }
        size_t n = std::min(reply.chunk_sizes[idx++ % reply.chunk_sizes.size()], reply.body.size() - off);
        if (!stalled) n = std::min(n, stall_at - off);
        if (!sink.write(reply.body.data() + off, n)) return note_disconnect();
        off += n;
      }
      sink.done();
      return true;
    });
  }

  // Waits until released; returns false (and notes it) when the client went away meanwhile.
  bool stall(httplib::DataSink& sink, bool ping) {
    std::unique_lock<std::mutex> lock(mu);
    while (!released) {
      if (ping) {
        lock.unlock();
        const bool ok = sink.write(": ping\n\n", 8);
        lock.lock();
        if (!ok) {
          lock.unlock();
          return note_disconnect();
        }
      }
      cv.wait_for(lock, std::chrono::milliseconds(20));
    }
    return true;
  }

  bool note_disconnect() {
    {
      std::lock_guard<std::mutex> lock(mu);
      disconnected = true;
    }
    disconnect_cv.notify_all();
    return false;
  }
};

WireServer::WireServer() : impl_(std::make_unique<Impl>()) {
  impl_->server.new_task_queue = [] { return new httplib::ThreadPool(4); };
  impl_->server.set_tcp_nodelay(true);
  auto any = [this](const httplib::Request& req, httplib::Response& res) {
    ++requests_;
    impl_->handle(req.method + " " + req.path, req, res);
  };
  impl_->server.Get(".*", any);
  impl_->server.Post(".*", any);
  port_ = impl_->server.bind_to_any_port("127.0.0.1");
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 500 && !impl_->server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

WireServer::~WireServer() {
  release();
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

void WireServer::route(const std::string& method, const std::string& path, Reply reply) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->routes[method + " " + path] = std::move(reply);
}

std::string WireServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::string WireServer::last_request_body() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->last_body;
}

bool WireServer::wait_for_disconnect(int timeout_ms) const {
  std::unique_lock<std::mutex> lock(impl_->mu);
  return impl_->disconnect_cv.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                                       [this] { return impl_->disconnected; });
}

void WireServer::release() {
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->released = true;
  }
  impl_->cv.notify_all();
}

struct RawCaptureServer::Impl {
  int listen_fd = -1;
  std::thread thread;
  std::string captured;
};

RawCaptureServer::RawCaptureServer(std::string response_text) : impl_(std::make_unique<Impl>()) {
  impl_->listen_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(impl_->listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::listen(impl_->listen_fd, 4);
  socklen_t len = sizeof addr;
  ::getsockname(impl_->listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  impl_->thread = std::thread([this, response_text] {
    pollfd p{impl_->listen_fd, POLLIN, 0};
    if (::poll(&p, 1, 5000) != 1) return;
    const int fd = ::accept(impl_->listen_fd, nullptr, nullptr);
    if (fd < 0) return;
    std::string got;
    size_t need = std::string::npos;
    char buf[4096];
    while (need == std::string::npos || got.size() < need) {
      pollfd q{fd, POLLIN, 0};
      if (::poll(&q, 1, 5000) != 1) break;
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
      const size_t end = got.find("\r\n\r\n");
      if (need == std::string::npos && end != std::string::npos) {
        size_t body = 0;
        const std::string key = "\r\nContent-Length: ";
        const size_t at = got.find(key);
        if (at != std::string::npos && at < end) body = std::strtoul(got.c_str() + at + key.size(), nullptr, 10);
        need = end + 4 + body;
      }
    }
    impl_->captured = got;
    ::send(fd, response_text.data(), response_text.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
  });
}

RawCaptureServer::~RawCaptureServer() {
  if (impl_->thread.joinable()) impl_->thread.join();
  ::close(impl_->listen_fd);
}

std::string RawCaptureServer::captured() {
  if (impl_->thread.joinable()) impl_->thread.join();
  return impl_->captured;
}

FullListener::FullListener() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::listen(listen_fd_, 0);
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  // Backlog 0 still queues one connection; a few non-blocking fillers make sure the queue is full.
  for (int i = 0; i < 3; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    fillers_.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

FullListener::~FullListener() {
  for (int fd : fillers_) ::close(fd);
  ::close(listen_fd_);
}

int unused_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace haven::test
