// Screening a reply while it streams: feed the model's text as it arrives and get a verdict for every
// sentence as soon as it is complete.
//
// The rule the companion follows (DEVELOPERS.md, issue 6): when the context is raised (elevated risk,
// distress, means-seeking, psychosis or mania), nothing unscreened is shown, so it displays only the
// sentences this class returns as ok. When the context is calm it may show text as it streams
// (may_show_unscreened()) and still screens every sentence. After the first unsafe sentence the stream
// has failed: every later sentence is withheld (returned with shown = false) and the caller regenerates
// or falls back (reply_recovery.h). Where the reply must be judged whole (needs_whole_reply: after a
// means question in a raised context, or wherever means information is dangerous) feed() returns
// nothing, and finish() returns every sentence, shown only if the whole reply passed. Elsewhere the
// learned means reader reads the reply so far at each sentence's end, and the sentence where it fires
// fails. Either way each sentence is returned exactly once, with the verdict screen_reply gives.
//
// Not thread-safe; one instance per reply. Never fails: any bytes are accepted, a character split
// across chunks is held back until its remaining bytes arrive.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "safety/screen/reply_screener.h"

namespace haven::safety::screen {

struct ScreenedSentence {
  size_t start = 0;  // byte offsets into the whole reply so far, end exclusive
  size_t end = 0;
  std::string text;  // the sentence, including the whitespace that ended it
  bool ok = true;    // this sentence alone passed
  bool shown = true; // ok and the stream had not failed before it: the caller may show it
  Verdict verdict;   // offsets relative to the whole reply
};

class StreamScreener {
 public:
  // Bounds what is held while waiting for a sentence to end: a run-on "sentence" longer than this is
  // screened as it stands, so a model that never writes a full stop cannot hold everything back.
  static constexpr size_t kMaxSentenceBytes = 2000;

  explicit StreamScreener(ScreenContext context) : context_(context), hold_(needs_whole_reply(context)) {}

  // Adds streamed text; returns the sentences it completed, in order.
  std::vector<ScreenedSentence> feed(std::string_view chunk);
  // The reply is complete: screens whatever is left as the final sentence.
  std::vector<ScreenedSentence> finish();

  // True once any sentence was unsafe; everything after it is withheld.
  bool failed() const { return verdict_.unsafe; }
  // The verdict over everything screened so far (offsets relative to the whole reply).
  const Verdict& verdict() const { return verdict_; }
  // When false (a raised context), only sentences returned with shown = true may be displayed.
  bool may_show_unscreened() const { return !context_.raised() && !failed(); }
  // Text received but not yet screened (an incomplete sentence).
  std::string_view pending() const { return std::string_view(buffer_).substr(0, complete_); }
  const ScreenContext& context() const { return context_; }

 private:
  std::vector<ScreenedSentence> drain(bool at_end);

  ScreenContext context_;
  std::string buffer_;     // unscreened text
  size_t complete_ = 0;    // bytes of buffer_ that end on a character boundary
  size_t consumed_ = 0;    // bytes of the reply already screened
  bool declined_ = false;  // an earlier sentence declined the user's request (screen_sentence)
  // Where the reply is judged whole (needs_whole_reply; screen_reply at finish): its sentences are held as
  // they come, and finish() returns them all, shown or not.
  bool hold_ = false;
  std::vector<ScreenedSentence> held_;
  std::string so_far_;  // the reply screened so far, for the means reader where calm (screen_reply_so_far)
  Verdict verdict_;
};

}  // namespace haven::safety::screen
