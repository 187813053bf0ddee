// haven safety screen [--rules-only] [FILE|-]: screens model replies read as JSON lines.
//
// --rules-only screens with the rules alone, without the learned means reader
// (screen/means_reply_classifier.h), to measure what each part contributes.
//
// Input, one object per line: {"id": any, "messages": [{"role", "content"}, ...], "reply": "..."}, with
// an optional "risk" ("none" .. "imminent") that the caller already knows. The conversation's context
// (and its assessed risk) decides which rules apply. Output, one line per input line:
//   {"id": ..., "verdict": "ok"|"unsafe", "categories": [...], "evidence": [{"start", "end"}]}
// where start/end are code-point offsets into "reply", end exclusive. A malformed line gets a one-line
// error on stderr naming the line, is skipped, and makes the exit status 1; the other lines still run.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/safety_cli.h"
#include "safety/risk/assessor.h"
#include "safety/screen/reply_screener.h"
#include "safety/screen/text_scan.h"

namespace haven::cli {
namespace {

namespace sc = haven::safety::screen;
using haven::safety::ChatMessage;
using haven::safety::Level;

constexpr size_t kMaxLineBytes = 4 * 1024 * 1024;

struct Request {
  nlohmann::json id;
  std::vector<ChatMessage> messages;
  std::string reply;
  Level risk = Level::kNone;
};

Result<Request> parse_request(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return invalid_argument("expected a JSON object, found text that is not JSON");
  if (!j.is_object()) return invalid_argument(std::string("expected a JSON object, found ") + j.type_name());
  Request r;
  if (j.contains("id")) r.id = j["id"];
  auto reply = j.find("reply");
  if (reply == j.end() || !reply->is_string()) {
    return invalid_argument("expected \"reply\" to be a string, found " +
                            std::string(reply == j.end() ? "nothing" : reply->type_name()));
  }
  r.reply = reply->get<std::string>();
  auto messages = j.find("messages");
  if (messages != j.end()) {
    if (!messages->is_array()) {
      return invalid_argument(std::string("expected \"messages\" to be an array, found ") + messages->type_name());
    }
    for (size_t i = 0; i < messages->size(); ++i) {
      const auto& m = (*messages)[i];
      if (!m.is_object() || !m.contains("content") || !m["content"].is_string()) {
        return invalid_argument("expected messages[" + std::to_string(i) + "] to be {\"role\", \"content\"}, found " +
                                std::string(m.type_name()));
      }
      ChatMessage cm;
      cm.role = m.contains("role") && m["role"].is_string() ? m["role"].get<std::string>() : "user";
      cm.content = m["content"].get<std::string>();
      r.messages.push_back(std::move(cm));
    }
  }
  auto risk = j.find("risk");
  if (risk != j.end()) {
    auto level = risk->is_string() ? haven::safety::level_from_name(risk->get<std::string>()) : std::nullopt;
    if (!level) return invalid_argument("expected \"risk\" to be none, low, moderate, high or imminent");
    r.risk = *level;
  }
  return r;
}

nlohmann::json screen_one(const Request& r, bool learned_reader) {
  Level risk = r.risk;
  if (!r.messages.empty()) risk = std::max(risk, haven::safety::assess_conversation(r.messages).level);
  sc::ScreenContext context = sc::ScreenContext::from_conversation(r.messages, risk);
  sc::Verdict v = sc::screen_reply(r.reply, context, learned_reader);
  nlohmann::json out;
  out["id"] = r.id;
  out["verdict"] = v.unsafe ? "unsafe" : "ok";
  out["categories"] = nlohmann::json::array();
  for (auto c : v.categories) out["categories"].push_back(std::string(sc::screen_category_name(c)));
  out["evidence"] = nlohmann::json::array();
  for (const auto& e : v.evidence) {
    out["evidence"].push_back({{"start", haven::safety::scan::code_points_before(r.reply, e.start)},
                               {"end", haven::safety::scan::code_points_before(r.reply, e.end)},
                               {"category", std::string(sc::screen_category_name(e.category))}});
  }
  return out;
}

}  // namespace

int run_safety_screen(const GlobalOptions& options, Args& args) {
  (void)options;
  const bool rules_only = args.take_flag("--rules-only");
  std::string path = args.take_positional().value_or("-");
  if (Status s = args.expect_empty(); !s.is_ok()) return usage_error(s.message());
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return report_error(io_error("cannot open '" + path + "' for reading"));
    in = &file;
  }
  int exit = kExitOk;
  std::string line;
  size_t line_no = 0;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Status bad;
    if (line.size() > kMaxLineBytes) {
      bad = invalid_argument("expected a line of at most 4 MiB, found " + std::to_string(line.size()) + " bytes");
    } else {
      auto req = parse_request(line);
      if (req.is_ok()) {
        std::cout << screen_one(*req, !rules_only).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        continue;
      }
      bad = req.status();
    }
    std::cerr << "haven: line " << line_no << ": " << bad.message() << "\n";
    exit = kExitError;
  }
  std::cout.flush();
  return exit;
}

}  // namespace haven::cli
