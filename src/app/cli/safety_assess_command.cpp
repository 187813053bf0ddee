// haven safety assess [FILE|-] [--details]: risk assessment of JSON lines, one output line per input.
//
// Input lines: {"id": ..., "text": "..."} or {"id": ..., "messages": [{"role": "...", "content": "..."}, ...]}.
// Output lines: {"id", "level", "categories": [{"name", "level"}], "evidence": [{"message", "start", "end"}],
// "reason"}; start/end are code-point offsets into that message's content. --details adds
// "mostly_non_english", "concern_for_other_person" and "carried_from_earlier". The format is documented in
// docs/safety-assess.md; evaluations depend on it, so keep it stable.
//
// A malformed line gets {"id": <id or null>, "error": "..."} in its place and a one-line message on stderr,
// the remaining lines are still assessed, and the exit code is 1. Blank lines are skipped.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/safety_cli.h"
#include "safety/risk/assessor.h"

namespace haven::cli {
namespace {

using nlohmann::json;
namespace safety = haven::safety;

std::string type_name(const json& j) { return j.type_name(); }

// Parses one input line into messages; on failure returns a message "expected ..., found ...".
Status parse_request(const std::string& line, json& id, std::vector<safety::ChatMessage>& messages) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return invalid_argument("expected a JSON object, found text that is not valid JSON (or not UTF-8)");
  if (!j.is_object()) return invalid_argument("expected a JSON object, found " + type_name(j));
  if (auto it = j.find("id"); it != j.end()) id = *it;
  auto text = j.find("text");
  auto msgs = j.find("messages");
  if (text != j.end() && msgs != j.end())
    return invalid_argument("expected either \"text\" or \"messages\", found both");
  if (text != j.end()) {
    if (!text->is_string()) return invalid_argument("expected \"text\" to be a string, found " + type_name(*text));
    messages.push_back({"user", text->get<std::string>()});
    return Status::ok();
  }
  if (msgs == j.end()) return invalid_argument("expected a \"text\" or \"messages\" field, found neither");
  if (!msgs->is_array()) return invalid_argument("expected \"messages\" to be an array, found " + type_name(*msgs));
  size_t index = 0;
  for (const json& m : *msgs) {
    if (!m.is_object())
      return invalid_argument("expected message " + std::to_string(index) + " to be an object, found " + type_name(m));
    auto role = m.find("role");
    auto content = m.find("content");
    if (role == m.end() || !role->is_string())
      return invalid_argument("expected message " + std::to_string(index) + " to have a string \"role\"");
    if (content == m.end() || !content->is_string())
      return invalid_argument("expected message " + std::to_string(index) + " to have a string \"content\"");
    messages.push_back({role->get<std::string>(), content->get<std::string>()});
    ++index;
  }
  return Status::ok();
}

json to_json(const json& id, const safety::Assessment& a, bool details) {
  json out;
  out["id"] = id;
  out["level"] = std::string(safety::level_name(a.level));
  json cats = json::array();
  for (const auto& c : a.categories)
    cats.push_back({{"name", std::string(safety::category_name(c.category))},
                    {"level", std::string(safety::level_name(c.level))}});
  out["categories"] = std::move(cats);
  json ev = json::array();
  for (const auto& e : a.evidence) ev.push_back({{"message", e.message}, {"start", e.start}, {"end", e.end}});
  out["evidence"] = std::move(ev);
  out["reason"] = a.reason;
  if (details) {
    out["mostly_non_english"] = a.mostly_non_english;
    out["concern_for_other_person"] = a.concern_for_other_person;
    out["carried_from_earlier"] = a.carried_from_earlier;
  }
  return out;
}

}  // namespace

int run_safety_assess(const GlobalOptions& options, Args& args) {
  (void)options;
  bool details = args.take_flag("--details");
  std::optional<std::string> file = args.take_positional();
  if (Status s = args.expect_empty(); !s.is_ok()) return usage_error(s.message());
  std::ifstream in_file;
  std::istream* in = &std::cin;
  if (file && *file != "-") {
    in_file.open(*file, std::ios::binary);
    if (!in_file) return report_error(not_found("cannot open '" + *file + "' for reading"));
    in = &in_file;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  size_t line_no = 0;
  bool failed = false;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    json id = nullptr;
    std::vector<safety::ChatMessage> messages;
    Status s = parse_request(line, id, messages);
    if (!s.is_ok()) {
      failed = true;
      std::cerr << "haven: line " << line_no << ": " << s.message() << "\n";
      std::cout << json({{"id", id}, {"error", s.message()}}).dump() << "\n";
      continue;
    }
    safety::Assessment a = safety::assess_conversation(messages);
    std::cout << to_json(id, a, details).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  std::cout.flush();
  return failed ? kExitError : kExitOk;
}

}  // namespace haven::cli
