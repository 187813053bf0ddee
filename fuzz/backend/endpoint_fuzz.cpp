// Fuzzes server-address parsing and the loopback check: a parsed address has a host, a valid port and
// agrees with is_loopback_host; errors are one line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backend/endpoint.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto e = haven::backend::parse_endpoint(in);
  haven::fuzz::check_one_line(e.status());
  if (e.is_ok()) {
    if (e->host.empty() || e->port < 1 || e->port > 65535) std::abort();
    if (e->loopback != haven::backend::is_loopback_host(e->host)) std::abort();
    if (e->origin().find('\n') != std::string::npos) std::abort();
  }
  (void)haven::backend::is_loopback_host(in);
  return 0;
}
