// haven chat: the conversation, on a terminal or driven line by line through pipes.
//
// Every user message goes through companion::CompanionSession, which runs the safety layer before any
// model sees it; this file only reads lines, prints what the session returns, and handles commands.
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/chat_io.h"
#include "app/cli/chat_support.h"
#include "app/cli/companion_cli.h"
#include "app/cli/text_wrap.h"
#include "backend/cancel_token.h"
#include "companion/model/model_choice.h"
#include "companion/practice/practice.h"
#include "companion/session/companion_session.h"
#include "core/env.h"
#include "safety/plan/safety_plan.h"
#include "safety/resources/crisis_resources.h"
#include "vault/vault.h"

namespace haven::cli {
namespace {

constexpr const char* kCommandsHelp =
    "Commands:\n"
    "  /help              this list, and crisis lines for your country\n"
    "  /mood              a quick mood check-in\n"
    "  /journal           write a journal entry (an empty line finishes it)\n"
    "  /practice [NAME]   a guided practice: thought-record, grounding, mood, therapy-prep\n"
    "  /plan              your safety plan (/plan edit to write or change it)\n"
    "  /memory            what Haven remembers about you\n"
    "  /break             take a break\n"
    "  /end               end the session (you choose what Haven remembers)\n";

struct ChatState {
  ChatIo* io = nullptr;  // borrowed
  vault::Vault* vault = nullptr;  // borrowed
  companion::CompanionSession* session = nullptr;  // borrowed
  backend::Backend* backend = nullptr;  // borrowed, may be null
  const safety::resources::CountryResources* country = nullptr;  // borrowed
  Env* env = Env::default_env();
};

backend::CancelToken g_cancel;

void say(ChatState& s, std::string_view text) {
  s.io->write(text);
  if (!text.empty() && text.back() != '\n') s.io->write("\n");
}

std::optional<std::string> ask(ChatState& s, std::string_view prompt) {
  auto r = s.io->read_line(prompt, 0);
  if (r.outcome != ChatIo::ReadOutcome::kLine) return std::nullopt;
  return r.line;
}

void run_turn(ChatState& s, const std::string& text) {
  WordWrapper wrap(s.io->width());
  bool replying = false;
  companion::TurnEvents events;
  events.on_haven_text = [&](std::string_view t) {
    if (replying) {
      s.io->write(wrap.flush());
      s.io->write("\n");
      replying = false;
    }
    WordWrapper fixed(s.io->width());
    s.io->write(fixed.feed(t) + fixed.flush());
    if (!t.empty() && t.back() != '\n') s.io->write("\n");
  };
  events.on_thinking = [&] {
    if (s.io->interactive()) s.io->write("\x1b[2m…\x1b[0m\r");
  };
  events.on_reply_text = [&](std::string_view t) {
    if (!replying && s.io->interactive()) s.io->write("   \r");
    replying = true;
    s.io->write(wrap.feed(t));
    return !take_interrupt();
  };
  events.on_reply_withdrawn = [&] {
    if (replying) s.io->write(wrap.flush() + "\n");
    replying = false;
    s.io->write("(Haven's safety rules withdrew that reply.)\n");
  };
  g_cancel.reset();
  auto result = s.session->user_turn(text, events, &g_cancel, s.env->now_unix_ms());
  if (replying) {
    s.io->write(wrap.flush());
    s.io->write("\n");
  }
  if (!result.is_ok()) {
    say(s, "Haven could not take that message: " + result.status().message());
    return;
  }
  if (result->cancelled) say(s, "(stopped)");
  if (!result->backend_status.is_ok() && !result->reply_replaced) {
    if (result->backend_status.code() == StatusCode::kFailedPrecondition && s.backend == nullptr) {
      say(s, "(No model is set up, so Haven can only listen and keep your words safe. Type /help for more.)");
    } else {
      say(s, "(The model could not answer: " + result->backend_status.message() +
                 ". Your message is saved; you can try again.)");
    }
  }
  for (const auto& nudge : result->nudges) say(s, nudge);
  if (s.io->interactive()) s.io->write("\n");
}

std::string read_block(ChatState& s, std::string_view first_prompt) {
  std::string text;
  std::string_view prompt = first_prompt;
  for (;;) {
    auto line = ask(s, prompt);
    if (!line || line->empty()) break;
    text += *line + "\n";
    prompt = "";
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

void show_private_check(ChatState& s, const std::string& text) {
  std::string response = s.session->check_private_text(text, s.env->now_unix_ms());
  if (!response.empty()) say(s, response);
}

void run_practice(ChatState& s, companion::PracticeKind kind) {
  std::vector<std::string> themes;
  if (kind == companion::PracticeKind::kTherapyPrep) {
    if (auto items = s.session->store().list_memory(); items.is_ok()) {
      for (const auto& m : *items) themes.push_back(m.text);
    }
    if (auto entries = s.vault->list_entries(5); entries.is_ok()) {
      for (const auto& e : *entries) themes.push_back(e.preview);
    }
  }
  auto flow = companion::PracticeFlow::start(kind, themes);
  say(s, flow->introduction());
  while (!flow->done()) {
    std::string prompt = flow->current().question + (flow->current().optional ? " (Enter to skip)\n> " : "\n> ");
    auto line = ask(s, prompt);
    if (!line) {
      say(s, "(practice stopped; nothing was saved)");
      return;
    }
    if (line->empty() && flow->current().optional) {
      (void)flow->skip();
      continue;
    }
    Status st = flow->answer(*line);
    if (!st.is_ok()) {
      say(s, st.message());
      continue;
    }
    show_private_check(s, *line);
  }
  if (kind == companion::PracticeKind::kMoodCheckIn) {
    vault::MoodInput mood;
    for (const auto& a : flow->answers()) {
      if (a.key == "rating") mood.rating = std::atoi(a.answer.c_str());
      if (a.key == "energy" && !a.answer.empty()) mood.energy = std::atoi(a.answer.c_str());
      if (a.key == "sleep" && !a.answer.empty()) mood.sleep_hours = std::atof(a.answer.c_str());
      if (a.key == "note") mood.note = a.answer;
      if (a.key == "emotions") {
        std::string word;
        for (char c : a.answer + ",") {
          if (c == ',' || c == ' ') {
            if (!word.empty()) mood.emotions.push_back(word);
            word.clear();
          } else {
            word += c;
          }
        }
      }
    }
    auto added = s.vault->add_mood(mood);
    if (!added.is_ok()) {
      say(s, "Haven could not save the check-in: " + added.status().message());
      return;
    }
  } else {
    auto added = s.vault->add_entry(flow->render_record());
    if (!added.is_ok()) {
      say(s, "Haven could not save this: " + added.status().message());
      return;
    }
    say(s, "Saved in your journal as entry " + std::to_string(*added) + ".");
  }
  say(s, flow->closing());
}

void edit_plan(ChatState& s) {
  namespace plan = safety::plan;
  auto loaded = s.session->store().load_safety_plan();
  plan::SafetyPlan p = loaded.is_ok() && loaded->has_value() ? **loaded : plan::SafetyPlan{};
  say(s, "Let's write your safety plan, step by step. Write one thing per line; an empty line moves on.\n"
         "Anything you write replaces what that step had; an empty step keeps it as it was.");
  for (plan::Step step : plan::kAllSteps) {
    say(s, std::string(plan::step_title(step)));
    std::string text = read_block(s, std::string(plan::step_prompt(step)) + "\n> ");
    if (text.empty()) continue;
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    auto contacts = [&] {
      std::vector<plan::Contact> out;
      for (const auto& l : lines) {
        size_t cut = l.find_first_of("+0123456789");
        if (cut == std::string::npos || cut == 0) {
          out.push_back({l, ""});
        } else {
          std::string name = l.substr(0, cut);
          while (!name.empty() && (name.back() == ' ' || name.back() == ':' || name.back() == ',')) name.pop_back();
          out.push_back({name, l.substr(cut)});
        }
      }
      return out;
    };
    switch (step) {
      case plan::Step::kWarningSigns: p.warning_signs = lines; break;
      case plan::Step::kCopingAlone: p.coping_alone = lines; break;
      case plan::Step::kPeopleAndPlaces: p.people_and_places = lines; break;
      case plan::Step::kPeopleToAsk: p.people_to_ask = contacts(); break;
      case plan::Step::kProfessionals: p.professionals = contacts(); break;
      case plan::Step::kSaferSpace: p.safer_space = lines; break;
    }
  }
  p.updated_unix_ms = s.env->now_unix_ms();
  Status st = s.session->store().save_safety_plan(p);
  if (!st.is_ok()) {
    say(s, "Haven could not save the plan: " + st.message());
    return;
  }
  s.session->conversation().settings().has_safety_plan = !p.empty();
  say(s, "Your safety plan is saved. Type /plan any time to see it.");
}

void show_plan(ChatState& s) {
  auto loaded = s.session->store().load_safety_plan();
  if (!loaded.is_ok()) {
    say(s, "Haven could not open your safety plan: " + loaded.status().message());
    return;
  }
  if (!loaded->has_value() || (*loaded)->empty()) {
    say(s, "You don't have a safety plan yet. It's a short list, in your own words, of what helps in a hard "
           "moment and who you can reach. Type /plan edit to write one together, when you feel ready.");
    say(s, safety::resources::render_help_text(*s.country));
    return;
  }
  say(s, safety::plan::render_text(**loaded, *s.country));
}

// Returns false when the chat should end.
bool run_command(ChatState& s, const std::string& line) {
  std::string cmd = line.substr(0, line.find(' '));
  std::string arg = line.size() > cmd.size() ? line.substr(cmd.size() + 1) : "";
  if (cmd == "/help") {
    say(s, kCommandsHelp);
    say(s, "If you are in danger or thinking about ending your life, please reach out now:");
    say(s, safety::resources::render_help_text(*s.country));
  } else if (cmd == "/mood") {
    run_practice(s, companion::PracticeKind::kMoodCheckIn);
  } else if (cmd == "/journal") {
    std::string text = read_block(s, "Write your entry. An empty line finishes it.\n> ");
    if (text.empty()) {
      say(s, "(nothing written)");
      return true;
    }
    auto id = s.vault->add_entry(text);
    if (!id.is_ok()) {
      say(s, "Haven could not save the entry: " + id.status().message());
    } else {
      say(s, "Saved as entry " + std::to_string(*id) + ".");
    }
    show_private_check(s, text);
  } else if (cmd == "/practice") {
    auto kind = companion::practice_from_name(arg);
    if (!kind) {
      for (const auto& m : companion::practice_menu()) say(s, "  " + m);
      auto chosen = ask(s, "Which one? ");
      if (!chosen) return true;
      kind = companion::practice_from_name(*chosen);
      if (!kind) {
        say(s, "(no such practice)");
        return true;
      }
    }
    run_practice(s, *kind);
  } else if (cmd == "/plan") {
    if (arg == "edit") {
      edit_plan(s);
    } else {
      show_plan(s);
    }
  } else if (cmd == "/memory") {
    auto items = s.session->store().list_memory();
    if (!items.is_ok()) {
      say(s, "Haven could not read its memory: " + items.status().message());
    } else if (items->empty()) {
      say(s, "Haven doesn't remember anything about you yet. At the end of a session you can choose what it keeps.");
    } else {
      say(s, "What Haven remembers (change it with 'haven memory edit ID' or 'haven memory forget ID'):");
      for (const auto& m : *items) {
        say(s, "  " + std::to_string(m.id) + ". " + std::string(companion::memory_kind_name(m.kind)) + ": " + m.text);
      }
    }
  } else if (cmd == "/break") {
    say(s, "Good idea. Stand up, stretch, drink some water, or look out of a window for a minute. "
           "Your conversation is saved. Press Enter when you're back, or /end to finish.");
    (void)ask(s, "");
  } else if (cmd == "/end") {
    return false;
  } else {
    say(s, "(unknown command; /help lists them)");
  }
  return true;
}

void review_memory(ChatState& s) {
  if (s.backend == nullptr || s.session->conversation().turns().empty()) return;
  bool include_elevated = false;
  if (s.session->had_elevated_turns()) {
    auto answer = ask(s, "Part of this conversation was about a very hard moment. Haven leaves those parts out "
                         "of what it remembers. Include them this time? (y/n) ");
    include_elevated = answer && (*answer == "y" || *answer == "yes");
  }
  g_cancel.reset();
  auto proposal = s.session->propose_memory(include_elevated, &g_cancel);
  if (!proposal.is_ok() || (proposal->items.empty() && proposal->summary.empty())) return;
  say(s, "Here is what Haven could remember from this session. You decide what it keeps.");
  std::string summary;
  if (!proposal->summary.empty()) {
    say(s, "Summary: " + proposal->summary);
    auto keep = ask(s, "Keep this summary? (y/n) ");
    if (keep && (*keep == "y" || *keep == "yes")) summary = proposal->summary;
  }
  std::vector<companion::ProposedMemoryItem> accepted;
  for (auto item : proposal->items) {
    say(s, std::string(companion::memory_kind_name(item.kind)) + ": " + item.text);
    auto keep = ask(s, "Keep it? (y = yes, e = edit, n = no) ");
    if (!keep) break;
    if (*keep == "e" || *keep == "edit") {
      auto edited = ask(s, "New text: ");
      if (edited && !edited->empty()) {
        item.text = *edited;
        accepted.push_back(item);
      }
    } else if (*keep == "y" || *keep == "yes") {
      accepted.push_back(item);
    }
  }
  if (accepted.empty() && summary.empty()) {
    say(s, "Nothing from this session will be remembered.");
    return;
  }
  Status st = s.session->accept_memory(accepted, summary, s.env->now_unix_ms());
  if (!st.is_ok()) {
    say(s, "Haven could not save that: " + st.message());
  } else {
    say(s, "Saved. You can see and change it any time with 'haven memory list'.");
  }
}

}  // namespace

int run_chat_command(const GlobalOptions& options, Args& args) {
  auto model_options = take_model_options(args);
  if (!model_options.is_ok()) return usage_error(model_options.status().message());
  if (!args.empty()) return usage_error(args.expect_empty().message());

  auto io = ChatIo::make();
  auto opened = open_vault_for_chat(options, *io);
  if (!opened.is_ok()) return report_error(opened.status());
  std::unique_ptr<vault::Vault> vault = std::move(opened).value();
  companion::CompanionStore store(vault.get());
  auto made = backend_for(*model_options, store, *io);
  if (!made.is_ok()) return report_error(made.status());
  if (*made == nullptr) {
    io->write(kNoModelScreen);
    return kExitError;
  }
  std::unique_ptr<backend::Backend> model = std::move(made).value();
  companion::ConversationSettings settings = conversation_settings(store);
  auto resolution = safety::resources::resolve(settings.country, settings.locale);
  Env* env = Env::default_env();
  int64_t now = env->now_unix_ms();
  auto started = companion::CompanionSession::start(vault.get(), model.get(), settings, now,
                                                    env->local_utc_offset_minutes(now));
  if (!started.is_ok()) return report_error(started.status());
  std::unique_ptr<companion::CompanionSession> session = std::move(started).value();

  ChatState state;
  state.io = io.get();
  state.vault = vault.get();
  state.session = session.get();
  state.backend = model.get();
  state.country = resolution.country;
  install_interrupt_handler(&g_cancel);

  int idle_minutes = 15;
  if (auto v = store.get_config("lock-minutes"); v.is_ok() && v->has_value()) {
    idle_minutes = std::max(0, std::atoi((*v)->c_str()));
  }
  if (io->interactive()) {
    say(state, "Haven is listening. This is an AI self-help tool, not a therapist and not crisis care.\n"
               "Write what's on your mind. /help lists commands; /end finishes. Talking to " + model->describe() + ".\n");
  }
  bool locked = false;
  for (;;) {
    auto r = io->read_line(io->interactive() ? "you> " : "", idle_minutes * 60);
    if (r.outcome == ChatIo::ReadOutcome::kEnd) break;
    if (r.outcome == ChatIo::ReadOutcome::kInterrupted) {
      say(state, "(Type /end to finish the session.)");
      continue;
    }
    if (r.outcome == ChatIo::ReadOutcome::kIdle) {
      locked = true;
      break;
    }
    if (r.line.empty()) continue;
    if (r.line[0] == '/') {
      if (!run_command(state, r.line)) {
        review_memory(state);
        break;
      }
      continue;
    }
    run_turn(state, r.line);
  }
  auto ended = session->end(env->now_unix_ms());
  if (ended.is_ok() && !ended->empty() && !locked) say(state, *ended);
  session.reset();
  model.reset();
  vault.reset();
  if (io->interactive()) {
    if (!locked) (void)io->read_line("Press Enter to close and clear the screen. ", 60);
    io->clear_screen();
    if (locked) {
      io->write("Haven locked itself after " + std::to_string(idle_minutes) +
                " minutes without activity and cleared the screen. Your conversation is saved.\n"
                "Run 'haven chat' to continue.\n");
    }
  }
  return kExitOk;
}

}  // namespace haven::cli
