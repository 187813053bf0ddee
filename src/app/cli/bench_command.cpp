// haven bench: the speed of a model file on this machine, measured like llama-bench: prompt processing
// of p tokens in one batch, then generation of n tokens one at a time from an empty context, each
// repeated r times after one warm-up. The token ids are fixed pseudo-random numbers; the weights do the
// same work whatever the values.
//
// --compare FILE.tsv reads figures in the format of shared/anchors/llama-cpp-cpu.tsv (comment lines
// starting with '#', then model<TAB>pp t/s<TAB>tg t/s) and prints the ratios. The bytes read per
// generated token and the decode limit follow the Method section of shared/anchors/llama-cpp-cpu.md.
// --turns N replays a fixed conversation instead (bench_turns.cpp).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "engine/gguf/model_summary.h"
#include "engine/model/model.h"
#include "engine/model/session.h"

namespace haven::cli {
namespace {

Result<long long> parse_count(const std::string& option, const std::optional<std::string>& value, long long fallback,
                              long long lo, long long hi) {
  if (!value) return fallback;
  size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(*value, &used);
  } catch (...) {
    used = 0;
  }
  if (used != value->size() || value->empty() || v < lo || v > hi) {
    return invalid_argument(option + ": expected a whole number from " + std::to_string(lo) + " to " +
                            std::to_string(hi) + ", found '" + *value + "'");
  }
  return v;
}

uint64_t peak_rss_bytes() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<uint64_t>(ru.ru_maxrss) * 1024;  // Linux reports KiB
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Result<double> parse_positive(const std::string& option, const std::string& value) {
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(value, &used);
  } catch (...) {
    used = 0;
  }
  if (used != value.size() || value.empty() || !(v > 0) || !std::isfinite(v)) {
    return invalid_argument(option + ": expected a number above 0, found '" + value + "'");
  }
  return v;
}

struct Stats {
  double mean = 0, stddev = 0, median = 0;
};

// Sample standard deviation (n - 1), as llama-bench reports it; 0 for one sample.
Stats stats_of(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  for (double x : v) s.mean += x;
  s.mean /= static_cast<double>(v.size());
  if (v.size() > 1) {
    double sq = 0;
    for (double x : v) sq += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(sq / static_cast<double>(v.size() - 1));
  }
  std::sort(v.begin(), v.end());
  const size_t h = v.size() / 2;
  s.median = v.size() % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
  return s;
}

// The row name of the anchor files: the model's published name where the shape is one we know, else
// the architecture and shape; then the llama.cpp file type ("q4_k_m").
std::string compare_key(const engine::Model& m) {
  const engine::ModelConfig& c = m.config();
  struct Known {
    engine::ModelArch arch;
    uint32_t embd, layers, heads, kv_heads, ff;
    const char* name;
  };
  static const Known kKnown[] = {
      {engine::ModelArch::kQwen2, 896, 24, 14, 2, 4864, "qwen2.5-0.5b"},
      {engine::ModelArch::kQwen2, 1536, 28, 12, 2, 8960, "qwen2.5-1.5b"},
      {engine::ModelArch::kQwen2, 2048, 36, 16, 2, 11008, "qwen2.5-3b"},
      {engine::ModelArch::kLlama, 2048, 16, 32, 8, 8192, "llama3.2-1b"},
      {engine::ModelArch::kLlama, 3072, 28, 24, 8, 8192, "llama3.2-3b"},
  };
  std::string key;
  for (const Known& k : kKnown) {
    if (k.arch == c.arch && k.embd == c.n_embd && k.layers == c.n_layer && k.heads == c.n_head &&
        k.kv_heads == c.n_head_kv && k.ff == c.n_ff) {
      key = k.name;
    }
  }
  if (key.empty()) {
    key = std::string(engine::model_arch_name(c.arch)) + "-" + std::to_string(c.n_embd) + "x" +
          std::to_string(c.n_layer);
  }
  std::string type;
  auto summary = engine::summarize_model(m.file());
  if (summary.is_ok() && summary->file_type) {
    type = engine::llama_file_type_name(*summary->file_type);
  } else if (summary.is_ok() && !summary->types.empty()) {
    type = summary->types.front().type;  // no file type recorded: the most common tensor type
  } else {
    type = "unknown";
  }
  for (char& ch : type) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  for (char& ch : type) ch = ch == ' ' ? '-' : ch;
  return key + "-" + type;
}

struct CompareRow {
  double pp = 0, tg = 0;
};

// The row `key` of a figures file. kNotFound when the file cannot be read or has no such row (the
// message lists the rows it has); kInvalidArgument for a line that is not model<TAB>number<TAB>number.
Result<CompareRow> read_compare_row(const std::string& path, const std::string& key) {
  std::ifstream in(path);
  if (!in) return not_found("compare file " + path + ": expected a readable file, found none");
  std::string line;
  std::vector<std::string> keys;
  std::optional<CompareRow> found;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
    auto number = [](const std::string& text) -> std::optional<double> {
      size_t used = 0;
      double v = 0;
      try {
        v = std::stod(text, &used);
      } catch (...) {
        return std::nullopt;
      }
      if (used != text.size() || !(v >= 0) || !std::isfinite(v)) return std::nullopt;
      return v;
    };
    std::optional<double> pp, tg;
    if (fields.size() == 3) {
      pp = number(fields[1]);
      tg = number(fields[2]);
    }
    if (fields.size() != 3 || fields[0].empty() || !pp || !tg) {
      std::string shown = line.size() > 60 ? line.substr(0, 60) + "..." : line;
      for (char& ch : shown) ch = ch == '\t' ? ' ' : ch;
      return invalid_argument("compare file " + path + " line " + std::to_string(line_no) +
                              ": expected model<TAB>pp t/s<TAB>tg t/s, found '" + shown + "'");
    }
    keys.push_back(fields[0]);
    if (fields[0] == key && !found) found = CompareRow{*pp, *tg};
  }
  if (!found) {
    std::string list;
    for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    return not_found("compare file " + path + ": expected a row for '" + key + "' (or pick one with --compare-key), found " +
                     (list.empty() ? std::string("no rows") : "only " + list));
  }
  return *found;
}

// Bytes read per generated token, as the anchors' Method defines them: every weight tensor, where an
// untied token_embd counts one row only (a lookup) and a tied one counts whole (it is the output
// projection too), plus the K/V cache read by attention at the run's mean context.
uint64_t bytes_per_token(const engine::Model& m, engine::KvType kv, long long tg) {
  const engine::ModelConfig& c = m.config();
  uint64_t total = 0;
  for (const auto& t : m.file().tensors()) {
    if (t.name == "token_embd.weight" && !c.tied_output) {
      total += t.row_bytes();
    } else {
      total += t.n_bytes;
    }
  }
  const uint64_t elem = kv == engine::KvType::kF16 ? 2 : 4;
  total += static_cast<uint64_t>(c.n_layer) * 2 * c.kv_dim() * static_cast<uint64_t>(tg / 2) * elem;
  return total;
}

}  // namespace

int run_bench_turns(const GlobalOptions& global, bool json, const std::string& model_path, int turns, int threads,
                    engine::KvType kv_type);  // bench_turns.cpp

int run_bench_command(const GlobalOptions& global, Args& args) {
  const bool json = global.json || args.take_flag("--json");
  auto model_path = args.take_option("--model");
  auto p_opt = args.take_option("-p");
  auto n_opt = args.take_option("-n");
  auto t_opt = args.take_option("-t");
  auto r_opt = args.take_option("-r");
  auto kv_opt = args.take_option("--kv-type");
  auto compare_opt = args.take_option("--compare");
  auto key_opt = args.take_option("--compare-key");
  auto bw_opt = args.take_option("--bandwidth");
  auto turns_opt = args.take_option("--turns");
  for (const auto* r : {&model_path, &p_opt, &n_opt, &t_opt, &r_opt, &kv_opt, &compare_opt, &key_opt, &bw_opt, &turns_opt}) {
    if (!r->is_ok()) return usage_error(r->status().message());
  }
  if (Status st = args.expect_empty(); !st.is_ok()) return usage_error(st.message());
  if (!model_path.value()) return usage_error("bench expects --model FILE");
  auto pp = parse_count("-p", p_opt.value(), 512, 0, 65536);
  auto tg = parse_count("-n", n_opt.value(), 128, 0, 65536);
  auto threads = parse_count("-t", t_opt.value(), 2, 1, 256);
  auto reps = parse_count("-r", r_opt.value(), 5, 1, 1000);  // llama-bench's default
  auto turns = parse_count("--turns", turns_opt.value(), 0, 1, 10);
  for (const auto* r : {&pp, &tg, &threads, &reps, &turns}) {
    if (!r->is_ok()) return usage_error(r->status().message());
  }
  engine::KvType kv_type = engine::KvType::kF16;  // llama-bench's default
  if (kv_opt.value()) {
    auto k = engine::parse_kv_type(*kv_opt.value());
    if (!k.is_ok()) return usage_error(k.status().message());
    kv_type = k.value();
  }
  std::optional<double> bandwidth;
  if (bw_opt.value()) {
    auto b = parse_positive("--bandwidth", *bw_opt.value());
    if (!b.is_ok()) return usage_error(b.status().message());
    bandwidth = b.value();
  }
  if (key_opt.value() && !compare_opt.value()) return usage_error("--compare-key expects --compare FILE as well");
  if (turns.value() > 0) {
    if (p_opt.value() || n_opt.value() || r_opt.value() || compare_opt.value() || bw_opt.value()) {
      return usage_error("bench --turns expects only --model, -t, --kv-type and --json beside it");
    }
    return run_bench_turns(global, json, *model_path.value(), static_cast<int>(turns.value()),
                           static_cast<int>(threads.value()), kv_type);
  }
  if (pp.value() == 0 && tg.value() == 0) return usage_error("bench: expected -p or -n above 0, found both 0");

  auto model = engine::Model::load(*model_path.value());
  if (!model.is_ok()) return report_error(model.status());
  const engine::Model& m = **model;
  const uint32_t n_vocab = m.config().n_vocab;

  // The figures file is read before the minutes of measuring, so a typo fails at once.
  const std::string key = key_opt.value() ? *key_opt.value() : compare_key(m);
  std::optional<CompareRow> other;
  if (compare_opt.value()) {
    auto row = read_compare_row(*compare_opt.value(), key);
    if (!row.is_ok()) return report_error(row.status());
    other = row.value();
  }

  engine::SessionOptions so;
  so.kv_type = kv_type;
  so.threads = static_cast<int>(threads.value());
  so.n_ctx = static_cast<uint32_t>(std::max<long long>(pp.value(), tg.value()) + 1);
  so.n_batch = static_cast<uint32_t>(std::max<long long>(pp.value(), 1));
  auto session = engine::Session::create(m, so);
  if (!session.is_ok()) return report_error(session.status());
  engine::Session& s = **session;

  std::mt19937 rng(42);
  std::uniform_int_distribution<int32_t> pick(0, static_cast<int32_t>(n_vocab) - 1);
  std::vector<int32_t> tokens(static_cast<size_t>(std::max<long long>(pp.value(), tg.value())));
  for (auto& t : tokens) t = pick(rng);

  auto run_pp = [&]() -> Result<double> {
    const auto start = std::chrono::steady_clock::now();
    HAVEN_RETURN_IF_ERROR(s.decode(std::span<const int32_t>(tokens.data(), static_cast<size_t>(pp.value()))));
    const double rate = static_cast<double>(pp.value()) / seconds_since(start);
    s.reset();
    return rate;
  };
  auto run_tg = [&](long long n) -> Result<double> {
    const auto start = std::chrono::steady_clock::now();
    for (long long i = 0; i < n; ++i) {
      const int32_t one[1] = {tokens[static_cast<size_t>(i)]};
      HAVEN_RETURN_IF_ERROR(s.decode(one));
    }
    const double rate = static_cast<double>(n) / seconds_since(start);
    s.reset();
    return rate;
  };

  // Warm-up, as llama-bench does: one prompt run and one generated token page the weights in and start
  // the threads; they are not counted.
  if (pp.value() > 0) {
    if (auto r = run_pp(); !r.is_ok()) return report_error(r.status());
  }
  if (tg.value() > 0) {
    if (auto r = run_tg(1); !r.is_ok()) return report_error(r.status());
  }
  std::vector<double> pp_samples, tg_samples;
  for (long long rep = 0; rep < reps.value(); ++rep) {
    if (pp.value() > 0) {
      auto r = run_pp();
      if (!r.is_ok()) return report_error(r.status());
      pp_samples.push_back(r.value());
    }
    if (tg.value() > 0) {
      auto r = run_tg(tg.value());
      if (!r.is_ok()) return report_error(r.status());
      tg_samples.push_back(r.value());
    }
  }
  const Stats pps = stats_of(pp_samples), tgs = stats_of(tg_samples);
  const uint64_t rss = peak_rss_bytes();
  const uint64_t per_token = bytes_per_token(m, kv_type, tg.value());
  std::optional<double> fraction;
  if (bandwidth && tg.value() > 0) fraction = tgs.median * static_cast<double>(per_token) / (*bandwidth * 1e9);
  auto ratio = [](double mine, double theirs) { return theirs > 0 ? mine / theirs : 0.0; };

  if (json) {
    nlohmann::json out = {{"model", *model_path.value()},
                          {"compare_key", key},
                          {"threads", threads.value()},
                          {"kv_type", engine::kv_type_name(kv_type)},
                          {"repetitions", reps.value()},
                          {"pp_tokens", pp.value()},
                          {"tg_tokens", tg.value()},
                          {"pp_tok_per_s", pps.mean},
                          {"pp_stddev", pps.stddev},
                          {"pp_median", pps.median},
                          {"pp_samples", pp_samples},
                          {"tg_tok_per_s", tgs.mean},
                          {"tg_stddev", tgs.stddev},
                          {"tg_median", tgs.median},
                          {"tg_samples", tg_samples},
                          {"bytes_per_token", per_token},
                          {"peak_rss_bytes", rss}};
    if (bandwidth) out["bandwidth_gbps"] = *bandwidth;
    if (fraction) out["tg_fraction_of_limit"] = *fraction;
    if (other) {
      // A ratio only for a test that ran (null otherwise, not a misleading 0).
      out["compare"] = {{"file", *compare_opt.value()},
                        {"pp_tok_per_s", other->pp},
                        {"tg_tok_per_s", other->tg},
                        {"pp_ratio", pp.value() > 0 ? nlohmann::json(ratio(pps.median, other->pp)) : nlohmann::json()},
                        {"tg_ratio", tg.value() > 0 ? nlohmann::json(ratio(tgs.median, other->tg)) : nlohmann::json()}};
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::printf("model: %s (%s, %u layers, %.1f MB of weights; row key %s)\n", model_path.value()->c_str(),
              engine::model_arch_name(m.config().arch), m.config().n_layer,
              static_cast<double>(m.weight_bytes()) / 1e6, key.c_str());
  std::printf("threads: %lld, KV cache: %s, repetitions: %lld after one warm-up\n", threads.value(),
              engine::kv_type_name(kv_type), reps.value());
  if (pp.value() > 0) {
    std::printf("pp%lld: %.2f ± %.2f tokens/s (median %.2f)\n", pp.value(), pps.mean, pps.stddev, pps.median);
  }
  if (tg.value() > 0) {
    std::printf("tg%lld: %.2f ± %.2f tokens/s (median %.2f)\n", tg.value(), tgs.mean, tgs.stddev, tgs.median);
  }
  std::printf("bytes read per generated token: %.1f MB\n", static_cast<double>(per_token) / 1e6);
  if (fraction) {
    std::printf("decode limit at %.1f GB/s: %.1f tokens/s; tg%lld reaches %.2f of it\n", *bandwidth,
                *bandwidth * 1e9 / static_cast<double>(per_token), tg.value(), *fraction);
  }
  if (other) {
    std::printf("compared with %s (row %s), medians:\n", compare_opt.value()->c_str(), key.c_str());
    std::printf("  %-8s %12s %12s %8s\n", "test", "haven t/s", "file t/s", "ratio");
    if (pp.value() > 0) {
      std::printf("  %-8s %12.2f %12.2f %8.2f\n", ("pp" + std::to_string(pp.value())).c_str(), pps.median, other->pp,
                  ratio(pps.median, other->pp));
    }
    if (tg.value() > 0) {
      std::printf("  %-8s %12.2f %12.2f %8.2f\n", ("tg" + std::to_string(tg.value())).c_str(), tgs.median, other->tg,
                  ratio(tgs.median, other->tg));
    }
    if ((pp.value() > 0 && pp.value() != 512) || (tg.value() > 0 && tg.value() != 128)) {
      std::printf("  (the file's figures are for pp512 and tg128)\n");
    }
  }
  std::printf("peak RSS: %.1f MiB\n", static_cast<double>(rss) / (1024.0 * 1024.0));
  return kExitOk;
}

}  // namespace haven::cli
