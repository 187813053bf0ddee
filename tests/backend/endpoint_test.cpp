#include "backend/endpoint.h"

#include <gtest/gtest.h>

namespace haven::backend {
namespace {

TEST(EndpointTest, LoopbackHostsAreRecognised) {
  for (const char* h : {"localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.1.2.3", "127.255.255.254", "::1",
                        "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(is_loopback_host(h)) << h;
  }
  for (const char* h : {"128.0.0.1", "10.0.0.1", "192.168.1.2", "0.0.0.0", "::", "::ffff:10.0.0.1", "example.com",
                        "localhost.example.com", "127.0.0.1.nip.io", "127.1", "2130706433", "fe80::1", ""}) {
    EXPECT_FALSE(is_loopback_host(h)) << h;
  }
}

TEST(EndpointTest, ParsesHostPortAndPath) {
  auto e = parse_endpoint("http://127.0.0.1:8080/v1/");
  ASSERT_TRUE(e.is_ok()) << e.status().message();
  EXPECT_EQ(e->scheme, "http");
  EXPECT_EQ(e->host, "127.0.0.1");
  EXPECT_EQ(e->port, 8080);
  EXPECT_EQ(e->base_path, "/v1");
  EXPECT_TRUE(e->loopback);
  EXPECT_EQ(e->origin(), "http://127.0.0.1:8080");

  auto v6 = parse_endpoint("http://[::1]:11434");
  ASSERT_TRUE(v6.is_ok()) << v6.status().message();
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->host_header(), "[::1]:11434");
  EXPECT_TRUE(v6->loopback);

  auto remote = parse_endpoint("HTTPS://models.example.org");
  ASSERT_TRUE(remote.is_ok());
  EXPECT_EQ(remote->port, 443);
  EXPECT_FALSE(remote->loopback);
}

TEST(EndpointTest, MalformedAddressesGiveOneLineErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"127.0.0.1:8080", "expected a server address like http://127.0.0.1:8080, found '127.0.0.1:8080'"},
      {"ftp://127.0.0.1", "expected an http:// or https:// address, found 'ftp://127.0.0.1'"},
      {"http://user:pw@127.0.0.1", "expected no user name or password in the server address, found 'http://user:pw@127.0.0.1'"},
      {"http://127.0.0.1:99999", "expected a port number from 1 to 65535, found '99999'"},
      {"http://127.0.0.1:", "expected a port number after ':', found nothing"},
      {"http://:80", "expected a host in the server address, found 'http://:80'"},
      {"http://[::1", "expected ']' after an IPv6 address, found 'http://[::1'"},
      {"http://127.0.0.1/a b", "expected a plain path without spaces, '?' or '#', found '/a b'"},
      {"http://127.0.0.1/?x=1", "expected a plain path without spaces, '?' or '#', found '/?x=1'"},
      {"http://bad host\n/", "expected a host name or IP address, found 'bad host?'"},
  };
  for (const auto& [url, message] : cases) {
    auto e = parse_endpoint(url);
    ASSERT_FALSE(e.is_ok()) << url;
    EXPECT_EQ(e.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(e.status().message(), message);
  }
}

TEST(EndpointTest, LocalhostMustResolveOnlyToLoopback) {
  EXPECT_TRUE(resolves_only_to_loopback("127.0.0.1"));
  EXPECT_TRUE(resolves_only_to_loopback("::1"));
  EXPECT_TRUE(resolves_only_to_loopback("localhost"));  // this machine's /etc/hosts is the usual one
  EXPECT_FALSE(resolves_only_to_loopback("192.0.2.1"));
  EXPECT_FALSE(resolves_only_to_loopback("example.com"));
}

TEST(EndpointTest, NulBytesCannotSmuggleAHostPastTheChecks) {
  // Found by the backend_endpoint fuzzer: inet_pton stopped at the NUL and accepted "::1".
  const char raw[] = "http://[::1\0\n]:80";
  const std::string url(raw, sizeof raw - 1);
  auto e = parse_endpoint(url);
  ASSERT_FALSE(e.is_ok());
  EXPECT_EQ(e.status().message(), "expected an IPv6 address inside [ ], found '::1?\?'");
  const char v4[] = "127.0.0.1\0evil.example";
  const char v6[] = "::1\0";
  EXPECT_FALSE(is_loopback_host(std::string(v4, sizeof v4 - 1)));
  EXPECT_FALSE(is_loopback_host(std::string(v6, sizeof v6 - 1)));
}

}  // namespace
}  // namespace haven::backend
