// Fuzzes risk assessment over arbitrary bytes: tokens stay inside the input, evidence spans stay inside
// their message, levels are consistent, and a conversation built from the same bytes never lowers the
// risk of its last message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "safety/risk/assessor.h"
#include "safety/text/normalize.h"

using haven::safety::Assessment;
using haven::safety::ChatMessage;
using haven::safety::Level;

namespace {

void check(const Assessment& a, const std::vector<ChatMessage>& messages) {
  Level top = Level::kNone;
  for (const auto& c : a.categories) {
    if (c.level == Level::kNone) std::abort();
    if (c.level > top) top = c.level;
  }
  if (top != a.level) std::abort();
  for (const auto& e : a.evidence) {
    if (e.message >= messages.size()) std::abort();
    const std::string& text = messages[e.message].content;
    if (e.byte_start > e.byte_end || e.byte_end > text.size()) std::abort();
    if (e.start > e.end || e.end > haven::utf8::count_code_points(text)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (const auto& t : haven::safety::text::tokenize(s)) {
    if (t.byte_start > t.byte_end || t.byte_end > s.size()) std::abort();
    if (t.text.empty()) std::abort();
  }
  (void)haven::safety::text::is_mostly_non_english(s);
  std::vector<ChatMessage> one = {{"user", std::string(s)}};
  Assessment single = haven::safety::assess_conversation(one);
  check(single, one);
  // Split at NUL bytes into a conversation alternating user and assistant turns.
  std::vector<ChatMessage> chat;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\0') {
      chat.push_back({chat.size() % 2 == 0 ? "user" : "assistant", std::string(s.substr(start, i - start))});
      start = i + 1;
    }
  }
  Assessment conv = haven::safety::assess_conversation(chat);
  check(conv, chat);
  // The last user message alone never outranks the whole session.
  for (size_t i = chat.size(); i-- > 0;) {
    if (chat[i].role != "user") continue;
    Assessment last = haven::safety::assess_text(chat[i].content);
    for (const auto& c : last.categories)
      if (conv.level_of(c.category) < c.level) std::abort();
    break;
  }
  return 0;
}
