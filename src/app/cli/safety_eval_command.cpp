// haven safety eval FILE.jsonl [--split A|B] [--json] [--no-latency] [--misses]
//
// Reads labelled lines {"id", "source", "role", "text" | "messages", optional "category"} and reports, per
// source and role, how often the risk assessment flags them, with Wilson 95% intervals:
//   elevated_sh  suicide or self-harm at moderate or above (recall on positives)
//   crisis_sh    suicide or self-harm at high or above (a crisis interrupt)
//   elevated     any category at moderate or above
//   category     the row's expected "category" at moderate or above (rows that name one)
// and the latency of one assessment at about 30, 500 and 3,000 words (texts built from the file's own
// texts, one thread's CPU time, p50/p95/p99). --split keeps the half of the rows whose id hashes even (A) or odd (B),
// so one half can be studied and the other reported. --misses lists the ids of rows that miss their
// role's target (ids only, never text). docs/safety-evaluation.md describes the method and the targets.
#include <algorithm>
#include <ctime>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/safety_cli.h"
#include "safety/risk/assessor.h"

namespace haven::cli {
namespace {

using nlohmann::json;
namespace safety = haven::safety;

struct Row {
  std::string id;
  std::string source;
  std::string role;
  std::string category;  // empty when the row names none
  std::vector<safety::ChatMessage> messages;
};

const char* const kRoles[] = {"positive", "ambiguous", "negative_clinical", "negative", "hard_negative"};

bool known_role(const std::string& r) {
  for (const char* k : kRoles)
    if (r == k) return true;
  return false;
}

Status parse_row(const std::string& line, Row& row) {
  json j = json::parse(line, nullptr, false);
  if (j.is_discarded()) return invalid_argument("expected a JSON object, found text that is not valid JSON (or not UTF-8)");
  if (!j.is_object()) return invalid_argument(std::string("expected a JSON object, found ") + j.type_name());
  auto str = [&](const char* key, std::string& out, bool required) -> Status {
    auto it = j.find(key);
    if (it == j.end()) {
      return required ? invalid_argument(std::string("expected a \"") + key + "\" field, found none") : Status::ok();
    }
    if (it->is_string()) out = it->get<std::string>();
    else if (it->is_number_integer()) out = std::to_string(it->get<long long>());
    else return invalid_argument(std::string("expected \"") + key + "\" to be a string, found " + it->type_name());
    return Status::ok();
  };
  HAVEN_RETURN_IF_ERROR(str("id", row.id, true));
  HAVEN_RETURN_IF_ERROR(str("role", row.role, true));
  HAVEN_RETURN_IF_ERROR(str("source", row.source, false));
  HAVEN_RETURN_IF_ERROR(str("category", row.category, false));
  if (row.source.empty()) row.source = "(none)";
  if (!known_role(row.role))
    return invalid_argument("expected role positive, ambiguous, negative_clinical, negative or hard_negative, found '" +
                            row.role + "'");
  if (!row.category.empty() && !safety::category_from_name(row.category))
    return invalid_argument("expected a category name such as suicide or abuse, found '" + row.category + "'");
  auto text = j.find("text");
  auto msgs = j.find("messages");
  if (text != j.end()) {
    if (!text->is_string()) return invalid_argument(std::string("expected \"text\" to be a string, found ") + text->type_name());
    row.messages.push_back({"user", text->get<std::string>()});
  } else if (msgs != j.end() && msgs->is_array()) {
    for (const json& m : *msgs) {
      if (!m.is_object() || !m.contains("role") || !m.contains("content") || !m["role"].is_string() ||
          !m["content"].is_string())
        return invalid_argument("expected each message to be {\"role\": string, \"content\": string}");
      row.messages.push_back({m["role"].get<std::string>(), m["content"].get<std::string>()});
    }
  } else {
    return invalid_argument("expected a string \"text\" or an array \"messages\", found neither");
  }
  return Status::ok();
}

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

struct Rate {
  size_t k = 0;
  size_t n = 0;
};

// Wilson score interval at 95%.
void wilson(const Rate& r, double& p, double& lo, double& hi) {
  if (r.n == 0) {
    p = lo = hi = 0;
    return;
  }
  const double z = 1.959963984540054;
  double n = static_cast<double>(r.n);
  p = static_cast<double>(r.k) / n;
  double denom = 1 + z * z / n;
  double centre = (p + z * z / (2 * n)) / denom;
  double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
  lo = std::max(0.0, centre - half);
  hi = std::min(1.0, centre + half);
}

struct Group {
  Rate elevated_sh, crisis_sh, elevated, category;
};

json rate_json(const Rate& r) {
  double p, lo, hi;
  wilson(r, p, lo, hi);
  return {{"k", r.k}, {"n", r.n}, {"rate", p}, {"lo", lo}, {"hi", hi}};
}

std::string rate_text(const Rate& r) {
  if (r.n == 0) return "-";
  double p, lo, hi;
  wilson(r, p, lo, hi);
  std::ostringstream o;
  o << std::fixed << std::setprecision(3) << p << " [" << lo << "," << hi << "]";
  return o.str();
}

// A text of about `words` words made from the file's texts, starting at row `start`.
std::string text_of_words(const std::vector<Row>& rows, size_t start, size_t words) {
  std::string out;
  size_t count = 0;
  for (size_t r = 0; r < rows.size() * 2 && count < words; ++r) {
    const Row& row = rows[(start + r) % rows.size()];
    for (const auto& m : row.messages) {
      std::istringstream in(m.content);
      std::string w;
      while (count < words && in >> w) {
        if (!out.empty()) out.push_back(' ');
        out += w;
        ++count;
      }
    }
  }
  return out;
}

json latency(const std::vector<Row>& rows) {
  json out = json::array();
  if (rows.empty()) return out;
  struct Size {
    size_t words;
    size_t samples;
  };
  for (Size size : {Size{30, 400}, Size{500, 200}, Size{3000, 60}}) {
    std::vector<double> ms;
    ms.reserve(size.samples);
    size_t step = std::max<size_t>(1, rows.size() / size.samples);
    for (size_t i = 0; i < size.samples; ++i) {
      std::string text = text_of_words(rows, (i * step) % rows.size(), size.words);
      // Thread CPU time: on a shared machine, other processes would otherwise inflate the tail.
      timespec t0{}, t1{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
      safety::Assessment a = safety::assess_text(text);
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
      if (a.categories.size() > 1000) std::cerr << "";  // keeps the call from being optimised away
      ms.push_back(static_cast<double>(t1.tv_sec - t0.tv_sec) * 1e3 + static_cast<double>(t1.tv_nsec - t0.tv_nsec) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * (ms.size() - 1) + 0.5))]; };
    out.push_back({{"words", size.words}, {"samples", ms.size()}, {"p50_ms", pct(0.50)}, {"p95_ms", pct(0.95)},
                   {"p99_ms", pct(0.99)}});
  }
  return out;
}

bool misses_target(const std::string& role, const std::string& category, const safety::Assessment& a) {
  using safety::Category;
  using safety::Level;
  Level sh = std::max(a.level_of(Category::kSuicide), a.level_of(Category::kSelfHarm));
  if (role == "positive") {
    if (!category.empty()) return a.level_of(*safety::category_from_name(category)) < Level::kModerate;
    return sh < Level::kModerate;
  }
  if (role == "negative") return a.level >= Level::kModerate;
  if (role == "negative_clinical" || role == "hard_negative") return sh >= Level::kHigh;
  return false;
}

}  // namespace

int run_safety_eval(const GlobalOptions& options, Args& args) {
  auto split = args.take_option("--split");
  if (!split.is_ok()) return usage_error(split.status().message());
  bool as_json = options.json || args.take_flag("--json");
  bool no_latency = args.take_flag("--no-latency");
  bool show_misses = args.take_flag("--misses");
  std::optional<std::string> file = args.take_positional();
  if (!file) return usage_error("safety eval expects a labelled FILE.jsonl");
  if (Status s = args.expect_empty(); !s.is_ok()) return usage_error(s.message());
  int parity = -1;
  if (split.value()) {
    if (*split.value() == "A") parity = 0;
    else if (*split.value() == "B") parity = 1;
    else return usage_error("--split expects A or B, found '" + *split.value() + "'");
  }
  std::ifstream in(*file, std::ios::binary);
  if (!in) return report_error(not_found("cannot open '" + *file + "' for reading"));

  std::vector<Row> rows;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Row row;
    if (Status s = parse_row(line, row); !s.is_ok())
      return report_error(s.with_context(*file + " line " + std::to_string(line_no)));
    if (parity >= 0 && static_cast<int>(fnv1a(row.id) & 1) != parity) continue;
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return report_error(invalid_argument("expected labelled rows in '" + *file + "', found none"));

  std::map<std::pair<std::string, std::string>, Group> groups;
  std::vector<std::string> misses;
  for (const Row& row : rows) {
    safety::Assessment a = safety::assess_conversation(row.messages);
    Group& g = groups[{row.source, row.role}];
    using safety::Category;
    using safety::Level;
    Level sh = std::max(a.level_of(Category::kSuicide), a.level_of(Category::kSelfHarm));
    ++g.elevated_sh.n;
    ++g.crisis_sh.n;
    ++g.elevated.n;
    if (sh >= Level::kModerate) ++g.elevated_sh.k;
    if (sh >= Level::kHigh) ++g.crisis_sh.k;
    if (a.level >= Level::kModerate) ++g.elevated.k;
    if (!row.category.empty()) {
      ++g.category.n;
      if (a.level_of(*safety::category_from_name(row.category)) >= Level::kModerate) ++g.category.k;
    }
    if (show_misses && misses_target(row.role, row.category, a))
      misses.push_back(row.id + " " + row.role + " -> " + a.reason);
  }
  json lat = no_latency ? json::array() : latency(rows);

  if (as_json) {
    json out;
    out["file"] = *file;
    out["rows"] = rows.size();
    json gs = json::array();
    for (const auto& [key, g] : groups) {
      json gj = {{"source", key.first}, {"role", key.second}, {"n", g.elevated.n},
                 {"elevated_sh", rate_json(g.elevated_sh)}, {"crisis_sh", rate_json(g.crisis_sh)},
                 {"elevated", rate_json(g.elevated)}};
      if (g.category.n > 0) gj["category"] = rate_json(g.category);
      gs.push_back(std::move(gj));
    }
    out["groups"] = std::move(gs);
    out["latency"] = lat;
    if (show_misses) out["misses"] = misses;
    std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::cout << "file: " << *file << " (" << rows.size() << " rows"
            << (parity >= 0 ? std::string(", split ") + (parity ? "B" : "A") : std::string()) << ")\n";
  std::cout << "rates with Wilson 95% intervals; elevated = moderate or above, crisis = high or above, "
               "sh = suicide or self-harm\n";
  std::cout << std::left << std::setw(30) << "source" << std::setw(19) << "role" << std::setw(6) << "n"
            << std::setw(24) << "elevated_sh" << std::setw(24) << "crisis_sh" << std::setw(24) << "elevated_any"
            << "category\n";
  for (const auto& [key, g] : groups) {
    std::cout << std::left << std::setw(30) << key.first << std::setw(19) << key.second << std::setw(6)
              << g.elevated.n << std::setw(24) << rate_text(g.elevated_sh) << std::setw(24) << rate_text(g.crisis_sh)
              << std::setw(24) << rate_text(g.elevated) << rate_text(g.category) << "\n";
  }
  if (!no_latency) {
    std::cout << "latency of one assessment (thread CPU time, one core):\n";
    for (const auto& l : lat) {
      std::cout << std::fixed << std::setprecision(3) << "  " << l["words"].get<size_t>() << " words: p50 "
                << l["p50_ms"].get<double>() << " ms, p95 " << l["p95_ms"].get<double>() << " ms, p99 "
                << l["p99_ms"].get<double>() << " ms (" << l["samples"].get<size_t>() << " samples)\n";
    }
  }
  if (show_misses) {
    std::cout << "rows that miss their role's target (" << misses.size() << "):\n";
    for (const auto& m : misses) std::cout << "  " << m << "\n";
  }
  return kExitOk;
}

}  // namespace haven::cli
