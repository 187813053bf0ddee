// haven reflect ENTRY-ID: talk about one journal entry. The entry goes to the model only through the
// companion's session, so the safety layer reads it first, exactly like a chat message.
#include <iostream>

#include "app/cli/chat_support.h"
#include "app/cli/companion_cli.h"
#include "app/cli/text_wrap.h"
#include "companion/session/companion_session.h"
#include "core/env.h"
#include "vault/vault.h"

namespace haven::cli {

int run_reflect_command(const GlobalOptions& options, Args& args) {
  auto model_options = take_model_options(args);
  if (!model_options.is_ok()) return usage_error(model_options.status().message());
  auto entry_id = parse_record_id(args.take_positional(), "a journal entry");
  if (!entry_id.is_ok()) return usage_error(entry_id.status().message());
  if (!args.empty()) return usage_error(args.expect_empty().message());
  auto io = ChatIo::make();
  auto opened = open_vault_for_chat(options, *io);
  if (!opened.is_ok()) return report_error(opened.status());
  std::unique_ptr<vault::Vault> vault = std::move(opened).value();
  auto entry = vault->get_entry(*entry_id);
  if (!entry.is_ok()) return report_error(entry.status());
  companion::CompanionStore store(vault.get());
  auto made = backend_for(*model_options, store, *io);
  if (!made.is_ok()) return report_error(made.status());
  if (*made == nullptr) {
    io->write(kNoModelScreen);
    return kExitError;
  }
  Env* env = Env::default_env();
  int64_t now = env->now_unix_ms();
  auto session = companion::CompanionSession::start(vault.get(), made->get(), conversation_settings(store), now,
                                                    env->local_utc_offset_minutes(now));
  if (!session.is_ok()) return report_error(session.status());
  WordWrapper wrap(io->width());
  companion::TurnEvents events;
  events.on_haven_text = [&](std::string_view t) { io->write(std::string(t) + (t.empty() || t.back() == '\n' ? "" : "\n")); };
  events.on_reply_text = [&](std::string_view t) {
    io->write(wrap.feed(t));
    return true;
  };
  std::string prompt = "I'd like to reflect on something I wrote in my journal. Here it is:\n\n" + entry->text +
                       "\n\nWhat do you notice, and what would be a good question for me to think about?";
  auto result = (*session)->user_turn(prompt, events, nullptr, now);
  io->write(wrap.flush() + "\n");
  if (!result.is_ok()) return report_error(result.status());
  if (!result->backend_status.is_ok() && !result->reply_replaced) return report_error(result->backend_status);
  (void)(*session)->end(env->now_unix_ms());
  return kExitOk;
}

}  // namespace haven::cli
