// What the model proposes to remember at the end of a session, before the user decides.
//
// The model is asked (memory_request_prompt) for a short summary and a few typed items, one per line.
// Its reply is untrusted text: the parser keeps only well-formed lines, caps their number and length,
// and never fails; an unusable reply yields an empty proposal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace haven::companion {

enum class MemoryKind { kFact, kGoal, kTheme, kPerson, kTry };

// Stable names: "fact", "goal", "theme", "person", "try".
std::string_view memory_kind_name(MemoryKind kind);
std::optional<MemoryKind> memory_kind_from_name(std::string_view name);

struct ProposedMemoryItem {
  MemoryKind kind = MemoryKind::kFact;
  std::string text;
};

struct MemoryProposal {
  std::string summary;
  std::vector<ProposedMemoryItem> items;
};

inline constexpr size_t kMaxProposedItems = 8;
inline constexpr size_t kMaxItemBytes = 300;
inline constexpr size_t kMaxSummaryBytes = 800;

// The instruction appended (as a user message) after the session's turns.
std::string memory_request_prompt();

// Parses the model's reply. Lines look like "Summary: ...", "fact: ...", "- goal: ...", "* try: ...".
MemoryProposal parse_memory_proposal(std::string_view reply);

}  // namespace haven::companion
