// When a request may leave this computer.
//
// By default it may not: a backend pointed at a server that is not loopback refuses every request with
// kFailedPrecondition before connecting. With allow_remote (the user's --allow-remote), each request to
// such a server is first shown to `consent` as the exact bytes of the HTTP request (request line,
// headers, body) and sent only if it returns true. Requests marked never_remote are refused without
// asking.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace haven::backend {

// host: where it would go; request_text: the exact HTTP/1.1 request that would be written to the
// socket. Return true to send it. Called on the thread that called chat() or list_models().
using ConsentFn = std::function<bool(const std::string& host, std::string_view request_text)>;

struct RemotePolicy {
  bool allow_remote = false;
  ConsentFn consent;  // required for remote use: allow_remote without it still refuses
  // Ask `consent` for requests to this computer as well (a "show me everything that is sent" mode).
  bool confirm_loopback = false;
};

}  // namespace haven::backend
