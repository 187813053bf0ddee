// Checks, for any bytes: screening never crashes or reads out of bounds, every evidence span lies inside
// the reply, streaming in arbitrary chunks gives the same verdict as screening the whole reply, every
// streamed sentence is accounted for exactly once, and locale parsing yields nothing or two letters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "safety/resources/crisis_resources.h"
#include "safety/screen/reply_screener.h"
#include "safety/screen/stream_screener.h"

using namespace haven::safety;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // First byte: context flags; second: chunk size for streaming.
  const uint8_t flags = data[0];
  const size_t chunk = 1 + data[1] % 17;
  std::string_view reply(reinterpret_cast<const char*>(data + 2), size - 2);

  screen::ScreenContext ctx;
  ctx.risk = (flags & 1) ? Level::kHigh : Level::kNone;
  ctx.distress = flags & 2;
  ctx.means_sought = flags & 4;
  ctx.psychosis = flags & 8;
  ctx.mania = flags & 16;
  ctx.compulsion = flags & 32;

  screen::Verdict whole = screen::screen_reply(reply, ctx);
  for (const auto& e : whole.evidence) {
    if (e.start > e.end || e.end > reply.size()) std::abort();
  }

  screen::StreamScreener s(ctx);
  size_t covered = 0;
  auto account = [&](const std::vector<screen::ScreenedSentence>& out) {
    for (const auto& x : out) {
      if (x.start != covered || x.end < x.start || x.text.size() != x.end - x.start) std::abort();
      if (reply.substr(x.start, x.end - x.start) != x.text) std::abort();
      covered = x.end;
    }
  };
  for (size_t i = 0; i < reply.size(); i += chunk) account(s.feed(reply.substr(i, chunk)));
  account(s.finish());
  if (covered != reply.size()) std::abort();
  // Run-on sentences longer than the bound are cut, which may split a rule's words: only compare when
  // no cut could have happened.
  if (reply.size() < screen::StreamScreener::kMaxSentenceBytes && s.verdict().unsafe != whole.unsafe) std::abort();

  auto country = resources::country_from_locale(reply.substr(0, 80));
  if (country && country->size() != 2) std::abort();
  return 0;
}
