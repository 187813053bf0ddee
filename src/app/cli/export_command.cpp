// haven export --format md|json [--out FILE]. Written by the lead for issue 2's CLI.
//
// Exports are plaintext by nature: the user asked for a readable copy. Haven says so every time, writes
// the file 0600, and never replaces an existing file.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/vault_cli.h"

namespace haven::cli {

int run_export_command(const GlobalOptions& options, Args& args) {
  auto format = args.take_option("--format");
  auto out = args.take_option("--out");
  if (!format.is_ok()) return usage_error(format.status().message());
  if (!out.is_ok()) return usage_error(out.status().message());
  if (!args.empty()) return usage_error(args.expect_empty().message());
  std::string fmt = format->value_or("md");
  if (fmt != "md" && fmt != "json") return usage_error("expected --format md or json, found '" + fmt + "'");
  auto vault = open_vault_for_command(options);
  if (!vault.is_ok()) return report_error(vault.status());

  using nlohmann::json;
  std::string text;
  json entries = json::array();
  if (fmt == "md") text = "# My Haven journal\n";
  Status st = (*vault)->for_each_entry([&](const vault::Entry& e) -> Status {
    if (fmt == "md") {
      text += "\n## " + format_local_time(e.created_ms, e.utc_offset_min) + " (entry " + std::to_string(e.id) + ")\n\n" +
              e.text + "\n";
    } else {
      entries.push_back({{"id", e.id}, {"created_ms", e.created_ms}, {"updated_ms", e.updated_ms},
                         {"utc_offset_min", e.utc_offset_min}, {"text", e.text}});
    }
    return Status::ok();
  });
  if (!st.is_ok()) return report_error(st);
  auto moods = (*vault)->list_moods();
  if (!moods.is_ok()) return report_error(moods.status());
  if (fmt == "md") {
    if (!moods->empty()) text += "\n# Mood check-ins\n\n";
    for (auto it = moods->rbegin(); it != moods->rend(); ++it) {
      text += "- " + format_local_time(it->created_ms, it->utc_offset_min) + ": " + std::to_string(it->rating) + "/10";
      for (const auto& e : it->emotions) text += ", " + e;
      if (!it->note.empty()) text += " (" + it->note + ")";
      text += "\n";
    }
  } else {
    json m = json::array();
    for (auto it = moods->rbegin(); it != moods->rend(); ++it) {
      json j = {{"id", it->id}, {"created_ms", it->created_ms}, {"rating", it->rating},
                {"emotions", it->emotions}, {"note", it->note}};
      j["sleep_hours"] = it->sleep_hours ? json(*it->sleep_hours) : json(nullptr);
      j["energy"] = it->energy ? json(*it->energy) : json(nullptr);
      m.push_back(j);
    }
    text = json{{"format", "haven-export-1"}, {"entries", entries}, {"moods", m}}.dump(2) + "\n";
  }
  std::cerr << "Note: this export is not encrypted. Anyone who can read it can read your journal.\n";
  if (!out->has_value()) {
    std::cout << text;
    return kExitOk;
  }
  int fd = ::open((*out)->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return report_error(already_exists("there is already a file at " + **out + "; nothing was written"));
    return report_error(io_error("cannot create " + **out + ": " + std::strerror(errno)));
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink((*out)->c_str());
      return report_error(io_error("cannot write " + **out + ": " + std::strerror(errno)));
    }
    done += static_cast<size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  std::cerr << "Exported to " << **out << ".\n";
  return kExitOk;
}

}  // namespace haven::cli
