// Assembles what the model sees for one turn within its context window.
//
// Order: the system prompt (with any safety instructions), accepted memory, relevant past entries, a
// summary of turns that no longer fit, then as many recent turns as fit, newest last. Turns that do not
// fit are never dropped silently: the result says which ones need summarising, and the companion asks
// the model for a summary before the next turn.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "companion/context/chat_turn.h"

namespace haven::companion {

// Counts tokens the way the model will (exact with the local engine, estimated for servers).
using TokenCounter = std::function<size_t(std::string_view)>;

// A conservative estimate for when no tokenizer is at hand: about 3 characters per token.
size_t estimate_tokens(std::string_view text);

struct ContextInputs {
  std::string system_prompt;
  std::vector<std::string> safety_instructions;  // appended to the system prompt, in order
  std::vector<std::string> memory_items;         // accepted memory, one line each
  std::vector<std::string> relevant_entries;     // short excerpts of past journal entries
  std::string earlier_summary;                   // summary of turns before `summary_covers_turns`
  size_t summary_covers_turns = 0;               // turns [0, n) are represented by earlier_summary
  std::vector<ChatTurn> turns;                   // user/assistant turns of this session, user last
};

struct ContextBudget {
  size_t context_tokens = 4096;     // the model's window
  size_t reserve_for_reply = 512;   // room left for the reply
};

struct BuiltContext {
  std::vector<ChatTurn> messages;   // ready for the backend; first is the system message
  size_t tokens = 0;                // counted size of messages
  size_t first_included_turn = 0;   // index into inputs.turns of the oldest turn included
  // Turns [summary_covers_turns, first_included_turn) are neither in the context nor in the summary:
  // the caller should summarise them (true when that range is not empty).
  bool needs_summary = false;
  // Memory items or entry excerpts that were left out for lack of room.
  size_t dropped_memory_items = 0;
  size_t dropped_entries = 0;
};

// Builds the context. The last user turn is always included (cut to fit if it alone is too large).
BuiltContext build_context(const ContextInputs& inputs, const ContextBudget& budget,
                           const TokenCounter& count_tokens);

}  // namespace haven::companion
