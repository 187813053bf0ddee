#include "companion/practice/practice.h"

#include "core/utf8.h"

namespace haven::companion {

std::string_view practice_name(PracticeKind kind) {
  switch (kind) {
    case PracticeKind::kThoughtRecord: return "thought-record";
    case PracticeKind::kGrounding: return "grounding";
    case PracticeKind::kMoodCheckIn: return "mood";
    case PracticeKind::kTherapyPrep: return "therapy-prep";
  }
  return "grounding";
}

std::optional<PracticeKind> practice_from_name(std::string_view name) {
  for (auto k : {PracticeKind::kThoughtRecord, PracticeKind::kGrounding, PracticeKind::kMoodCheckIn,
                 PracticeKind::kTherapyPrep}) {
    if (practice_name(k) == name) return k;
  }
  return std::nullopt;
}

std::vector<std::string> practice_menu() {
  return {
      "thought-record  Look at one thought more closely: what happened, what you felt, the evidence.",
      "grounding       5-4-3-2-1: come back to the room you are in, through your senses.",
      "mood            A quick check-in: how you feel, how you slept, your energy.",
      "therapy-prep    Gather what you want to bring to your next therapy session.",
  };
}

std::unique_ptr<PracticeFlow> PracticeFlow::start(PracticeKind kind, std::vector<std::string> context_lines) {
  auto flow = std::unique_ptr<PracticeFlow>(new PracticeFlow());
  flow->kind_ = kind;
  flow->context_lines_ = std::move(context_lines);
  switch (kind) {
    case PracticeKind::kThoughtRecord:
      flow->introduction_ =
          "Let's look at one thought together. There are no right answers; short notes are fine.";
      flow->steps_ = {
          {"situation", "What happened? Where were you, who was there, when was it?", false},
          {"thought", "What went through your mind? Write the thought as it sounded in your head.", false},
          {"feelings", "What did you feel, and how strongly (0-100)?", false},
          {"evidence_for", "What makes the thought seem true?", false},
          {"evidence_against", "What doesn't fit the thought? What would you tell a friend who thought it?",
           false},
          {"balanced", "Is there a more balanced way to see it? It doesn't have to be positive, just fair.",
           false},
          {"feelings_after", "How strong are those feelings now (0-100)?", true},
      };
      break;
    case PracticeKind::kGrounding:
      flow->introduction_ =
          "Let's slow down and notice where you are. Take your time with each one; a few words are enough.";
      flow->steps_ = {
          {"see", "Name 5 things you can see around you.", false},
          {"touch", "Name 4 things you can feel or touch (your feet on the floor, the chair, your clothes).",
           false},
          {"hear", "Name 3 things you can hear.", false},
          {"smell", "Name 2 things you can smell (or two smells you like).", false},
          {"taste", "Name 1 thing you can taste, or take a sip of water and notice it.", false},
      };
      break;
    case PracticeKind::kMoodCheckIn:
      flow->introduction_ = "A quick check-in. Skip anything you like.";
      flow->steps_ = {
          {"rating", "On a scale from 0 (very low) to 10 (very good), how is your mood right now?", false},
          {"emotions", "Which words fit how you feel? (for example: calm, anxious, sad, tired, hopeful)", true},
          {"sleep", "About how many hours did you sleep last night?", true},
          {"energy", "How is your energy, from 0 to 10?", true},
          {"note", "Anything you want to note about today?", true},
      };
      break;
    case PracticeKind::kTherapyPrep:
      flow->introduction_ =
          "Let's gather what you want to bring to your next session. Your therapist is the one to work "
          "through it with; this is just a list for you.";
      flow->steps_ = {
          {"topics", "What has been on your mind most since your last session?", false},
          {"went_well", "What went better than you expected, even a little?", true},
          {"hard", "What was hard, or what do you keep coming back to?", true},
          {"tried", "Did you try anything you talked about last time? How did it go?", true},
          {"questions", "Is there anything you want to ask your therapist?", true},
      };
      break;
  }
  return flow;
}

Status PracticeFlow::answer(std::string_view text) {
  if (done()) return failed_precondition("the practice is already finished");
  if (!utf8::is_valid(text)) {
    return invalid_argument("expected UTF-8 text, found invalid bytes at offset " +
                            std::to_string(utf8::first_invalid(text)));
  }
  std::string trimmed(text);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\n' || trimmed.back() == '\r')) {
    trimmed.pop_back();
  }
  const PracticeStep& step = steps_[next_];
  if (trimmed.empty() && !step.optional) {
    return invalid_argument("this question needs an answer (a few words are enough)");
  }
  answers_.push_back({step.key, step.question, std::move(trimmed)});
  ++next_;
  return Status::ok();
}

Status PracticeFlow::skip() {
  if (done()) return failed_precondition("the practice is already finished");
  if (!steps_[next_].optional) return failed_precondition("this question cannot be skipped");
  answers_.push_back({steps_[next_].key, steps_[next_].question, ""});
  ++next_;
  return Status::ok();
}

std::string PracticeFlow::render_record() const {
  std::string title;
  switch (kind_) {
    case PracticeKind::kThoughtRecord: title = "Thought record"; break;
    case PracticeKind::kGrounding: title = "Grounding (5-4-3-2-1)"; break;
    case PracticeKind::kMoodCheckIn: title = "Mood check-in"; break;
    case PracticeKind::kTherapyPrep: title = "For my next therapy session"; break;
  }
  std::string out = title + "\n";
  if (kind_ == PracticeKind::kTherapyPrep && !context_lines_.empty()) {
    out += "\nRecent themes from my journal and notes:\n";
    for (const auto& line : context_lines_) out += "- " + line + "\n";
  }
  for (const auto& a : answers_) {
    if (a.answer.empty()) continue;
    out += "\n" + a.question + "\n" + a.answer + "\n";
  }
  return out;
}

std::string PracticeFlow::closing() const {
  switch (kind_) {
    case PracticeKind::kThoughtRecord:
      return "Thank you for working through that. Noticing a thought is a skill, and you just practised it.";
    case PracticeKind::kGrounding:
      return "Well done. If you can, take one slow breath before you go on.";
    case PracticeKind::kMoodCheckIn:
      return "Thanks for checking in with yourself.";
    case PracticeKind::kTherapyPrep:
      return "Your list is ready. Bring whatever feels most important; you don't have to cover it all.";
  }
  return "";
}

}  // namespace haven::companion
