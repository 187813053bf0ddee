// A whole chat session as the user lives it: started, stored after every turn, ended with a memory
// proposal the user reviews. Joins the conversation pipeline (conversation.h) to the vault.
//
// Every turn is written to the vault before user_turn returns, so a crash loses at most the turn in
// flight. Memory: at the end (or on request) the model proposes a summary and items from this session;
// nothing from a turn with elevated risk is sent for that proposal unless the user chooses to include it,
// and nothing enters memory until the user accepts it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "companion/conversation/conversation.h"
#include "companion/memory/memory_proposal.h"
#include "companion/store/companion_store.h"
#include "core/status.h"
#include "safety/wellbeing/nudges.h"

namespace haven::vault {
class Vault;
}

namespace haven::companion {

class CompanionSession {
 public:
  // Starts a new session: loads accepted memory and the safety plan's presence into the settings, and
  // creates the session record. vault and backend are borrowed (backend may be null). Errors are the
  // vault's.
  // Healthy-use settings come from the vault's choices (break-minutes, daily-limit-minutes,
  // trusted-people as a comma-separated list) and the local UTC offset from local_utc_offset_minutes.
  static Result<std::unique_ptr<CompanionSession>> start(vault::Vault* vault, backend::Backend* backend,
                                                         ConversationSettings settings, int64_t now_ms,
                                                         int local_utc_offset_minutes = 0);

  // One turn through the whole pipeline (see Conversation::user_turn), then the session is saved.
  // Errors: kInvalidArgument for bad text (nothing changes); the vault's errors when saving fails (the
  // turn happened but may not be stored).
  Result<TurnResult> user_turn(std::string_view text, const TurnEvents& events,
                               const backend::CancelToken* cancel, int64_t now_ms);

  // See Conversation::respond_to_private_text: Haven's fixed response to a journal entry or practice
  // answer written during the session (empty when there is none).
  std::string check_private_text(std::string_view text, int64_t now_ms);

  // True when any turn of the session reached elevated risk.
  bool had_elevated_turns() const;

  // Asks the model for a summary and memory items. Turns at elevated risk (and the replies to them) are
  // left out unless include_elevated is true. kFailedPrecondition without a backend or without any turn
  // to summarise; the backend's error otherwise.
  Result<MemoryProposal> propose_memory(bool include_elevated, const backend::CancelToken* cancel);

  // Stores what the user accepted (possibly edited): the items, each with this session as its source,
  // and the summary on the session. One transaction.
  Status accept_memory(const std::vector<ProposedMemoryItem>& items, const std::string& summary, int64_t now_ms);

  // Marks the session ended and saves it. Returns an off-device activity suggestion after an intense
  // session (empty otherwise).
  Result<std::string> end(int64_t now_ms);

  int64_t id() const { return record_.id; }
  Conversation& conversation() { return *conversation_; }
  CompanionStore& store() { return store_; }

 private:
  CompanionSession(vault::Vault* vault, backend::Backend* backend) : vault_(vault), backend_(backend), store_(vault) {}
  Status save();
  std::vector<std::string> relevant_entries(std::string_view text);

  vault::Vault* vault_;        // borrowed
  backend::Backend* backend_;  // borrowed, may be null
  CompanionStore store_;
  std::unique_ptr<Conversation> conversation_;
  StoredSession record_;
  safety::wellbeing::Config wellbeing_;
  safety::wellbeing::NudgeHistory nudge_history_;
  std::vector<std::string> trusted_people_;
  int utc_offset_minutes_ = 0;
  int64_t earlier_today_ms_ = 0;
  int intense_messages_ = 0;
};

}  // namespace haven::companion
