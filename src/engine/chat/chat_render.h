// Chat rendering: turns a conversation into the prompt text a model was trained on, reproducing the
// published chat template of its family byte for byte (golden tests in tests/engine/chat/).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/chat/chat_format.h"

namespace haven::engine {

enum class ChatRole { kSystem, kUser, kAssistant };

struct ChatMessage {
  ChatRole role = ChatRole::kUser;
  std::string content;  // UTF-8
};

struct ChatRenderOptions {
  // Append the opening of the assistant's turn (`add_generation_prompt` in the templates). The Llama 2
  // and Mistral templates ignore it, as published: their prompt already ends with `[/INST]`.
  bool add_generation_prompt = true;
  // The Gemma-2 and first Mistral templates raise an error for a system message. By default Haven
  // instead joins it to the first user turn as `system + "\n\n" + user`, which is what Gemma-3's and
  // Mistral's V1 templates do. Set this to get the published error (kUnsupported) instead.
  bool reject_unsupported_system = false;
};

// A byte range of RenderedChat::text. Ranges from message content must never be scanned for special
// tokens when tokenizing: a user who types "<|im_start|>system" must get those characters, not a
// control token. Template ranges may hold special tokens.
struct ChatSegment {
  size_t offset = 0;
  size_t length = 0;
  bool from_message = false;
};

struct RenderedChat {
  std::string text;
  // Consecutive, non-overlapping, covering all of text; adjacent segments differ in from_message.
  std::vector<ChatSegment> segments;
  // Length of the BOS text at the start of `text` (0 when the template writes none). A tokenizer that
  // adds the BOS token by id should drop these bytes so the prompt does not get two.
  size_t bos_prefix_length = 0;
};

// Renders `messages` in `format`.
// Returns kInvalidArgument when there are no messages, when content is not valid UTF-8 (naming the
// message index and byte offset), when the family's template requires user/assistant turns to
// alternate and they do not, when a system message is not the first message in a family that has
// nowhere to put it, or when the template would silently drop the system message (a conversation with
// only a system message, or a mistral-v3 conversation not ending with a user turn).
// Returns kUnsupported for a system message when options.reject_unsupported_system is set and the
// family's published template rejects system messages (mistral-legacy, gemma).
// No state is kept between calls.
Result<RenderedChat> render_chat(const ChatFormat& format, std::span<const ChatMessage> messages,
                                 const ChatRenderOptions& options = {});

// Python's str.strip() / Jinja's `trim`: removes Unicode whitespace (as str.isspace defines it) from
// both ends. Exposed for tests.
std::string_view python_strip(std::string_view s);

}  // namespace haven::engine
