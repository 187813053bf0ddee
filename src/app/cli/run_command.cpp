// haven run: loads a model file, runs a raw prompt through it and generates text, for checking the local
// engine against llama.cpp. The prompt is tokenized as plain text (BOS when the vocabulary asks for it,
// special-token text not parsed, no chat template). The prompt never goes into logs.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "engine/model/model.h"
#include "engine/generate/generate_loop.h"
#include "engine/generate/text_stream.h"
#include "engine/model/session.h"
#include "engine/sampler/sampler.h"
#include "engine/tokenizer/tokenizer.h"
#include "engine/tokenizer/vocab_loader.h"

namespace haven::cli {
namespace {

struct RunOptions {
  std::string model;
  std::string prompt;
  int n_predict = 128;
  float temp = 0.8f;
  uint64_t seed = 0;
  bool seed_given = false;
  engine::KvType kv_type = engine::KvType::kF16;
  uint32_t n_ctx = 0;  // 0: prompt + n_predict
  int threads = 2;
  bool json = false;
  bool ignore_eos = false;
};

Result<long long> parse_int(const std::string& option, const std::string& value, long long lo, long long hi) {
  size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(value, &used);
  } catch (...) {
    used = 0;
  }
  if (used != value.size() || value.empty() || v < lo || v > hi) {
    return invalid_argument(option + ": expected a whole number from " + std::to_string(lo) + " to " +
                            std::to_string(hi) + ", found '" + value + "'");
  }
  return v;
}

Result<RunOptions> parse_run_options(const GlobalOptions& global, Args& args) {
  RunOptions o;
  o.json = global.json || args.take_flag("--json");
  o.ignore_eos = args.take_flag("--ignore-eos");
  HAVEN_ASSIGN_OR_RETURN(auto model, args.take_option("--model"));
  HAVEN_ASSIGN_OR_RETURN(auto prompt, args.take_option("--prompt"));
  HAVEN_ASSIGN_OR_RETURN(auto n, args.take_option("-n"));
  HAVEN_ASSIGN_OR_RETURN(auto temp, args.take_option("--temp"));
  HAVEN_ASSIGN_OR_RETURN(auto seed, args.take_option("--seed"));
  HAVEN_ASSIGN_OR_RETURN(auto kv, args.take_option("--kv-type"));
  HAVEN_ASSIGN_OR_RETURN(auto ctx, args.take_option("--ctx"));
  HAVEN_ASSIGN_OR_RETURN(auto threads, args.take_option("-t"));
  HAVEN_RETURN_IF_ERROR(args.expect_empty());
  if (!model) return invalid_argument("run expects --model FILE");
  if (!prompt) return invalid_argument("run expects --prompt TEXT");
  o.model = *model;
  o.prompt = *prompt;
  if (n) {
    HAVEN_ASSIGN_OR_RETURN(long long v, parse_int("-n", *n, 0, 1 << 20));
    o.n_predict = static_cast<int>(v);
  }
  if (temp) {
    char* end = nullptr;
    const float t = std::strtof(temp->c_str(), &end);
    if (temp->empty() || end != temp->c_str() + temp->size() || !std::isfinite(t) || t < 0 || t > 100) {
      return invalid_argument("--temp: expected a number from 0 to 100, found '" + *temp + "'");
    }
    o.temp = t;
  }
  if (seed) {
    HAVEN_ASSIGN_OR_RETURN(long long v, parse_int("--seed", *seed, 0, (1ll << 62)));
    o.seed = static_cast<uint64_t>(v);
    o.seed_given = true;
  }
  if (kv) {
    HAVEN_ASSIGN_OR_RETURN(o.kv_type, engine::parse_kv_type(*kv));
  }
  if (ctx) {
    HAVEN_ASSIGN_OR_RETURN(long long v, parse_int("--ctx", *ctx, 1, 1 << 22));
    o.n_ctx = static_cast<uint32_t>(v);
  }
  if (threads) {
    HAVEN_ASSIGN_OR_RETURN(long long v, parse_int("-t", *threads, 1, 256));
    o.threads = static_cast<int>(v);
  }
  return o;
}

}  // namespace

int run_run_command(const GlobalOptions& global, Args& args) {
  auto parsed = parse_run_options(global, args);
  if (!parsed.is_ok()) return usage_error(parsed.status().message());
  const RunOptions& o = parsed.value();

  auto model = engine::Model::load(o.model);
  if (!model.is_ok()) return report_error(model.status());
  const engine::Model& m = **model;
  auto vocab = engine::load_vocab(m.file());
  if (!vocab.is_ok()) return report_error(vocab.status().with_context(o.model));
  auto tok = engine::Tokenizer::create(std::move(vocab).value());
  if (!tok.is_ok()) return report_error(tok.status().with_context(o.model));
  const engine::Tokenizer& tokenizer = **tok;

  auto prompt_tokens = tokenizer.encode(o.prompt, {.add_special = true, .parse_special = false});
  if (!prompt_tokens.is_ok()) return report_error(prompt_tokens.status().with_context("prompt"));
  const std::vector<int32_t>& prompt = prompt_tokens.value();
  if (prompt.empty()) return usage_error("--prompt: expected some text, found none");

  engine::SessionOptions so;
  so.kv_type = o.kv_type;
  so.threads = o.threads;
  so.n_ctx = o.n_ctx ? o.n_ctx : static_cast<uint32_t>(prompt.size() + static_cast<size_t>(o.n_predict));
  if (prompt.size() > so.n_ctx) {
    return report_error(out_of_range("prompt: expected at most " + std::to_string(so.n_ctx) + " tokens (--ctx), found " +
                                     std::to_string(prompt.size())));
  }
  auto session = engine::Session::create(m, so);
  if (!session.is_ok()) return report_error(session.status());
  engine::Session& s = **session;
  const size_t n_vocab = m.config().n_vocab;

  // With --json every prompt position's top 5 is reported. The logits are taken in chunks so a long
  // prompt with a large vocabulary does not hold all its logits at once.
  nlohmann::json prompt_top = nlohmann::json::array();
  const size_t chunk = o.json ? 64 : prompt.size();
  std::vector<int32_t> order(o.json ? n_vocab : 0);
  for (size_t start = 0; start < prompt.size(); start += chunk) {
    const size_t len = std::min(chunk, prompt.size() - start);
    Status st = s.decode(std::span<const int32_t>(prompt.data() + start, len),
                         o.json ? engine::Logits::kAll : engine::Logits::kLast);
    if (!st.is_ok()) return report_error(st);
    for (size_t p = 0; o.json && p < len; ++p) {
      const float* row = s.logits_row(p);
      for (size_t i = 0; i < n_vocab; ++i) order[i] = static_cast<int32_t>(i);
      const size_t k = std::min<size_t>(5, n_vocab);
      std::partial_sort(order.begin(), order.begin() + static_cast<long>(k), order.end(),
                        [&](int32_t a, int32_t b) { return row[a] > row[b] || (row[a] == row[b] && a < b); });
      nlohmann::json top = nlohmann::json::array();
      for (size_t i = 0; i < k; ++i) top.push_back({{"id", order[i]}, {"logit", row[order[i]]}});
      prompt_top.push_back(std::move(top));
    }
  }
  const size_t last_row = o.json ? (prompt.size() - 1) % chunk : 0;

  engine::SamplerParams sp;  // llama.cpp's defaults for everything but temperature and seed
  sp.temperature = o.temp;
  sp.seed = o.seed_given ? o.seed : std::random_device{}();
  auto sampler = engine::Sampler::create(sp);
  if (!sampler.is_ok()) return report_error(sampler.status());

  engine::TextStream stream({}, [&](std::string_view piece) {
    if (!o.json) {
      std::fwrite(piece.data(), 1, piece.size(), stdout);
      std::fflush(stdout);
    }
    return true;
  });
  engine::GenerationHooks hooks;
  hooks.decode = [&](int32_t token) -> Result<std::span<const float>> {
    const int32_t one[1] = {token};
    HAVEN_RETURN_IF_ERROR(s.decode(one));
    return std::span<const float>(s.logits_row(0), n_vocab);
  };
  hooks.token_piece = [&](int32_t token) -> std::string {
    auto piece = tokenizer.token_to_piece(token);
    return piece.is_ok() ? std::string(piece.value()) : std::string();
  };
  hooks.is_end_of_generation = [&](int32_t token) { return tokenizer.is_eog(token); };
  engine::GenerationOptions go;
  // The context holds the prompt and at most n_ctx - prompt more tokens; the last sampled token is never
  // decoded, so one more can be sampled than fits.
  go.max_tokens = static_cast<int32_t>(std::min<size_t>(static_cast<size_t>(o.n_predict), so.n_ctx - prompt.size() + 1));
  go.stop_at_end_of_generation = !o.ignore_eos;
  const float* last = s.logits_row(last_row);
  auto result = engine::generate(std::span<const float>(last, n_vocab), sampler.value(), stream, hooks, go);
  if (!result.is_ok()) return report_error(result.status());
  const std::vector<int32_t>& generated = result->tokens;

  if (o.json) {
    // The whole sequence decoded at once, as llama.cpp's llama_detokenize does (a SentencePiece
    // vocabulary's leading space is dropped from the first piece).
    std::string text;
    std::vector<int32_t> shown = generated;
    if (!shown.empty() && tokenizer.is_eog(shown.back()) && !o.ignore_eos) shown.pop_back();
    auto decoded = tokenizer.decode(shown);
    if (decoded.is_ok()) text = std::move(decoded).value();
    nlohmann::json out = {{"prompt_tokens", prompt}, {"prompt_top", std::move(prompt_top)},
                          {"tokens", generated}, {"text", text}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace haven::cli
