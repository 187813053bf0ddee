#include "backend/local/local_backend.h"

#include <algorithm>
#include <random>
#include <thread>

#include "core/utf8.h"
#include "engine/chat/chat_detect.h"
#include "engine/chat/chat_format.h"
#include "engine/chat/chat_render.h"
#include "engine/chat/chat_tokenize.h"
#include "engine/generate/generate_loop.h"
#include "engine/generate/text_stream.h"
#include "engine/gguf/gguf_reader.h"
#include "engine/model/model.h"
#include "engine/model/session.h"
#include "engine/sampler/sampler.h"
#include "engine/tokenizer/tokenizer.h"
#include "engine/tokenizer/vocab_loader.h"

namespace haven::backend {
namespace {

class LocalBackend final : public Backend {
 public:
  LocalBackend(std::unique_ptr<engine::Model> model, std::unique_ptr<engine::Tokenizer> tokenizer,
               std::unique_ptr<engine::Session> session, engine::ChatFormatDetection format, std::string name,
               bool reuse_prefix, std::function<void(const LocalOptions::PromptStats&)> on_prompt)
      : model_(std::move(model)),
        tokenizer_(std::move(tokenizer)),
        session_(std::move(session)),
        format_(std::move(format)),
        name_(std::move(name)),
        reuse_prefix_(reuse_prefix),
        on_prompt_(std::move(on_prompt)) {}

  std::string describe() const override {
    std::string d = "the built-in engine with " + name_ + " (" +
                    std::string(engine::chat_family_name(format_.format.family)) + " chat format)";
    if (format_.warning) d += "; no chat format matched this model, so replies may be poor";
    return d;
  }

  Result<std::vector<ModelInfo>> list_models() override {
    return std::vector<ModelInfo>{{name_, std::string(engine::model_arch_name(model_->config().arch))}};
  }

  ChatResult chat(const ChatRequest& request, const TextCallback& on_text, const CancelToken* cancel) override {
    ChatResult result;
    result.model = name_;
    auto prompt = tokenize(request.messages);
    if (!prompt.is_ok()) return fail(result, prompt.status());
    std::vector<int32_t>& tokens = *prompt;
    if (tokens.size() >= session_->n_ctx()) {
      return fail(result, out_of_range("the conversation needs " + std::to_string(tokens.size()) +
                                       " tokens but the model's context holds " + std::to_string(session_->n_ctx())));
    }
    result.usage.prompt_tokens = static_cast<int64_t>(tokens.size());

    // Keep the cached prefix this prompt shares with the last one; at least one token is run again so
    // there are logits to sample from.
    size_t keep = 0;
    if (!reuse_prefix_) cached_.clear();
    while (keep < cached_.size() && keep < tokens.size() && cached_[keep] == tokens[keep]) ++keep;
    if (keep == tokens.size()) --keep;
    session_->truncate(static_cast<uint32_t>(keep));
    cached_.resize(keep);
    Status st = session_->decode(std::span<const int32_t>(tokens).subspan(keep));
    if (!st.is_ok()) {
      cached_.clear();
      session_->reset();
      return fail(result, st);
    }
    cached_ = tokens;
    if (on_prompt_) {
      on_prompt_(LocalOptions::PromptStats{static_cast<int64_t>(tokens.size()), static_cast<int64_t>(tokens.size() - keep)});
    }

    engine::SamplerParams sp;
    sp.temperature = static_cast<float>(request.params.temperature.value_or(0.7));
    sp.top_p = static_cast<float>(request.params.top_p.value_or(0.95));
    sp.seed = static_cast<uint64_t>(request.params.seed.value_or(static_cast<int64_t>(std::random_device{}())));
    auto sampler = engine::Sampler::create(sp);
    if (!sampler.is_ok()) return fail(result, sampler.status().with_context("sampling settings"));

    std::vector<std::string> stops = engine::chat_stop_strings(format_.format);
    for (const auto& s : request.params.stop) stops.push_back(s);
    bool stopped_by_caller = false;
    engine::TextStream stream(stops, [&](std::string_view text) {
      if (cancel != nullptr && cancel->is_cancelled()) {
        stopped_by_caller = true;
        return false;
      }
      result.text_bytes += text.size();
      if (!on_text(text)) {
        stopped_by_caller = true;
        return false;
      }
      return true;
    });
    engine::GenerationHooks hooks;
    hooks.decode = [&](int32_t token) -> Result<std::span<const float>> {
      if (cancel != nullptr && cancel->is_cancelled()) return cancelled("the reply was stopped");
      int32_t one[1] = {token};
      HAVEN_RETURN_IF_ERROR(session_->decode(std::span<const int32_t>(one, 1)));
      cached_.push_back(token);
      return std::span<const float>(session_->logits_row(0), model_->config().n_vocab);
    };
    hooks.token_piece = [&](int32_t token) {
      auto piece = tokenizer_->token_to_piece(token);
      return piece.is_ok() ? std::string(*piece) : std::string();
    };
    hooks.is_end_of_generation = [&](int32_t token) { return tokenizer_->is_eog(token); };
    engine::GenerationOptions go;
    int64_t room = static_cast<int64_t>(session_->n_ctx()) - static_cast<int64_t>(session_->n_past()) - 1;
    go.max_tokens = static_cast<int32_t>(std::max<int64_t>(0, std::min<int64_t>(request.params.max_tokens.value_or(512), room)));
    auto first = std::span<const float>(session_->logits_row(0), model_->config().n_vocab);
    auto generated = engine::generate(first, *sampler, stream, hooks, go);
    if (!generated.is_ok()) {
      if (stopped_by_caller || (cancel != nullptr && cancel->is_cancelled())) {
        result.finish_reason = FinishReason::kCancelled;
        result.status = cancelled("the reply was stopped");
        return result;
      }
      cached_.clear();
      session_->reset();
      return fail(result, generated.status());
    }
    result.usage.completion_tokens = static_cast<int64_t>(generated->tokens.size());
    switch (generated->reason) {
      case engine::StopReason::kEndOfGeneration:
      case engine::StopReason::kStopString:
        result.finish_reason = FinishReason::kStop;
        break;
      case engine::StopReason::kMaxTokens:
        result.finish_reason = FinishReason::kLength;
        break;
      case engine::StopReason::kCancelled:
        result.finish_reason = FinishReason::kCancelled;
        result.status = cancelled("the reply was stopped");
        break;
    }
    return result;
  }

 private:
  static ChatResult fail(ChatResult& r, const Status& s) {
    r.finish_reason = FinishReason::kError;
    r.status = s;
    return r;
  }

  Result<std::vector<int32_t>> tokenize(const std::vector<Message>& messages) {
    std::vector<engine::ChatMessage> chat;
    for (const auto& m : messages) {
      engine::ChatRole role = m.role == Role::kSystem      ? engine::ChatRole::kSystem
                              : m.role == Role::kAssistant ? engine::ChatRole::kAssistant
                                                           : engine::ChatRole::kUser;
      chat.push_back({role, m.content});
    }
    HAVEN_ASSIGN_OR_RETURN(auto rendered, engine::render_chat(format_.format, chat));
    // Special tokens only where the template wrote them: message text stays plain text.
    return engine::tokenize_chat(*tokenizer_, rendered);
  }

  std::unique_ptr<engine::Model> model_;
  std::unique_ptr<engine::Tokenizer> tokenizer_;
  std::unique_ptr<engine::Session> session_;
  engine::ChatFormatDetection format_;
  std::string name_;
  bool reuse_prefix_;
  std::function<void(const LocalOptions::PromptStats&)> on_prompt_;
  std::vector<int32_t> cached_;  // the tokens whose keys and values are in the session's cache
};

}  // namespace

Result<std::unique_ptr<Backend>> make_local_backend(const LocalOptions& options) {
  HAVEN_ASSIGN_OR_RETURN(auto model, engine::Model::load(options.model_path));
  HAVEN_ASSIGN_OR_RETURN(auto vocab, engine::load_vocab(model->file()));
  std::vector<std::string> vocabulary = vocab.tokens;
  std::string bos_text = vocab.bos != engine::kNoToken && vocab.bos < static_cast<int32_t>(vocab.tokens.size())
                             ? vocab.tokens[vocab.bos] : "";
  std::string eos_text = vocab.eos != engine::kNoToken && vocab.eos < static_cast<int32_t>(vocab.tokens.size())
                             ? vocab.tokens[vocab.eos] : "";
  HAVEN_ASSIGN_OR_RETURN(auto tokenizer, engine::Tokenizer::create(std::move(vocab)));
  std::string chat_template;
  if (model->file().has("tokenizer.chat_template")) {
    HAVEN_ASSIGN_OR_RETURN(chat_template, model->file().get_string("tokenizer.chat_template"));
  }
  engine::ChatFormatInputs inputs;
  inputs.override_name = options.chat_format;
  inputs.chat_template = chat_template;
  inputs.vocabulary = vocabulary;
  inputs.bos_token = bos_text;
  inputs.eos_token = eos_text;
  HAVEN_ASSIGN_OR_RETURN(auto format, engine::choose_chat_format(inputs));
  engine::SessionOptions so;
  so.n_ctx = options.context_tokens;
  if (so.n_ctx == 0 || so.n_ctx > model->config().n_ctx_train) so.n_ctx = model->config().n_ctx_train;
  int hw = static_cast<int>(std::thread::hardware_concurrency());
  so.threads = options.threads > 0 ? options.threads : std::clamp(hw, 1, 8);
  so.kv_type = options.kv_f16 ? engine::KvType::kF16 : engine::KvType::kF32;
  HAVEN_ASSIGN_OR_RETURN(auto session, engine::Session::create(*model, so));
  std::string name = options.model_path.substr(options.model_path.find_last_of('/') + 1);
  return std::unique_ptr<Backend>(new LocalBackend(std::move(model), std::move(tokenizer), std::move(session),
                                                   std::move(format), std::move(name), options.reuse_prefix,
                                                   options.on_prompt));
}

}  // namespace haven::backend
