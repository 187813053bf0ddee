// haven session list|show ID|delete ID: past conversations.
#include <ctime>
#include <iostream>

#include "app/cli/chat_support.h"
#include "app/cli/companion_cli.h"
#include "core/env.h"
#include "vault/vault.h"

namespace haven::cli {
namespace {

std::string local_time(int64_t unix_ms) {
  time_t t = static_cast<time_t>(unix_ms / 1000);
  struct tm local {};
  localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
  return buf;
}

const char* author_label(companion::TurnAuthor a) {
  switch (a) {
    case companion::TurnAuthor::kUser: return "you";
    case companion::TurnAuthor::kModel: return "model";
    case companion::TurnAuthor::kHaven: return "haven";
  }
  return "";
}

}  // namespace

int run_session_command(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub || (*sub != "list" && *sub != "show" && *sub != "delete")) {
    return usage_error("session expects list, show ID or delete ID");
  }
  int64_t id = 0;
  if (*sub != "list") {
    auto id_text = args.take_positional();
    if (!id_text || id_text->find_first_not_of("0123456789") != std::string::npos || id_text->size() > 15) {
      return usage_error("expected a session number, found '" + id_text.value_or("") + "'");
    }
    id = std::stoll(*id_text);
  }
  if (!args.empty()) return usage_error(args.expect_empty().message());
  auto io = ChatIo::make();
  auto opened = open_vault_for_chat(options, *io);
  if (!opened.is_ok()) return report_error(opened.status());
  companion::CompanionStore store(opened->get());
  if (*sub == "delete") {
    if (Status st = store.delete_session(id); !st.is_ok()) return report_error(st);
    std::cout << "Deleted session " << id << ", its messages, and what Haven remembered only from it.\n";
    return kExitOk;
  }
  if (*sub == "show") {
    auto s = store.load_session(id);
    if (!s.is_ok()) return report_error(s.status());
    std::cout << "Session " << s->id << ", " << local_time(s->started_ms) << "\n";
    if (!s->summary.empty()) std::cout << "Summary: " << s->summary << "\n";
    for (const auto& t : s->turns) {
      std::cout << "\n" << author_label(t.author) << (t.replaced_by_safety ? " (replaced by safety rules)" : "")
                << ":\n" << t.content << "\n";
    }
    return kExitOk;
  }
  auto list = store.list_sessions();
  if (!list.is_ok()) return report_error(list.status());
  if (list->empty()) std::cout << "No sessions yet. 'haven chat' starts one.\n";
  for (const auto& s : *list) {
    std::cout << s.id << "  " << local_time(s.started_ms);
    if (!s.summary.empty()) std::cout << "  " << s.summary;
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace haven::cli
