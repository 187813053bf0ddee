#include "engine/tokenizer/vocab.h"

#include <array>

namespace haven::engine {

const char* vocab_model_name(VocabModel model) {
  switch (model) {
    case VocabModel::kSpm: return "llama (SentencePiece)";
    case VocabModel::kBpe: return "gpt2 (byte-level BPE)";
  }
  return "unknown";
}

const char* pre_tokenizer_name(PreTokenizer pre) {
  switch (pre) {
    case PreTokenizer::kNone: return "none";
    case PreTokenizer::kDefault: return "default";
    case PreTokenizer::kGpt2: return "gpt-2";
    case PreTokenizer::kLlama3: return "llama3";
    case PreTokenizer::kQwen2: return "qwen2";
  }
  return "unknown";
}

Result<Vocab> vocab_defaults_for(std::string_view tokenizer_model) {
  Vocab v;
  if (tokenizer_model == "llama") {
    v.model = VocabModel::kSpm;
    v.pre = PreTokenizer::kNone;
    v.bos = 1;
    v.eos = 2;
    v.unk = 0;
    v.add_space_prefix = true;
    v.add_bos = true;
    v.add_eos = false;
    return v;
  }
  if (tokenizer_model == "gpt2") {
    v.model = VocabModel::kBpe;
    v.pre = PreTokenizer::kDefault;
    // llama.cpp's historical GPT-NeoX defaults; real files always carry their own ids.
    v.bos = 11;
    v.eos = 11;
    v.unk = kNoToken;
    v.add_space_prefix = false;
    v.add_bos = false;
    v.add_eos = false;
    return v;
  }
  return unsupported("tokenizer.ggml.model: expected \"llama\" or \"gpt2\", found \"" +
                     std::string(tokenizer_model) + "\"");
}

namespace {

struct PreName {
  std::string_view name;
  PreTokenizer pre;
  bool ignore_merges;
  bool add_bos;  // llama.cpp turns add_bos on for the Llama 3 family before reading add_bos_token
};

// The names llama.cpp maps to the same regex and flags as the three families Haven implements.
constexpr std::array<PreName, 16> kPreNames = {{
    {"default", PreTokenizer::kDefault, false, false},
    {"llama3", PreTokenizer::kLlama3, true, true},
    {"llama-v3", PreTokenizer::kLlama3, true, true},
    {"llama-bpe", PreTokenizer::kLlama3, true, true},
    {"falcon3", PreTokenizer::kLlama3, true, true},
    {"falcon-h1", PreTokenizer::kLlama3, true, true},
    {"pixtral", PreTokenizer::kLlama3, true, true},
    {"dbrx", PreTokenizer::kLlama3, false, false},
    {"smaug-bpe", PreTokenizer::kLlama3, false, false},
    {"gpt-2", PreTokenizer::kGpt2, false, false},
    {"phi-2", PreTokenizer::kGpt2, false, false},
    {"mpt", PreTokenizer::kGpt2, false, false},
    {"olmo", PreTokenizer::kGpt2, false, false},
    {"qwen2", PreTokenizer::kQwen2, false, false},
    {"deepseek-r1-qwen", PreTokenizer::kQwen2, false, false},
    {"stablelm2", PreTokenizer::kQwen2, false, false},
}};

}  // namespace

Status apply_pre_tokenizer_name(Vocab& vocab, std::string_view name) {
  if (name.empty()) name = "default";
  for (const PreName& p : kPreNames) {
    if (p.name != name) continue;
    vocab.pre = p.pre;
    vocab.ignore_merges = p.ignore_merges;
    if (p.add_bos) vocab.add_bos = true;
    return Status::ok();
  }
  return unsupported(
      "tokenizer.ggml.pre: expected one of llama-bpe, llama3, qwen2, gpt-2 (or an alias of them), found \"" +
      std::string(name) + "\"");
}

}  // namespace haven::engine
