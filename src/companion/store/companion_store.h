// Where the companion keeps its sessions, memory, safety plan and choices: inside the encrypted vault.
//
// Everything is stored through the vault's encrypted key/value settings under the "companion/" prefix
// (sessions, memory items, the safety plan) and "config/" (choices such as the model). The vault gives
// atomic commits and encryption at rest; this class gives the shapes. Values are JSON documents; this is
// the only companion file that includes the JSON library.
//
// Errors are the vault's (see vault/vault.h), plus kCorruption "stored session 12 is not valid JSON" when
// a stored value does not parse: that item is reported, never guessed at.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "companion/conversation/conversation.h"
#include "companion/memory/memory_proposal.h"
#include "core/status.h"
#include "safety/plan/safety_plan.h"

namespace haven::vault {
class Vault;
}

namespace haven::companion {

struct StoredSession {
  int64_t id = 0;
  int64_t started_ms = 0;
  int64_t ended_ms = 0;         // 0 while open
  std::string summary;          // accepted summary, may be empty
  safety::Level peak_level = safety::Level::kNone;
  std::vector<SessionTurn> turns;
};

struct MemoryItem {
  int64_t id = 0;
  MemoryKind kind = MemoryKind::kFact;
  std::string text;
  std::vector<int64_t> sessions;  // where it came from (provenance)
  int64_t created_ms = 0;
};

class CompanionStore {
 public:
  explicit CompanionStore(vault::Vault* vault) : vault_(vault) {}  // borrowed, must outlive this

  // ---- sessions ----
  Result<int64_t> create_session(int64_t started_ms);
  Status save_session(const StoredSession& session);  // replaces the stored copy (one commit)
  Result<StoredSession> load_session(int64_t id);     // kNotFound when absent
  // Oldest first, without turns.
  Result<std::vector<StoredSession>> list_sessions();
  // Removes the session, its messages, and the memory items that came only from it (items that came
  // from other sessions too lose this session from their provenance). One transaction.
  Status delete_session(int64_t id);

  // ---- memory ----
  // Adds an item from session_id (0 when the user added it by hand). An item of the same kind and text
  // that already exists gains session_id as a source instead, and its id is returned.
  Result<int64_t> add_memory(MemoryKind kind, std::string_view text, int64_t session_id, int64_t now_ms);
  Result<std::vector<MemoryItem>> list_memory();  // oldest first
  Status edit_memory(int64_t id, std::string_view text);  // kNotFound when absent
  Status forget_memory(int64_t id);                        // kNotFound when absent

  // ---- safety plan ----
  Result<std::optional<safety::plan::SafetyPlan>> load_safety_plan();
  Status save_safety_plan(const safety::plan::SafetyPlan& plan);  // validated first

  // ---- choices ("config/<key>") ----
  Result<std::optional<std::string>> get_config(std::string_view key);
  Status set_config(std::string_view key, std::string_view value);

 private:
  Result<int64_t> next_id(std::string_view counter);
  vault::Vault* vault_;  // borrowed
};

}  // namespace haven::companion
