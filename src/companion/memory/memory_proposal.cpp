#include "companion/memory/memory_proposal.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"

namespace haven::companion {

std::string_view memory_kind_name(MemoryKind kind) {
  switch (kind) {
    case MemoryKind::kFact: return "fact";
    case MemoryKind::kGoal: return "goal";
    case MemoryKind::kTheme: return "theme";
    case MemoryKind::kPerson: return "person";
    case MemoryKind::kTry: return "try";
  }
  return "fact";
}

std::optional<MemoryKind> memory_kind_from_name(std::string_view name) {
  for (auto k : {MemoryKind::kFact, MemoryKind::kGoal, MemoryKind::kTheme, MemoryKind::kPerson, MemoryKind::kTry}) {
    if (memory_kind_name(k) == name) return k;
  }
  return std::nullopt;
}

std::string memory_request_prompt() {
  return "The session is ending. Write a short summary of it and what would help to remember next time, "
         "using only what I said. Use exactly this form, one item per line, at most 8 items, and leave out "
         "anything I did not say:\n"
         "Summary: <one or two sentences>\n"
         "fact: <something true about my life>\n"
         "goal: <something I want>\n"
         "theme: <something I keep coming back to>\n"
         "person: <someone who matters to me, and how>\n"
         "try: <something I said I would try>";
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Keeps valid UTF-8 only and cuts to max_bytes at a character boundary.
std::string clean(std::string_view s, size_t max_bytes) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = utf8::decode_next(s, pos);
    if (cp == 0xFFFD || cp < 0x20) continue;  // drop invalid bytes and control characters
    utf8::append(out, cp);
  }
  return std::string(utf8::truncate(trim(out), max_bytes));
}

}  // namespace

MemoryProposal parse_memory_proposal(std::string_view reply) {
  MemoryProposal out;
  size_t start = 0;
  while (start <= reply.size()) {
    size_t end = reply.find('\n', start);
    if (end == std::string_view::npos) end = reply.size();
    std::string_view line = trim(reply.substr(start, end - start));
    start = end + 1;
    while (!line.empty() && (line.front() == '-' || line.front() == '*' || line.front() == '#')) {
      line = trim(line.substr(1));
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 12) continue;
    std::string label = lower_ascii(trim(line.substr(0, colon)));
    // Models often bold labels ("**fact**:"): strip the markup around the label.
    label.erase(std::remove(label.begin(), label.end(), '*'), label.end());
    std::string text = clean(line.substr(colon + 1), label == "summary" ? kMaxSummaryBytes : kMaxItemBytes);
    if (text.empty()) continue;
    if (label == "summary") {
      if (out.summary.empty()) out.summary = text;
      continue;
    }
    auto kind = memory_kind_from_name(label);
    if (!kind || out.items.size() >= kMaxProposedItems) continue;
    bool duplicate = std::any_of(out.items.begin(), out.items.end(),
                                 [&](const ProposedMemoryItem& i) { return i.text == text; });
    if (!duplicate) out.items.push_back({*kind, std::move(text)});
  }
  return out;
}

}  // namespace haven::companion
