// haven session list|show ID|delete ID: past conversations.
#include <iostream>

#include "app/cli/chat_support.h"
#include "app/cli/companion_cli.h"
#include "app/cli/vault_cli.h"
#include "core/env.h"
#include "vault/vault.h"

namespace haven::cli {
namespace {

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
    auto parsed = parse_record_id(args.take_positional(), "a session");
    if (!parsed.is_ok()) return usage_error(parsed.status().message());
    id = *parsed;
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
    std::cout << "Session " << s->id << ", " << format_local_time(s->started_ms, Env::default_env()->local_utc_offset_minutes(s->started_ms)) << "\n";
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
    std::cout << s.id << "  " << format_local_time(s.started_ms, Env::default_env()->local_utc_offset_minutes(s.started_ms));
    if (!s.summary.empty()) std::cout << "  " << s.summary;
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace haven::cli
