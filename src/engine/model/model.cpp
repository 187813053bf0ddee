#include "engine/model/model.h"

#include <cmath>
#include <string>

#include "engine/model/row_ops.h"

namespace haven::engine {
namespace {

std::string shape_text(const std::vector<uint64_t>& dims) {
  std::string s;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i) s += "x";
    s += std::to_string(dims[i]);
  }
  return s;
}

// Drops trailing 1s so that a 2-D tensor stored with dims {a, b, 1} still matches {a, b}.
std::vector<uint64_t> squeeze(std::vector<uint64_t> dims) {
  while (dims.size() > 1 && dims.back() == 1) dims.pop_back();
  return dims;
}

Result<uint32_t> required_u32(const GgufFile& f, const std::string& key) {
  auto v = f.get_u32(key);
  if (!v.is_ok()) {
    if (v.status().code() == StatusCode::kNotFound) return corruption(key + ": expected a value, found none");
    return corruption(v.status().message());
  }
  return v.value();
}

Result<uint32_t> optional_u32(const GgufFile& f, const std::string& key, uint32_t fallback) {
  if (!f.has(key)) return fallback;
  auto v = f.get_u32(key);
  if (!v.is_ok()) return corruption(v.status().message());
  return v.value();
}

Result<float> optional_f32(const GgufFile& f, const std::string& key, float fallback) {
  if (!f.has(key)) return fallback;
  auto v = f.get_f32(key);
  if (!v.is_ok()) return corruption(v.status().message());
  return v.value();
}

Status check_type(const GgufTensorInfo& t) {
  if (!model_detail::row_type_supported(t.type)) {
    return unsupported("tensor " + t.name + ": type " + ggml_type_name(t.type) +
                       " is not supported (expected one of f32, f16, bf16, q4_0, q4_1, q5_0, q5_1, "
                       "q8_0, q4_K, q5_K, q6_K)");
  }
  return Status::ok();
}

Status check_shape(const GgufTensorInfo& t, const std::vector<uint64_t>& expected) {
  if (squeeze(t.dims) != expected) {
    return corruption("tensor " + t.name + ": expected " + shape_text(expected) + ", found " +
                      shape_text(t.dims));
  }
  return Status::ok();
}

const GgufTensorInfo* find(const GgufFile& f, const std::string& name) { return f.find_tensor(name); }

Status missing(const std::string& name, const std::vector<uint64_t>& expected) {
  return corruption("tensor " + name + ": expected " + shape_text(expected) + ", found no such tensor");
}

Result<WeightMatrix> bind_matrix(const GgufFile& f, const std::string& name, uint64_t cols, uint64_t rows) {
  const GgufTensorInfo* t = find(f, name);
  if (!t) return missing(name, {cols, rows});
  HAVEN_RETURN_IF_ERROR(check_shape(*t, {cols, rows}));
  HAVEN_RETURN_IF_ERROR(check_type(*t));
  WeightMatrix m;
  m.type = t->type;
  m.data = t->data;
  m.cols = cols;
  m.rows = rows;
  m.row_bytes = t->row_bytes();
  return m;
}

// 1-D weights (norms, biases, RoPE factors) are copied out as F32; they are a few KB per layer.
Result<std::vector<float>> bind_vector(const GgufFile& f, const std::string& name, uint64_t n) {
  const GgufTensorInfo* t = find(f, name);
  if (!t) return missing(name, {n});
  HAVEN_RETURN_IF_ERROR(check_shape(*t, {n}));
  HAVEN_RETURN_IF_ERROR(check_type(*t));
  std::vector<float> v(n);
  model_detail::dequantize_row(t->type, t->data, v.data(), n);
  return v;
}

}  // namespace

const char* model_arch_name(ModelArch arch) {
  switch (arch) {
    case ModelArch::kLlama: return "llama";
    case ModelArch::kQwen2: return "qwen2";
    case ModelArch::kQwen3: return "qwen3";
  }
  return "?";
}

Result<ModelConfig> read_model_config(const GgufFile& f) {
  ModelConfig c;
  const std::string arch = f.architecture();
  if (arch == "llama") {
    c.arch = ModelArch::kLlama;
    c.rope_style = RopeStyle::kNormal;
  } else if (arch == "qwen2") {
    c.arch = ModelArch::kQwen2;
    c.rope_style = RopeStyle::kNeox;
    c.has_qkv_bias = true;
  } else if (arch == "qwen3") {
    c.arch = ModelArch::kQwen3;
    c.rope_style = RopeStyle::kNeox;
    c.has_qk_norm = true;
  } else {
    return unsupported("general.architecture: expected llama, qwen2 or qwen3, found " +
                       (arch.empty() ? std::string("none") : "'" + arch + "'"));
  }
  const std::string p = arch + ".";
  HAVEN_ASSIGN_OR_RETURN(c.n_embd, required_u32(f, p + "embedding_length"));
  HAVEN_ASSIGN_OR_RETURN(c.n_layer, required_u32(f, p + "block_count"));
  HAVEN_ASSIGN_OR_RETURN(c.n_head, required_u32(f, p + "attention.head_count"));
  HAVEN_ASSIGN_OR_RETURN(c.n_head_kv, optional_u32(f, p + "attention.head_count_kv", c.n_head));
  HAVEN_ASSIGN_OR_RETURN(c.n_ff, required_u32(f, p + "feed_forward_length"));
  HAVEN_ASSIGN_OR_RETURN(c.n_ctx_train, optional_u32(f, p + "context_length", 2048));
  HAVEN_ASSIGN_OR_RETURN(c.rope_freq_base, optional_f32(f, p + "rope.freq_base", 10000.0f));
  HAVEN_ASSIGN_OR_RETURN(c.rms_eps, optional_f32(f, p + "attention.layer_norm_rms_epsilon", 1e-5f));

  auto positive = [](const std::string& key, uint64_t v) -> Status {
    if (v == 0) return corruption(key + ": expected a positive number, found 0");
    return Status::ok();
  };
  HAVEN_RETURN_IF_ERROR(positive(p + "embedding_length", c.n_embd));
  HAVEN_RETURN_IF_ERROR(positive(p + "block_count", c.n_layer));
  HAVEN_RETURN_IF_ERROR(positive(p + "attention.head_count", c.n_head));
  HAVEN_RETURN_IF_ERROR(positive(p + "attention.head_count_kv", c.n_head_kv));
  HAVEN_RETURN_IF_ERROR(positive(p + "feed_forward_length", c.n_ff));
  // Sanity limits against absurd values in a damaged file (the largest real models are far below).
  if (c.n_layer > 1024) return corruption(p + "block_count: expected at most 1024, found " + std::to_string(c.n_layer));
  if (c.n_head > 1024) return corruption(p + "attention.head_count: expected at most 1024, found " + std::to_string(c.n_head));
  if (c.n_head % c.n_head_kv != 0) {
    return corruption(p + "attention.head_count_kv: expected a divisor of " + std::to_string(c.n_head) +
                      ", found " + std::to_string(c.n_head_kv));
  }
  uint32_t default_head_dim = c.n_embd / c.n_head;
  if (!f.has(p + "attention.key_length") && c.n_embd % c.n_head != 0) {
    return corruption(p + "attention.head_count: expected a divisor of " + std::to_string(c.n_embd) +
                      ", found " + std::to_string(c.n_head));
  }
  HAVEN_ASSIGN_OR_RETURN(c.head_dim, optional_u32(f, p + "attention.key_length", default_head_dim));
  HAVEN_ASSIGN_OR_RETURN(uint32_t value_dim, optional_u32(f, p + "attention.value_length", c.head_dim));
  if (value_dim != c.head_dim) {
    return unsupported(p + "attention.value_length: expected " + std::to_string(c.head_dim) + " (the key length), found " +
                       std::to_string(value_dim));
  }
  if (c.head_dim == 0 || c.head_dim % 2 != 0 || c.head_dim > 1024) {
    return corruption(p + "attention.key_length: expected an even number from 2 to 1024, found " +
                      std::to_string(c.head_dim));
  }
  HAVEN_ASSIGN_OR_RETURN(c.rope_dim, optional_u32(f, p + "rope.dimension_count", c.head_dim));
  if (c.rope_dim == 0 || c.rope_dim % 2 != 0 || c.rope_dim > c.head_dim) {
    return corruption(p + "rope.dimension_count: expected an even number up to " + std::to_string(c.head_dim) +
                      ", found " + std::to_string(c.rope_dim));
  }
  if (!(c.rope_freq_base > 0) || !std::isfinite(c.rope_freq_base)) {
    return corruption(p + "rope.freq_base: expected a positive number, found " + std::to_string(c.rope_freq_base));
  }
  if (!(c.rms_eps > 0) || !std::isfinite(c.rms_eps)) {
    return corruption(p + "attention.layer_norm_rms_epsilon: expected a positive number, found " +
                      std::to_string(c.rms_eps));
  }
  const GgufTensorInfo* embd = f.find_tensor("token_embd.weight");
  if (!embd) return corruption("tensor token_embd.weight: expected " + std::to_string(c.n_embd) + "xN_VOCAB, found no such tensor");
  if (embd->dims.size() < 2 || embd->dims[0] != c.n_embd || embd->dims[1] == 0 || embd->dims[1] > (1u << 24)) {
    return corruption("tensor token_embd.weight: expected " + std::to_string(c.n_embd) + "xN_VOCAB, found " +
                      shape_text(embd->dims));
  }
  c.n_vocab = static_cast<uint32_t>(embd->dims[1]);
  c.tied_output = f.find_tensor("output.weight") == nullptr;
  return c;
}

Result<std::unique_ptr<Model>> Model::load(const std::string& path) {
  auto file = GgufFile::open(path);
  if (!file.is_ok()) return file.status().with_context(path);
  auto model = from_file(std::move(file).value());
  if (!model.is_ok()) return model.status().with_context(path);
  return model;
}

Result<std::unique_ptr<Model>> Model::from_file(std::unique_ptr<GgufFile> file) {
  std::unique_ptr<Model> m(new Model());
  m->file_ = std::move(file);
  HAVEN_ASSIGN_OR_RETURN(m->config_, read_model_config(*m->file_));
  HAVEN_RETURN_IF_ERROR(m->bind());
  return m;
}

Status Model::bind() {
  const GgufFile& f = *file_;
  const ModelConfig& c = config_;
  HAVEN_ASSIGN_OR_RETURN(token_embd_, bind_matrix(f, "token_embd.weight", c.n_embd, c.n_vocab));
  if (c.tied_output) {
    output_ = token_embd_;
  } else {
    HAVEN_ASSIGN_OR_RETURN(output_, bind_matrix(f, "output.weight", c.n_embd, c.n_vocab));
  }
  HAVEN_ASSIGN_OR_RETURN(output_norm_, bind_vector(f, "output_norm.weight", c.n_embd));
  if (f.find_tensor("rope_freqs.weight")) {
    HAVEN_ASSIGN_OR_RETURN(rope_freqs_, bind_vector(f, "rope_freqs.weight", c.rope_dim / 2));
  }
  layers_.resize(c.n_layer);
  for (uint32_t i = 0; i < c.n_layer; ++i) {
    const std::string b = "blk." + std::to_string(i) + ".";
    LayerWeights& l = layers_[i];
    HAVEN_ASSIGN_OR_RETURN(l.attn_norm, bind_vector(f, b + "attn_norm.weight", c.n_embd));
    HAVEN_ASSIGN_OR_RETURN(l.wq, bind_matrix(f, b + "attn_q.weight", c.n_embd, c.q_dim()));
    HAVEN_ASSIGN_OR_RETURN(l.wk, bind_matrix(f, b + "attn_k.weight", c.n_embd, c.kv_dim()));
    HAVEN_ASSIGN_OR_RETURN(l.wv, bind_matrix(f, b + "attn_v.weight", c.n_embd, c.kv_dim()));
    HAVEN_ASSIGN_OR_RETURN(l.wo, bind_matrix(f, b + "attn_output.weight", c.q_dim(), c.n_embd));
    // qwen2 always has Q/K/V biases; llama files may carry them too (llama.cpp reads them when present).
    if (c.has_qkv_bias || f.find_tensor(b + "attn_q.bias")) {
      HAVEN_ASSIGN_OR_RETURN(l.bq, bind_vector(f, b + "attn_q.bias", c.q_dim()));
      HAVEN_ASSIGN_OR_RETURN(l.bk, bind_vector(f, b + "attn_k.bias", c.kv_dim()));
      HAVEN_ASSIGN_OR_RETURN(l.bv, bind_vector(f, b + "attn_v.bias", c.kv_dim()));
    }
    if (c.has_qk_norm) {
      HAVEN_ASSIGN_OR_RETURN(l.q_norm, bind_vector(f, b + "attn_q_norm.weight", c.head_dim));
      HAVEN_ASSIGN_OR_RETURN(l.k_norm, bind_vector(f, b + "attn_k_norm.weight", c.head_dim));
    }
    HAVEN_ASSIGN_OR_RETURN(l.ffn_norm, bind_vector(f, b + "ffn_norm.weight", c.n_embd));
    HAVEN_ASSIGN_OR_RETURN(l.w_gate, bind_matrix(f, b + "ffn_gate.weight", c.n_embd, c.n_ff));
    HAVEN_ASSIGN_OR_RETURN(l.w_up, bind_matrix(f, b + "ffn_up.weight", c.n_embd, c.n_ff));
    HAVEN_ASSIGN_OR_RETURN(l.w_down, bind_matrix(f, b + "ffn_down.weight", c.n_ff, c.n_embd));
  }
  return Status::ok();
}

uint64_t Model::weight_bytes() const {
  uint64_t total = 0;
  for (const auto& t : file_->tensors()) total += t.n_bytes;
  return total;
}

}  // namespace haven::engine
