// Guided practices: short, structured flows the user walks through one question at a time.
//
// A practice asks fixed questions written by us (not by the model), collects the answers, and renders a
// record the user can keep as a journal entry. The companion still runs every answer through the safety
// layer, exactly like a chat message: a practice is never a way around it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace haven::companion {

enum class PracticeKind { kThoughtRecord, kGrounding, kMoodCheckIn, kTherapyPrep };

// Stable names: "thought-record", "grounding", "mood", "therapy-prep".
std::string_view practice_name(PracticeKind kind);
std::optional<PracticeKind> practice_from_name(std::string_view name);
// One line per practice for menus: "thought-record  Untangle a thought: ..."
std::vector<std::string> practice_menu();

struct PracticeStep {
  std::string key;       // stable field name, e.g. "situation"
  std::string question;  // what the user is asked
  bool optional = false; // an empty answer is accepted
};

struct PracticeAnswer {
  std::string key;
  std::string question;
  std::string answer;
};

class PracticeFlow {
 public:
  // Starts a practice. For kTherapyPrep, `context_lines` are recent themes (entry excerpts, memory items)
  // shown to the user as a starting point; the other practices ignore it.
  static std::unique_ptr<PracticeFlow> start(PracticeKind kind, std::vector<std::string> context_lines = {});

  PracticeKind kind() const { return kind_; }
  // The opening words shown before the first question.
  const std::string& introduction() const { return introduction_; }
  bool done() const { return next_ >= steps_.size(); }
  // The question to ask now. Precondition: !done().
  const PracticeStep& current() const { return steps_[next_]; }
  // Records the answer to current(). kInvalidArgument when a required answer is empty, or the text is
  // not valid UTF-8; the flow then stays on the same question.
  Status answer(std::string_view text);
  // Moves past an optional question. kFailedPrecondition when the current one is required.
  Status skip();
  const std::vector<PracticeAnswer>& answers() const { return answers_; }

  // The finished record as plain text (a journal entry). Precondition: done().
  std::string render_record() const;
  // A short closing message for the user.
  std::string closing() const;

 private:
  PracticeKind kind_ = PracticeKind::kGrounding;
  std::string introduction_;
  std::vector<PracticeStep> steps_;
  std::vector<std::string> context_lines_;
  std::vector<PracticeAnswer> answers_;
  size_t next_ = 0;
};

}  // namespace haven::companion
