// One conversation session: the path every user message takes to a model and back.
//
// user text -> safety assessment with the whole session -> response policy -> (fixed response at once)
// -> context assembly (system prompt, safety instructions, memory, past entries, recent turns) -> backend
// stream -> reply screening sentence by sentence -> shown -> kept for storage.
//
// There is no option that skips the safety steps: user_turn() is the only way a user message reaches the
// backend, and every model sentence is screened before the user sees it (when the session's risk is
// raised, nothing is shown until it has been screened). A reply that fails screening is regenerated once
// with a corrective instruction, then replaced by a fixed safe text, and the user is told so.
//
// Not thread-safe, except cancel: a CancelToken passed to user_turn may fire from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backend/backend.h"
#include "companion/context/context_builder.h"
#include "core/status.h"
#include "safety/policy/response_policy.h"
#include "safety/risk/assessor.h"

namespace haven::companion {

// How a turn was written: by the user, by the model, or by Haven itself (fixed safety texts).
enum class TurnAuthor { kUser, kModel, kHaven };

struct SessionTurn {
  TurnAuthor author = TurnAuthor::kUser;
  std::string content;
  int64_t unix_ms = 0;
  safety::Level level = safety::Level::kNone;  // the session's overall risk after this turn
  bool replaced_by_safety = false;             // a model reply that Haven's screening replaced
};

struct ConversationSettings {
  std::string country;                 // the user's setting ("" = from the locale)
  safety::resources::LocaleEnv locale; // LC_ALL, LC_MESSAGES, LANG
  bool has_safety_plan = false;
  std::vector<std::string> memory_items;      // accepted memory, one line each
  std::vector<std::string> relevant_entries;  // excerpts of past entries
  ContextBudget budget;
  backend::GenerationParams params;
  TokenCounter count_tokens = estimate_tokens;
};

// What the caller shows, in the order it happens.
struct TurnEvents {
  // Haven's own fixed text (crisis response, check-in, resources, notices). Shown before any model text.
  std::function<void(std::string_view)> on_haven_text;
  // The model is about to be asked (show a "thinking" indicator).
  std::function<void()> on_thinking;
  // Screened model text, in pieces. Return false to stop the reply (like Ctrl-C).
  std::function<bool(std::string_view)> on_reply_text;
  // The model's reply was withdrawn: what was shown of it should be treated as replaced.
  std::function<void()> on_reply_withdrawn;
};

struct TurnResult {
  safety::Assessment assessment;
  safety::policy::Decision decision;
  std::string reply;            // the model's reply as the user saw it (or the safe fallback)
  bool reply_replaced = false;  // screening replaced the reply
  bool regenerated = false;     // the first reply failed screening and the model was asked again
  bool cancelled = false;
  bool model_asked = false;
  // Healthy-use nudges to show after the reply (filled by CompanionSession, empty from Conversation).
  std::vector<std::string> nudges;
  // OK, or why the model could not answer (no backend, server down, malformed stream); the session
  // stays usable and the user's message is kept.
  Status backend_status;
};

class Conversation {
 public:
  // backend: borrowed, may be null (then only Haven's fixed responses are given, and backend_status
  // says that no model is configured).
  Conversation(backend::Backend* backend, ConversationSettings settings);

  // Runs one user turn. kInvalidArgument (nothing changes) when text is empty or not valid UTF-8;
  // otherwise OK with the TurnResult, whatever the model did.
  Result<TurnResult> user_turn(std::string_view text, const TurnEvents& events,
                               const backend::CancelToken* cancel, int64_t now_unix_ms);

  // Checks text the user writes outside the conversation (a journal entry, a practice answer) with the
  // session around it, and returns Haven's fixed response to show at once (empty when there is none).
  // The text itself is not added to the conversation; the response is, and the peak level rises.
  std::string respond_to_private_text(std::string_view text, int64_t now_unix_ms);

  // Adds turns of an earlier part of this session (when reopening one) without running them.
  void restore_turn(SessionTurn turn);

  // The session so far, oldest first.
  const std::vector<SessionTurn>& turns() const { return turns_; }
  // The session's current assessment (kNone before the first turn).
  const safety::Assessment& assessment() const { return assessment_; }
  // The highest overall level any turn of the session reached.
  safety::Level peak_level() const { return peak_level_; }

  // The summary of turns that no longer fit the context (empty when none), and how many turns it covers.
  const std::string& earlier_summary() const { return earlier_summary_; }
  void set_earlier_summary(std::string summary, size_t covers_turns);

  ConversationSettings& settings() { return settings_; }

 private:
  std::vector<safety::ChatMessage> safety_view() const;
  // The response policy for an assessment, with this session's country, plan and what was shown.
  safety::policy::Decision decide(const safety::Assessment& assessment) const;
  std::vector<ChatTurn> context_turns() const;
  void summarise_if_needed(const BuiltContext& built, const backend::CancelToken* cancel);

  backend::Backend* backend_;  // borrowed, may be null
  ConversationSettings settings_;
  std::vector<SessionTurn> turns_;
  safety::Assessment assessment_;
  safety::Level peak_level_ = safety::Level::kNone;
  bool crisis_response_shown_ = false;
  bool check_in_shown_ = false;  // a gentle check-in was shown: it is not repeated every turn
  bool concern_shown_ = false;   // the words for worry about someone else were shown
  // Remembers which of Haven's fixed texts this decision showed.
  void note_shown(const safety::policy::Decision& decision);
  bool non_english_notice_shown_ = false;
  std::string earlier_summary_;
  size_t summary_covers_turns_ = 0;
};

// Asks the model for text Haven uses itself (a summary, a memory proposal): greedy-ish, never sent to a
// remote server, cut at max_bytes on a character boundary. The backend's error when it fails (a cancel
// keeps what arrived).
Result<std::string> ask_model_privately(backend::Backend& backend, std::vector<backend::Message> messages,
                                        int max_tokens, size_t max_bytes, const backend::CancelToken* cancel);

// Roles for the model's view of a session: Haven's fixed texts are shown to it as assistant turns, so it
// knows what the user has already been told.
std::string role_for(TurnAuthor author);

}  // namespace haven::companion
