// `haven models` end to end: a fake Ollama store and Haven models folder in a temp folder, and a tiny
// HTTP server on 127.0.0.1 that answers like Ollama's /api/tags.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/process.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// Answers every request on 127.0.0.1 with one fixed HTTP response, until destroyed.
class FixedHttpServer {
 public:
  explicit FixedHttpServer(std::string body) {
    const std::string response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, response] {
      while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) != 1) continue;
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) continue;
        std::string got;
        char buf[2048];
        while (got.find("\r\n\r\n") == std::string::npos) {
          pollfd q{c, POLLIN, 0};
          if (::poll(&q, 1, 2000) != 1) break;
          const ssize_t n = ::recv(c, buf, sizeof buf, 0);
          if (n <= 0) break;
          got.append(buf, static_cast<size_t>(n));
        }
        if (got.rfind("GET /api/tags ", 0) == 0) ++tags_requests_;
        ::send(c, response.data(), response.size(), MSG_NOSIGNAL);
        ::close(c);
      }
    });
  }
  ~FixedHttpServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int tags_requests() const { return tags_requests_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> tags_requests_{0};
  std::thread thread_;
};

int closed_port() {
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

struct Layout {
  test::TempDir tmp;
  test::ProcessOptions env;
  Layout() {
    const fs::path root = fs::path(tmp.path()) / "ollama";
    const std::string hex(64, 'a');
    write(root / "manifests/registry.ollama.ai/library/llama3.2/1b",
          "{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\",\"digest\":\"sha256:" +
              hex + "\",\"size\":8}]}");
    write(root / "blobs" / ("sha256-" + hex), "GGUF1234");
    write(fs::path(tmp.path()) / "data/haven/models/my-model.gguf", "GGUF5678xyz");
    env.env["OLLAMA_MODELS"] = root.string();
    env.env["XDG_DATA_HOME"] = (fs::path(tmp.path()) / "data").string();
    env.env["HOME"] = tmp.path();
    env.timeout_seconds = 30;
  }
};

TEST(ModelsCommandTest, ListsStoreFilesFolderFilesAndServerModels) {
  Layout layout;
  FixedHttpServer ollama(
      "{\"models\":[{\"name\":\"qwen2.5:0.5b\",\"size\":397821319,\"details\":{\"parameter_size\":\"494.03M\","
      "\"quantization_level\":\"Q4_K_M\"}}]}");
  const std::string none = "http://127.0.0.1:" + std::to_string(closed_port());
  auto r = test::run_haven({"models", "--ollama-url", ollama.url(), "--server-url", none}, layout.env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  llama3.2:1b  (8 bytes, Ollama's model store)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  my-model.gguf  (11 bytes, Haven's models folder)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Ollama at " + ollama.url() + ": running\n      qwen2.5:0.5b  (398 MB, 494.03M, Q4_K_M)"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("OpenAI-compatible server at " + none + ": not running"), std::string::npos) << r.out;
  EXPECT_EQ(ollama.tags_requests(), 1);
  EXPECT_EQ(r.out.find("No model is ready yet"), std::string::npos);
}

TEST(ModelsCommandTest, JsonOutputAndNoServers) {
  Layout layout;
  auto r = test::run_haven({"--json", "models", "--no-servers"}, layout.env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"name\": \"llama3.2:1b\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"servers\": []"), std::string::npos) << r.out;
}

TEST(ModelsCommandTest, NothingFoundExplainsWhatToDo) {
  test::TempDir tmp;
  test::ProcessOptions env;
  env.env["OLLAMA_MODELS"] = tmp.file("nothing-here");
  env.env["XDG_DATA_HOME"] = tmp.path();
  env.env["HOME"] = tmp.path();
  auto r = test::run_haven({"models", "--no-servers"}, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No model is ready yet"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(tmp.path() + "/haven/models"), std::string::npos) << r.out;
}

TEST(ModelsCommandTest, RemoteAddressIsAUsageErrorOnOneLine) {
  Layout layout;
  auto r = test::run_haven({"models", "--server-url", "http://192.0.2.1:8080"}, layout.env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("only asks servers on this computer"), std::string::npos) << r.err;
  auto bad = test::run_haven({"models", "--bogus"}, layout.env);
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace haven
