#include "engine/tokenizer/vocab_loader.h"

#include <cctype>
#include <string>

#include "core/log.h"

namespace haven::engine {
namespace {

constexpr std::string_view kLogComponent = "tokenizer";

// An optional key: absent leaves value alone; any other failure is returned.
template <typename T, typename Getter>
Status read_optional(const GgufFile& file, std::string_view key, T& value, Getter getter) {
  if (!file.has(key)) return Status::ok();
  auto result = (file.*getter)(key);
  if (!result.is_ok()) return result.status();
  value = std::move(result).value();
  return Status::ok();
}

Status read_special_id(const GgufFile& file, std::string_view key, size_t n_tokens, TokenId& id) {
  // llama.cpp drops a default that does not fit the vocabulary, and ignores an out-of-range value.
  if (id != kNoToken && (id < 0 || static_cast<size_t>(id) >= n_tokens)) id = kNoToken;
  if (!file.has(key)) return Status::ok();
  auto value = file.get_u32(key);
  if (!value.is_ok()) return value.status();
  if (*value >= n_tokens) {
    log::warn(kLogComponent, std::string(key) + " = " + std::to_string(*value) + " is beyond the vocabulary of " +
                                 std::to_string(n_tokens) + " tokens; keeping the default");
    return Status::ok();
  }
  id = static_cast<TokenId>(*value);
  return Status::ok();
}

}  // namespace

Result<Vocab> load_vocab(const GgufFile& file) {
  HAVEN_ASSIGN_OR_RETURN(std::string model, file.get_string("tokenizer.ggml.model"));
  HAVEN_ASSIGN_OR_RETURN(Vocab vocab, vocab_defaults_for(model));

  if (vocab.model == VocabModel::kBpe) {
    std::string pre;
    HAVEN_RETURN_IF_ERROR(read_optional(file, "tokenizer.ggml.pre", pre, &GgufFile::get_string));
    if (pre.empty()) log::warn(kLogComponent, "tokenizer.ggml.pre is missing; using llama.cpp's default rules");
    HAVEN_RETURN_IF_ERROR(apply_pre_tokenizer_name(vocab, pre));
    HAVEN_ASSIGN_OR_RETURN(vocab.merges, file.get_string_array("tokenizer.ggml.merges"));
  }
  HAVEN_RETURN_IF_ERROR(
      read_optional(file, "tokenizer.ggml.add_space_prefix", vocab.add_space_prefix, &GgufFile::get_bool));

  HAVEN_ASSIGN_OR_RETURN(vocab.tokens, file.get_string_array("tokenizer.ggml.tokens"));
  const size_t n = vocab.tokens.size();

  if (file.has("tokenizer.ggml.scores")) {
    auto scores = file.get_f32_array("tokenizer.ggml.scores");
    if (!scores.is_ok() && scores.status().code() == StatusCode::kInvalidArgument) {
      // Some converters store integer scores; llama.cpp accepts them.
      auto integers = file.get_i32_array("tokenizer.ggml.scores");
      if (!integers.is_ok()) return scores.status();
      std::vector<float> converted(integers->begin(), integers->end());
      scores = std::move(converted);
    }
    if (!scores.is_ok()) return scores.status();
    if (scores->size() < n) {
      return invalid_argument("tokenizer.ggml.scores: expected at least " + std::to_string(n) +
                              " entries (one per token), found " + std::to_string(scores->size()));
    }
    scores->resize(n);
    vocab.scores = std::move(scores).value();
  }

  if (file.has("tokenizer.ggml.token_type")) {
    HAVEN_ASSIGN_OR_RETURN(std::vector<int32_t> types, file.get_i32_array("tokenizer.ggml.token_type"));
    if (types.size() < n) {
      return invalid_argument("tokenizer.ggml.token_type: expected at least " + std::to_string(n) +
                              " entries (one per token), found " + std::to_string(types.size()));
    }
    vocab.types.reserve(n);
    for (size_t i = 0; i < n; ++i) vocab.types.push_back(static_cast<TokenType>(types[i]));
  }

  HAVEN_RETURN_IF_ERROR(read_special_id(file, "tokenizer.ggml.bos_token_id", n, vocab.bos));
  HAVEN_RETURN_IF_ERROR(read_special_id(file, "tokenizer.ggml.eos_token_id", n, vocab.eos));
  HAVEN_RETURN_IF_ERROR(read_special_id(file, "tokenizer.ggml.eot_token_id", n, vocab.eot));
  HAVEN_RETURN_IF_ERROR(read_special_id(file, "tokenizer.ggml.eom_token_id", n, vocab.eom));
  HAVEN_RETURN_IF_ERROR(read_special_id(file, "tokenizer.ggml.unknown_token_id", n, vocab.unk));
  HAVEN_RETURN_IF_ERROR(read_special_id(file, "tokenizer.ggml.padding_token_id", n, vocab.pad));

  HAVEN_RETURN_IF_ERROR(read_optional(file, "tokenizer.ggml.add_bos_token", vocab.add_bos, &GgufFile::get_bool));
  HAVEN_RETURN_IF_ERROR(read_optional(file, "tokenizer.ggml.add_eos_token", vocab.add_eos, &GgufFile::get_bool));

  std::string name;
  HAVEN_RETURN_IF_ERROR(read_optional(file, "general.name", name, &GgufFile::get_string));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  vocab.model_name = std::move(name);
  return vocab;
}

}  // namespace haven::engine
