#include "safety/screen/stream_screener.h"

#include "core/utf8.h"
#include "safety/screen/text_scan.h"

namespace haven::safety::screen {

std::vector<ScreenedSentence> StreamScreener::feed(std::string_view chunk) {
  buffer_.append(chunk.data(), chunk.size());
  complete_ = utf8::complete_prefix_length(buffer_);
  return drain(/*at_end=*/false);
}

std::vector<ScreenedSentence> StreamScreener::finish() {
  complete_ = buffer_.size();  // a truncated character at the very end is screened as U+FFFD
  std::vector<ScreenedSentence> last = drain(/*at_end=*/true);
  if (!hold_) return last;  // held, drain returned nothing
  // A held reply is judged whole, exactly as screen_reply judges it; if it passes, every sentence is
  // released now, in order.
  std::string whole;
  for (const auto& s : held_) whole += s.text;
  verdict_ = screen_reply(whole, context_);
  for (auto& s : held_) {
    s.verdict = Verdict{};
    for (const auto& e : verdict_.evidence)
      if (e.start < s.end && e.end > s.start) s.verdict.add(e);
    s.ok = !s.verdict.unsafe;
    s.shown = !verdict_.unsafe;
  }
  return std::move(held_);
}

std::vector<ScreenedSentence> StreamScreener::drain(bool at_end) {
  std::vector<ScreenedSentence> out;
  size_t offset = 0;
  while (offset < complete_) {
    std::string_view rest(buffer_.data() + offset, complete_ - offset);
    size_t len = scan::sentence_end(rest, at_end);
    if (len == std::string_view::npos || len == 0) {
      if (rest.size() < kMaxSentenceBytes) break;
      len = utf8::truncate(rest, kMaxSentenceBytes).size();
      if (len == 0) len = rest.size();
    }
    ScreenedSentence s;
    s.start = consumed_ + offset;
    s.end = s.start + len;
    s.text = std::string(rest.substr(0, len));
    if (hold_) {
      // Judged whole at finish (screen_reply), and returned only then: each sentence is returned once.
      held_.push_back(std::move(s));
      offset += len;
      continue;
    }
    Verdict v = screen_sentence(s.text, context_, declined_);
    declined_ = declined_ || declines_request(s.text);
    so_far_ += s.text;
    // The means reader on the reply so far (calm contexts only): its evidence may lie in earlier
    // sentences, but this sentence is where the reply became means information, so this one fails.
    Verdict so_far;
    if (!v.unsafe && !verdict_.unsafe) so_far = screen_reply_so_far(so_far_, context_);
    s.ok = !v.unsafe && !so_far.unsafe;
    s.shown = s.ok && !verdict_.unsafe;
    for (auto e : v.evidence) {
      e.start += s.start;
      e.end += s.start;
      s.verdict.add(e);
      verdict_.add(e);
    }
    for (const auto& e : so_far.evidence) {  // offsets already in the whole reply
      s.verdict.add(e);
      verdict_.add(e);
    }
    out.push_back(std::move(s));
    offset += len;
  }
  buffer_.erase(0, offset);
  complete_ -= offset;
  consumed_ += offset;
  return out;
}

}  // namespace haven::safety::screen
