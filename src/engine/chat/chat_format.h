// Chat formats: the prompt layouts that instruction-tuned models were trained on.
//
// There is no Jinja engine in Debian bookworm (see ../shared/docs/dependencies.md §2.6), so instead of
// running a model's `tokenizer.chat_template`, Haven recognises which published template it is
// (chat_detect.h) and renders messages with a hand-written formatter that reproduces that template's
// output byte for byte (chat_render.h). Each family below names the published template it copies.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace haven::engine {

enum class ChatFamily {
  // `<|im_start|>role\n…<|im_end|>\n`. Qwen2, Qwen2.5 (with a default system prompt taken from the
  // template), Qwen3 without thinking history, and other ChatML models.
  kChatML,
  // Meta-Llama-3-*-Instruct: `<|start_header_id|>role<|end_header_id|>\n\n…<|eot_id|>`, content trimmed.
  kLlama3,
  // Llama-3.1/3.2/3.3-Instruct: as kLlama3, but always opens with a system block carrying
  // "Cutting Knowledge Date: December 2023" and "Today Date: …" before the system message.
  kLlama31,
  // Llama-2-*-chat: `<s>[INST] <<SYS>>\n…\n<</SYS>>\n\nuser [/INST] answer </s>`.
  kLlama2,
  // The first Mistral-7B-Instruct-v0.1/v0.2 templates: `<s>[INST] user [/INST]answer</s>`, no system
  // role (v0.1 wrote a space after each `</s>`).
  kMistralLegacy,
  // Mistral tokenizer V1 template (current Mistral-7B-Instruct-v0.1/v0.2, Mixtral-8x7B):
  // `<s> [INST] system\n\nuser [/INST] answer</s>`, the system message joined to the first user turn.
  kMistralV1,
  // Mistral tokenizer V3 template (Mistral-7B-Instruct-v0.3, Mixtral-8x22B):
  // `<s>[INST] user[/INST] answer</s>`, the system message joined to the last user turn.
  kMistralV3,
  // Gemma/Gemma-2/Gemma-3 -it: `<bos><start_of_turn>user\n…<end_of_turn>\n<start_of_turn>model\n`.
  kGemma,
  // Phi-3/Phi-3.5 -instruct: `<|system|>\n…<|end|>\n<|user|>\n…<|end|>\n<|assistant|>\n`.
  kPhi3,
  // Zephyr (TinyLlama-1.1B-Chat, zephyr-7b): `<|user|>\n…</s>\n<|assistant|>\n`, eos_token after every turn.
  kZephyr,
  // Haven's own fallback when nothing matches: "User: …\nAssistant: …". A model that was not trained on
  // it may answer poorly, so detection raises a warning whenever this is chosen.
  kPlain,
};

// Everything a formatter needs besides the messages. Detection fills it; a user override starts from
// the family's defaults (chat_format_for_family).
struct ChatFormat {
  ChatFamily family = ChatFamily::kPlain;
  // The text the template writes for `bos_token` / `eos_token`. Defaults are the family's usual tokens.
  std::string bos_token;
  std::string eos_token;
  // kChatML: a system message the template inserts when the conversation has none (Qwen2.5:
  // "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."). Empty: insert nothing.
  std::string default_system_prompt;
  // kLlama31: the "Today Date" the template writes. Taken from the template's own fallback literal
  // ("26 Jul 2024"); Haven never reads the clock here, so the prompt is reproducible. The Llama 3.2
  // template prefers strftime_now("%d %b %Y") when the renderer offers it (Hugging Face does); a caller
  // that wants that may set today's date here in the same "27 Nov 2026" form.
  std::string date_string;
  // kMistralLegacy: the v0.1 template wrote `eos_token + ' '` after each answer, v0.2 just `eos_token`.
  bool space_after_eos = false;
  // kPhi3: Phi-3.5 skips a system message whose content is empty; Phi-3 writes an empty block.
  bool skip_empty_system = false;
};

// The lowercase name used by `--chat-format` and in logs: "chatml", "qwen", "llama3", "llama3.1",
// "llama2", "mistral-legacy", "mistral-v1", "mistral-v3", "gemma", "phi3", "zephyr", "plain".
std::string_view chat_family_name(ChatFamily family);

// The names chat_format_from_name accepts, in a stable order (for help text and error messages).
std::vector<std::string_view> chat_format_names();

// The defaults for a family: its usual BOS/EOS text, no default system prompt, "26 Jul 2024" for
// kLlama31.
ChatFormat chat_format_for_family(ChatFamily family);

// A format chosen by name (the user's override). "qwen" is kChatML with the Qwen2.5 default system
// prompt. Matching is case-insensitive.
// Returns kInvalidArgument naming the accepted names when `name` is none of them.
Result<ChatFormat> chat_format_from_name(std::string_view name);

// Strings that end the assistant's turn when they appear in generated text, in the order they are
// checked. The engine also stops on end-of-generation token ids; these catch the same markers when they
// arrive as text (a model that spells them out, or a backend that returns decoded text).
std::vector<std::string> chat_stop_strings(const ChatFormat& format);

}  // namespace haven::engine
