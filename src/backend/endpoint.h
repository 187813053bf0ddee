// Where a model server is, and whether that is this computer.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace haven::backend {

struct Endpoint {
  std::string scheme;     // "http" or "https"
  std::string host;       // without brackets for IPv6 ("::1")
  int port = 0;
  std::string base_path;  // "" or "/prefix" without a trailing '/'
  bool loopback = false;  // host is this computer (see is_loopback_host)

  // "http://127.0.0.1:8080" or "http://[::1]:8080": scheme, host and port, no path.
  std::string origin() const;
  // The Host header value: "127.0.0.1:8080", "[::1]:8080".
  std::string host_header() const;
};

// Parses "http://HOST[:PORT][/PATH]" (or https). No user info, query or fragment; the port defaults to
// 80 or 443. kInvalidArgument with what was expected and what was found.
Result<Endpoint> parse_endpoint(std::string_view url);

// True for "localhost" (any case, optional trailing dot), IPv4 literals in 127.0.0.0/8 (dotted quad
// only), "::1" and "::ffff:127.x.y.z". Names other than localhost count as remote even if they happen
// to resolve to this computer, because what they resolve to can change.
bool is_loopback_host(std::string_view host);

// False when host is a name (such as "localhost") that resolves to any address outside loopback, so an
// /etc/hosts entry cannot quietly turn "localhost" into another computer. True for IP literals that
// is_loopback_host accepts, and for names that do not resolve at all (connecting will fail anyway).
bool resolves_only_to_loopback(const std::string& host);

}  // namespace haven::backend
