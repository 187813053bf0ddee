// Chat format detection: which published template a model's `tokenizer.chat_template` is, or, when a
// model has no template, which family its special tokens point to.
//
// Like llama.cpp's llm_chat_detect_template() this looks for the markers each family's template writes
// (`<|im_start|>`, `<|start_header_id|>`, `[INST]`, `<start_of_turn>`, `<|assistant|>`…); it is not a
// Jinja parser. The template string comes from a model file, so it is treated as untrusted bytes: any
// content, any length, never copied into logs.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "engine/chat/chat_format.h"

namespace haven::engine {

enum class ChatFormatSource {
  kOverride,    // the user named the format
  kTemplate,    // recognised from tokenizer.chat_template
  kVocabulary,  // no usable template; chosen from the special tokens the vocabulary has
  kFallback,    // nothing matched: the plain format, with a warning
};

struct ChatFormatDetection {
  ChatFormat format;
  ChatFormatSource source = ChatFormatSource::kFallback;
  // True when the plain fallback was chosen because nothing matched (or a template was present but
  // not recognised): replies may be poor, and the user should be told and offered --chat-format.
  bool warning = false;
  // One line for the user or a log saying why this format was chosen. It quotes no template text.
  std::string note;
};

// What detection looks at. Every field may be empty.
struct ChatFormatInputs {
  // The user's choice (a name accepted by chat_format_from_name); when set, nothing is detected.
  std::string_view override_name;
  // The model's `tokenizer.chat_template`.
  std::string_view chat_template;
  // Token strings of the vocabulary (all of them, or just the special ones); only membership of a few
  // marker tokens is checked.
  std::span<const std::string> vocabulary;
  // The text of the model's BOS/EOS tokens when known (from the GGUF metadata); they replace the
  // family's defaults in the rendered prompt, as `bos_token`/`eos_token` would in the template.
  std::string_view bos_token;
  std::string_view eos_token;
};

// Detects from the template first, then from the vocabulary, else falls back to kPlain with a warning.
// Never fails: any bytes are acceptable input.
ChatFormatDetection detect_chat_format(std::string_view chat_template,
                                       std::span<const std::string> vocabulary);

// The format to use: the override when one is given, otherwise detect_chat_format(); then applies
// bos_token/eos_token.
// Returns kInvalidArgument when override_name is not a known format (naming the accepted ones) or when
// bos_token/eos_token are not valid UTF-8.
Result<ChatFormatDetection> choose_chat_format(const ChatFormatInputs& inputs);

}  // namespace haven::engine
