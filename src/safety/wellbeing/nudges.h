// Healthy use: gentle nudges that help the user step away, sleep, and check strong conclusions with
// real people. Haven wants the user to leave (DEVELOPERS.md, promise 3).
//
// Everything here is a pure function of times, text and a NudgeHistory the companion keeps, so every
// rule can be tested with explicit times. Never nagging: each kind of nudge is shown at most once per
// window (a break window, a local day, a night, a session), and each can be switched off in Config.
// The functions only suggest; they never block anything.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "safety/types.h"

namespace haven::safety::wellbeing {

struct Config {
  bool breaks = true;
  int break_after_minutes = 25;            // a break reminder after this long in one session, then again
                                           // after the same time since the last one
  bool daily_limit = true;
  int daily_soft_limit_minutes = 90;       // once per local day when today's total passes this
  bool late_night = true;
  int late_night_start_hour = 23;          // local time; the night runs from start to end
  int late_night_end_hour = 5;
  bool activities = true;                  // off-device activity suggestions after intense sessions
  int intense_session_minutes = 45;        // a session this long counts as intense on its own
  bool reality_anchors = true;
  int reality_anchor_gap_minutes = 30;     // at most one reality anchor per this many minutes
  bool ai_reminder = true;
  int ai_reminder_interval_hours = 24;     // "I'm an AI, not a therapist" at most once per this many hours
};

// OK, or kInvalidArgument naming the first field out of range: minutes 1..1440 (daily limit up to
// 1440, break up to 600), hours 0..23 for the night (start != end), interval 1..720 hours.
Status validate(const Config& config);

enum class NudgeKind { kBreak, kDailyLimit, kLateNight, kOffDeviceActivity, kRealityAnchor, kAiReminder };
inline constexpr size_t kNudgeKinds = 6;
std::string_view nudge_kind_name(NudgeKind kind);  // "break", "daily_limit", "late_night", ...

// When each kind was last shown (Unix ms); -1 when never. The companion stores it with the session
// and calls record() when it shows a nudge.
struct NudgeHistory {
  std::array<int64_t, kNudgeKinds> last_shown_ms = {-1, -1, -1, -1, -1, -1};
  int64_t last(NudgeKind k) const { return last_shown_ms[static_cast<size_t>(k)]; }
};

struct Nudge {
  NudgeKind kind = NudgeKind::kBreak;
  std::string text;
};

void record(NudgeHistory& history, const Nudge& nudge, int64_t now_ms);

struct SessionTimes {
  int64_t session_start_ms = 0;
  int64_t now_ms = 0;
  int local_utc_offset_minutes = 0;  // Env::local_utc_offset_minutes(now)
  int64_t earlier_today_ms = 0;      // time in earlier sessions of the same local day
};

// The time-based nudges due now (break, daily limit, late night, the AI reminder), in that order.
// Call it on each user turn; show what it returns and record() each.
std::vector<Nudge> time_nudges(const Config& config, const SessionTimes& times, const NudgeHistory& history);

// A reality anchor when the user's message reaches a strong, global conclusion about themselves or
// someone else ("everyone hates me", "I'm worthless", "he's definitely cheating"), naming the trusted
// people the user listed (none: it asks whether there is someone). nullopt when there is no such
// conclusion, when anchors are off, or when one was shown less than reality_anchor_gap_minutes ago.
std::optional<Nudge> reality_anchor(std::string_view user_text, const std::vector<std::string>& trusted_people,
                                    const Config& config, int64_t now_ms, const NudgeHistory& history);

// True when the text states such a strong conclusion (exposed for tests and for the companion's
// "what Haven noticed" page).
bool is_strong_conclusion(std::string_view text);

// The AI reminder when the user talks to Haven as a person or a therapist ("you're my therapist",
// "are you real?", "you understand me better than anyone"), at most once per hour.
std::optional<Nudge> ai_reminder_for_message(std::string_view user_text, const Config& config, int64_t now_ms,
                                             const NudgeHistory& history);

struct SessionSummary {
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  Level max_risk = Level::kNone;   // the highest overall level the session reached
  int intense_messages = 0;        // user messages for which is_emotionally_intense() was true
};

// True for a message that carries strong emotion (crying, panic, rage, despair): counted by the
// companion into SessionSummary::intense_messages.
bool is_emotionally_intense(std::string_view text);

// When a session ends (or the user says goodbye): off-device activity suggestions after an intense
// session (elevated risk, three or more intense messages, or intense_session_minutes or more), at most
// once per session. The suggestions rotate with the day, so they are not always the same two.
std::optional<Nudge> end_of_session(const Config& config, const SessionSummary& session, const NudgeHistory& history);

}  // namespace haven::safety::wellbeing
