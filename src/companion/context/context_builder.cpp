#include "companion/context/context_builder.h"

#include <algorithm>

#include "core/utf8.h"

namespace haven::companion {

size_t estimate_tokens(std::string_view text) { return text.size() / 3 + 1; }

namespace {

// Per-message overhead of chat templates (role markers and separators).
constexpr size_t kMessageOverhead = 8;

}  // namespace

BuiltContext build_context(const ContextInputs& in, const ContextBudget& budget,
                           const TokenCounter& count) {
  BuiltContext out;
  const size_t limit =
      budget.context_tokens > budget.reserve_for_reply ? budget.context_tokens - budget.reserve_for_reply : 0;

  std::string system = in.system_prompt;
  for (const auto& s : in.safety_instructions) system += "\n\n" + s;
  size_t used = count(system) + kMessageOverhead;

  // Recent turns come first in priority: the newest user turn always, then backwards while they fit,
  // leaving at least a quarter of the budget for memory and entries when there is history to drop.
  size_t n = in.turns.size();
  size_t first = n;
  size_t turns_tokens = 0;
  std::vector<size_t> turn_cost(n);
  for (size_t i = 0; i < n; ++i) turn_cost[i] = count(in.turns[i].content) + kMessageOverhead;
  std::string last_user_cut;
  if (n > 0) {
    first = n - 1;
    turns_tokens = turn_cost[n - 1];
    if (used + turns_tokens > limit) {
      // A single message larger than the window: keep its end, which is what the user wrote last.
      size_t room_tokens = limit > used + kMessageOverhead ? limit - used - kMessageOverhead : 1;
      std::string_view content = in.turns[n - 1].content;
      size_t keep = std::min(content.size(), room_tokens * 3);
      size_t start = content.size() - keep;
      while (start < content.size() && (static_cast<unsigned char>(content[start]) & 0xC0) == 0x80) ++start;
      last_user_cut = std::string(content.substr(start));
      turns_tokens = count(last_user_cut) + kMessageOverhead;
    }
  }
  std::string summary_block;
  if (!in.earlier_summary.empty()) {
    summary_block = "Summary of the earlier part of this conversation:\n" + in.earlier_summary;
  }
  size_t summary_tokens = summary_block.empty() ? 0 : count(summary_block) + 1;
  size_t reserve_for_notes = limit / 4;
  // Turns before `lower` are represented by the summary and never repeated.
  const size_t lower = std::min(in.summary_covers_turns, n > 0 ? n - 1 : 0);
  while (first > lower) {
    size_t cost = turn_cost[first - 1];
    if (used + summary_tokens + turns_tokens + cost + reserve_for_notes > limit) break;
    turns_tokens += cost;
    --first;
  }
  used += turns_tokens + summary_tokens;

  // Memory, then entries, each item whole or not at all.
  std::string notes;
  auto add_block = [&](const std::string& heading, const std::vector<std::string>& items, size_t& dropped) {
    std::string block;
    for (const auto& item : items) {
      std::string line = "- " + item + "\n";
      size_t cost = count(line);
      if (used + cost > limit) {
        ++dropped;
        continue;
      }
      if (block.empty()) {
        size_t heading_cost = count(heading);
        if (used + heading_cost + cost > limit) {
          ++dropped;
          continue;
        }
        block = heading;
        used += heading_cost;
      }
      block += line;
      used += cost;
    }
    if (!block.empty()) notes += "\n\n" + block;
  };
  add_block("What the user has chosen for you to remember:\n", in.memory_items, out.dropped_memory_items);
  add_block("Excerpts from the user's past journal entries (for context; do not quote unless asked):\n",
            in.relevant_entries, out.dropped_entries);
  if (!summary_block.empty()) notes += "\n\n" + summary_block;

  out.messages.push_back({"system", system + notes});
  for (size_t i = first; i < n; ++i) {
    if (i == n - 1 && !last_user_cut.empty()) {
      out.messages.push_back({in.turns[i].role, last_user_cut});
    } else {
      out.messages.push_back(in.turns[i]);
    }
  }
  out.first_included_turn = n > 0 ? first : 0;
  out.needs_summary = n > 0 && first > lower;
  out.tokens = 0;
  for (const auto& m : out.messages) out.tokens += count(m.content) + kMessageOverhead;
  return out;
}

}  // namespace haven::companion
