// haven dev make-model: writes a random-weight llama/qwen2 GGUF (see engine/dev/model_maker.h).
//
//   haven dev make-model --out FILE [--preset qwen2.5-0.5b|llama3.2-1b|tiny] [--arch llama|qwen2]
//       [--type f32|f16|q8_0|q4_0|q4_k_m|q5_k_m|q6_k] [--vocab FILE] [--seed N] [--name TEXT]
//       [--dim N] [--layers N] [--heads N] [--kv-heads N] [--ffn N] [--vocab-size N] [--context N]
#include <cstdio>
#include <string>

#include "app/cli/cli.h"
#include "engine/dev/model_maker.h"
#include "engine/gguf/gguf_reader.h"

namespace haven::cli {
namespace {

Result<uint64_t> parse_number(const std::string& option, const std::string& text, uint64_t max) {
  uint64_t v = 0;
  if (text.empty() || text.size() > 20) {
    return invalid_argument(option + " expects a whole number, found '" + text + "'");
  }
  for (char c : text) {
    if (c < '0' || c > '9') return invalid_argument(option + " expects a whole number, found '" + text + "'");
    if (v > (UINT64_MAX - 9) / 10) return invalid_argument(option + " expects at most " + std::to_string(max) + ", found " + text);
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > max) return invalid_argument(option + " expects at most " + std::to_string(max) + ", found " + text);
  return v;
}

}  // namespace

int run_dev_make_model(const GlobalOptions& options, Args& args) {
  (void)options;
  using engine::LlamaHparams;
  engine::MakeModelOptions o;

  auto preset = args.take_option("--preset");
  if (!preset.is_ok()) return usage_error(preset.status().message());
  auto hp = engine::model_preset(preset->value_or("tiny"));
  if (!hp.is_ok()) return usage_error(hp.status().message());
  o.hp = *hp;

  auto arch = args.take_option("--arch");
  if (!arch.is_ok()) return usage_error(arch.status().message());
  if (arch->has_value()) {
    auto a = engine::parse_arch(**arch);
    if (!a.is_ok()) return usage_error("--arch expects llama or qwen2, found '" + **arch + "'");
    if (preset->has_value() && **preset != "tiny" && *a != o.hp.arch) {  // tiny fits either architecture
      return usage_error("--arch " + **arch + " does not match the preset " + **preset + " (" +
                         engine::arch_name(o.hp.arch) + ")");
    }
    o.hp.arch = *a;
    o.hp.qkv_bias = *a == engine::Arch::kQwen2;
    if (*a == engine::Arch::kQwen2) o.hp.rope_freq_base = 1000000.0f;
  }

  struct NumOpt {
    const char* name;
    uint32_t* target;
  };
  const NumOpt nums[] = {{"--dim", &o.hp.n_embd},          {"--layers", &o.hp.n_layer},  {"--heads", &o.hp.n_head},
                         {"--kv-heads", &o.hp.n_head_kv},  {"--ffn", &o.hp.n_ff},      {"--vocab-size", &o.hp.n_vocab},
                         {"--context", &o.hp.n_ctx_train}};
  bool shape_changed = false;
  for (const NumOpt& n : nums) {
    auto v = args.take_option(n.name);
    if (!v.is_ok()) return usage_error(v.status().message());
    if (!v->has_value()) continue;
    auto num = parse_number(n.name, **v, 1u << 24);
    if (!num.is_ok()) return usage_error(num.status().message());
    *n.target = static_cast<uint32_t>(*num);
    shape_changed = true;
  }
  if (shape_changed && o.hp.n_head != 0) o.hp.head_dim = o.hp.n_embd / o.hp.n_head;
  if (o.hp.n_head != 0 && o.hp.n_embd % o.hp.n_head != 0) {
    return usage_error("--dim " + std::to_string(o.hp.n_embd) + " expects a multiple of the head count " +
                       std::to_string(o.hp.n_head));
  }

  auto type = args.take_option("--type");
  if (!type.is_ok()) return usage_error(type.status().message());
  auto ft = engine::parse_file_type(type->value_or("f16"));
  if (!ft.is_ok()) return usage_error("--type " + ft.status().message());
  o.file_type = *ft;

  auto seed = args.take_option("--seed");
  if (!seed.is_ok()) return usage_error(seed.status().message());
  if (seed->has_value()) {
    auto s = parse_number("--seed", **seed, UINT64_MAX);
    if (!s.is_ok()) return usage_error(s.status().message());
    o.seed = *s;
  }
  auto vocab = args.take_option("--vocab");
  if (!vocab.is_ok()) return usage_error(vocab.status().message());
  o.vocab_path = vocab->value_or("");
  auto name = args.take_option("--name");
  if (!name.is_ok()) return usage_error(name.status().message());
  o.name = name->value_or("");
  auto out = args.take_option("--out");
  if (!out.is_ok()) return usage_error(out.status().message());
  if (!out->has_value() || (*out)->empty()) return usage_error("dev make-model expects --out FILE, found nothing");
  o.out_path = **out;
  Status rest = args.expect_empty();
  if (!rest.is_ok()) return usage_error(rest.message());

  auto made = engine::make_model(o);
  if (!made.is_ok()) {
    if (made.status().code() == StatusCode::kInvalidArgument) return usage_error(made.status().message());
    return report_error(made.status());
  }
  std::printf("wrote %s: %s, %s, %s parameters, %s tokens, %s bytes (random weights, seed %llu)\n",
              o.out_path.c_str(), engine::arch_name(o.hp.arch), engine::file_type_name(o.file_type),
              engine::format_count(made->parameters).c_str(), engine::format_count(made->n_vocab).c_str(),
              engine::format_count(made->file_size).c_str(), static_cast<unsigned long long>(o.seed));
  return kExitOk;
}

}  // namespace haven::cli
