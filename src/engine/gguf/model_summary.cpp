#include "engine/gguf/model_summary.h"

#include <algorithm>
#include <map>

#include "engine/gguf/llama_layout.h"

namespace haven::engine {

std::string llama_file_type_name(uint32_t t) {
  static const std::map<uint32_t, const char*> kNames = {
      {0, "F32"},     {1, "F16"},     {2, "Q4_0"},     {3, "Q4_1"},    {7, "Q8_0"},    {8, "Q5_0"},
      {9, "Q5_1"},    {10, "Q2_K"},   {11, "Q3_K_S"},  {12, "Q3_K_M"}, {13, "Q3_K_L"}, {14, "Q4_K_S"},
      {15, "Q4_K_M"}, {16, "Q5_K_S"}, {17, "Q5_K_M"},  {18, "Q6_K"},   {32, "BF16"}};
  auto it = kNames.find(t);
  return it == kNames.end() ? "type " + std::to_string(t) : it->second;
}

Result<ModelSummary> summarize_model(const GgufFile& f) {
  ModelSummary s;
  s.version = f.version();
  s.file_size = f.file_size();
  s.architecture = f.architecture();
  if (auto n = f.get_string("general.name"); n.is_ok()) s.name = *n;
  if (auto t = f.get_u32("general.file_type"); t.is_ok()) s.file_type = *t;
  std::map<std::string, TypeCount> types;
  for (const GgufTensorInfo& t : f.tensors()) {
    s.parameters += t.n_elements;
    s.tensor_bytes += t.n_bytes;
    TypeCount& c = types[ggml_type_name(t.type)];
    c.type = ggml_type_name(t.type);
    ++c.tensors;
    c.bytes += t.n_bytes;
  }
  s.tensor_count = f.tensors().size();
  for (auto& [name, c] : types) s.types.push_back(c);
  std::stable_sort(s.types.begin(), s.types.end(),
                   [](const TypeCount& a, const TypeCount& b) { return a.tensors > b.tensors; });
  const std::string p = s.architecture + ".";
  auto opt = [&](const std::string& key, std::optional<uint64_t>& out) {
    if (auto v = f.get_u64(p + key); v.is_ok()) out = *v;
  };
  opt("context_length", s.context_length);
  opt("embedding_length", s.embedding_length);
  opt("block_count", s.block_count);
  opt("attention.head_count", s.head_count);
  opt("attention.head_count_kv", s.head_count_kv);
  opt("feed_forward_length", s.feed_forward_length);
  if (const GgufMetadataEntry* tokens = f.find("tokenizer.ggml.tokens")) s.vocab_size = tokens->count;
  if (auto v = f.get_string("tokenizer.ggml.model"); v.is_ok()) s.tokenizer_model = *v;
  if (auto v = f.get_string("tokenizer.ggml.pre"); v.is_ok()) s.tokenizer_pre = *v;
  s.has_chat_template = f.has("tokenizer.chat_template");

  if (f.tensors().empty()) {
    s.not_runnable_reason = "it holds no weights (a vocabulary-only file)";
    return s;
  }
  if (s.architecture.empty()) return corruption("expected a string 'general.architecture', found none");
  HAVEN_ASSIGN_OR_RETURN(LlamaHparams hp, read_llama_hparams(f));
  HAVEN_RETURN_IF_ERROR(check_llama_tensors(f, hp));
  std::string odd;
  for (const GgufTensorInfo& t : f.tensors()) {
    if (!ggml_traits(t.type).computable && odd.find(ggml_type_name(t.type)) == std::string::npos) {
      odd += (odd.empty() ? "" : ", ") + ggml_type_name(t.type);
    }
  }
  if (!odd.empty()) {
    s.not_runnable_reason = "Haven's engine cannot compute with tensor type " + odd + " yet";
  } else {
    s.runnable = true;
  }
  return s;
}

}  // namespace haven::engine
