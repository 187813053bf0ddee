// haven journal add|list|show|edit|delete|search. Written by the lead for issue 2's CLI.
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "app/cli/vault_cli.h"

namespace haven::cli {
namespace {

// Text from the argument, or everything on standard input (no editor, no temp file).
std::string text_argument_or_stdin(std::optional<std::string> arg) {
  if (arg) return *arg;
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  while (!all.empty() && (all.back() == '\n' || all.back() == '\r')) all.pop_back();
  return all;
}

}  // namespace

int run_journal_command(const GlobalOptions& options, Args& args) {
  auto sub = args.take_positional();
  if (!sub) return usage_error("journal expects add, list, show, edit, delete or search");
  using nlohmann::json;
  if (*sub == "add") {
    auto text_arg = args.take_positional();
    if (!args.empty()) return usage_error(args.expect_empty().message());
    auto vault = open_vault_for_command(options);
    if (!vault.is_ok()) return report_error(vault.status());
    std::string text = text_argument_or_stdin(text_arg);
    if (text.empty()) return usage_error("expected the entry's text as an argument or on standard input, found nothing");
    auto id = (*vault)->add_entry(text);
    if (!id.is_ok()) return report_error(id.status());
    if (options.json) {
      std::cout << json{{"id", *id}}.dump() << "\n";
    } else {
      std::cout << "Saved entry " << *id << ".\n";
    }
    return kExitOk;
  }
  if (*sub == "list") {
    if (!args.empty()) return usage_error(args.expect_empty().message());
    auto vault = open_vault_for_command(options);
    if (!vault.is_ok()) return report_error(vault.status());
    auto list = (*vault)->list_entries();
    if (!list.is_ok()) return report_error(list.status());
    if (options.json) {
      json out = json::array();
      for (const auto& e : *list) out.push_back({{"id", e.id}, {"created_ms", e.created_ms}, {"preview", e.preview}});
      std::cout << out.dump() << "\n";
    } else {
      if (list->empty()) std::cout << "No entries yet. 'haven journal add' writes one.\n";
      for (const auto& e : *list) {
        std::cout << e.id << "  " << format_local_time(e.created_ms, e.utc_offset_min) << "  " << e.preview << "\n";
      }
    }
    return kExitOk;
  }
  if (*sub == "show" || *sub == "delete") {
    auto id = parse_record_id(args.take_positional(), "an entry");
    if (!id.is_ok()) return usage_error(id.status().message());
    if (!args.empty()) return usage_error(args.expect_empty().message());
    auto vault = open_vault_for_command(options);
    if (!vault.is_ok()) return report_error(vault.status());
    if (*sub == "delete") {
      if (Status st = (*vault)->delete_entry(*id); !st.is_ok()) return report_error(st);
      std::cout << "Deleted entry " << *id << ".\n";
      return kExitOk;
    }
    auto entry = (*vault)->get_entry(*id);
    if (!entry.is_ok()) return report_error(entry.status());
    if (options.json) {
      std::cout << json{{"id", entry->id}, {"created_ms", entry->created_ms}, {"updated_ms", entry->updated_ms},
                        {"text", entry->text}}.dump()
                << "\n";
    } else {
      std::cout << "Entry " << entry->id << ", " << format_local_time(entry->created_ms, entry->utc_offset_min)
                << "\n\n" << entry->text << "\n";
    }
    return kExitOk;
  }
  if (*sub == "edit") {
    auto id = parse_record_id(args.take_positional(), "an entry");
    if (!id.is_ok()) return usage_error(id.status().message());
    auto text_arg = args.take_positional();
    if (!args.empty()) return usage_error(args.expect_empty().message());
    auto vault = open_vault_for_command(options);
    if (!vault.is_ok()) return report_error(vault.status());
    std::string text = text_argument_or_stdin(text_arg);
    if (text.empty()) return usage_error("expected the new text as an argument or on standard input, found nothing");
    if (Status st = (*vault)->update_entry(*id, text); !st.is_ok()) return report_error(st);
    std::cout << "Changed entry " << *id << ".\n";
    return kExitOk;
  }
  if (*sub == "search") {
    std::string query;
    while (auto word = args.take_positional()) query += (query.empty() ? "" : " ") + *word;
    if (query.empty()) return usage_error("journal search expects words to look for");
    if (!args.empty()) return usage_error(args.expect_empty().message());
    auto vault = open_vault_for_command(options);
    if (!vault.is_ok()) return report_error(vault.status());
    auto hits = (*vault)->search(query, 50);
    if (!hits.is_ok()) return report_error(hits.status());
    if (options.json) {
      json out = json::array();
      for (const auto& h : *hits) out.push_back({{"id", h.id}, {"created_ms", h.created_ms}, {"snippet", h.snippet}});
      std::cout << out.dump() << "\n";
    } else {
      if (hits->empty()) std::cout << "Nothing found.\n";
      for (const auto& h : *hits) {
        std::cout << h.id << "  " << format_local_time(h.created_ms, h.utc_offset_min) << "  " << h.snippet << "\n";
      }
    }
    return kExitOk;
  }
  return usage_error("unknown journal subcommand '" + *sub + "'");
}

}  // namespace haven::cli
