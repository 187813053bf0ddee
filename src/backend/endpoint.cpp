#include "backend/endpoint.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace haven::backend {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Quotes untrusted input for an error message: printable ASCII only, at most 80 bytes.
std::string quoted(std::string_view s) {
  std::string out = "'";
  for (size_t i = 0; i < s.size() && i < 80; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    out.push_back(c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?');
  }
  if (s.size() > 80) out += "...";
  return out + "'";
}

bool valid_host_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '.' || c == '_';
}

}  // namespace

std::string Endpoint::host_header() const {
  const bool v6 = host.find(':') != std::string::npos;
  std::string h = v6 ? "[" + host + "]" : host;
  return h + ":" + std::to_string(port);
}

std::string Endpoint::origin() const { return scheme + "://" + host_header(); }

bool is_loopback_host(std::string_view host_in) {
  if (host_in.find('\0') != std::string_view::npos) return false;  // inet_pton would stop at it
  std::string host = lower(host_in);
  if (!host.empty() && host.back() == '.') host.pop_back();
  if (host == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
    static const unsigned char kLoop[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    if (std::memcmp(v6.s6_addr, kLoop, 16) == 0) return true;
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    return std::memcmp(v6.s6_addr, kMapped, 12) == 0 && v6.s6_addr[12] == 127;
  }
  return false;
}

bool resolves_only_to_loopback(const std::string& host) {
  if (!is_loopback_host(host)) return false;
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1 || inet_pton(AF_INET6, host.c_str(), &v6) == 1) return true;
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* list = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &list) != 0) return true;
  bool all_loopback = true;
  char text[INET6_ADDRSTRLEN];
  for (addrinfo* a = list; a != nullptr; a = a->ai_next) {
    const void* addr = nullptr;
    if (a->ai_family == AF_INET) addr = &reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr;
    if (a->ai_family == AF_INET6) addr = &reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr;
    if (addr == nullptr || inet_ntop(a->ai_family, addr, text, sizeof text) == nullptr || !is_loopback_host(text)) {
      all_loopback = false;
    }
  }
  freeaddrinfo(list);
  return all_loopback;
}

Result<Endpoint> parse_endpoint(std::string_view url) {
  Endpoint e;
  const size_t sep = url.find("://");
  if (sep == std::string_view::npos) {
    return invalid_argument("expected a server address like http://127.0.0.1:8080, found " + quoted(url));
  }
  e.scheme = lower(url.substr(0, sep));
  if (e.scheme != "http" && e.scheme != "https") {
    return invalid_argument("expected an http:// or https:// address, found " + quoted(url));
  }
  std::string_view rest = url.substr(sep + 3);
  const size_t path_at = rest.find('/');
  std::string_view authority = rest.substr(0, path_at);
  std::string_view path = path_at == std::string_view::npos ? std::string_view() : rest.substr(path_at);
  if (authority.find('@') != std::string_view::npos) {
    return invalid_argument("expected no user name or password in the server address, found " + quoted(url));
  }
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return invalid_argument("expected ']' after an IPv6 address, found " + quoted(url));
    }
    e.host = std::string(authority.substr(1, close - 1));
    in6_addr v6{};
    // inet_pton stops at a NUL byte, so check the characters first.
    const bool plain = std::all_of(e.host.begin(), e.host.end(), [](char c) {
      return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
    });
    if (!plain || inet_pton(AF_INET6, e.host.c_str(), &v6) != 1) {
      return invalid_argument("expected an IPv6 address inside [ ], found " + quoted(e.host));
    }
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return invalid_argument("expected ':PORT' after ']', found " + quoted(url));
      port_text = after.substr(1);
      if (port_text.empty()) return invalid_argument("expected a port number after ':', found nothing");
    }
  } else {
    const size_t colon = authority.rfind(':');
    e.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) return invalid_argument("expected a port number after ':', found nothing");
    }
    if (!std::all_of(e.host.begin(), e.host.end(), valid_host_char)) {
      return invalid_argument("expected a host name or IP address, found " + quoted(e.host));
    }
  }
  if (e.host.empty()) return invalid_argument("expected a host in the server address, found " + quoted(url));
  if (port_text.empty()) {
    e.port = e.scheme == "https" ? 443 : 80;
  } else {
    if (port_text.size() > 5 || !std::all_of(port_text.begin(), port_text.end(), [](char c) {
          return c >= '0' && c <= '9';
        })) {
      return invalid_argument("expected a port number from 1 to 65535, found " + quoted(port_text));
    }
    e.port = std::stoi(std::string(port_text));
    if (e.port < 1 || e.port > 65535) {
      return invalid_argument("expected a port number from 1 to 65535, found " + quoted(port_text));
    }
  }
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '?' || c == '#') {
      return invalid_argument("expected a plain path without spaces, '?' or '#', found " + quoted(path));
    }
  }
  std::string p(path);
  while (!p.empty() && p.back() == '/') p.pop_back();
  e.base_path = p;
  e.loopback = is_loopback_host(e.host);
  return e;
}

}  // namespace haven::backend
