// haven bench: the speed of a model file on this machine, measured like llama-bench: prompt processing
// of p tokens in one batch, then generation of n tokens one at a time from an empty context. The token
// ids are fixed pseudo-random numbers; the weights do the same work whatever the values.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
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

}  // namespace

int run_bench_command(const GlobalOptions& global, Args& args) {
  const bool json = global.json || args.take_flag("--json");
  auto model_path = args.take_option("--model");
  auto p_opt = args.take_option("-p");
  auto n_opt = args.take_option("-n");
  auto t_opt = args.take_option("-t");
  auto kv_opt = args.take_option("--kv-type");
  for (const auto* r : {&model_path, &p_opt, &n_opt, &t_opt, &kv_opt}) {
    if (!r->is_ok()) return usage_error(r->status().message());
  }
  if (Status st = args.expect_empty(); !st.is_ok()) return usage_error(st.message());
  if (!model_path.value()) return usage_error("bench expects --model FILE");
  auto pp = parse_count("-p", p_opt.value(), 512, 0, 65536);
  auto tg = parse_count("-n", n_opt.value(), 128, 0, 65536);
  auto threads = parse_count("-t", t_opt.value(), 2, 1, 256);
  for (const auto* r : {&pp, &tg, &threads}) {
    if (!r->is_ok()) return usage_error(r->status().message());
  }
  engine::KvType kv_type = engine::KvType::kF16;  // llama-bench's default
  if (kv_opt.value()) {
    auto k = engine::parse_kv_type(*kv_opt.value());
    if (!k.is_ok()) return usage_error(k.status().message());
    kv_type = k.value();
  }
  if (pp.value() == 0 && tg.value() == 0) return usage_error("bench: expected -p or -n above 0, found both 0");

  auto model = engine::Model::load(*model_path.value());
  if (!model.is_ok()) return report_error(model.status());
  const engine::Model& m = **model;
  const uint32_t n_vocab = m.config().n_vocab;

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

  // Warm-up, as llama-bench does: page the weights in and start the threads.
  {
    const int32_t one[1] = {tokens.empty() ? 0 : tokens[0]};
    if (Status st = s.decode(one); !st.is_ok()) return report_error(st);
    s.reset();
  }

  double pp_rate = 0, tg_rate = 0;
  if (pp.value() > 0) {
    const auto start = std::chrono::steady_clock::now();
    Status st = s.decode(std::span<const int32_t>(tokens.data(), static_cast<size_t>(pp.value())));
    if (!st.is_ok()) return report_error(st);
    pp_rate = static_cast<double>(pp.value()) / seconds_since(start);
    s.reset();
  }
  if (tg.value() > 0) {
    const auto start = std::chrono::steady_clock::now();
    for (long long i = 0; i < tg.value(); ++i) {
      const int32_t one[1] = {tokens[static_cast<size_t>(i)]};
      Status st = s.decode(one);
      if (!st.is_ok()) return report_error(st);
    }
    tg_rate = static_cast<double>(tg.value()) / seconds_since(start);
    s.reset();
  }
  const uint64_t rss = peak_rss_bytes();

  if (json) {
    nlohmann::json out = {{"model", *model_path.value()},
                          {"threads", threads.value()},
                          {"pp_tokens", pp.value()},
                          {"tg_tokens", tg.value()},
                          {"pp_tok_per_s", pp_rate},
                          {"tg_tok_per_s", tg_rate},
                          {"peak_rss_bytes", rss}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::printf("model: %s (%s, %u layers, %.1f MB of weights)\n", model_path.value()->c_str(),
              engine::model_arch_name(m.config().arch), m.config().n_layer,
              static_cast<double>(m.weight_bytes()) / 1e6);
  std::printf("threads: %lld, KV cache: %s\n", threads.value(), engine::kv_type_name(kv_type));
  if (pp.value() > 0) std::printf("pp%lld: %.2f tokens/s\n", pp.value(), pp_rate);
  if (tg.value() > 0) std::printf("tg%lld: %.2f tokens/s\n", tg.value(), tg_rate);
  std::printf("peak RSS: %.1f MiB\n", static_cast<double>(rss) / (1024.0 * 1024.0));
  return kExitOk;
}

}  // namespace haven::cli
