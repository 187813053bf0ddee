#include "companion/session/companion_session.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "companion/prompt/system_prompt.h"
#include "safety/screen/reply_screener.h"
#include "vault/vault.h"

namespace haven::companion {

namespace {

int config_int(CompanionStore& store, std::string_view key, int fallback) {
  auto value = store.get_config(key);
  if (!value.is_ok() || !value->has_value()) return fallback;
  char* end = nullptr;
  long v = std::strtol((*value)->c_str(), &end, 10);
  return end != nullptr && *end == '\0' && v > 0 && v < 100000 ? static_cast<int>(v) : fallback;
}

// Whole local days since the epoch, for "earlier today".
int64_t local_day(int64_t unix_ms, int offset_minutes) {
  return (unix_ms + int64_t{offset_minutes} * 60000) / 86400000;
}

}  // namespace

Result<std::unique_ptr<CompanionSession>> CompanionSession::start(vault::Vault* vault, backend::Backend* backend,
                                                                   ConversationSettings settings, int64_t now_ms,
                                                                   int local_utc_offset_minutes) {
  auto session = std::unique_ptr<CompanionSession>(new CompanionSession(vault, backend));
  session->utc_offset_minutes_ = local_utc_offset_minutes;
  session->wellbeing_.break_after_minutes = config_int(session->store_, "break-minutes", 25);
  session->wellbeing_.daily_soft_limit_minutes = config_int(session->store_, "daily-limit-minutes", 90);
  if (auto people = session->store_.get_config("trusted-people"); people.is_ok() && people->has_value()) {
    std::string all = **people, name;
    for (size_t i = 0; i <= all.size(); ++i) {
      if (i == all.size() || all[i] == ',') {
        while (!name.empty() && name.front() == ' ') name.erase(name.begin());
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (!name.empty()) session->trusted_people_.push_back(name);
        name.clear();
      } else {
        name += all[i];
      }
    }
  }
  HAVEN_ASSIGN_OR_RETURN(auto earlier, session->store_.list_sessions());
  for (const auto& s : earlier) {
    if (s.ended_ms > s.started_ms && local_day(s.started_ms, local_utc_offset_minutes) ==
                                         local_day(now_ms, local_utc_offset_minutes)) {
      session->earlier_today_ms_ += s.ended_ms - s.started_ms;
    }
  }
  HAVEN_ASSIGN_OR_RETURN(auto memory, session->store_.list_memory());
  for (const auto& item : memory) {
    settings.memory_items.push_back(std::string(memory_kind_name(item.kind)) + ": " + item.text);
  }
  HAVEN_ASSIGN_OR_RETURN(auto plan, session->store_.load_safety_plan());
  settings.has_safety_plan = plan.has_value() && !plan->empty();
  HAVEN_ASSIGN_OR_RETURN(int64_t id, session->store_.create_session(now_ms));
  session->record_.id = id;
  session->record_.started_ms = now_ms;
  session->conversation_ = std::make_unique<Conversation>(backend, std::move(settings));
  return session;
}

std::vector<std::string> CompanionSession::relevant_entries(std::string_view text) {
  // The few longest words of the message are searched one at a time: cheap, explainable, and enough to
  // bring back what the user wrote about the same people and things.
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      word += c;
    } else {
      if (word.size() >= 5) words.push_back(word);
      word.clear();
    }
  }
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.size() > 3) words.resize(3);
  std::vector<std::string> out;
  std::vector<int64_t> seen;
  for (const auto& w : words) {
    auto hits = vault_->search(w, 2);
    if (!hits.is_ok()) continue;  // a failed search only means less context
    for (const auto& h : *hits) {
      if (std::find(seen.begin(), seen.end(), h.id) != seen.end()) continue;
      seen.push_back(h.id);
      out.push_back(h.snippet);
      if (out.size() >= 3) return out;
    }
  }
  return out;
}

Status CompanionSession::save() {
  record_.turns = conversation_->turns();
  record_.peak_level = conversation_->peak_level();
  return store_.save_session(record_);
}

Result<TurnResult> CompanionSession::user_turn(std::string_view text, const TurnEvents& events,
                                               const backend::CancelToken* cancel, int64_t now_ms) {
  conversation_->settings().relevant_entries = relevant_entries(text);
  HAVEN_ASSIGN_OR_RETURN(TurnResult result, conversation_->user_turn(text, events, cancel, now_ms));
  namespace wb = safety::wellbeing;
  if (wb::is_emotionally_intense(text)) ++intense_messages_;
  // During a crisis the fixed response has the floor; nudges wait for a calmer turn.
  if (!safety::is_crisis_interrupt(result.assessment.level)) {
    std::vector<wb::Nudge> due = wb::time_nudges(
        wellbeing_, {record_.started_ms, now_ms, utc_offset_minutes_, earlier_today_ms_}, nudge_history_);
    if (auto anchor = wb::reality_anchor(text, trusted_people_, wellbeing_, now_ms, nudge_history_)) due.push_back(*anchor);
    if (auto ai = wb::ai_reminder_for_message(text, wellbeing_, now_ms, nudge_history_)) due.push_back(*ai);
    for (const auto& n : due) {
      wb::record(nudge_history_, n, now_ms);
      result.nudges.push_back(n.text);
    }
  }
  HAVEN_RETURN_IF_ERROR(save());
  return result;
}

std::string CompanionSession::check_private_text(std::string_view text, int64_t now_ms) {
  return conversation_->respond_to_private_text(text, now_ms);
}

bool CompanionSession::had_elevated_turns() const { return safety::is_elevated(conversation_->peak_level()); }

Result<MemoryProposal> CompanionSession::propose_memory(bool include_elevated, const backend::CancelToken* cancel) {
  if (backend_ == nullptr) return failed_precondition("no model is configured, so there is nothing to propose");
  std::vector<backend::Message> messages;
  messages.push_back({backend::Role::kSystem, base_system_prompt()});
  bool skipping = false;
  size_t kept = 0;
  for (const auto& t : conversation_->turns()) {
    if (t.author == TurnAuthor::kUser) skipping = !include_elevated && safety::is_elevated(t.level);
    if (skipping) continue;
    if (t.author == TurnAuthor::kHaven) continue;  // Haven's fixed texts say nothing about the user
    messages.push_back({t.author == TurnAuthor::kUser ? backend::Role::kUser : backend::Role::kAssistant, t.content});
    if (t.author == TurnAuthor::kUser) ++kept;
  }
  if (kept == 0) return failed_precondition("there is nothing from this session to remember");
  messages.push_back({backend::Role::kUser, memory_request_prompt()});
  HAVEN_ASSIGN_OR_RETURN(std::string reply, ask_model_privately(*backend_, std::move(messages), 400, 16000, cancel));
  MemoryProposal proposal = parse_memory_proposal(reply);
  // The proposal is model text the user will read: it passes the same reply screening as any reply, and
  // an item that fails is dropped rather than shown.
  std::vector<safety::ChatMessage> view;
  for (const auto& t : conversation_->turns()) view.push_back({role_for(t.author), t.content});
  auto context = safety::screen::ScreenContext::from_conversation(view, conversation_->peak_level());
  std::erase_if(proposal.items, [&](const ProposedMemoryItem& item) {
    return safety::screen::screen_reply(item.text, context).unsafe;
  });
  if (safety::screen::screen_reply(proposal.summary, context).unsafe) proposal.summary.clear();
  return proposal;
}

Status CompanionSession::accept_memory(const std::vector<ProposedMemoryItem>& items, const std::string& summary,
                                       int64_t now_ms) {
  return vault_->transaction([&]() -> Status {
    for (const auto& item : items) {
      HAVEN_ASSIGN_OR_RETURN(int64_t id, store_.add_memory(item.kind, item.text, record_.id, now_ms));
      (void)id;
    }
    if (!summary.empty()) record_.summary = summary;
    return save();
  });
}

Result<std::string> CompanionSession::end(int64_t now_ms) {
  record_.ended_ms = now_ms;
  HAVEN_RETURN_IF_ERROR(save());
  safety::wellbeing::SessionSummary summary{record_.started_ms, now_ms, conversation_->peak_level(), intense_messages_};
  auto nudge = safety::wellbeing::end_of_session(wellbeing_, summary, nudge_history_);
  if (!nudge) return std::string();
  safety::wellbeing::record(nudge_history_, *nudge, now_ms);
  return nudge->text;
}

}  // namespace haven::companion
