#include "safety/wellbeing/nudges.h"

#include <algorithm>
#include <iterator>

#include "safety/screen/text_scan.h"

namespace haven::safety::wellbeing {
namespace {

constexpr int64_t kMinute = 60 * 1000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

int64_t local_ms(int64_t utc_ms, int offset_minutes) { return utc_ms + static_cast<int64_t>(offset_minutes) * kMinute; }
int64_t local_day(int64_t utc_ms, int offset_minutes) { return floor_div(local_ms(utc_ms, offset_minutes), kDay); }
int local_hour(int64_t utc_ms, int offset_minutes) {
  int64_t l = local_ms(utc_ms, offset_minutes);
  return static_cast<int>(floor_div(l - floor_div(l, kDay) * kDay, kHour));
}

bool in_night(int hour, const Config& c) {
  if (c.late_night_start_hour < c.late_night_end_hour) return hour >= c.late_night_start_hour && hour < c.late_night_end_hour;
  return hour >= c.late_night_start_hour || hour < c.late_night_end_hour;
}

bool any_match(const std::vector<scan::Pattern>& ps, const std::vector<scan::Token>& tokens, bool skip_negated) {
  for (const auto& p : ps) {
    size_t from = 0;
    while (auto m = p.find(tokens, from)) {
      from = m->first_token + 1;
      bool negated = false;
      if (skip_negated) {
        for (size_t k = m->first_token; k < m->end_token && !negated; ++k) {
          negated = tokens[k].norm == "not" || tokens[k].norm == "never";
        }
        // "never" is part of some conclusions ("I will never be happy"): only count it as a negation
        // when the pattern itself did not ask for it.
        if (negated && p.spec().find("never") != std::string::npos) negated = false;
      }
      if (!negated) return true;
    }
  }
  return false;
}

const std::vector<scan::Pattern>& self_conclusions() {
  static const std::vector<scan::Pattern> k = [] {
    std::vector<scan::Pattern> v;
    for (const char* s : {
             "(everyone|everybody|all of them|people|the whole world|all my friends) (hates|hate|dislikes|dislike|"
             "laughs at|laugh at|is against|are against|is sick of|are sick of|would be happier without) me",
             "(no one|nobody|not a single person|not one person) (likes|loves|cares about|wants|would miss|will ever "
             "love|understands|cares|will miss) me",
             "(no one|nobody) (cares|would care|would notice)",
             "i am (so |completely |totally |just |such |a complete |an utter |the )?(worthless|a failure|useless|"
             "unlovable|stupid|a burden|broken|pathetic|disgusting|a loser|a waste|a waste of space|hopeless|ugly|"
             "a terrible person|the worst|a fraud|an idiot|a disappointment|unwanted|too much|not good enough|never "
             "good enough|failure|burden)",
             "i (always|constantly) (ruin|mess up|fail|screw up|destroy|disappoint)",
             "i never (get anything right|do anything right|succeed|get it right)",
             "i will never (be happy|find anyone|find someone|get better|be loved|be good enough|amount to anything|"
             "succeed|be enough|be normal|change)",
             "i (ruin|ruined|destroy|destroyed) everything", "(everything|it all|all of this) is (all )?my fault",
             "(my life|everything) is (a total |a complete )?(disaster|ruined|over|pointless|a mess)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  return k;
}

const std::vector<scan::Pattern>& other_conclusions() {
  static const std::vector<scan::Pattern> k = [] {
    std::vector<scan::Pattern> v;
    for (const char* s : {
             "(he|she|they|my partner|my husband|my wife|my boyfriend|my girlfriend|my boss|my friend|my friends|my "
             "mom|my mum|my dad|my mother|my father|my sister|my brother|my ex|my coworkers|my colleagues) (is|are) "
             "(definitely|obviously|clearly|100|totally|absolutely|for sure|100 percent)? (cheating on me|lying to me|using me|"
             "out to get me|against me|manipulating me|trying to hurt me|plotting|talking about me|laughing at me|"
             "going to leave me|leaving me|hiding something)",
             "(he|she|they|my partner|my husband|my wife|my boyfriend|my girlfriend) (is|are) (definitely|obviously|"
             "clearly|totally|absolutely|100 percent) (cheating|lying|seeing someone)",
             "(he|she|they|my partner|my husband|my wife|my boyfriend|my girlfriend|my boss|my friends|my family) "
             "(hates|hate|has never loved|never loved|never cared about|does not care about|do not care about) me",
             "(everyone|they all|all of them|everybody) (is|are) (lying|talking about me|judging me|laughing at me|"
             "lying to me|out to get me)",
             "(i know|i just know|i am sure|i am certain) (he|she|they) (is|are|has|have|was|were) (cheating|lying|"
             "seeing someone|using me)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  return k;
}

std::string join_names(const std::vector<std::string>& names) {
  // Two names at most: a short list is easier to act on.
  std::vector<std::string> shown;
  for (const auto& n : names) {
    bool blank = n.find_first_not_of(' ') == std::string::npos;
    if (!blank && n.size() <= 80) shown.push_back(n);
    if (shown.size() == 2) break;
  }
  if (shown.empty()) return "";
  if (shown.size() == 1) return shown[0];
  return shown[0] + " or " + shown[1];
}

constexpr std::string_view kActivities[] = {
    "step outside for a few minutes and notice five things you can see",
    "drink a glass of water and stretch your shoulders and neck",
    "send a short message to someone you like; it doesn't have to be about today",
    "take a slow walk, even just around the block",
    "listen to one song you love, all the way through, away from the screen",
    "make a warm drink and sit somewhere comfortable for a while",
    "write one small thing you'd like to do tomorrow on a piece of paper",
    "have a shower or wash your face with warm water",
};

}  // namespace

Status validate(const Config& c) {
  auto range = [](int v, int lo, int hi, const char* name) -> Status {
    if (v < lo || v > hi) {
      return invalid_argument(std::string("expected ") + name + " between " + std::to_string(lo) + " and " +
                              std::to_string(hi) + ", found " + std::to_string(v));
    }
    return Status::ok();
  };
  HAVEN_RETURN_IF_ERROR(range(c.break_after_minutes, 1, 600, "break_after_minutes"));
  HAVEN_RETURN_IF_ERROR(range(c.daily_soft_limit_minutes, 1, 1440, "daily_soft_limit_minutes"));
  HAVEN_RETURN_IF_ERROR(range(c.late_night_start_hour, 0, 23, "late_night_start_hour"));
  HAVEN_RETURN_IF_ERROR(range(c.late_night_end_hour, 0, 23, "late_night_end_hour"));
  if (c.late_night_start_hour == c.late_night_end_hour) {
    return invalid_argument("expected late_night_start_hour and late_night_end_hour to differ, found both " +
                            std::to_string(c.late_night_start_hour));
  }
  HAVEN_RETURN_IF_ERROR(range(c.intense_session_minutes, 1, 1440, "intense_session_minutes"));
  HAVEN_RETURN_IF_ERROR(range(c.reality_anchor_gap_minutes, 1, 1440, "reality_anchor_gap_minutes"));
  HAVEN_RETURN_IF_ERROR(range(c.ai_reminder_interval_hours, 1, 720, "ai_reminder_interval_hours"));
  return Status::ok();
}

std::string_view nudge_kind_name(NudgeKind kind) {
  switch (kind) {
    case NudgeKind::kBreak: return "break";
    case NudgeKind::kDailyLimit: return "daily_limit";
    case NudgeKind::kLateNight: return "late_night";
    case NudgeKind::kOffDeviceActivity: return "off_device_activity";
    case NudgeKind::kRealityAnchor: return "reality_anchor";
    case NudgeKind::kAiReminder: return "ai_reminder";
  }
  return "break";
}

void record(NudgeHistory& history, const Nudge& nudge, int64_t now_ms) {
  history.last_shown_ms[static_cast<size_t>(nudge.kind)] = now_ms;
}

std::vector<Nudge> time_nudges(const Config& c, const SessionTimes& t, const NudgeHistory& h) {
  std::vector<Nudge> out;
  const int64_t session_ms = t.now_ms > t.session_start_ms ? t.now_ms - t.session_start_ms : 0;

  if (c.breaks && c.break_after_minutes > 0) {
    const int64_t every = static_cast<int64_t>(c.break_after_minutes) * kMinute;
    // The window restarts with each session and after each reminder.
    const int64_t since = std::max(t.session_start_ms, h.last(NudgeKind::kBreak));
    if (session_ms >= every && t.now_ms - since >= every) {
      out.push_back({NudgeKind::kBreak,
                     "You've been here for " + std::to_string(session_ms / kMinute) +
                         " minutes. This could be a good moment for a short break: stand up, stretch, get some "
                         "water. Everything will still be here when you come back."});
    }
  }

  if (c.daily_limit && c.daily_soft_limit_minutes > 0) {
    const int64_t today_ms = t.earlier_today_ms + session_ms;
    const int64_t last = h.last(NudgeKind::kDailyLimit);
    const bool shown_today =
        last >= 0 && local_day(last, t.local_utc_offset_minutes) == local_day(t.now_ms, t.local_utc_offset_minutes);
    if (today_ms >= static_cast<int64_t>(c.daily_soft_limit_minutes) * kMinute && !shown_today) {
      out.push_back({NudgeKind::kDailyLimit,
                     "You've spent about " + std::to_string(today_ms / kMinute) +
                         " minutes with Haven today. That's a lot of screen time. It might feel good to do something "
                         "away from it for a while, maybe with someone you like."});
    }
  }

  if (c.late_night && in_night(local_hour(t.now_ms, t.local_utc_offset_minutes), c)) {
    const int64_t last = h.last(NudgeKind::kLateNight);
    // Once per night: a night is shorter than 24 hours, so 12 hours since the last one means a new night.
    if (last < 0 || t.now_ms - last >= 12 * kHour) {
      out.push_back({NudgeKind::kLateNight,
                     "It's late. Sleep helps with almost everything, hard feelings included. If you can, maybe write "
                     "one last line for tonight and come back tomorrow."});
    }
  }

  if (c.ai_reminder) {
    const int64_t last = h.last(NudgeKind::kAiReminder);
    if (last < 0 || t.now_ms - last >= static_cast<int64_t>(c.ai_reminder_interval_hours) * kHour) {
      out.push_back({NudgeKind::kAiReminder,
                     "A reminder: Haven is an AI self-help tool. It can help you reflect, but it isn't a therapist, "
                     "and it can't take the place of the people in your life or of professional care."});
    }
  }
  return out;
}

bool is_strong_conclusion(std::string_view text) {
  auto tokens = scan::tokenize(text);
  return any_match(self_conclusions(), tokens, true) || any_match(other_conclusions(), tokens, true);
}

std::optional<Nudge> reality_anchor(std::string_view user_text, const std::vector<std::string>& trusted_people,
                                    const Config& c, int64_t now_ms, const NudgeHistory& h) {
  if (!c.reality_anchors) return std::nullopt;
  const int64_t last = h.last(NudgeKind::kRealityAnchor);
  if (last >= 0 && now_ms - last < static_cast<int64_t>(c.reality_anchor_gap_minutes) * kMinute) return std::nullopt;
  auto tokens = scan::tokenize(user_text);
  const bool about_others = any_match(other_conclusions(), tokens, true);
  const bool about_self = !about_others && any_match(self_conclusions(), tokens, true);
  if (!about_others && !about_self) return std::nullopt;
  std::string names = join_names(trusted_people);
  std::string text = about_others ? "That's a big conclusion about someone else, and it sounds painful. "
                                  : "That's a heavy conclusion to reach about yourself. ";
  if (!names.empty()) {
    text += about_others ? "Before acting on it, could you talk it through with " + names + "? "
                         : "Would it help to check it with " + names + "? ";
    text += "Someone who knows you might see it differently.";
  } else {
    text += "Is there someone you trust you could check it with? Someone who knows you might see it differently. "
            "If you tell Haven who your trusted people are, it can suggest them at moments like this.";
  }
  return Nudge{NudgeKind::kRealityAnchor, std::move(text)};
}

std::optional<Nudge> ai_reminder_for_message(std::string_view user_text, const Config& c, int64_t now_ms,
                                             const NudgeHistory& h) {
  static const std::vector<scan::Pattern> k = [] {
    std::vector<scan::Pattern> v;
    for (const char* s : {
             "you are my (therapist|counsellor|counselor|psychologist|doctor|best friend|only friend|girlfriend|"
             "boyfriend|partner)",
             "are you (real|human|a real person|a person|alive|conscious)", "(do|can) you (really )?(feel|love|care)",
             "you (understand|know|get) me better than (anyone|anybody|everyone|my)",
             "(you are|you are the) (the )?only one (who|that) (understands|gets|listens)",
             "(i love|i need) you", "(better|easier) than (talking to )?(a )?(real )?(therapist|people|my friends)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  if (!c.ai_reminder) return std::nullopt;
  const int64_t last = h.last(NudgeKind::kAiReminder);
  if (last >= 0 && now_ms - last < kHour) return std::nullopt;
  if (!any_match(k, scan::tokenize(user_text), true)) return std::nullopt;
  return Nudge{NudgeKind::kAiReminder,
               "I'm glad this helps. I should be honest, though: I'm an AI, not a person and not a therapist. I "
               "can't feel things the way you do, and I can't be there the way people can. The people in your life, "
               "and professionals, can give you things I can't."};
}

bool is_emotionally_intense(std::string_view text) {
  static const std::vector<scan::Pattern> k = [] {
    std::vector<scan::Pattern> v;
    for (const char* s : {
             "(crying|sobbing|can not stop crying|in tears|shaking|panicking|panic attack|screaming|furious|rage|"
             "enraged|falling apart|breaking down|can not breathe|numb|empty inside|desperate|hopeless|terrified|"
             "devastated|heartbroken|want to die|hate myself|can not take it|overwhelmed|worst day)",
         }) {
      v.push_back(scan::must_compile(s));
    }
    return v;
  }();
  return any_match(k, scan::tokenize(text), true);
}

std::optional<Nudge> end_of_session(const Config& c, const SessionSummary& s, const NudgeHistory& h) {
  if (!c.activities) return std::nullopt;
  // Once per session: shown after this session started means it was shown for this session.
  if (h.last(NudgeKind::kOffDeviceActivity) >= s.start_ms) return std::nullopt;
  const int64_t minutes = s.end_ms > s.start_ms ? (s.end_ms - s.start_ms) / kMinute : 0;
  const bool intense = is_elevated(s.max_risk) || s.intense_messages >= 3 || minutes >= c.intense_session_minutes;
  if (!intense) return std::nullopt;
  const size_t n = std::size(kActivities);
  const size_t first = static_cast<size_t>(floor_div(s.end_ms, kDay) % static_cast<int64_t>(n) + static_cast<int64_t>(n)) % n;
  const size_t second = (first + 3) % n;
  std::string text = "That was a lot to go through. Before you do anything else, it might help to do something "
                     "away from the screen. You could ";
  text += kActivities[first];
  text += ", or ";
  text += kActivities[second];
  text += ".";
  if (is_elevated(s.max_risk)) {
    text += " And if the hard feelings come back, reaching out to someone you trust, or to a crisis line, is "
            "always okay.";
  }
  return Nudge{NudgeKind::kOffDeviceActivity, std::move(text)};
}

}  // namespace haven::safety::wellbeing
