#include "engine/gguf/llama_layout.h"

namespace haven::engine {

const char* arch_name(Arch arch) { return arch == Arch::kQwen2 ? "qwen2" : "llama"; }

Result<Arch> parse_arch(std::string_view name) {
  if (name == "llama") return Arch::kLlama;
  if (name == "qwen2") return Arch::kQwen2;
  return unsupported("unsupported architecture '" + std::string(name) + "' (Haven runs llama and qwen2)");
}

Status validate_hparams(const LlamaHparams& hp) {
  auto bad = [](const std::string& what, uint64_t v) {
    return invalid_argument("expected " + what + ", found " + std::to_string(v));
  };
  if (hp.n_vocab == 0) return bad("a vocabulary of at least 1 token", hp.n_vocab);
  if (hp.n_embd == 0) return bad("an embedding width of at least 1", hp.n_embd);
  if (hp.n_layer == 0) return bad("at least 1 layer", hp.n_layer);
  if (hp.n_head == 0) return bad("at least 1 attention head", hp.n_head);
  if (hp.n_head_kv == 0 || hp.n_head % hp.n_head_kv != 0) {
    return bad("a KV head count that divides the head count " + std::to_string(hp.n_head), hp.n_head_kv);
  }
  if (hp.n_ff == 0) return bad("a feed-forward width of at least 1", hp.n_ff);
  if (hp.head_dim == 0 || hp.head_dim % 2 != 0) return bad("an even head size", hp.head_dim);
  return Status::ok();
}

Result<LlamaHparams> read_llama_hparams(const GgufFile& file) {
  HAVEN_ASSIGN_OR_RETURN(std::string arch_str, file.get_string("general.architecture"));
  HAVEN_ASSIGN_OR_RETURN(Arch arch, parse_arch(arch_str));
  LlamaHparams hp;
  hp.arch = arch;
  const std::string p = arch_str + ".";
  auto req = [&](const std::string& key, uint32_t& out) -> Status {
    auto v = file.get_u32(p + key);
    if (!v.is_ok()) return corruption(v.status().message());
    out = *v;
    return Status::ok();
  };
  HAVEN_RETURN_IF_ERROR(req("embedding_length", hp.n_embd));
  HAVEN_RETURN_IF_ERROR(req("block_count", hp.n_layer));
  HAVEN_RETURN_IF_ERROR(req("attention.head_count", hp.n_head));
  HAVEN_RETURN_IF_ERROR(req("feed_forward_length", hp.n_ff));
  if (file.has(p + "attention.head_count_kv")) {
    HAVEN_RETURN_IF_ERROR(req("attention.head_count_kv", hp.n_head_kv));
  } else {
    hp.n_head_kv = hp.n_head;
  }
  if (file.has(p + "context_length")) HAVEN_RETURN_IF_ERROR(req("context_length", hp.n_ctx_train));
  hp.head_dim = hp.n_head == 0 ? 0 : hp.n_embd / hp.n_head;
  if (file.has(p + "attention.key_length")) HAVEN_RETURN_IF_ERROR(req("attention.key_length", hp.head_dim));
  if (auto v = file.get_f32(p + "rope.freq_base"); v.is_ok()) hp.rope_freq_base = *v;
  if (auto v = file.get_f32(p + "attention.layer_norm_rms_epsilon"); v.is_ok()) hp.rms_norm_eps = *v;
  if (const GgufMetadataEntry* tokens = file.find("tokenizer.ggml.tokens")) {
    hp.n_vocab = static_cast<uint32_t>(tokens->count);
  } else if (const GgufTensorInfo* emb = file.find_tensor("token_embd.weight"); emb && emb->dims.size() == 2) {
    hp.n_vocab = static_cast<uint32_t>(emb->dims[1]);
  }
  hp.tied_embeddings = file.find_tensor("output.weight") == nullptr;
  hp.rope_freqs = file.find_tensor("rope_freqs.weight") != nullptr;
  hp.qkv_bias = file.find_tensor("blk.0.attn_q.bias") != nullptr;
  Status s = validate_hparams(hp);
  if (!s.is_ok()) return corruption(arch_str + " hyperparameters: " + s.message());
  return hp;
}

std::vector<TensorSpec> llama_tensor_specs(const LlamaHparams& hp) {
  using R = TensorSpec::Role;
  const uint64_t e = hp.n_embd, q = uint64_t{hp.n_head} * hp.head_dim, kv = uint64_t{hp.n_head_kv} * hp.head_dim;
  std::vector<TensorSpec> s;
  s.push_back({"token_embd.weight", {e, hp.n_vocab}, R::kTokenEmbd, -1, true});
  if (hp.rope_freqs) s.push_back({"rope_freqs.weight", {hp.head_dim / 2}, R::kRopeFreqs, -1, true});
  for (uint32_t i = 0; i < hp.n_layer; ++i) {
    const std::string b = "blk." + std::to_string(i) + ".";
    const int l = static_cast<int>(i);
    s.push_back({b + "attn_norm.weight", {e}, R::kNorm, l, true});
    s.push_back({b + "attn_q.weight", {e, q}, R::kAttnQ, l, true});
    s.push_back({b + "attn_k.weight", {e, kv}, R::kAttnK, l, true});
    s.push_back({b + "attn_v.weight", {e, kv}, R::kAttnV, l, true});
    if (hp.qkv_bias) {
      s.push_back({b + "attn_q.bias", {q}, R::kBias, l, true});
      s.push_back({b + "attn_k.bias", {kv}, R::kBias, l, true});
      s.push_back({b + "attn_v.bias", {kv}, R::kBias, l, true});
    }
    s.push_back({b + "attn_output.weight", {q, e}, R::kAttnOutput, l, true});
    s.push_back({b + "ffn_norm.weight", {e}, R::kNorm, l, true});
    s.push_back({b + "ffn_gate.weight", {e, hp.n_ff}, R::kFfnGate, l, true});
    s.push_back({b + "ffn_up.weight", {e, hp.n_ff}, R::kFfnUp, l, true});
    s.push_back({b + "ffn_down.weight", {hp.n_ff, e}, R::kFfnDown, l, true});
  }
  s.push_back({"output_norm.weight", {e}, R::kNorm, -1, true});
  if (!hp.tied_embeddings) s.push_back({"output.weight", {e, hp.n_vocab}, R::kOutput, -1, true});
  return s;
}

namespace {
std::string shape(const std::vector<uint64_t>& d) {
  std::string s;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0) s.push_back('x');
    s.append(std::to_string(d[i]));
  }
  return s;
}
}  // namespace

Status check_llama_tensors(const GgufFile& file, const LlamaHparams& hp) {
  for (const TensorSpec& spec : llama_tensor_specs(hp)) {
    const GgufTensorInfo* t = file.find_tensor(spec.name);
    if (t == nullptr) {
      if (!spec.required) continue;
      return corruption("tensor '" + spec.name + "': expected " + shape(spec.dims) + ", found no such tensor");
    }
    if (t->dims != spec.dims) {
      return corruption("tensor '" + spec.name + "': expected " + shape(spec.dims) + ", found " + shape(t->dims));
    }
  }
  return Status::ok();
}

}  // namespace haven::engine
