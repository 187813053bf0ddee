// haven memory list|edit ID TEXT|forget ID: what Haven remembers, readable and correctable by the user.
#include <iostream>

#include "app/cli/chat_support.h"
#include "app/cli/companion_cli.h"
#include "vault/vault.h"

namespace haven::cli {

int run_memory_command(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub || (*sub != "list" && *sub != "edit" && *sub != "forget")) {
    return usage_error("memory expects list, edit ID TEXT or forget ID");
  }
  int64_t id = 0;
  std::string text;
  if (*sub != "list") {
    auto parsed = parse_record_id(args.take_positional(), "a memory item");
    if (!parsed.is_ok()) return usage_error(parsed.status().message());
    id = *parsed;
    if (*sub == "edit") {
      auto t = args.take_positional();
      if (!t || t->empty()) return usage_error("memory edit needs the new text");
      text = *t;
    }
  }
  if (!args.empty()) return usage_error(args.expect_empty().message());
  auto io = ChatIo::make();
  auto opened = open_vault_for_chat(options, *io);
  if (!opened.is_ok()) return report_error(opened.status());
  companion::CompanionStore store(opened->get());
  if (*sub == "edit") {
    if (Status st = store.edit_memory(id, text); !st.is_ok()) return report_error(st);
    std::cout << "Changed item " << id << ".\n";
    return kExitOk;
  }
  if (*sub == "forget") {
    if (Status st = store.forget_memory(id); !st.is_ok()) return report_error(st);
    std::cout << "Haven no longer remembers item " << id << ".\n";
    return kExitOk;
  }
  auto items = store.list_memory();
  if (!items.is_ok()) return report_error(items.status());
  if (items->empty()) std::cout << "Haven doesn't remember anything about you yet.\n";
  for (const auto& m : *items) {
    std::cout << m.id << "  " << companion::memory_kind_name(m.kind) << ": " << m.text;
    if (!m.sessions.empty()) {
      std::cout << "  (from session";
      for (auto s : m.sessions) std::cout << " " << s;
      std::cout << ")";
    } else {
      std::cout << "  (added by you)";
    }
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace haven::cli
