#include "companion/conversation/conversation.h"

#include <algorithm>

#include "companion/prompt/system_prompt.h"
#include "core/utf8.h"
#include "safety/resources/crisis_resources.h"
#include "safety/screen/reply_recovery.h"
#include "safety/screen/stream_screener.h"

namespace haven::companion {

namespace screen = safety::screen;

std::string role_for(TurnAuthor author) { return author == TurnAuthor::kUser ? "user" : "assistant"; }

Conversation::Conversation(backend::Backend* backend, ConversationSettings settings)
    : backend_(backend), settings_(std::move(settings)) {}

void Conversation::restore_turn(SessionTurn turn) {
  peak_level_ = std::max(peak_level_, turn.level);
  turns_.push_back(std::move(turn));
  assessment_ = safety::assess_conversation(safety_view());
}

void Conversation::set_earlier_summary(std::string summary, size_t covers_turns) {
  earlier_summary_ = std::move(summary);
  summary_covers_turns_ = covers_turns;
}

std::vector<safety::ChatMessage> Conversation::safety_view() const {
  std::vector<safety::ChatMessage> out;
  out.reserve(turns_.size());
  for (const auto& t : turns_) out.push_back({role_for(t.author), t.content});
  return out;
}

std::vector<ChatTurn> Conversation::context_turns() const {
  // Haven's fixed texts after the newest user turn are told to the model through its instructions, so
  // that the conversation handed to it still ends with the user's words.
  size_t last_user = turns_.size();
  for (size_t i = turns_.size(); i-- > 0;) {
    if (turns_[i].author == TurnAuthor::kUser) {
      last_user = i;
      break;
    }
  }
  std::vector<ChatTurn> out;
  for (size_t i = 0; i < turns_.size(); ++i) {
    if (i > last_user && turns_[i].author == TurnAuthor::kHaven) continue;
    out.push_back({role_for(turns_[i].author), turns_[i].content});
  }
  return out;
}

namespace {

std::vector<backend::Message> to_backend(const std::vector<ChatTurn>& turns) {
  std::vector<backend::Message> out;
  out.reserve(turns.size());
  for (const auto& t : turns) {
    backend::Role role = t.role == "system"      ? backend::Role::kSystem
                         : t.role == "assistant" ? backend::Role::kAssistant
                                                 : backend::Role::kUser;
    out.push_back({role, t.content});
  }
  return out;
}

struct StreamOutcome {
  std::string shown;         // screened text that was passed to the caller
  bool failed = false;       // a sentence failed screening
  screen::Verdict verdict;
  bool cancelled = false;
  Status status;
};

// Streams one reply through the screener; only sentences that passed are passed on.
StreamOutcome stream_screened(backend::Backend& backend, const backend::ChatRequest& request,
                              const screen::ScreenContext& context, const TurnEvents& events,
                              const backend::CancelToken* cancel) {
  StreamOutcome out;
  screen::StreamScreener screener(context);
  bool stopped_by_user = false;
  auto pass_on = [&](const std::vector<screen::ScreenedSentence>& sentences) {
    for (const auto& s : sentences) {
      if (!s.shown) continue;
      out.shown += s.text;
      if (events.on_reply_text && !events.on_reply_text(s.text)) {
        stopped_by_user = true;
        return false;
      }
    }
    return !screener.failed();
  };
  backend::ChatResult result = backend.chat(
      request, [&](std::string_view piece) { return pass_on(screener.feed(piece)); }, cancel);
  if (!stopped_by_user && !screener.failed() && result.finish_reason != backend::FinishReason::kCancelled) {
    pass_on(screener.finish());
  }
  out.failed = screener.failed();
  out.verdict = screener.verdict();
  out.cancelled = stopped_by_user || (result.finish_reason == backend::FinishReason::kCancelled && !out.failed);
  if (!out.failed && !out.cancelled) out.status = result.status;
  return out;
}

}  // namespace

Result<std::string> ask_model_privately(backend::Backend& backend, std::vector<backend::Message> messages,
                                        int max_tokens, size_t max_bytes, const backend::CancelToken* cancel) {
  backend::ChatRequest request;
  request.messages = std::move(messages);
  request.never_remote = true;
  request.params.max_tokens = max_tokens;
  request.params.temperature = 0.2;
  std::string text;
  backend::ChatResult result = backend.chat(
      request,
      [&](std::string_view piece) {
        text.append(piece);
        return text.size() < max_bytes;
      },
      cancel);
  if (!result.status.is_ok() && result.finish_reason != backend::FinishReason::kCancelled &&
      text.size() < max_bytes) {
    return result.status;
  }
  return std::string(utf8::truncate(text, max_bytes));
}

void Conversation::summarise_if_needed(const BuiltContext& built, const backend::CancelToken* cancel) {
  if (!built.needs_summary || backend_ == nullptr) return;
  // Turns [summary_covers_turns_, first_included_turn) fell out of the window: fold them into the summary
  // rather than dropping them silently.
  std::string transcript;
  if (!earlier_summary_.empty()) transcript += "Earlier summary: " + earlier_summary_ + "\n\n";
  auto turns = context_turns();
  size_t end = std::min(built.first_included_turn, turns.size());
  for (size_t i = summary_covers_turns_; i < end; ++i) {
    transcript += (turns[i].role == "user" ? "User: " : "Haven: ") + turns[i].content + "\n";
  }
  auto summary = ask_model_privately(
      *backend_,
      {{backend::Role::kSystem,
        "You summarise part of a journaling conversation so it can be continued. Write three to six plain "
        "sentences about what the user said and felt, in the third person, using only what is in the text. "
        "Leave out any details of methods or means of self-harm."},
       {backend::Role::kUser, transcript}},
      256, 4000, cancel);
  if (summary.is_ok() && !summary->empty()) set_earlier_summary(std::move(summary).value(), end);
}

safety::policy::Decision Conversation::decide(const safety::Assessment& assessment) const {
  safety::policy::PolicyContext context;
  context.country = safety::resources::resolve(settings_.country, settings_.locale).country;
  context.has_safety_plan = settings_.has_safety_plan;
  context.non_english_notice_shown = non_english_notice_shown_;
  context.crisis_response_shown = crisis_response_shown_;
  context.check_in_shown = check_in_shown_;
  context.concern_shown = concern_shown_;
  return safety::policy::decide(safety::policy::RiskPicture::from_assessment(assessment), context);
}

void Conversation::note_shown(const safety::policy::Decision& decision) {
  using safety::policy::ResponseKind;
  if (decision.kind == ResponseKind::kCrisis) crisis_response_shown_ = true;
  if (decision.kind == ResponseKind::kCheckIn && !decision.immediate_text.empty()) check_in_shown_ = true;
  if (decision.kind == ResponseKind::kConcernForOther && !decision.immediate_text.empty()) concern_shown_ = true;
}

std::string Conversation::respond_to_private_text(std::string_view text, int64_t now_unix_ms) {
  auto messages = safety_view();
  messages.push_back({"user", std::string(text)});
  safety::Assessment assessment = safety::assess_conversation(messages);
  if (!safety::is_elevated(assessment.level)) return "";
  safety::policy::Decision decision = decide(assessment);
  note_shown(decision);
  if (!decision.immediate_text.empty()) {
    restore_turn({TurnAuthor::kHaven, decision.immediate_text, now_unix_ms, assessment.level, false});
  }
  return decision.immediate_text;
}

Result<TurnResult> Conversation::user_turn(std::string_view text, const TurnEvents& events,
                                           const backend::CancelToken* cancel, int64_t now_unix_ms) {
  if (!utf8::is_valid(text)) {
    return invalid_argument("expected UTF-8 text, found invalid bytes at offset " +
                            std::to_string(utf8::first_invalid(text)));
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return invalid_argument("expected a message, found only spaces");
  }

  TurnResult out;
  turns_.push_back({TurnAuthor::kUser, std::string(text), now_unix_ms, safety::Level::kNone, false});
  assessment_ = safety::assess_conversation(safety_view());
  peak_level_ = std::max(peak_level_, assessment_.level);
  turns_.back().level = assessment_.level;
  out.assessment = assessment_;

  auto resolution = safety::resources::resolve(settings_.country, settings_.locale);
  out.decision = decide(assessment_);
  const auto& decision = out.decision;

  // Haven's own words come first and never wait for the model.
  std::string haven_text;
  if (!decision.non_english_notice.empty()) {
    haven_text += decision.non_english_notice + "\n";
    non_english_notice_shown_ = true;
  }
  if (!decision.immediate_text.empty()) haven_text += decision.immediate_text;
  if (decision.resources_one_step_away) {
    haven_text += (haven_text.empty() || haven_text.back() == '\n' ? "" : "\n");
    haven_text += "If you'd like to talk to someone, type /help for crisis lines any time.\n";
  }
  if (decision.offer_safety_plan) haven_text += "Your safety plan is here whenever you want it: type /plan.\n";
  note_shown(decision);
  if (!haven_text.empty()) {
    if (events.on_haven_text) events.on_haven_text(haven_text);
    turns_.push_back({TurnAuthor::kHaven, haven_text, now_unix_ms, assessment_.level, false});
  }

  if (!decision.model_may_reply) return out;
  if (backend_ == nullptr) {
    out.backend_status = failed_precondition("no model is configured");
    return out;
  }

  // The model's instructions: who it is, then what this moment requires.
  ContextInputs inputs;
  inputs.system_prompt = base_system_prompt();
  inputs.safety_instructions = decision.model_instructions;
  if (!haven_text.empty()) {
    inputs.safety_instructions.push_back(
        "Haven has just shown the user this message, which you must not contradict or repeat: \"" +
        haven_text + "\" Reply briefly and warmly, and encourage them to reach out to the people and "
        "services named there.");
  }
  inputs.memory_items = settings_.memory_items;
  inputs.relevant_entries = settings_.relevant_entries;
  inputs.turns = context_turns();
  inputs.earlier_summary = earlier_summary_;
  inputs.summary_covers_turns = summary_covers_turns_;
  BuiltContext built = build_context(inputs, settings_.budget, settings_.count_tokens);
  if (built.needs_summary) {
    summarise_if_needed(built, cancel);
    inputs.earlier_summary = earlier_summary_;
    inputs.summary_covers_turns = summary_covers_turns_;
    built = build_context(inputs, settings_.budget, settings_.count_tokens);
  }

  const auto screen_context = screen::ScreenContext::from_conversation(safety_view(), assessment_.level);
  backend::ChatRequest request;
  request.messages = to_backend(built.messages);
  request.params = settings_.params;
  request.never_remote = safety::is_elevated(assessment_.level) || safety::is_elevated(peak_level_);

  if (events.on_thinking) events.on_thinking();
  out.model_asked = true;
  StreamOutcome attempt = stream_screened(*backend_, request, screen_context, events, cancel);
  if (attempt.failed && screen::next_step(attempt.verdict, 0) == screen::NextStep::kRegenerate) {
    if (!attempt.shown.empty() && events.on_reply_withdrawn) events.on_reply_withdrawn();
    out.regenerated = true;
    request.messages.front().content += "\n\n" + screen::corrective_instruction(attempt.verdict);
    attempt = stream_screened(*backend_, request, screen_context, events, cancel);
  }
  if (attempt.failed) {
    if (!attempt.shown.empty() && events.on_reply_withdrawn) events.on_reply_withdrawn();
    std::string fallback = screen::safe_fallback(attempt.verdict, screen_context, *resolution.country);
    std::string notice = screen::replaced_notice(attempt.verdict);
    if (events.on_haven_text) events.on_haven_text(fallback + "\n" + notice + "\n");
    out.reply = fallback;
    out.reply_replaced = true;
    turns_.push_back({TurnAuthor::kHaven, fallback, now_unix_ms, assessment_.level, true});
    return out;
  }
  out.cancelled = attempt.cancelled;
  out.backend_status = attempt.status;
  out.reply = attempt.shown;
  if (!out.reply.empty()) {
    turns_.push_back({TurnAuthor::kModel, out.reply, now_unix_ms, assessment_.level, false});
  }
  return out;
}

}  // namespace haven::companion
