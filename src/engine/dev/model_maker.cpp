#include "engine/dev/model_maker.h"

#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>

#include "engine/gguf/gguf_reader.h"
#include "engine/gguf/gguf_writer.h"
#include "engine/tensor/random_blocks.h"

namespace haven::engine {
namespace {

bool is_k_quant(GgmlType t) {
  return t == GgmlType::kQ4_K || t == GgmlType::kQ5_K || t == GgmlType::kQ6_K;
}

// llama.cpp's use_more_bits: the first and last eighth of the layers, and every third in between.
bool use_more_bits(int i_layer, int n_layers) {
  return i_layer < n_layers / 8 || i_layer >= 7 * n_layers / 8 || (i_layer - n_layers / 8) % 3 == 2;
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// GPT-2's byte-to-character table: printable bytes stand for themselves, the rest map above U+0100.
std::string gpt2_byte_token(int b) {
  int cp = b;
  const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
  if (!printable) {
    int n = 0;
    for (int i = 0; i < b; ++i) {
      const bool p = (i >= '!' && i <= '~') || (i >= 0xA1 && i <= 0xAC) || (i >= 0xAE && i <= 0xFF);
      if (!p) ++n;
    }
    cp = 256 + n;
  }
  std::string s;
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return s;
}

constexpr const char* kChatMlTemplate =
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + "
    "'<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

// A small byte-level BPE vocabulary (no merges): every byte, then ChatML's special tokens, then padding.
void write_made_up_vocab(GgufWriter& w, uint32_t n_vocab) {
  std::vector<std::string> tokens;
  std::vector<int32_t> types;
  for (int b = 0; b < 256 && tokens.size() < n_vocab; ++b) {
    tokens.push_back(gpt2_byte_token(b));
    types.push_back(1);
  }
  for (const char* special : {"<|endoftext|>", "<|im_start|>", "<|im_end|>"}) {
    if (tokens.size() < n_vocab) {
      tokens.push_back(special);
      types.push_back(3);
    }
  }
  while (tokens.size() < n_vocab) {
    tokens.push_back("[PAD" + std::to_string(tokens.size()) + "]");
    types.push_back(5);
  }
  w.set_string("tokenizer.ggml.model", "gpt2");
  w.set_string("tokenizer.ggml.pre", "default");
  w.set_string_array("tokenizer.ggml.tokens", tokens);
  w.set_i32_array("tokenizer.ggml.token_type", types);
  w.set_string_array("tokenizer.ggml.merges", std::vector<std::string>{});
  if (n_vocab > 258) {
    w.set_u32("tokenizer.ggml.bos_token_id", 256);
    w.set_u32("tokenizer.ggml.eos_token_id", 258);
    w.set_u32("tokenizer.ggml.padding_token_id", 256);
    w.set_bool("tokenizer.ggml.add_bos_token", false);
    w.set_string("tokenizer.chat_template", kChatMlTemplate);
  }
}

// Llama 3.x rope scaling factors (factor 32, low 1, high 4, original context 8192), as the converter
// computes them.
std::vector<float> llama3_rope_factors(const LlamaHparams& hp) {
  std::vector<float> f;
  const double factor = 32.0, low = 1.0, high = 4.0, old_ctx = 8192.0;
  const double low_wavelen = old_ctx / low, high_wavelen = old_ctx / high;
  for (uint32_t i = 0; i < hp.head_dim / 2; ++i) {
    const double freq = 1.0 / std::pow(static_cast<double>(hp.rope_freq_base), 2.0 * i / hp.head_dim);
    const double wavelen = 2 * M_PI / freq;
    if (wavelen < high_wavelen) {
      f.push_back(1.0f);
    } else if (wavelen > low_wavelen) {
      f.push_back(static_cast<float>(factor));
    } else {
      const double smooth = (old_ctx / wavelen - low) / (high - low);
      f.push_back(static_cast<float>(1.0 / ((1 - smooth) / factor + smooth)));
    }
  }
  return f;
}

}  // namespace

Result<FileType> parse_file_type(std::string_view name) {
  std::string n(name);
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (FileType t : {FileType::kF32, FileType::kF16, FileType::kQ8_0, FileType::kQ4_0, FileType::kQ4_K_M,
                     FileType::kQ5_K_M, FileType::kQ6_K}) {
    if (n == file_type_name(t)) return t;
  }
  return invalid_argument("expected a type of f32, f16, q8_0, q4_0, q4_k_m, q5_k_m or q6_k, found '" +
                          std::string(name) + "'");
}

const char* file_type_name(FileType type) {
  switch (type) {
    case FileType::kF32: return "f32";
    case FileType::kF16: return "f16";
    case FileType::kQ4_0: return "q4_0";
    case FileType::kQ8_0: return "q8_0";
    case FileType::kQ4_K_M: return "q4_k_m";
    case FileType::kQ5_K_M: return "q5_k_m";
    case FileType::kQ6_K: return "q6_k";
  }
  return "?";
}

GgmlType llama_cpp_tensor_type(FileType ft, const TensorSpec& spec, const LlamaHparams& hp) {
  using R = TensorSpec::Role;
  if (spec.dims.size() < 2) return GgmlType::kF32;  // norms, biases, rope factors are never quantized
  GgmlType t;
  switch (ft) {
    case FileType::kF32: return GgmlType::kF32;
    case FileType::kF16: return GgmlType::kF16;
    case FileType::kQ8_0: t = GgmlType::kQ8_0; break;
    case FileType::kQ4_0: t = GgmlType::kQ4_0; break;
    case FileType::kQ4_K_M: t = GgmlType::kQ4_K; break;
    case FileType::kQ5_K_M: t = GgmlType::kQ5_K; break;
    case FileType::kQ6_K: t = GgmlType::kQ6_K; break;
    default: return GgmlType::kF16;
  }
  const uint64_t nx = spec.dims[0];
  const bool k_m = ft == FileType::kQ4_K_M || ft == FileType::kQ5_K_M;
  const bool is_output = spec.role == R::kOutput || (spec.role == R::kTokenEmbd && hp.tied_embeddings);
  if (is_output) {
    if (nx % 256 != 0) {
      t = GgmlType::kQ8_0;
    } else if (t != GgmlType::kQ8_0) {
      t = GgmlType::kQ6_K;
    }
  } else if ((spec.role == R::kAttnV || spec.role == R::kFfnDown) && k_m &&
             use_more_bits(spec.layer, static_cast<int>(hp.n_layer))) {
    t = GgmlType::kQ6_K;
  }
  if (is_k_quant(t) && nx % 256 != 0) {
    t = t == GgmlType::kQ4_K ? GgmlType::kQ5_0 : t == GgmlType::kQ5_K ? GgmlType::kQ5_1 : GgmlType::kQ8_0;
  }
  if (nx % ggml_traits(t).block_size != 0) t = GgmlType::kF16;
  return t;
}

Result<LlamaHparams> model_preset(std::string_view name) {
  LlamaHparams hp;
  if (name == "qwen2.5-0.5b") {
    hp.arch = Arch::kQwen2;
    hp.n_vocab = 151936;
    hp.n_embd = 896;
    hp.n_layer = 24;
    hp.n_head = 14;
    hp.n_head_kv = 2;
    hp.n_ff = 4864;
    hp.n_ctx_train = 32768;
    hp.rope_freq_base = 1000000.0f;
    hp.rms_norm_eps = 1e-6f;
    hp.qkv_bias = true;
  } else if (name == "llama3.2-1b") {
    hp.arch = Arch::kLlama;
    hp.n_vocab = 128256;
    hp.n_embd = 2048;
    hp.n_layer = 16;
    hp.n_head = 32;
    hp.n_head_kv = 8;
    hp.n_ff = 8192;
    hp.n_ctx_train = 131072;
    hp.rope_freq_base = 500000.0f;
    hp.rms_norm_eps = 1e-5f;
    hp.rope_freqs = true;
  } else if (name == "tiny") {
    hp.arch = Arch::kLlama;
    hp.n_vocab = 320;
    hp.n_embd = 256;
    hp.n_layer = 2;
    hp.n_head = 4;
    hp.n_head_kv = 2;
    hp.n_ff = 512;
    hp.n_ctx_train = 2048;
    hp.rope_freq_base = 10000.0f;
    hp.rms_norm_eps = 1e-5f;
  } else {
    return invalid_argument("expected a preset of qwen2.5-0.5b, llama3.2-1b or tiny, found '" + std::string(name) + "'");
  }
  hp.tied_embeddings = true;
  hp.head_dim = hp.n_embd / hp.n_head;
  return hp;
}

Result<MadeModel> make_model(const MakeModelOptions& o) {
  LlamaHparams hp = o.hp;
  GgufWriter w;
  const std::string arch = arch_name(hp.arch);
  std::unique_ptr<GgufFile> vocab;
  if (!o.vocab_path.empty()) {
    auto v = GgufFile::open(o.vocab_path);
    if (!v.is_ok()) return v.status().with_context(o.vocab_path);
    vocab = std::move(v).value();
    const GgufMetadataEntry* tokens = vocab->find("tokenizer.ggml.tokens");
    if (tokens == nullptr || tokens->type != GgufType::kArray || tokens->array_type != GgufType::kString) {
      return invalid_argument(o.vocab_path + ": expected a vocabulary (tokenizer.ggml.tokens), found none");
    }
    if (tokens->count == 0 || tokens->count > 0x7fffffff) {
      return invalid_argument(o.vocab_path + ": expected 1 to 2^31 tokens, found " + format_count(tokens->count));
    }
    hp.n_vocab = static_cast<uint32_t>(tokens->count);
  }
  HAVEN_RETURN_IF_ERROR(validate_hparams(hp));

  w.set_string("general.architecture", arch);
  w.set_string("general.name", o.name.empty() ? "Haven random " + arch + " " + std::to_string(hp.n_embd) + "x" +
                                                    std::to_string(hp.n_layer)
                                              : o.name);
  w.set_u32("general.file_type", static_cast<uint32_t>(o.file_type));
  if (o.file_type != FileType::kF32 && o.file_type != FileType::kF16) w.set_u32("general.quantization_version", 2);
  w.set_u32(arch + ".context_length", hp.n_ctx_train);
  w.set_u32(arch + ".embedding_length", hp.n_embd);
  w.set_u32(arch + ".block_count", hp.n_layer);
  w.set_u32(arch + ".feed_forward_length", hp.n_ff);
  w.set_u32(arch + ".attention.head_count", hp.n_head);
  w.set_u32(arch + ".attention.head_count_kv", hp.n_head_kv);
  if (hp.head_dim != hp.n_embd / hp.n_head) {
    w.set_u32(arch + ".attention.key_length", hp.head_dim);
    w.set_u32(arch + ".attention.value_length", hp.head_dim);
  }
  w.set_f32(arch + ".rope.freq_base", hp.rope_freq_base);
  w.set_f32(arch + ".attention.layer_norm_rms_epsilon", hp.rms_norm_eps);
  if (hp.arch == Arch::kLlama) w.set_u32(arch + ".rope.dimension_count", hp.head_dim);
  if (vocab) {
    for (const GgufMetadataEntry& e : vocab->metadata()) {
      if (e.key.substr(0, 10) == "tokenizer.") w.copy_entry(e);
    }
  } else {
    write_made_up_vocab(w, hp.n_vocab);
  }

  MadeModel made;
  made.n_vocab = hp.n_vocab;
  for (const TensorSpec& spec : llama_tensor_specs(hp)) {
    const GgmlType type = llama_cpp_tensor_type(o.file_type, spec, hp);
    uint64_t n = 1;
    for (uint64_t d : spec.dims) n *= d;
    made.parameters += n;
    using R = TensorSpec::Role;
    float scale = 0.0f, offset = 0.0f;
    const double fan_in = static_cast<double>(spec.dims[0]);
    switch (spec.role) {
      case R::kTokenEmbd:
      case R::kOutput: scale = 0.5f; break;
      case R::kNorm: scale = 0.1f; offset = 1.0f; break;
      case R::kBias: scale = 0.1f; break;
      case R::kAttnOutput:
      case R::kFfnDown: scale = static_cast<float>(2.0 / std::sqrt(fan_in)); break;
      case R::kRopeFreqs: break;
      default: scale = static_cast<float>(1.0 / std::sqrt(fan_in)); break;
    }
    const uint64_t seed = o.seed * 0x9E3779B97F4A7C15ull ^ fnv1a(spec.name);
    GgufWriter::TensorFiller fill;
    if (spec.role == R::kRopeFreqs) {
      std::vector<float> f = llama3_rope_factors(hp);
      fill = [f](uint8_t* dst, uint64_t bytes) { std::memcpy(dst, f.data(), bytes); };
    } else {
      fill = [type, n, scale, offset, seed](uint8_t* dst, uint64_t) {
        Rng rng(seed);
        fill_random(type, dst, static_cast<int64_t>(n), scale, rng);
        if (offset != 0.0f) {  // only F32 tensors (norms) get an offset
          float* f = reinterpret_cast<float*>(dst);
          for (uint64_t i = 0; i < n; ++i) f[i] += offset;
        }
      };
    }
    HAVEN_RETURN_IF_ERROR(w.add_tensor(spec.name, spec.dims, type, std::move(fill)));
  }
  made.file_size = w.file_size();
  HAVEN_RETURN_IF_ERROR(w.write(o.out_path));
  return made;
}

}  // namespace haven::engine
